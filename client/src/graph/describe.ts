/**
 * Graph in words
 * ==============
 *
 * What a screen reader says about the graph on screen: a node as "Name, person, 7 meetings", a step of the keyboard
 * walk as "neighbour 2 of 7: Name", and the stable orders the walk follows (neighbours by name, nodes most
 * connected first). Pure functions of the graph, shared by the keyboard controller and the table view.
 */
import type { ExplorerGraph } from "./attributes";
import { TYPE_NAMES } from "./style";

/** `count` and the noun, singular or plural: 1 meeting, 7 meetings. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** A node's name as drawn, or its id when it has no label (graphs from a query or a file may lack one). */
export function nodeName(graph: ExplorerGraph, node: string): string {
  const label = graph.getNodeAttribute(node, "label");
  return label ? String(label) : node;
}

/** A node type in words, lower case: "person", "country / region"; unknown types as they are. */
export function typeName(category: unknown): string {
  const key = String(category ?? "");
  return (TYPE_NAMES[key] ?? (key || "node")).toLowerCase();
}

/**
 * The meetings a node took part in among what is drawn: the distinct events behind its "met" links (who-met-whom
 * view) or its event neighbours (events view). Null when the graph says nothing about meetings (a file, a query).
 */
export function meetingCount(graph: ExplorerGraph, node: string): number | null {
  const events = new Set<string>();
  let known = false;
  graph.forEachEdge(node, (_edge, attributes, source, target) => {
    const list = (attributes as { events?: unknown }).events;
    if (attributes.kind === "met" && Array.isArray(list)) {
      known = true;
      for (const id of list) events.add(String(id));
    }
    const other = source === node ? target : source;
    if (graph.getNodeAttribute(other, "category") === "event") {
      known = true;
      events.add(other);
    }
  });
  return known ? events.size : null;
}

/** "Name, person, 7 meetings"; "Name, government, 3 links" when the graph holds no meetings of the node. */
export function describeNode(graph: ExplorerGraph, node: string): string {
  const meetings = meetingCount(graph, node);
  const count = meetings !== null ? plural(meetings, "meeting") : plural(graph.neighbors(node).length, "link");
  return `${nodeName(graph, node)}, ${typeName(graph.getNodeAttribute(node, "category"))}, ${count}`;
}

const byName = (graph: ExplorerGraph) => (a: string, b: string) =>
  nodeName(graph, a).localeCompare(nodeName(graph, b)) || (a < b ? -1 : a > b ? 1 : 0);

/** A node's neighbours in the order the keyboard walks them: by name, then by id (stable across redraws). */
export function walkOrder(graph: ExplorerGraph, node: string): string[] {
  return graph.neighbors(node).sort(byName(graph));
}

/** Every node, most connected first (then by name): where the walk starts when nothing is selected. */
export function overviewOrder(graph: ExplorerGraph): string[] {
  const name = byName(graph);
  return graph
    .nodes()
    .map((n) => ({ n, degree: graph.degree(n) }))
    .sort((a, b) => b.degree - a.degree || name(a.n, b.n))
    .map((x) => x.n);
}

/** One step of the walk: "neighbour 2 of 7: Name". */
export function describeStep(graph: ExplorerGraph, node: string, index: number, total: number): string {
  return `neighbour ${index + 1} of ${total}: ${nodeName(graph, node)}`;
}
