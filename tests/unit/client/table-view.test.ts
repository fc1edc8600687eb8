/**
 * Table view (client/src/features/table/table-view.ts): the rows it makes of the graph on screen and how a column
 * sorts them.
 */
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import type { EdgeAttributes, NodeAttributes } from "../../../client/src/graph/attributes.js";
import { type Column, actorRows, linkRows, sortRows } from "../../../client/src/features/table/table-view.js";

/** Made-up actors: two people who met twice, a government one of them works for, an agreement nobody met over. */
function sample() {
  const graph = new Graph<NodeAttributes, EdgeAttributes>({ multi: true, type: "mixed" });
  graph.addNode("amira", { label: "Amira Zand", category: "person", kind: "person" });
  graph.addNode("bruno", { label: "Bruno Alves", category: "person", kind: "person" });
  graph.addNode("gov", { label: "Government of Arcadia", category: "government", kind: "national_government" });
  graph.addNode("pact", { label: "Arcadia pact", category: "agreement", kind: "treaty" });
  graph.addEdgeWithKey("met:amira|bruno", "amira", "bruno", {
    kind: "met",
    weight: 2,
    count: 2,
    events: ["e1", "e2"],
    first: "2019-03",
    last: "2021-11-02",
  } as EdgeAttributes);
  graph.addEdgeWithKey("role:bruno->gov", "bruno", "gov", { kind: "holds_role", weight: 1 });
  return graph;
}

type Row = ReturnType<typeof actorRows>[number];
const columns: Column<Row>[] = [
  { key: "name", label: "Name", value: (r) => r.name },
  { key: "meetings", label: "Meetings", value: (r) => r.meetings, numeric: true },
  { key: "links", label: "Links", value: (r) => r.links, numeric: true },
];

describe("table view #rows", () => {
  it("should make one actor row per node with its meetings and links on screen", () => {
    const rows = actorRows(sample());
    expect(rows.find((r) => r.id === "bruno")).toEqual({
      id: "bruno",
      name: "Bruno Alves",
      type: "person",
      meetings: 2,
      links: 2,
    });
    expect(rows.find((r) => r.id === "pact")).toMatchObject({ meetings: null, links: 0 });
  });

  it("should make one link row per edge, with the meetings and dates of met links only", () => {
    const rows = linkRows(sample());
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      from: "Amira Zand",
      to: "Bruno Alves",
      kind: "met",
      meetings: 2,
      first: "2019-03",
    });
    expect(rows[1]).toMatchObject({ from: "Bruno Alves", kind: "holds role", meetings: null, first: null });
  });
});

describe("table view #sortRows", () => {
  it("should sort numbers as numbers, keep empty cells last both ways and break ties by name", () => {
    const rows = actorRows(sample());
    const names = (order: { key: string; descending: boolean }) => sortRows(rows, columns, order).map((r) => r.name);
    expect(names({ key: "meetings", descending: true })).toEqual([
      "Amira Zand",
      "Bruno Alves",
      "Arcadia pact",
      "Government of Arcadia",
    ]);
    expect(names({ key: "meetings", descending: false })).toEqual([
      "Amira Zand",
      "Bruno Alves",
      "Arcadia pact",
      "Government of Arcadia",
    ]);
    expect(names({ key: "links", descending: true })).toEqual([
      "Bruno Alves",
      "Amira Zand",
      "Government of Arcadia",
      "Arcadia pact",
    ]);
    expect(names({ key: "name", descending: true })).toEqual([
      "Government of Arcadia",
      "Bruno Alves",
      "Arcadia pact",
      "Amira Zand",
    ]);
  });
});
