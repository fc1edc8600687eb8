/**
 * Client graph logic: loading the API payload, undoable expand/collapse, shortest paths, timeline buckets.
 */
import Graph from "graphology";
import type { SerializedGraph } from "graphology-types";
import { describe, expect, it } from "vitest";
import type { EdgeAttributes, NodeAttributes } from "../../../client/src/graph/attributes.js";
import { loadGraph, styleEdges, styleNodes } from "../../../client/src/graph/build.js";
import { EditHistory, collapseDelta } from "../../../client/src/graph/edit-history.js";
import { assignMetrics, topNodes } from "../../../client/src/graph/metrics.js";
import { pathElements } from "../../../client/src/graph/paths.js";
import { fillMonths } from "../../../client/src/graph/timeline.js";
import { fold, searchGraph } from "../../../client/src/features/search/search.js";

// A miniature of the seed's "met with" projection (ids as in data/seed.json).
const SAMPLE: SerializedGraph = {
  attributes: {},
  options: { type: "mixed", multi: true },
  nodes: [
    { key: "hassan-rouhani", attributes: { label: "Hassan Rouhani", category: "person", kind: "person" } },
    { key: "nechirvan-barzani", attributes: { label: "Nechirvan Barzani", category: "person", kind: "person" } },
    {
      key: "gov-iran",
      attributes: { label: "Government of Iran", category: "government", kind: "national_government" },
    },
    { key: "khalaf-khalafov", attributes: { label: "Khalaf Khalafov", category: "person", kind: "person" } },
  ],
  edges: [
    {
      key: "met:hassan-rouhani|nechirvan-barzani",
      source: "hassan-rouhani",
      target: "nechirvan-barzani",
      attributes: { kind: "met", weight: 1 },
    },
    {
      key: "holds_role:hassan-rouhani->gov-iran",
      source: "hassan-rouhani",
      target: "gov-iran",
      attributes: { kind: "holds_role", weight: 1 },
    },
    {
      key: "met:gov-iran|hassan-rouhani",
      source: "gov-iran",
      target: "hassan-rouhani",
      attributes: { kind: "met", weight: 2 },
    },
    {
      key: "met:gov-iran|khalaf-khalafov",
      source: "gov-iran",
      target: "khalaf-khalafov",
      attributes: { kind: "met", weight: 3 },
    },
    { key: "dangling", source: "gov-iran", target: "missing", attributes: { kind: "met", weight: 1 } },
  ],
};

function sample(): Graph {
  const graph = new Graph<NodeAttributes, EdgeAttributes>({ multi: true, type: "mixed" });
  loadGraph(graph, SAMPLE);
  return graph;
}

describe("client #build", () => {
  it("should import nodes with positions and skip edges whose ends are missing", () => {
    const graph = sample();
    expect(graph.order).toBe(4);
    expect(graph.size).toBe(4);
    graph.forEachNode((_n, a) => expect(typeof a.x).toBe("number"));
  });

  it("should keep previous positions across reloads", () => {
    const graph = sample();
    graph.setNodeAttribute("gov-iran", "x", 42);
    const positions = new Map([["gov-iran", { x: 42, y: 7 }]]);
    loadGraph(graph, SAMPLE, positions);
    expect(graph.getNodeAttribute("gov-iran", "x")).toBe(42);
  });

  it("should curve parallel edges and keep data attributes apart from render ones", () => {
    const graph = sample();
    expect(graph.getEdgeAttribute("holds_role:hassan-rouhani->gov-iran", "type")).toBe("curved");
    expect(graph.getEdgeAttribute("met:gov-iran|khalaf-khalafov", "type")).toBe("line");
    assignMetrics(graph);
    styleNodes(graph, "degree", "category");
    expect(graph.getNodeAttribute("gov-iran", "category")).toBe("government");
    expect(graph.getNodeAttribute("gov-iran", "type")).toBe("institution");
    expect(graph.getNodeAttribute("gov-iran", "size")).toBeGreaterThan(
      graph.getNodeAttribute("khalaf-khalafov", "size"),
    );
    expect(topNodes(graph, "metricDegree", 1)[0]!.id).toBe("gov-iran");
  });

  it("should draw a few edges opaque, and thousands thin and translucent so they do not merge into a grey mass", () => {
    const small = sample();
    expect(small.getEdgeAttribute("met:gov-iran|khalaf-khalafov", "color")).toMatch(/^#/);

    const dense = new Graph<NodeAttributes, EdgeAttributes>({ type: "mixed", multi: true });
    for (let i = 0; i < 400; i++) dense.addNode(`n${i}`, { x: i % 20, y: Math.floor(i / 20) });
    for (let i = 0; i < 20_000; i++) dense.addEdge(`n${i % 400}`, `n${(i * 7 + 1) % 400}`, { kind: "met", weight: 1 });
    styleEdges(dense);
    const edge = dense.edges()[0]!;
    const alpha = Number(/rgba\(.*, ([\d.]+)\)$/.exec(dense.getEdgeAttribute(edge, "color") ?? "")?.[1]);
    expect(alpha).toBeGreaterThan(0.1);
    expect(alpha).toBeLessThan(0.5);
    expect(dense.getEdgeAttribute(edge, "size")).toBeLessThan(
      small.getEdgeAttribute("met:hassan-rouhani|nechirvan-barzani", "size"),
    );
  });
});

describe("client #history", () => {
  it("should expand, collapse, undo and redo back to the same graph", () => {
    const graph = sample();
    const history = new EditHistory(graph);
    const before = graph.order;
    history.push({
      label: "Expand Khalafov",
      owner: "khalaf-khalafov",
      addNodes: [{ key: "azerbaijan", attributes: { label: "Azerbaijan", category: "country", x: 1, y: 1 } }],
      addEdges: [
        {
          key: "part_of:x",
          source: "khalaf-khalafov",
          target: "azerbaijan",
          attributes: { kind: "part_of", weight: 1 },
        },
      ],
      removeNodes: [],
      removeEdges: [],
    });
    expect(graph.order).toBe(before + 1);
    const collapse = collapseDelta(graph, history, "khalaf-khalafov", "Collapse")!;
    history.push(collapse);
    expect(graph.order).toBe(before);
    expect(history.expansions.has("khalaf-khalafov")).toBe(false);
    history.undo();
    expect(graph.order).toBe(before + 1);
    expect(graph.hasEdge("part_of:x")).toBe(true);
    history.undo();
    expect(graph.order).toBe(before);
    history.redo();
    expect(graph.getNodeAttribute("azerbaijan", "x")).toBe(1);
    expect(history.canRedo).toBe(true);
  });
});

describe("client #paths", () => {
  it("should highlight a path's nodes and the edges between consecutive ones, read both ways", () => {
    const graph = sample();
    const { nodes, edges } = pathElements(graph, [["hassan-rouhani", "gov-iran"]]);
    expect(nodes.size).toBe(2);
    expect(edges.size).toBe(2);
  });
});

describe("client #timeline and search", () => {
  it("should fill every month of the timeline's years, January to December", () => {
    const months = fillMonths({
      buckets: [
        { month: "2018-01", count: 2 },
        { month: "2018-04", count: 1 },
      ],
    });
    expect(months).toHaveLength(12);
    expect(months[0]!.month).toBe("2018-01");
    expect(months.at(-1)!.month).toBe("2018-12");
    expect(months.map((m) => m.count)).toEqual([2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("should search labels without diacritics, prefix matches first", () => {
    expect(fold("Rōhānī")).toBe("rohani");
    const graph = sample();
    expect(searchGraph(graph, "rouh").map((h) => h.id)).toEqual(["hassan-rouhani"]);
    expect(searchGraph(graph, "gov")[0]!.id).toBe("gov-iran");
  });
});
