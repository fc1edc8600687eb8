/**
 * Curation repository
 * ===================
 *
 * Captures and applies the recorded state of entities (labels, properties, relationships, the review annotations of
 * their evidence and their rejection records), stores audit records, and refreshes the `MET` projection. Every
 * curation action is "capture before → apply the wanted state → capture after → audit", so any change can be
 * reverted by applying its `before`.
 */
import neo4j, {
  isDate,
  isDateTime,
  isLocalDateTime,
  type ManagedTransaction,
  type Record as Neo4jRecord,
} from "neo4j-driver";
import type { EvidenceNote, GraphState, NodeState, RejectionRecord, RelState } from "../../../contracts/curation.js";
import { isActorType } from "../../../contracts/vocabulary.js";
import { cypher } from "../../db/cypher.js";
import {
  ENTITY_LABELS,
  entityLabel,
  isOneOf,
  type NodeLabel,
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from "../../db/labels.js";
import { applySchema } from "../../db/schema.js";
import { readTopicsLinked, refreshAgreementsAbout, refreshEvidenceRanks } from "../nodes/nodes.repository.js";
import type { Database } from "../../db/database.js";
import type { Json } from "../../../contracts/json.js";
import { type IdRecord, toJson, toJsonMap } from "../../db/values.js";

/* ----------------------------------------------------------------------------------------------------------------
 * Types
 * -------------------------------------------------------------------------------------------------------------- */

/** An audit record as stored (before/after still JSON text). */
export interface ChangeRecord {
  id: string;
  at: string;
  by: string;
  action: string;
  subjectIds: string[];
  before: string;
  after: string;
  reason: string;
  revertOf: string | null;
  revertedBy: string | null;
}

/** A record of queries/curation/state-nodes: an entity (or its absence) with its labels, properties and links. */
interface StateNodeRecord {
  id: string;
  exists: boolean;
  labels: string[];
  props: Record<string, unknown>;
  rels: { type: string; dir: "out" | "in"; otherLabels: string[]; otherId: unknown; props: Record<string, unknown> }[];
}

/** A record of queries/curation/state-evidence: the review annotations of one evidence node. */
interface EvidenceNoteRecord {
  id: string;
  status: unknown;
  statusNote: unknown;
  statusChange: unknown;
}

/** A record of queries/curation/state-rejections. */
interface RejectionRecordShape {
  rejection: Record<string, unknown>;
}

/** A record of queries/curation/change and history: the audit record's properties. */
interface ChangeRecordShape {
  change: Record<string, unknown>;
}

/** A record of queries/curation/later-changes. */
interface LaterChangeRecord {
  id: string;
  revertedBy: unknown;
  revertOf: unknown;
}

/** Relationship types that are never part of a recorded state: derived (MET) or audit links. */
export const SKIPPED_RELS = ["MET", "CHANGED"] as const;
const OTHER_LABELS = ["Entity", "Evidence", "Quantity", "Snapshot", "Article"] as const;
const TEMPORAL_DATES = ["dateStart", "dateEnd"] as const;
const TEMPORAL_DATETIMES = ["createdAt", "updatedAt", "knownFrom"] as const;

/* ----------------------------------------------------------------------------------------------------------------
 * Schema
 * -------------------------------------------------------------------------------------------------------------- */

const schemaApplied = new WeakSet<Database>();

/**
 * Makes sure the curation constraints (in cypher/schema.cypher) exist once per Database: the server applies the
 * schema at start, but command-line tools (backup, restore) may meet a database that never saw this version.
 */
export async function ensureCurationSchema(db: Database): Promise<void> {
  if (schemaApplied.has(db)) return;
  await applySchema(db);
  schemaApplied.add(db);
}

/* ----------------------------------------------------------------------------------------------------------------
 * Capture
 * -------------------------------------------------------------------------------------------------------------- */

const str = (value: unknown): string | null => (typeof value === "string" ? value : null);

function relKey(r: RelState): string {
  return `${r.type}|${r.dir}|${r.otherLabel}|${r.otherId}|${stableJson(r.props)}`;
}

/** JSON with object keys sorted, so equal states give equal text (audit records, backups). */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** Splits driver properties into JSON values and temporals (ISO strings), so they can be put back with their types. */
export function splitProperties(raw: Record<string, unknown>): {
  props: Record<string, Json>;
  temporals: Record<string, string>;
} {
  const props: Record<string, Json> = {};
  const temporals: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (isDate(value) || isDateTime(value) || isLocalDateTime(value)) temporals[key] = value.toString();
    else props[key] = toJson(value);
  }
  return { props, temporals };
}

/** Reads the state of the given entities, the annotations of their evidence and their rejection records. */
export async function captureState(tx: ManagedTransaction, ids: string[]): Promise<GraphState> {
  const result = await tx.run<StateNodeRecord>(cypher("queries/curation/state-nodes"), {
    ids,
    skip: [...SKIPPED_RELS],
  });
  const nodes: NodeState[] = result.records.map((r) => {
    const id = r.get("id");
    if (!r.get("exists")) return { id, exists: false };
    const labels = r.get("labels");
    // The stored counts are derived from the links (set again after every apply), not part of a state.
    const { evidenceRank: _rank, agreementsAbout: _agreements, ...stored } = r.get("props");
    const { props, temporals } = splitProperties(stored);
    const rels: RelState[] = [];
    for (const raw of r.get("rels")) {
      const otherLabel = OTHER_LABELS.find((l) => raw.otherLabels.includes(l));
      const otherId = str(raw.otherId);
      // Links to nodes without an application id (none in the model) cannot be recorded, so they are left out.
      if (!otherLabel || !otherId) continue;
      rels.push({ type: raw.type, dir: raw.dir, otherLabel, otherId, props: toJsonMap(raw.props) });
    }
    rels.sort((a, b) => (relKey(a) < relKey(b) ? -1 : relKey(a) > relKey(b) ? 1 : 0));
    const label = ENTITY_LABELS.find((l) => labels.includes(l)) ?? entityLabel("organization");
    return { id, exists: true, label, props, temporals, rels };
  });

  const rejections = (
    await tx.run<RejectionRecordShape>(cypher("queries/curation/state-rejections"), { ids })
  ).records.map((r) => toRejection(r.get("rejection")));
  const evidenceIds = new Set<string>();
  for (const n of nodes)
    for (const rel of n.rels ?? [])
      if (rel.otherLabel === "Evidence" && rel.type === "EVIDENCED_BY") evidenceIds.add(rel.otherId);
  for (const rej of rejections) for (const e of rej.evidence) evidenceIds.add(e);
  const evidence = await readEvidenceNotes(tx, [...evidenceIds]);
  return { nodes, evidence, rejections };
}

/** Review annotations of the given evidence ids, sorted by id. */
export async function readEvidenceNotes(tx: ManagedTransaction, ids: string[]): Promise<EvidenceNote[]> {
  if (ids.length === 0) return [];
  const result = await tx.run<EvidenceNoteRecord>(cypher("queries/curation/state-evidence"), { ids });
  return result.records.map((r) => ({
    id: r.get("id"),
    status: str(r.get("status")),
    statusNote: str(r.get("statusNote")),
    statusChange: str(r.get("statusChange")),
  }));
}

function toRejection(raw: Record<string, unknown>): RejectionRecord {
  return {
    id: String(raw.id),
    subjectId: String(raw.subjectId),
    kind: String(raw.kind ?? ""),
    action: raw.action === "merged" ? "merged" : "deleted",
    into: str(raw.into),
    reason: String(raw.reason ?? ""),
    at: String(raw.at ?? ""),
    by: String(raw.by ?? ""),
    change: String(raw.change ?? ""),
    evidence: Array.isArray(raw.evidence) ? raw.evidence.map(String) : [],
  };
}

/* ----------------------------------------------------------------------------------------------------------------
 * Screening of imports (curation/import-hooks.ts): what curators deleted, merged away or rejected
 * -------------------------------------------------------------------------------------------------------------- */

/** Ids per statement when screening an import (a million-node file sends many). */
const SCREEN_PAGE = 10_000;

/** A record of queries/curation/screen-nodes: the latest rejection of an id. */
interface RejectionFateRecord {
  id: string;
  action: string;
  into: string | null;
}

/** What a curator did to an id: deleted it, or merged it `into` another. */
export interface RejectionFate {
  id: string;
  action: string;
  into: string | null;
}

/** The latest rejection record of each of `ids` that has one. */
export async function readRejectionFates(tx: ManagedTransaction, ids: string[]): Promise<RejectionFate[]> {
  const out: RejectionFate[] = [];
  for (let i = 0; i < ids.length; i += SCREEN_PAGE) {
    const result = await tx.run<RejectionFateRecord>(cypher("queries/curation/screen-nodes"), {
      ids: ids.slice(i, i + SCREEN_PAGE),
    });
    for (const r of result.records) out.push({ id: r.get("id"), action: r.get("action"), into: str(r.get("into")) });
  }
  return out;
}

/** The evidence ids among `ids` that a reviewer rejected. */
export async function readRejectedEvidence(tx: ManagedTransaction, ids: string[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i += SCREEN_PAGE) {
    const result = await tx.run<IdRecord>(cypher("queries/curation/screen-evidence"), {
      ids: ids.slice(i, i + SCREEN_PAGE),
    });
    for (const r of result.records) out.push(r.get("id"));
  }
  return out;
}

/* ----------------------------------------------------------------------------------------------------------------
 * Apply
 * -------------------------------------------------------------------------------------------------------------- */

/**
 * Puts the subjects into a recorded state: entities created, updated or removed, their relationships stated afresh
 * (links to ends that no longer exist are dropped), evidence annotations set, rejection records replaced.
 */
export async function applyState(tx: ManagedTransaction, state: GraphState, subjectIds: string[]): Promise<void> {
  const skip = [...SKIPPED_RELS];
  // Topics whose count of agreements about them the subjects' links may change: before and after.
  const stateIds = [...new Set([...subjectIds, ...state.nodes.map((node) => node.id)])];
  const topics = new Set(await readTopicsLinked(tx, stateIds));
  for (const node of state.nodes) {
    if (!node.exists) {
      await tx.run(cypher("queries/curation/delete-node"), { id: node.id });
      continue;
    }
    const label = isOneOf(ENTITY_LABELS, node.label) ? node.label : entityLabel("organization");
    const temporals: Record<string, string | null> = {};
    for (const key of [...TEMPORAL_DATES, ...TEMPORAL_DATETIMES]) temporals[key] = node.temporals?.[key] ?? null;
    await tx.run(cypher("queries/curation/apply-node", { label }), {
      id: node.id,
      props: { ...node.props, id: node.id },
      temporals,
      skip,
    });
  }

  // Each relationship appears once per subject end; the key keeps one of each.
  const groups = new Map<
    string,
    { type: RelationshipType; from: NodeLabel; to: NodeLabel; rows: Map<string, unknown> }
  >();
  for (const node of state.nodes) {
    if (!node.exists) continue;
    for (const rel of node.rels ?? []) {
      const { type, otherLabel } = rel;
      if (!isOneOf(RELATIONSHIP_TYPES, type) || !isOneOf(OTHER_LABELS, otherLabel)) continue;
      const [fromLabel, fromId, toLabel, toId] =
        rel.dir === "out"
          ? (["Entity", node.id, otherLabel, rel.otherId] as const)
          : ([otherLabel, rel.otherId, "Entity", node.id] as const);
      const groupKey = `${type}|${fromLabel}|${toLabel}`;
      const group = groups.get(groupKey) ?? { type, from: fromLabel, to: toLabel, rows: new Map() };
      group.rows.set(`${fromId}|${toId}|${stableJson(rel.props)}`, { from: fromId, to: toId, props: rel.props });
      groups.set(groupKey, group);
    }
  }
  for (const group of groups.values()) {
    const query = cypher("queries/curation/create-rels", { type: group.type, from: group.from, to: group.to });
    await tx.run(query, { rows: [...group.rows.values()] });
  }

  if (state.evidence.length) await tx.run(cypher("queries/curation/set-evidence"), { rows: state.evidence });
  await tx.run(cypher("queries/curation/replace-rejections"), {
    ids: subjectIds,
    rows: state.rejections.map((r) => ({ ...r })),
  });
  // Citations and types were stated afresh (and `SET n = props` dropped the derived rank): ranked again.
  await refreshEvidenceRanks(
    tx,
    state.nodes.filter((node) => node.exists).map((node) => node.id),
  );
  for (const topic of await readTopicsLinked(tx, stateIds)) topics.add(topic);
  await refreshAgreementsAbout(tx, topics);
}

/** Actors whose `MET` links may differ between two states: actor subjects and the participants of event subjects. */
export function touchedActors(...states: GraphState[]): string[] {
  const out = new Set<string>();
  for (const state of states) {
    for (const node of state.nodes) {
      if (!node.exists) continue;
      if (isActorType(String(node.props?.type))) out.add(node.id);
      for (const rel of node.rels ?? []) if (rel.type === "PARTICIPATED_IN") out.add(rel.otherId);
    }
  }
  return [...out].sort();
}

/** The evidence ids among `ids` that cite `article`. */
export async function readEvidenceInArticle(tx: ManagedTransaction, ids: string[], article: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const result = await tx.run<IdRecord>(cypher("queries/curation/evidence-in-article"), { ids, article });
  return result.records.map((r) => r.get("id"));
}

/** Types of the existing entities among `ids`. */
export async function readTypes(tx: ManagedTransaction, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const result = await tx.run<{ id: string; type: string }>(cypher("queries/curation/node-types"), { ids });
  return new Map(result.records.map((r) => [r.get("id"), r.get("type")]));
}

/* ----------------------------------------------------------------------------------------------------------------
 * Audit records
 * -------------------------------------------------------------------------------------------------------------- */

let sequence = 0;

/** A new change id that sorts by time (then by a per-process counter), so "later" is a string comparison. */
export function newChangeId(now = Date.now()): string {
  sequence = (sequence + 1) % 1_000_000;
  const random = Math.floor(Math.random() * 0x10000)
    .toString(16)
    .padStart(4, "0");
  return `chg-${String(now).padStart(14, "0")}-${String(sequence).padStart(6, "0")}-${random}`;
}

/** Stores an audit record and links it to its subjects. */
export async function createChange(tx: ManagedTransaction, change: Omit<ChangeRecord, "revertedBy">): Promise<void> {
  await tx.run(cypher("queries/curation/create-change"), { ...change });
}

function toChange(raw: Record<string, unknown>): ChangeRecord {
  return {
    id: String(raw.id),
    at: String(raw.at),
    by: String(raw.by),
    action: String(raw.action),
    subjectIds: Array.isArray(raw.subjectIds) ? raw.subjectIds.map(String) : [],
    before: String(raw.before ?? "null"),
    after: String(raw.after ?? "null"),
    reason: String(raw.reason ?? ""),
    revertOf: str(raw.revertOf),
    revertedBy: str(raw.revertedBy),
  };
}

/** One audit record, or null. */
export async function readChange(tx: ManagedTransaction, id: string): Promise<ChangeRecord | null> {
  const result = await tx.run<ChangeRecordShape>(cypher("queries/curation/change"), { id });
  const record = result.records[0];
  return record ? toChange(record.get("change")) : null;
}

/** The audit records naming a subject, newest first. */
export async function readHistory(db: Database, id: string, limit: number): Promise<ChangeRecord[]> {
  return db.read(
    cypher("queries/curation/history"),
    { id, limit: neo4j.int(limit) },
    (r: Neo4jRecord<ChangeRecordShape>) => toChange(r.get("change")),
  );
}

/** Later changes touching any of the subjects: `{id, revertedBy, revertOf}`. */
export async function readLaterChanges(
  tx: ManagedTransaction,
  id: string,
  subjectIds: string[],
): Promise<{ id: string; revertedBy: string | null; revertOf: string | null }[]> {
  const result = await tx.run<LaterChangeRecord>(cypher("queries/curation/later-changes"), { id, subjectIds });
  return result.records.map((r) => ({
    id: r.get("id"),
    revertedBy: str(r.get("revertedBy")),
    revertOf: str(r.get("revertOf")),
  }));
}

/** Sets (or clears) `revertedBy` on a change. */
export async function markReverted(tx: ManagedTransaction, id: string, revertedBy: string | null): Promise<void> {
  await tx.run(cypher("queries/curation/mark-reverted"), { id, revertedBy });
}
