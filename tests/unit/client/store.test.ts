/**
 * Client store: notifications, actions, and the graph query they produce.
 */
import { describe, expect, it } from "vitest";
import { Store, diffQuery, emptyFilters, graphQuery, sameFilters } from "../../../client/src/graph/store.js";
import { parseUrlState, serializeUrlState } from "../../../client/src/graph/url-state.js";

describe("client #store", () => {
  it("should notify listeners only when something changed", () => {
    const store = new Store();
    const seen: (string | null)[] = [];
    store.subscribe((s) => seen.push(s.selectedNode));
    store.selectNode("a");
    store.selectNode("a");
    store.hover(null);
    store.selectNode(null);
    expect(seen).toEqual(["a", null]);
  });

  it("should clear the edge selection when a node is selected, and the path when filters change", () => {
    const store = new Store();
    store.selectEdge("e1");
    store.set({ path: { from: "a", to: "b", nodes: new Set(), edges: new Set() } });
    store.selectNode("n1");
    expect(store.state.selectedEdge).toBeNull();
    store.setFilters({ ...emptyFilters(), kinds: ["person"] });
    expect(store.state.path).toBeNull();
  });

  it("should build the /api/graph query from view, filters and window", () => {
    expect(graphQuery("met", emptyFilters(), { from: null, to: null })).toBe("view=met");
    expect(
      graphQuery(
        "events",
        { ...emptyFilters(), topics: ["topic-trade"], roles: ["host", "guest"] },
        { from: "2018", to: "2019-06" },
      ),
    ).toBe("view=events&topics=topic-trade&roles=host%2Cguest&from=2018&to=2019-06");
    expect(sameFilters(emptyFilters(), emptyFilters())).toBe(true);
  });

  it("should ask for the network as known on a day only when one is set", () => {
    const window = { from: null, to: null };
    expect(graphQuery("met", emptyFilters(), window, "2026-03-01")).toBe("view=met&asOf=2026-03-01");
    expect(graphQuery("met", emptyFilters(), window, null)).toBe("view=met");
    const compare = { a: { from: "2017", to: "2018" }, b: { from: "2022", to: "2023" } };
    expect(diffQuery(emptyFilters(), compare, "2026-03-01")).toBe("a=2017..2018&b=2022..2023&asOf=2026-03-01");
    const store = new Store();
    store.setAsOf("2026-03-01");
    const round = parseUrlState(`?${serializeUrlState(store.state)}`);
    expect(round.asOf).toBe("2026-03-01");
    expect(parseUrlState("?asOf=March").asOf).toBeNull();
  });
});
