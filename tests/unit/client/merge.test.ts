/**
 * Client: mergeSubgraph, the one way expand, community opening and paths add the server's answer to the view.
 */
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import type { EdgeAttributes, NodeAttributes } from "../../../client/src/graph/attributes.js";
import type { SerializedGraph } from "../../../contracts/graph.js";
import { EditHistory, applyDelta, invertDelta } from "../../../client/src/graph/edit-history.js";
import { isEmptyDelta, mergeSubgraph } from "../../../client/src/graph/merge.js";

const node = (key: string, category = "person", extra: Record<string, unknown> = {}) => ({
  key,
  attributes: { label: key.toUpperCase(), category, kind: category, ...extra },
});
const edge = (source: string, target: string, kind = "met") => ({
  key: `${source}->${target}`,
  source,
  target,
  attributes: { kind, weight: 1 },
});

/** A view with two actors, a and b, who met, and a community meta-node m linked to a. */
function view(): Graph {
  const graph = new Graph<NodeAttributes, EdgeAttributes>({ multi: true, type: "mixed" });
  graph.addNode("a", { label: "A", category: "person", x: 10, y: 20 });
  graph.addNode("b", { label: "B", category: "person", x: -10, y: 0 });
  graph.addNode("m", { label: "M", category: "community", community: "7", expandable: true, x: 50, y: 50 });
  graph.addDirectedEdgeWithKey("a->b", "a", "b", { kind: "met" });
  graph.addDirectedEdgeWithKey("m->a", "m", "a", { kind: "met" });
  return graph;
}

describe("client #mergeSubgraph", () => {
  it("should add only what the view lacks, on a ring around the expanded node, as one undoable edit", () => {
    const graph = view();
    const answer: SerializedGraph = {
      nodes: [node("a"), node("c"), node("d")],
      edges: [edge("a", "b"), edge("a", "c"), edge("a", "d"), edge("c", "x")],
    };
    const delta = mergeSubgraph(graph, answer, { label: "Expand A", owner: "a", around: { x: 10, y: 20 } });
    expect(delta.addNodes.map((n) => n.key)).toEqual(["c", "d"]);
    // The edge to x, which is neither on screen nor in the answer, stays out; a→b is already drawn.
    expect(delta.addEdges.map((e) => e.key)).toEqual(["a->c", "a->d"]);
    for (const n of delta.addNodes) {
      const { x, y } = n.attributes as { x: number; y: number };
      expect(Math.hypot(x - 10, y - 20)).toBeCloseTo(18 + 2 * Math.sqrt(2));
    }
    const history = new EditHistory(graph);
    history.push(delta);
    expect(graph.order).toBe(5);
    history.undo();
    expect(graph.order).toBe(3);
  });

  it("should say when an answer brings nothing new", () => {
    const graph = view();
    const delta = mergeSubgraph(
      graph,
      { nodes: [node("a"), node("b")], edges: [edge("a", "b")] },
      {
        label: "Expand A",
        owner: "a",
      },
    );
    expect(isEmptyDelta(delta)).toBe(true);
  });

  it("should replace a community meta-node with its members and the renewed meta-node in the same place", () => {
    const graph = view();
    const answer: SerializedGraph = {
      nodes: [node("m", "community", { label: "M (3 left)" }), node("p"), node("q"), node("other", "community")],
      edges: [edge("m", "p"), edge("p", "a"), edge("q", "other")],
    };
    const delta = mergeSubgraph(graph, answer, {
      label: "Open M",
      owner: "m",
      around: { x: 50, y: 50 },
      accept: (n) => n.attributes.category !== "community",
      replace: "m",
    });
    // Members first, then the renewed meta-node with its old attributes updated and its old position.
    expect(delta.addNodes.map((n) => n.key)).toEqual(["p", "q", "m"]);
    expect(delta.addNodes[2]!.attributes).toMatchObject({ label: "M (3 left)", community: "7", x: 50, y: 50 });
    expect(delta.removeNodes.map((n) => n.key)).toEqual(["m"]);
    expect(delta.removeEdges.map((e) => e.key)).toEqual(["m->a"]);
    // m→p comes back (m is replaced); q→other stays out, since the other meta-node is not taken.
    expect(delta.addEdges.map((e) => e.key)).toEqual(["m->p", "p->a"]);
    applyDelta(graph, delta);
    expect(graph.hasEdge("m->a")).toBe(false);
    expect(graph.getNodeAttribute("m", "label")).toBe("M (3 left)");
    applyDelta(graph, invertDelta(delta));
    expect(graph.getNodeAttribute("m", "label")).toBe("M");
    expect(graph.hasEdge("m->a")).toBe(true);
  });

  it("should place path nodes next to a neighbour already on screen when no centre is given", () => {
    const graph = view();
    const answer: SerializedGraph = {
      nodes: [node("a"), node("e", "event")],
      edges: [edge("a", "e", "participated_in")],
    };
    const delta = mergeSubgraph(graph, answer, { label: "Path", owner: "a" });
    const { x, y } = delta.addNodes[0]!.attributes as { x: number; y: number };
    expect(Math.hypot(x - 10, y - 20)).toBeCloseTo(12);
  });
});
