/**
 * Backup repository
 * =================
 *
 * The reads and writes of backup and restore (backup.ts): every section read page by page with keyset paging on
 * ids (each page its own read transaction, so a million-node database never sits in memory or in one
 * transaction), and the backup-only sections written back in batches inside the restore's transaction.
 */
import neo4j, { type ManagedTransaction, type Record as Neo4jRecord, type RecordShape } from "neo4j-driver";
import { cypher } from "../../db/cypher.js";
import type { Database } from "../../db/database.js";
import type { NodeLabel, RelationshipType } from "../../db/labels.js";
import { type CountRecord, toNumber } from "../../db/values.js";

/** Records per page read from Neo4j and per restore statement. */
export const BACKUP_PAGE = 2_000;

/* ----------------------------------------------------------------------------------------------------------------
 * Record shapes (what each backup query returns; property maps still hold driver values)
 * -------------------------------------------------------------------------------------------------------------- */

/** Driver properties of a node or relationship (integers, temporals as the driver gives them). */
export type DriverProperties = Record<string, unknown>;

/** A record of queries/curation/backup-articles. */
export interface BackupArticleRecord {
  props: DriverProperties;
}

/** A link of an entity in queries/curation/backup-nodes. */
export interface BackupLinkRecord {
  type: string;
  id: string;
  otherType: string | null;
  props: DriverProperties | null;
}

/** A record of queries/curation/backup-nodes: an entity, its outgoing links and its incoming participations. */
export interface BackupNodeRecord {
  props: DriverProperties;
  out: BackupLinkRecord[];
  incoming: BackupLinkRecord[];
}

/** A record of queries/curation/backup-roles: one HOLDS_ROLE link with its ends' types. */
export interface BackupRoleRecord {
  person: string;
  personType: string | null;
  of: string;
  ofType: string | null;
  props: DriverProperties;
}

/** A record of queries/curation/backup-quantities. */
export interface BackupQuantityRecord {
  props: DriverProperties;
  about: string[];
}

/** A record of queries/curation/backup-evidence: the evidence and what it evidences. */
export interface BackupEvidenceRecord {
  props: DriverProperties;
  subjects: { label: string; id: string }[];
}

/** A record of queries/curation/backup-reports: one REPORTED_BY link. */
export interface BackupReportRecord {
  key: string;
  event: string;
  article: string;
  props: DriverProperties;
}

/** A record of queries/curation/backup-known-from: an entity's knownFrom and its outgoing links'. */
export interface BackupKnownFromRecord {
  key: string;
  at: string | null;
  links: { type: string; to: string; at: string }[];
}

/** A record of queries/curation/backup-records (rejections, changes, decisions, snapshots, suggestions). */
export interface BackupStoredRecord {
  props: DriverProperties;
  shows: string[];
}

/* ----------------------------------------------------------------------------------------------------------------
 * Backup: sections page by page
 * -------------------------------------------------------------------------------------------------------------- */

/** Reads `query` page by page (`$after`, `$page`), the next page starting after the key of the last record. */
async function* pages<R extends RecordShape>(
  db: Database,
  query: string,
  keyOf: (record: R) => string,
  params: Record<string, unknown> = {},
): AsyncGenerator<R[]> {
  let after = "";
  for (;;) {
    const rows = await db.read(query, { ...params, after, page: neo4j.int(BACKUP_PAGE) }, (r: Neo4jRecord<R>) =>
      r.toObject(),
    );
    if (rows.length === 0) return;
    yield rows;
    after = keyOf(rows[rows.length - 1]!);
  }
}

const byPropsId = (record: { props: DriverProperties }) => String(record.props.id);

/** Every article, by id. */
export const readArticlePages = (db: Database) =>
  pages<BackupArticleRecord>(db, cypher("queries/curation/backup-articles"), byPropsId);

/** Every entity with its links, by id. */
export const readNodePages = (db: Database) =>
  pages<BackupNodeRecord>(db, cypher("queries/curation/backup-nodes"), byPropsId);

/** Every role, by person then organisation. */
export const readRolePages = (db: Database) =>
  pages<BackupRoleRecord>(db, cypher("queries/curation/backup-roles"), (r) => r.person);

/** Every quantity with what it is about, by id. */
export const readQuantityPages = (db: Database) =>
  pages<BackupQuantityRecord>(db, cypher("queries/curation/backup-quantities"), byPropsId);

/** Every evidence node with its subjects, by id. */
export const readEvidencePages = (db: Database) =>
  pages<BackupEvidenceRecord>(db, cypher("queries/curation/backup-evidence"), byPropsId);

/** Every REPORTED_BY link, by event then article. */
export const readReportPages = (db: Database) =>
  pages<BackupReportRecord>(db, cypher("queries/curation/backup-reports"), (r) => r.key);

/** When each entity and its outgoing links were learned, by entity id. */
export const readKnownFromPages = (db: Database) =>
  pages<BackupKnownFromRecord>(db, cypher("queries/curation/backup-known-from"), (r) => r.key);

/** Every stored record of a label (rejections, changes…), by the property `key`. */
export const readRecordPages = (db: Database, label: NodeLabel, key: string) =>
  pages<BackupStoredRecord>(db, cypher("queries/curation/backup-records", { label }), (r) => String(r.props[key]), {
    key,
  });

/* ----------------------------------------------------------------------------------------------------------------
 * Restore: the backup-only sections, in the restore's write transaction
 * -------------------------------------------------------------------------------------------------------------- */

/** Whether the database holds anything besides Parley's own state node. */
export async function isDatabaseUsed(db: Database): Promise<boolean> {
  const [used] = await db.read(cypher("queries/curation/database-empty"), {}, (r: Neo4jRecord<{ used: boolean }>) =>
    r.get("used"),
  );
  return used === true;
}

/** A row of a restore statement, as the backup file holds it. */
type Row = Record<string, unknown>;

/** Runs `query` over `rows` in batches of {@link BACKUP_PAGE}; returns the sum of the batches' `count`. */
async function writeInPages(tx: ManagedTransaction, query: string, rows: readonly Row[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += BACKUP_PAGE) {
    const result = await tx.run<CountRecord>(query, { rows: rows.slice(i, i + BACKUP_PAGE) });
    n += toNumber(result.records[0]?.get("count"));
  }
  return n;
}

/** Creates evidence nodes (`{props, createdAt, subjects}`) with their article and subject links. */
export const restoreEvidence = (tx: ManagedTransaction, rows: readonly Row[]) =>
  writeInPages(tx, cypher("queries/curation/restore-evidence"), rows);

/** Sets the evidence ids of roles (`{person, of, title, evidence}`). */
export const restoreRoleEvidence = (tx: ManagedTransaction, rows: readonly Row[]) =>
  writeInPages(tx, cypher("queries/curation/restore-role-evidence"), rows);

/** Creates links of one type between entities (`{from, to, props}`). */
export const restoreLinks = (tx: ManagedTransaction, type: RelationshipType, rows: readonly Row[]) =>
  writeInPages(tx, cypher("queries/curation/create-rels", { type, from: "Entity", to: "Entity" }), rows);

/** Creates REPORTED_BY links from events to articles (`{from, to, props}`). */
export const restoreReports = (tx: ManagedTransaction, rows: readonly Row[]) =>
  writeInPages(
    tx,
    cypher("queries/curation/create-rels", { type: "REPORTED_BY", from: "Entity", to: "Article" }),
    rows,
  );

/** Stamps entities and their outgoing links with when they were learned (`{id, at, links: [{type, to, at}]}`). */
export const restoreKnownFrom = (tx: ManagedTransaction, rows: readonly Row[]) =>
  writeInPages(tx, cypher("queries/curation/restore-known-from"), rows);

/** Creates stored records of a label (`{props, createdAt, takenDownAt, shows}`) with their links. */
export const restoreRecords = (tx: ManagedTransaction, label: NodeLabel, rows: readonly Row[]) =>
  writeInPages(tx, cypher("queries/curation/restore-records", { label }), rows);
