/**
 * Client reducers: a selection's neighbourhood is drawn above everything it dims.
 */
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import type { ExplorerGraph } from "../../../client/src/graph/attributes.js";
import { Store } from "../../../client/src/graph/store.js";
import { CHANGE_STYLES } from "../../../client/src/graph/style.js";
import { DIMMED_SCALE, createReducers } from "../../../client/src/sigma/reducers.js";
import type { CanvasTheme } from "../../../client/src/sigma/theme.js";

const theme: CanvasTheme = {
  background: "#ffffff",
  foreground: "#000000",
  muted: "#777777",
  panel: "#ffffff",
  accent: "#ff0000",
  faded: "#dddddd",
  fadedEdge: "#eeeeee",
};

/** A government linked to a person, and a second government the selection does not reach. */
function sample(): ExplorerGraph {
  const graph = new Graph({ multi: true, type: "mixed" }) as unknown as ExplorerGraph;
  graph.addNode("gov", { x: 0, y: 0, size: 8, color: "#0000ff", type: "institution", label: "Gov" });
  graph.addNode("person", { x: 1, y: 0, size: 6, color: "#00ff00", type: "disc", label: "Person" });
  graph.addNode("other", { x: 1, y: 0, size: 10, color: "#0000ff", type: "institution", label: "Other" });
  graph.addEdge("gov", "person", { size: 1 });
  return graph;
}

describe("client #reducers", () => {
  it("should draw a selection's neighbours above the dimmed nodes, which shrink into plain faded discs", () => {
    const graph = sample();
    const store = new Store();
    const reducers = createReducers(graph, store, () => theme);
    // Only what the reducers call on sigma: a redraw when the selection changes.
    reducers.attach({ refresh: () => undefined } as never);
    store.selectNode("gov");
    const look = (n: string) => reducers.nodeReducer!(n, { ...graph.getNodeAttributes(n) } as never);
    const selected = look("gov");
    const neighbour = look("person");
    const dimmed = look("other");
    expect(neighbour.zIndex).toBeGreaterThan(dimmed.zIndex ?? 0);
    expect(selected.zIndex).toBeGreaterThan(neighbour.zIndex ?? 0);
    expect(neighbour.color).toBe("#00ff00");
    expect(dimmed).toMatchObject({ color: theme.faded, label: "", type: "disc", size: 10 * DIMMED_SCALE });
  });

  it("should leave every node as it is when nothing is selected", () => {
    const graph = sample();
    const reducers = createReducers(graph, new Store(), () => theme);
    const other = reducers.nodeReducer!("other", { ...graph.getNodeAttributes("other") } as never);
    expect(other).toMatchObject({ color: "#0000ff", size: 10, type: "institution", label: "Other" });
  });

  it("should draw the ties of two compared periods in three styles: new, ended and kept", () => {
    const graph = sample();
    graph.addEdge("gov", "other", { size: 2, change: "added" });
    graph.addEdge("person", "other", { size: 2, change: "removed" });
    graph.addEdge("person", "gov", { size: 2, change: "kept" });
    const reducers = createReducers(graph, new Store(), () => theme);
    const looks = graph.mapEdges((edge, a) => ({
      change: a.change,
      ...reducers.edgeReducer!(edge, { ...a } as never),
    }));
    const of = (change: string) => looks.find((l) => l.change === change)!;
    expect(new Set(["added", "removed", "kept"].map((c) => of(c).color)).size).toBe(3);
    expect(of("added")).toMatchObject({ color: CHANGE_STYLES.added.color, size: 2 * CHANGE_STYLES.added.sizeScale });
    expect(of("removed").size).toBeLessThan(of("kept").size!);
  });
});
