/**
 * Two periods compared
 * ====================
 *
 * `GET /api/diff`: the who-met-whom network of period A and of period B, built as the overview builds one window
 * (the same filters, the same projection), then laid over each other: a tie (a pair that met) only in B is `added`,
 * only in A `removed`, in both `kept`, with the pair's meetings counted on each side. One node budget covers both
 * periods, so a tie is never cut from one side and kept on the other.
 */
import type { DiffChange, DiffGraph } from "../../../contracts/graph.js";
import type { Database } from "../../db/database.js";
import { readAsOf } from "../history/history.service.js";
import { type EventRow, readEntities, readEvents } from "./graph.repository.js";
import { type DiffQuery, dateRange } from "./graph.schemas.js";
import { applyBudget, participantsOf, passesActorFilters, projectMet } from "./graph.service.js";

/** How a thing present (or not) in A and in B changed from A to B. */
function changeOf(inA: boolean, inB: boolean): DiffChange {
  return inA && inB ? "kept" : inB ? "added" : "removed";
}

/** Builds the comparison of two periods for a validated query. */
export async function buildDiff(db: Database, query: DiffQuery): Promise<DiffGraph> {
  return readAsOf(db, query.asOf, async (tx) => {
    const eventsIn = (period: { from: string; to: string }) =>
      readEvents(tx, {
        from: dateRange(period.from).first,
        to: dateRange(period.to).last,
        eventKinds: query.eventKinds ?? null,
        topics: query.topics ?? null,
        maxEvents: query.limit * 4,
      });
    const [eventsA, eventsB] = [await eventsIn(query.a), await eventsIn(query.b)];
    const ids = new Set<string>();
    for (const event of [...eventsA, ...eventsB]) {
      for (const p of event.participants) ids.add(p.id);
      for (const a of event.produced) ids.add(a);
    }
    const entities = await readEntities(tx, [...ids]);
    const shown = new Map(entities.filter((e) => passesActorFilters(e, query)).map((e) => [e.id, e]));
    const [graphA, graphB] = [projectMet(eventsA, shown, query), projectMet(eventsB, shown, query)];
    // projectMet also lists every shown actor, met or not; a side's nodes are those its own events brought in.
    const takingPart = (events: EventRow[]) =>
      new Set(
        events.flatMap((event) => {
          const participants = participantsOf(event, shown, query);
          return participants.length === 0
            ? []
            : [...participants.map((p) => p.id), ...event.produced.filter((a) => shown.has(a))];
        }),
      );
    const [inA, inB] = [takingPart(eventsA), takingPart(eventsB)];
    const edgesA = new Map(graphA.edges.map((e) => [e.key, e]));
    const edgesB = new Map(graphB.edges.map((e) => [e.key, e]));

    const drawn = new Map([...graphA.nodes, ...graphB.nodes].map((n) => [n.key, n.attributes]));
    const nodes = [...new Set([...inA, ...inB])].map((key) => ({
      key,
      attributes: { ...drawn.get(key)!, change: changeOf(inA.has(key), inB.has(key)) },
    }));
    const edges = [...new Set([...edgesA.keys(), ...edgesB.keys()])].map((key) => {
      const [a, b] = [edgesA.get(key), edgesB.get(key)];
      const [countA, countB] = [Number(a?.attributes.count ?? 0), Number(b?.attributes.count ?? 0)];
      const base = (b ?? a)!;
      return {
        key,
        source: base.source,
        target: base.target,
        attributes: {
          kind: "met",
          weight: Math.max(countA, countB),
          countA,
          countB,
          change: changeOf(a !== undefined, b !== undefined),
          events: [...((a?.attributes.events as string[]) ?? []), ...((b?.attributes.events as string[]) ?? [])],
        },
      };
    });
    // Degree across both periods decides which nodes fit the budget.
    const degree = new Map<string, number>();
    for (const e of edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    for (const n of nodes) n.attributes.degree = degree.get(n.key) ?? 0;
    const ranked = applyBudget({ options: { type: "mixed", multi: true }, nodes, edges }, query.limit) as Omit<
      DiffGraph,
      "attributes"
    >;
    const count = (change: DiffChange) => ranked.edges.filter((e) => e.attributes.change === change).length;
    return {
      ...ranked,
      attributes: {
        a: { ...query.a, events: eventsA.length },
        b: { ...query.b, events: eventsB.length },
        added: count("added"),
        removed: count("removed"),
        kept: count("kept"),
        truncated: ranked.nodes.length < nodes.length,
      },
    };
  });
}
