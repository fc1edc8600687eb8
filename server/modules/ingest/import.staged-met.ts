/**
 * MET links of a staged import, from the file
 * ===========================================
 *
 * A big import mostly brings actors nobody has seen yet, who meet in events nobody has seen yet. Their MET links
 * (docs/model.md) depend on nothing but the file, so the writer computes them here and stages them with the rest,
 * instead of rebuilding them from the graph after publishing (a third of a million-link load). The rows are those
 * `queries/ingest/refresh-met-build.cypher` would build: same pairs, counts, event order, topics, evidence and
 * dates (the staged-import integration test compares the two graphs).
 *
 * Only pairs of "file-only" actors are computed: new actors whose every participation is in a new event. Any
 * other actor (one that existed, or that joins an existing event) still has its links rebuilt from the graph.
 */
import { ENCOUNTER_KINDS } from "../../../contracts/vocabulary.js";
import type { ImportPlan } from "./import.plan.js";

export interface MetRow {
  /** The smaller id of the pair; MET runs from x to y. */
  x: string;
  y: string;
  count: number;
  /** Event ids, oldest first (undated last, then by id). */
  events: string[];
  /** Topic ids of those events, sorted. */
  topics: string[];
  /** Citations of those events. */
  evidence: number;
  first: string | null;
  last: string | null;
}

const ENCOUNTERS: ReadonlySet<string> = new Set(ENCOUNTER_KINDS);

/** Actors of the staged part whose every participation is in a new (staged) event. */
export function fileOnlyActors(staged: ImportPlan, residual: ImportPlan): Set<string> {
  const actors = new Set((staged.links.get("PARTICIPATED_IN") ?? []).map((l) => l.source));
  for (const l of residual.links.get("PARTICIPATED_IN") ?? []) actors.delete(l.source);
  return actors;
}

/**
 * The MET rows between file-only actors: every pair of them that took part together in a new, non-rejected
 * encounter. `plan` is the whole plan (topics and citations of new events may sit in either part). Events are kept
 * as indexes into flat arrays: a million-link file has half a million of them.
 */
export function stagedMetRows(plan: ImportPlan, staged: ImportPlan, fileOnly: ReadonlySet<string>): MetRow[] {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const dates: (string | null)[] = [];
  for (const row of staged.nodes.get("event") ?? []) {
    if (!ENCOUNTERS.has(String(row.kind)) || (row.status ?? "accepted") === "rejected") continue;
    index.set(String(row.id), ids.length);
    ids.push(String(row.id));
    dates.push((row.dateStart as string | null) ?? null);
  }
  const topics: string[][] = ids.map(() => []);
  for (const link of plan.links.get("ABOUT") ?? []) {
    const e = index.get(link.source);
    if (e !== undefined && !topics[e]!.includes(link.target)) topics[e]!.push(link.target);
  }
  const evidence = new Array<number>(ids.length).fill(0);
  const counted = new Set<string>();
  for (const c of plan.evidence) {
    const e = index.get(c.subject);
    if (e === undefined || counted.has(c.id)) continue;
    counted.add(c.id);
    evidence[e]!++;
  }
  const actors: string[][] = ids.map(() => []);
  for (const link of staged.links.get("PARTICIPATED_IN") ?? []) {
    const e = index.get(link.target);
    // Link rows are distinct (planImport), so an actor is listed once per event.
    if (e !== undefined && fileOnly.has(link.source)) actors[e]!.push(link.source);
  }

  const pairs = new Map<string, { x: string; y: string; events: number[] }>();
  for (let e = 0; e < ids.length; e++) {
    const list = actors[e]!;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [x, y] = list[i]! < list[j]! ? [list[i]!, list[j]!] : [list[j]!, list[i]!];
        const key = `${x}\u0000${y}`;
        const pair = pairs.get(key);
        if (pair) pair.events.push(e);
        else pairs.set(key, { x, y, events: [e] });
      }
    }
  }

  // As the graph's MET refresh orders them: by start date, undated last, then by id.
  const byDateThenId = (a: number, b: number) => {
    const da = dates[a]!;
    const db = dates[b]!;
    if (da !== db) return da === null ? 1 : db === null ? -1 : da < db ? -1 : 1;
    return ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0;
  };
  const rows: MetRow[] = [];
  for (const { x, y, events } of pairs.values()) {
    if (events.length > 1) events.sort(byDateThenId);
    const pairTopics = new Set<string>();
    let citations = 0;
    let first: string | null = null;
    let last: string | null = null;
    for (const e of events) {
      for (const t of topics[e]!) pairTopics.add(t);
      citations += evidence[e]!;
      const d = dates[e]!;
      if (d !== null && (first === null || d < first)) first = d;
      if (d !== null && (last === null || d > last)) last = d;
    }
    rows.push({
      x,
      y,
      count: events.length,
      events: events.map((e) => ids[e]!),
      topics: [...pairTopics].sort(),
      evidence: citations,
      first,
      last,
    });
  }
  return rows;
}
