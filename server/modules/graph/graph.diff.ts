/**
 * Two periods compared
 * ====================
 *
 * `GET /api/diff`: the who-met-whom network of period A and of period B, built as the overview builds one window
 * (the same filters, the same projection), then laid over each other: a tie (a pair that met) only in B is `added`,
 * only in A `removed`, in both `kept`, with the pair's meetings counted on each side. One node budget covers both
 * periods, so a tie is never cut from one side and kept on the other.
 *
 * Both periods are read lean (ids and roles, queries/graph/encounters), and the actors' names, countries and stored
 * positions only for the nodes that fit the budget, unless actor filters need them for every participant.
 */
import type { DiffChange, DiffGraph } from "../../../contracts/graph.js";
import type { Database } from "../../db/database.js";
import { readAsOf } from "../history/history.service.js";
import { type EntityRow, readEncounters, readEntities } from "./graph.repository.js";
import { type DiffQuery, dateRange } from "./graph.schemas.js";
import { nodeOf, passesActorFilters, tiesOf } from "./graph.service.js";

/** How a thing present (or not) in A and in B changed from A to B. */
function changeOf(inA: boolean, inB: boolean): DiffChange {
  return inA && inB ? "kept" : inB ? "added" : "removed";
}

/** Builds the comparison of two periods for a validated query. */
export async function buildDiff(db: Database, query: DiffQuery): Promise<DiffGraph> {
  return readAsOf(db, query.asOf, async (tx) => {
    const eventsIn = (period: { from: string; to: string }) =>
      readEncounters(tx, {
        from: dateRange(period.from).first,
        to: dateRange(period.to).last,
        eventKinds: query.eventKinds ?? null,
        topics: query.topics ?? null,
        maxEvents: query.limit * 4,
      });
    const [eventsA, eventsB] = [await eventsIn(query.a), await eventsIn(query.b)];
    // Kind and country filters test every participant's entity; without them any participant is shown.
    let filtered: Map<string, EntityRow> | null = null;
    if (query.kinds || query.countries) {
      const ids = new Set<string>();
      for (const event of [...eventsA, ...eventsB]) {
        for (const p of event.participants) ids.add(p.id);
        for (const a of event.produced) ids.add(a);
      }
      const entities = await readEntities(tx, [...ids]);
      filtered = new Map(entities.filter((e) => passesActorFilters(e, query)).map((e) => [e.id, e]));
    }
    const isShown = filtered ? (id: string) => filtered.has(id) : () => true;
    const [tiesA, tiesB] = [tiesOf(eventsA, isShown, query.roles), tiesOf(eventsB, isShown, query.roles)];

    const edges = [...new Set([...tiesA.pairs.keys(), ...tiesB.pairs.keys()])].map((key) => {
      const [a, b] = [tiesA.pairs.get(key), tiesB.pairs.get(key)];
      const [countA, countB] = [a?.events.length ?? 0, b?.events.length ?? 0];
      const { source, target } = (b ?? a)!;
      return {
        key,
        source,
        target,
        attributes: {
          kind: "met",
          weight: Math.max(countA, countB),
          countA,
          countB,
          change: changeOf(a !== undefined, b !== undefined),
          events: [...(a?.events ?? []), ...(b?.events ?? [])].map((e) => e.id),
        },
      };
    });
    // Degree across both periods decides which nodes fit the budget (as applyBudget ranks the overview's).
    const degree = new Map<string, number>();
    for (const e of edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    const actors = [...new Set([...tiesA.actors, ...tiesB.actors])];
    const fitting =
      actors.length <= query.limit
        ? actors
        : [...actors].sort((x, y) => (degree.get(y) ?? 0) - (degree.get(x) ?? 0)).slice(0, query.limit);
    const entities = filtered ?? new Map((await readEntities(tx, fitting)).map((e) => [e.id, e]));
    const nodes: DiffGraph["nodes"] = fitting.flatMap((key) => {
      const entity = entities.get(key);
      if (!entity) return [];
      const change = changeOf(tiesA.actors.has(key), tiesB.actors.has(key));
      return [{ key, attributes: { ...nodeOf(entity).attributes, degree: degree.get(key) ?? 0, change } }];
    });
    const drawn = new Set(nodes.map((n) => n.key));
    const kept = edges.filter((e) => drawn.has(e.source) && drawn.has(e.target));
    const count = (change: DiffChange) => kept.filter((e) => e.attributes.change === change).length;
    return {
      options: { type: "mixed", multi: true },
      nodes,
      edges: kept,
      attributes: {
        a: { ...query.a, events: eventsA.length },
        b: { ...query.b, events: eventsB.length },
        added: count("added"),
        removed: count("removed"),
        kept: count("kept"),
        truncated: nodes.length < actors.length,
      },
    };
  });
}
