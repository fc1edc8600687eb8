/**
 * GEXF with times
 * ===============
 *
 * Exports of a dated network open in Gephi with a working timeline: the GEXF is dynamic, events start on their
 * day, a tie lives from its first meeting to its last, and undated actors are always there. Read back with
 * graphology-gexf, nothing else changes.
 */
import Graph from "graphology";
import { parse, write } from "graphology-gexf";
import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { withGexfTimes } from "../../../contracts/graph-formats.js";
import type { PortableGraph } from "../../../contracts/graph.js";

const dated: PortableGraph = {
  options: { type: "mixed", multi: true },
  nodes: [
    { key: "ana & co", attributes: { label: "Ana", category: "person" } },
    { key: "ben", attributes: { label: "Ben", category: "person" } },
    { key: "evt-1", attributes: { label: "Talks", category: "event", date: "2023-04", dateStart: "2023-04-01" } },
  ],
  edges: [
    {
      key: "met:ana|ben",
      source: "ana & co",
      target: "ben",
      attributes: { kind: "met", first: "2017-03-02", last: "2023-04-12", change: "kept" },
    },
    { key: "p1", source: "ben", target: "evt-1", attributes: { kind: "participated_in" } },
  ],
};

const gexfOf = (graph: PortableGraph) => {
  const g = new Graph({ type: "mixed", multi: true });
  g.import(graph as never);
  return withGexfTimes(write(g, { version: "1.3" }), graph);
};
const element = (xml: string, tag: string, id: string) =>
  [...Array.from(new DOMParser().parseFromString(xml, "text/xml").getElementsByTagName(tag))].find(
    (e) => e.getAttribute("id") === id,
  )!;

describe("contracts #gexf times", () => {
  it("should write a dated network in dynamic mode with each element's spell", () => {
    const xml = gexfOf(dated);
    const graphElement = new DOMParser().parseFromString(xml, "text/xml").getElementsByTagName("graph")[0]!;
    expect(graphElement.getAttribute("mode")).toBe("dynamic");
    expect(graphElement.getAttribute("timeformat")).toBe("date");
    expect(element(xml, "node", "evt-1").getAttribute("start")).toBe("2023-04-01");
    expect(element(xml, "node", "ana & co").hasAttribute("start")).toBe(false);
    const tie = element(xml, "edge", "met:ana|ben");
    expect([tie.getAttribute("start"), tie.getAttribute("end")]).toEqual(["2017-03-02", "2023-04-12"]);
    expect(element(xml, "edge", "p1").getAttribute("start")).toBe("2023-04-01");
  });

  it("should read back the same nodes, edges and attributes, the comparison's change included", () => {
    const back = parse(Graph, gexfOf(dated));
    expect(back.order).toBe(3);
    expect(back.size).toBe(2);
    expect(back.getEdgeAttribute("met:ana|ben", "change")).toBe("kept");
  });

  it("should leave an undated network static", () => {
    const undated: PortableGraph = { nodes: [{ key: "a", attributes: { label: "A" } }], edges: [] };
    const g = new Graph();
    g.import(undated as never);
    const plain = write(g, { version: "1.3" });
    expect(withGexfTimes(plain, undated)).toBe(plain);
  });
});
