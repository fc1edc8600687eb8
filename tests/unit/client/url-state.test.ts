/**
 * Client URL state: round trips and defensive parsing.
 */
import { describe, expect, it } from "vitest";
import { initialState } from "../../../client/src/graph/store.js";
import { parseUrlState, serializeUrlState } from "../../../client/src/graph/url-state.js";

describe("client #url-state", () => {
  it("should omit defaults so a fresh view has a clean URL", () => {
    expect(serializeUrlState(initialState())).toBe("");
  });

  it("should round-trip view, filters, window, selection, metrics, path and camera", () => {
    const state = {
      ...initialState(),
      view: "events" as const,
      filters: { kinds: ["person"], topics: ["topic-trade", "topic-energy"], countries: ["iran"], roles: ["host"] },
      time: { from: "2017-09", to: "2018-01" },
      selectedNode: "hassan-rouhani",
      sizeBy: "betweenness" as const,
      colorBy: "community" as const,
      camera: { x: 0.31234, y: 0.5, ratio: 0.6 },
      path: { from: "a", to: "b", nodes: new Set<string>(), edges: new Set<string>() },
    };
    const parsed = parseUrlState(`?${serializeUrlState(state)}`);
    expect(parsed).toEqual({
      view: "events",
      map: false,
      filters: state.filters,
      time: state.time,
      selectedNode: "hassan-rouhani",
      selectedEdge: null,
      sizeBy: "betweenness",
      colorBy: "community",
      camera: { x: 0.312, y: 0.5, ratio: 0.6 },
      pathEnds: ["a", "b"],
      compare: null,
      asOf: null,
    });
  });

  it("should keep two compared periods in the link and refuse a period that ends before it starts", () => {
    const compare = { a: { from: "2017", to: "2018-06" }, b: { from: "2023-01", to: "2025-12-31" } };
    const query = serializeUrlState({ ...initialState(), compare });
    expect(new URLSearchParams(query).get("compare")).toBe("2017..2018-06,2023-01..2025-12-31");
    expect(parseUrlState(`?${query}`).compare).toEqual(compare);
    expect(parseUrlState("?compare=2019..2018,2023..2024").compare).toBeNull();
    expect(parseUrlState("?compare=2017..2018").compare).toBeNull();
  });

  it("should keep the Map tab in the link as view=map, over the default network view", () => {
    const query = serializeUrlState({ ...initialState(), view: "events", map: true });
    expect(query).toBe("view=map");
    expect(parseUrlState(`?${query}`)).toMatchObject({ view: "met", map: true });
    expect(parseUrlState("?view=events").map).toBe(false);
  });

  it("should fall back to defaults on malformed values", () => {
    const parsed = parseUrlState("?view=bogus&from=last-week&cam=1,2&size=pagerank&node=%3Cscript%3E");
    expect(parsed.view).toBe("met");
    expect(parsed.time.from).toBeNull();
    expect(parsed.camera).toBeNull();
    expect(parsed.sizeBy).toBe("degree");
    expect(parsed.selectedNode).toBeNull();
  });
});
