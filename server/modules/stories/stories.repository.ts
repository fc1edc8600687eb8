/**
 * Story repository
 * ================
 *
 * Reads and writes `Story` nodes with the Cypher in `cypher/queries/stories/`, mapping records to plain rows, and
 * reads what a story points at: which snapshots exist, and the citations of evidence ids.
 */
import { type ManagedTransaction, type Record as Neo4jRecord, int as neoInt } from "neo4j-driver";
import { cypher } from "../../db/cypher.js";
import type { Database } from "../../db/database.js";
import { toJson, toNumber } from "../../db/values.js";
import { type CitationRow, citationRow } from "../events/events.repository.js";

/** A stored story as Neo4j holds it (payload null once taken down). */
export interface StoryRow {
  id: string;
  title: string;
  formatVersion: number;
  payload: string | null;
  stepCount: number;
  createdAt: string;
  takenDown: boolean;
  takenDownAt: string | null;
  takedownReason: string | null;
}

/** What a new story node is created with. */
export interface NewStory {
  id: string;
  title: string;
  formatVersion: number;
  payload: string;
  stepCount: number;
}

export type StorySummaryRow = Pick<StoryRow, "id" | "title" | "stepCount" | "createdAt">;

/** A record of queries/stories/get and list: the story node's properties. */
interface StoryRecord {
  story: Record<string, unknown>;
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(toJson(v)));

function rowOf(map: Record<string, unknown>): StoryRow {
  return {
    id: String(map.id),
    title: str(map.title) ?? "",
    formatVersion: toNumber(map.formatVersion),
    payload: str(map.payload),
    stepCount: toNumber(map.stepCount),
    createdAt: str(map.createdAt) ?? "",
    takenDown: map.takenDown === true,
    takenDownAt: str(map.takenDownAt),
    takedownReason: str(map.takedownReason),
  };
}

/** MERGEs the story on its id; the payload is written only when the node is new. */
export async function insertStory(db: Database, story: NewStory): Promise<{ created: boolean; takenDown: boolean }> {
  return db.writeTx(async (tx) => {
    const result = await tx.run<{ created: boolean; takenDown: boolean }>(cypher("queries/stories/create"), {
      ...story,
      stepCount: neoInt(story.stepCount),
      formatVersion: neoInt(story.formatVersion),
    });
    const record = result.records[0]!;
    return { created: record.get("created") === true, takenDown: record.get("takenDown") === true };
  });
}

/** One story, or null when the id is unknown. */
export async function findStory(db: Database, id: string): Promise<StoryRow | null> {
  const rows = await db.read(cypher("queries/stories/get"), { id }, (r: Neo4jRecord<StoryRecord>) =>
    rowOf(r.get("story")),
  );
  return rows[0] ?? null;
}

/** The most recent stories that are not taken down, newest first. */
export async function listStories(db: Database, limit: number): Promise<StorySummaryRow[]> {
  return db.read(cypher("queries/stories/list"), { limit: neoInt(limit) }, (r: Neo4jRecord<StoryRecord>) => {
    const { id, title, stepCount, createdAt } = rowOf(r.get("story"));
    return { id, title, stepCount, createdAt };
  });
}

/** Marks a story taken down; false when the id is unknown. */
export async function markStoryTakenDown(db: Database, id: string, reason: string): Promise<boolean> {
  return db.writeTx(
    async (tx) => (await tx.run(cypher("queries/stories/takedown"), { id, reason })).records.length > 0,
  );
}

/** The stored snapshots among `ids`: id → taken down or not (unknown ids are absent). */
export async function readSnapshotStates(db: Database, ids: string[]): Promise<Map<string, boolean>> {
  if (ids.length === 0) return new Map();
  const rows = await db.read(
    cypher("queries/stories/snapshots"),
    { ids },
    (r: Neo4jRecord<{ id: string; takenDown: boolean }>) => [r.get("id"), r.get("takenDown") === true] as const,
  );
  return new Map(rows);
}

/** Citation rows of the evidence ids that exist (in the caller's read transaction). */
export async function readCitationRows(tx: ManagedTransaction, ids: string[]): Promise<CitationRow[]> {
  if (ids.length === 0) return [];
  const result = await tx.run<{ citation: unknown }>(cypher("queries/stories/citations"), { ids });
  return result.records.map((r) => citationRow(r.get("citation")));
}
