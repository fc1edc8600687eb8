/**
 * The graph in words (client/src/graph/describe.ts): what the screen reader hears about a node and about each step
 * of the keyboard walk, and the orders the walk follows.
 */
import Graph from "graphology";
import { beforeEach, describe, expect, it } from "vitest";
import type { EdgeAttributes, ExplorerGraph, NodeAttributes } from "../../../client/src/graph/attributes.js";
import {
  describeNode,
  describeStep,
  meetingCount,
  overviewOrder,
  walkOrder,
} from "../../../client/src/graph/describe.js";

interface Context {
  graph: ExplorerGraph;
}

/** Made-up actors: Amira met Bruno twice and Chen once, one of those meetings the same as one with Bruno. */
function metGraph(): ExplorerGraph {
  const graph = new Graph<NodeAttributes, EdgeAttributes>({ multi: true, type: "mixed" });
  graph.addNode("amira", { label: "Amira Zand", category: "person", kind: "person" });
  graph.addNode("bruno", { label: "Bruno Alves", category: "person", kind: "person" });
  graph.addNode("chen", { label: "Chen Wei", category: "person", kind: "person" });
  graph.addNode("gov", { label: "Government of Arcadia", category: "government", kind: "national_government" });
  graph.addNode("dana", { label: "Dana Ruiz", category: "person", kind: "person" });
  graph.addEdgeWithKey("met:amira|bruno", "amira", "bruno", { kind: "met", weight: 2, events: ["e1", "e2"] });
  graph.addEdgeWithKey("met:amira|chen", "amira", "chen", { kind: "met", weight: 1, events: ["e2"] });
  graph.addEdgeWithKey("role:amira->gov", "amira", "gov", { kind: "holds_role", weight: 1 });
  graph.addEdgeWithKey("role:dana->gov", "dana", "gov", { kind: "holds_role", weight: 1 });
  return graph;
}

describe("describe #describeNode", () => {
  beforeEach<Context>((context) => {
    context.graph = metGraph();
  });

  it<Context>("should count distinct meetings behind a node's met links, not links", ({ graph }) => {
    expect(meetingCount(graph, "amira")).toBe(2);
    expect(describeNode(graph, "amira")).toBe("Amira Zand, person, 2 meetings");
    expect(describeNode(graph, "chen")).toBe("Chen Wei, person, 1 meeting");
  });

  it<Context>("should count links when the graph holds no meetings of the node", ({ graph }) => {
    expect(meetingCount(graph, "gov")).toBeNull();
    expect(describeNode(graph, "gov")).toBe("Government of Arcadia, government, 2 links");
  });

  it<Context>("should count event neighbours in the events view", ({ graph }) => {
    graph.addNode("summit", { label: "Arcadia summit", category: "event", kind: "meeting" });
    graph.addEdge("dana", "summit", { kind: "participated_in", weight: 1 });
    expect(describeNode(graph, "dana")).toBe("Dana Ruiz, person, 1 meeting");
  });
});

describe("describe #walk", () => {
  beforeEach<Context>((context) => {
    context.graph = metGraph();
  });

  it<Context>("should walk neighbours by name whatever order they were added in", ({ graph }) => {
    expect(walkOrder(graph, "amira")).toEqual(["bruno", "chen", "gov"]);
    graph.dropNode("bruno");
    graph.addNode("bruno", { label: "Bruno Alves", category: "person", kind: "person" });
    graph.addEdge("amira", "bruno", { kind: "met", weight: 1, events: ["e1"] });
    expect(walkOrder(graph, "amira")).toEqual(["bruno", "chen", "gov"]);
  });

  it<Context>("should start an unanchored walk at the most connected node", ({ graph }) => {
    expect(overviewOrder(graph)).toEqual(["amira", "gov", "bruno", "chen", "dana"]);
  });

  it<Context>("should say a step as its place among the neighbours", ({ graph }) => {
    expect(describeStep(graph, "chen", 1, 3)).toBe("neighbour 2 of 3: Chen Wei");
  });
});
