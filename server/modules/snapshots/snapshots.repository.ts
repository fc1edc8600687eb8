/**
 * Snapshot repository
 * ===================
 *
 * Reads and writes `Snapshot` nodes with the Cypher in `cypher/queries/snapshots/`, mapping records to plain rows.
 * Payloads arrive here already compressed; this layer never looks inside them.
 */
import { type Record as Neo4jRecord, int as neoInt } from "neo4j-driver";
import { cypher } from "../../db/cypher.js";
import { eraseFromHistory } from "../history/history.service.js";
import type { Database } from "../../db/database.js";
import { type CountRecord, toJson, toNumber } from "../../db/values.js";

/** A stored snapshot as Neo4j holds it (payload still compressed, null once taken down). */
export interface SnapshotRow {
  id: string;
  title: string;
  note: string;
  formatVersion: number;
  payload: string | null;
  payloadEncoding: string | null;
  nodeCount: number;
  edgeCount: number;
  createdAt: string;
  takenDown: boolean;
  takenDownAt: string | null;
  takedownReason: string | null;
}

/** What a new snapshot node is created with. */
export interface NewSnapshot {
  id: string;
  title: string;
  note: string;
  formatVersion: number;
  payload: string;
  payloadEncoding: string;
  payloadBytes: number;
  nodeCount: number;
  edgeCount: number;
  entityIds: string[];
}

export type SnapshotSummaryRow = Pick<
  SnapshotRow,
  "id" | "title" | "note" | "formatVersion" | "nodeCount" | "edgeCount" | "createdAt"
>;

/** A record of queries/snapshots/get and list: the snapshot node's properties. */
interface SnapshotRecord {
  snapshot: Record<string, unknown>;
}

/** A record of queries/snapshots/evidence: a subject's evidence ids. */
interface EvidenceRecord {
  id: string;
  evidence: string[];
}

/** A record of queries/snapshots/role-evidence: one role's evidence ids. */
interface RoleEvidenceRecord {
  source: string;
  target: string;
  title: unknown;
  evidence: unknown[];
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(toJson(v)));

function rowOf(map: Record<string, unknown>): SnapshotRow {
  return {
    id: String(map.id),
    title: str(map.title) ?? "",
    note: str(map.note) ?? "",
    formatVersion: toNumber(map.formatVersion),
    payload: str(map.payload),
    payloadEncoding: str(map.payloadEncoding),
    nodeCount: toNumber(map.nodeCount),
    edgeCount: toNumber(map.edgeCount),
    createdAt: str(map.createdAt) ?? "",
    takenDown: map.takenDown === true,
    takenDownAt: str(map.takenDownAt),
    takedownReason: str(map.takedownReason),
  };
}

/** MERGEs the snapshot on its id; the payload is written only when the node is new. */
export async function insertSnapshot(
  db: Database,
  snapshot: NewSnapshot,
): Promise<{ created: boolean; takenDown: boolean }> {
  return db.writeTx(async (tx) => {
    const result = await tx.run<{ created: boolean; takenDown: boolean }>(cypher("queries/snapshots/create"), {
      ...snapshot,
    });
    const record = result.records[0]!;
    return { created: record.get("created") === true, takenDown: record.get("takenDown") === true };
  });
}

/** One snapshot, or null when the id is unknown. */
export async function findSnapshot(db: Database, id: string): Promise<SnapshotRow | null> {
  const rows = await db.read(cypher("queries/snapshots/get"), { id }, (r: Neo4jRecord<SnapshotRecord>) =>
    rowOf(r.get("snapshot")),
  );
  return rows[0] ?? null;
}

/** The most recent snapshots that are not taken down, newest first. */
export async function listSnapshots(db: Database, limit: number): Promise<SnapshotSummaryRow[]> {
  return db.read(cypher("queries/snapshots/list"), { limit: neoInt(limit) }, (r: Neo4jRecord<SnapshotRecord>) => {
    const { id, title, note, formatVersion, nodeCount, edgeCount, createdAt } = rowOf(r.get("snapshot"));
    return { id, title, note, formatVersion, nodeCount, edgeCount, createdAt };
  });
}

/**
 * Marks a snapshot taken down; false when the id is unknown. Its links to entities are erased from the curation
 * changes' recorded states too, so a view as of an earlier date cannot bring them back (server/modules/history).
 */
export async function markTakenDown(db: Database, id: string, reason: string): Promise<boolean> {
  return db.writeTx(async (tx) => {
    const found = (await tx.run(cypher("queries/snapshots/takedown"), { id, reason })).records.length > 0;
    if (found) await eraseFromHistory(tx, [id]);
    return found;
  });
}

/** Number of stored snapshots, taken down or not. */
export async function countSnapshots(db: Database): Promise<number> {
  const rows = await db.read(cypher("queries/snapshots/count"), {}, (r: Neo4jRecord<CountRecord>) =>
    toNumber(r.get("count")),
  );
  return rows[0] ?? 0;
}

/** Evidence ids by subject id (events, agreements…). */
export async function readEvidence(db: Database, ids: string[]): Promise<Map<string, string[]>> {
  if (ids.length === 0) return new Map();
  const rows = await db.read(
    cypher("queries/snapshots/evidence"),
    { ids },
    (r: Neo4jRecord<EvidenceRecord>) => [r.get("id"), r.get("evidence")] as const,
  );
  return new Map(rows);
}

/** Evidence ids of HOLDS_ROLE relationships, keyed `source|target|title`. */
export async function readRoleEvidence(
  db: Database,
  pairs: { source: string; target: string }[],
): Promise<Map<string, string[]>> {
  if (pairs.length === 0) return new Map();
  const rows = await db.read(
    cypher("queries/snapshots/role-evidence"),
    { pairs },
    (r: Neo4jRecord<RoleEvidenceRecord>) => {
      const k = `${r.get("source")}|${r.get("target")}|${str(r.get("title")) ?? ""}`;
      return [k, r.get("evidence").map(String)] as const;
    },
  );
  const map = new Map<string, string[]>();
  for (const [k, ev] of rows) map.set(k, [...(map.get(k) ?? []), ...ev]);
  return map;
}
