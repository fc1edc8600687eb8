/**
 * DTO → graphology
 * ================
 *
 * Imports the API's serialised graph into the one graphology instance the app keeps, adding render attributes
 * (size, colour, initial position) beside the data attributes, never in place of them.
 */
import type Graph from "graphology";
import type { SerializedGraph } from "graphology-types";
import { colorOf } from "./style";

/** Clears `graph` and fills it from `data`; nodes without stored positions start on a circle. */
export function loadGraph(graph: Graph, data: SerializedGraph): void {
  graph.clear();
  graph.import(data);
  const n = graph.order || 1;
  let i = 0;
  graph.forEachNode((node, attrs) => {
    const angle = (2 * Math.PI * i++) / n;
    const degree = graph.degree(node);
    graph.mergeNodeAttributes(node, {
      x: typeof attrs.x === "number" ? attrs.x : 100 * Math.cos(angle),
      y: typeof attrs.y === "number" ? attrs.y : 100 * Math.sin(angle),
      size: 4 + 2.2 * Math.sqrt(degree),
      color: colorOf(String(attrs.category)),
    });
  });
  graph.forEachEdge((edge, attrs) => {
    const weight = typeof attrs.weight === "number" ? attrs.weight : 1;
    graph.mergeEdgeAttributes(edge, { size: attrs.kind === "met" ? 1 + 1.5 * Math.sqrt(weight) : 0.8, color: attrs.kind === "met" ? "#8a94a6" : "#c9ced6" });
  });
}
