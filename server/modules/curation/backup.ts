/**
 * Backup and restore
 * ==================
 *
 * Writes the whole database in the import format, streamed page by page (keyset paging on ids, everything sorted
 * by id, so the same data gives the same bytes), and loads such a file into an empty database: the data sections
 * through the import path, then the backup-only sections (evidence with its review status, role evidence, links
 * the node fields cannot express, which articles report which event, rejections, the audit log, decisions and
 * snapshots and stories).
 */
import type { ImportFile } from "../../../contracts/import-format.js";
import {
  ACTOR_TYPES,
  AGREEMENT_STATUSES,
  LINK_ENDS,
  type LinkType,
  PARTICIPANT_ROLES,
  linkEndAccepts,
} from "../../../contracts/vocabulary.js";
import { CORE_ENTITY_PROPERTIES } from "../../db/entity-properties.js";
import { isOneOf, RELATIONSHIP_TYPES, type RelationshipType } from "../../db/labels.js";
import type { Database } from "../../db/database.js";
import { refreshStatisticsWhenOutgrown } from "../../db/planner.js";
import { readState } from "../../db/state.js";
import type { Json } from "../../../contracts/json.js";
import { DatabaseNotEmptyError, ValidationError } from "../../errors.js";
import { validateImport } from "../ingest/import.validate.js";
import type { ImportSummary } from "../../../contracts/ingest.js";
import { refreshMet, writeImport } from "../ingest/import.repository.js";
import { refreshAgreementsAbout } from "../nodes/nodes.repository.js";
import { curationImportHooks } from "./import-hooks.js";
import { ensureCurationSchema, splitProperties, stableJson } from "./curation.repository.js";
import {
  type BackupLinkRecord,
  type DriverProperties,
  isDatabaseUsed,
  readArticlePages,
  readEvidencePages,
  readKnownFromPages,
  readNodePages,
  readQuantityPages,
  readRecordPages,
  readReportPages,
  readRolePages,
  restoreEvidence,
  restoreLinks,
  restoreKnownFrom,
  restoreRecords,
  restoreReports,
  restoreRoleEvidence,
} from "./backup.repository.js";

/** Where the backup text goes; `write` resolves when the chunk may be followed by more (backpressure). */
export interface TextSink {
  write(chunk: string): Promise<void>;
}

type Row = Record<string, unknown>;
type Record_ = Record<string, Json>;

/* ----------------------------------------------------------------------------------------------------------------
 * Field rules: which links fit the import format's node fields (the rest go to the `links` section)
 * -------------------------------------------------------------------------------------------------------------- */

const ACTORS: readonly string[] = ACTOR_TYPES;
const fieldRule = (type: LinkType, field: string, single: boolean) => ({
  field,
  from: LINK_ENDS[type].source as readonly string[],
  to: LINK_ENDS[type].target as readonly string[],
  single,
});
const FIELD_RULES: Record<string, { field: string; from: readonly string[]; to: readonly string[]; single: boolean }> =
  {
    IN_COUNTRY: fieldRule("IN_COUNTRY", "country", true),
    PART_OF: fieldRule("PART_OF", "partOf", true),
    AT: fieldRule("AT", "place", true),
    ABOUT: fieldRule("ABOUT", "topics", false),
    PRODUCED: fieldRule("PRODUCED", "produced", false),
  };
const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9_]{0,59}$/;

function isPropertyValue(v: Json): boolean {
  if (typeof v === "string") return v.length <= 20_000;
  if (typeof v === "number" || typeof v === "boolean") return true;
  return (
    Array.isArray(v) &&
    v.length <= 1_000 &&
    v.every((x) => (typeof x === "string" && x.length <= 2_000) || typeof x === "number")
  );
}

interface LinkOut {
  type: string;
  id: string;
  otherType: string;
  props: Record_;
}

function link(r: BackupLinkRecord): LinkOut {
  // When the link was learned travels in the knownFrom section, as a datetime or as the text a curation change
  // left it as; kept here, that text would make the link a leftover in one backup and a field in the next.
  const { knownFrom: _learned, ...props } = splitProperties(r.props ?? {}).props;
  return { type: r.type, id: r.id, otherType: r.otherType ?? "", props };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const compact = (o: Record<string, Json | undefined>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Record_;

/** Splits an entity's links into import fields and leftover links (same decision on both passes). */
function classify(type: string, out: LinkOut[], incoming: LinkOut[]) {
  const fields: Record<string, Json> = {};
  const leftovers: LinkOut[] = [];
  for (const l of [...out].sort((a, b) => byId(a, b) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0))) {
    const rule = FIELD_RULES[l.type];
    const fits = rule && rule.from.includes(type) && rule.to.includes(l.otherType) && Object.keys(l.props).length === 0;
    if (fits && rule.single && fields[rule.field] === undefined) fields[rule.field] = l.id;
    else if (fits && !rule.single) fields[rule.field] = [...((fields[rule.field] as string[] | undefined) ?? []), l.id];
    else if (
      (l.type === "PARTICIPATED_IN" || l.type === "PARTY_TO") &&
      incomingFits(l.type, l.otherType, type, l.props)
    )
      continue;
    else leftovers.push(l);
  }
  const participants: Json[] = [];
  const parties: string[] = [];
  for (const l of [...incoming].sort(byId)) {
    if (!incomingFits(l.type, type, l.otherType, l.props)) continue;
    if (l.type === "PARTICIPATED_IN") participants.push({ actor: l.id, role: String(l.props.role ?? "participant") });
    else parties.push(l.id);
  }
  return { fields, participants, parties, leftovers };
}

/** Whether `(actor:actorType)-[type]->(target:targetType)` is expressed by the target's participants or parties. */
function incomingFits(type: string, targetType: string, actorType: string, props: Record_): boolean {
  if (!ACTORS.includes(actorType)) return false;
  if (type === "PARTY_TO") return targetType === "agreement" && Object.keys(props).length === 0;
  const keys = Object.keys(props);
  return (
    targetType === "event" &&
    keys.every((k) => k === "role") &&
    (PARTICIPANT_ROLES as readonly string[]).includes(String(props.role ?? "participant")) &&
    props.role !== undefined
  );
}

/* ----------------------------------------------------------------------------------------------------------------
 * Backup
 * -------------------------------------------------------------------------------------------------------------- */

/** How often a backup is read again when writes keep landing while it reads. */
const BACKUP_ATTEMPTS = 5;
/** How long a backup waits for batched writes (a big import) to end before it starts reading. */
const QUIET_WAIT_MS = 10 * 60_000;

/** Waits until no batched write runs, then returns the data version to compare with after reading. */
async function quietVersion(db: Database, report: (message: string) => void): Promise<number> {
  const started = Date.now();
  let told = false;
  for (;;) {
    const state = await readState(db);
    if (state.writers === 0) return state.version;
    if (Date.now() - started > QUIET_WAIT_MS) {
      throw new Error(
        "A batched import has been running for 10 minutes; wait for it to end (or restart the server if it was stopped), then back up again.",
      );
    }
    if (!told) report("Waiting for a running import to end before reading the backup…");
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/**
 * Writes a backup of the database as it was at one point in time. The backup reads in many transactions (page by
 * page), so it compares the data version that every write through Parley moves on (db/state.ts) before and after:
 * when a write landed meanwhile, the sink is opened anew and everything is read again. Writes made outside Parley
 * (e.g. in Neo4j Browser) are not seen by this check.
 */
export async function writeConsistentBackup(
  db: Database,
  openSink: (attempt: number) => Promise<TextSink>,
  report: (message: string) => void = () => undefined,
): Promise<Record<string, number>> {
  for (let attempt = 1; attempt <= BACKUP_ATTEMPTS; attempt++) {
    const before = await quietVersion(db, report);
    const counts = await writeBackup(db, await openSink(attempt));
    const after = await readState(db);
    if (after.version === before && after.writers === 0) return counts;
    report(`The database changed while the backup was read; reading it again (attempt ${attempt + 1}).`);
  }
  throw new Error(
    `The database changed during each of ${BACKUP_ATTEMPTS} attempts to read a backup; back up when imports and curation pause.`,
  );
}

/**
 * Writes the whole database to `sink` as one JSON document in the import format (one record per line). Reads
 * only: the sections are read in separate transactions, so use `writeConsistentBackup` unless nothing writes.
 */
export async function writeBackup(db: Database, sink: TextSink): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await sink.write('{\n"format": "parley-import",\n"version": 1,\n"title": "Parley backup"');
  const section = async (name: string, records: AsyncGenerator<Json>) => {
    let n = 0;
    await sink.write(`,\n${JSON.stringify(name)}: [`);
    for await (const record of records) {
      await sink.write(`${n === 0 ? "\n" : ",\n"}${stableJson(record)}`);
      n++;
    }
    await sink.write(n === 0 ? "]" : "\n]");
    counts[name] = n;
  };
  const propsOf = (row: { props: DriverProperties | null }) => splitProperties(row.props ?? {});

  await section(
    "articles",
    (async function* () {
      for await (const rows of readArticlePages(db)) {
        for (const row of rows) {
          const { props } = propsOf(row);
          const p = props as Record<string, Json>;
          yield compact({
            id: p.id,
            title: p.title,
            publisher: p.publisher,
            url: p.url,
            published: p.published,
            publishedPrecision: p.publishedPrecision,
            publishedNote: p.publishedNote,
            language: p.language,
            file: p.file,
            sha256: p.sha256,
            text: p.text,
            dateline: p.dateline,
          });
        }
      }
    })(),
  );

  await section(
    "nodes",
    (async function* () {
      for await (const rows of readNodePages(db)) {
        for (const row of rows) {
          const { props: p } = propsOf(row);
          const type = String(p.type);
          const { fields, participants, parties } = classify(type, row.out.map(link), row.incoming.map(link));
          const properties: Record_ = {};
          for (const key of Object.keys(p).sort())
            if (!CORE_ENTITY_PROPERTIES.has(key) && PROPERTY_NAME.test(key) && isPropertyValue(p[key]!))
              properties[key] = p[key]!;
          yield compact({
            id: p.id,
            type,
            kind: p.kind,
            name: p.name,
            aliases: p.aliases ?? [],
            description: p.description,
            status:
              type === "agreement" && (AGREEMENT_STATUSES as readonly string[]).includes(String(p.status))
                ? p.status
                : undefined,
            date: p.date,
            datePrecision: p.date ? p.datePrecision : undefined,
            summary: p.summary,
            x: p.x,
            y: p.y,
            // Coordinates come back as the file's own (settled once, whatever settled them first).
            lat: typeof p.lat === "number" && typeof p.lon === "number" ? p.lat : undefined,
            lon: typeof p.lat === "number" && typeof p.lon === "number" ? p.lon : undefined,
            ...fields,
            participants: participants.length ? participants : undefined,
            parties: parties.length ? parties : undefined,
            properties: Object.keys(properties).length ? properties : undefined,
          });
        }
      }
    })(),
  );

  const roleEvidence: Json[] = [];
  await section(
    "roles",
    (async function* () {
      for await (const rows of readRolePages(db)) {
        for (const row of rows) {
          const { props: p } = propsOf(row);
          if (row.personType !== "person" || !linkEndAccepts("HOLDS_ROLE", "target", String(row.ofType))) continue;
          const evidence = Array.isArray(p.evidence) ? p.evidence : [];
          // Role evidence ids are kept apart: after a merge they need not match the ids the import would compute.
          if (evidence.length) roleEvidence.push({ person: row.person, of: row.of, title: p.title!, evidence });
          yield compact({
            person: row.person,
            title: p.title,
            of: row.of,
            since: p.since,
            until: p.until,
            asOf: p.asOf,
          });
        }
      }
    })(),
  );

  await section(
    "quantities",
    (async function* () {
      for await (const rows of readQuantityPages(db)) {
        for (const row of rows) {
          const { props: p } = propsOf(row);
          const about = [...row.about].sort();
          if (about.length === 0) continue;
          yield compact({
            id: p.id,
            measure: p.measure,
            value: p.value,
            unit: p.unit,
            period: p.period,
            note: p.note,
            about,
          });
        }
      }
    })(),
  );

  await section(
    "suggestions",
    (async function* () {
      for await (const rows of readRecordPages(db, "Suggestion", "id")) {
        for (const row of rows) {
          const { props: p } = propsOf(row);
          yield compact({
            id: p.id,
            kind: p.kind,
            article: p.article,
            text: p.text,
            candidates: p.candidates ?? [],
            chosen: p.chosen,
            start: p.start,
            end: p.end,
            status: p.status,
            decidedBy: p.decidedBy,
            decidedAt: p.decidedAt,
          });
        }
      }
    })(),
  );

  await section(
    "evidence",
    (async function* () {
      for await (const rows of readEvidencePages(db)) {
        for (const row of rows) {
          const { props, temporals } = propsOf(row);
          const subjects = [...row.subjects].sort((a, b) => byId(a, b) || (a.label < b.label ? -1 : 1));
          yield compact({ props, createdAt: temporals.createdAt, subjects });
        }
      }
    })(),
  );

  await section(
    "roleEvidence",
    (async function* () {
      yield* roleEvidence;
    })(),
  );

  await section(
    "links",
    (async function* () {
      for await (const rows of readNodePages(db)) {
        for (const row of rows) {
          const { props: p } = propsOf(row);
          const { leftovers } = classify(String(p.type), row.out.map(link), []);
          for (const l of leftovers) yield { type: l.type, from: String(p.id), to: l.id, props: l.props };
        }
      }
    })(),
  );

  await section(
    "reports",
    (async function* () {
      for await (const rows of readReportPages(db)) {
        for (const row of rows) yield { event: row.event, article: row.article, props: propsOf(row).props };
      }
    })(),
  );

  await section(
    "knownFrom",
    (async function* () {
      for await (const rows of readKnownFromPages(db)) {
        for (const row of rows) yield compact({ id: row.key, at: row.at ?? undefined, links: row.links });
      }
    })(),
  );

  for (const [name, label, key] of [
    ["rejections", "Rejection", "id"],
    ["changes", "Change", "id"],
    ["decisions", "Decision", "key"],
    ["snapshots", "Snapshot", "id"],
    ["stories", "Story", "id"],
  ] as const) {
    await section(
      name,
      (async function* () {
        for await (const rows of readRecordPages(db, label, key)) {
          for (const row of rows) {
            const { props, temporals } = propsOf(row);
            yield compact({
              props,
              ...temporals,
              shows: label === "Snapshot" ? [...row.shows].sort() : undefined,
            });
          }
        }
      })(),
    );
  }
  await sink.write("\n}\n");
  return counts;
}

/* ----------------------------------------------------------------------------------------------------------------
 * Restore
 * -------------------------------------------------------------------------------------------------------------- */

/**
 * Loads a backup document into an EMPTY database: the data through the import path (validated in full), then the
 * backup-only sections. Throws DatabaseNotEmptyError when the database holds anything.
 */
export async function restoreBackup(
  db: Database,
  document: unknown,
): Promise<{ summary: ImportSummary; restored: Record<string, number> }> {
  await ensureCurationSchema(db);
  if (await isDatabaseUsed(db)) {
    throw new DatabaseNotEmptyError(
      "Restore: the database is not empty; restore loads only into an empty database. Point NEO4J_URI at an empty one, or stop Parley and move .parley/neo4j aside.",
    );
  }
  const validation = validateImport(document);
  if (!validation.ok) {
    throw new ValidationError(
      `Restore: the backup is not a valid import file: ${validation.errors
        .slice(0, 5)
        .map((e) => `${e.path}: ${e.message}`)
        .join("; ")}`,
      validation.errors,
    );
  }
  const file: ImportFile = validation.data;
  const summary = await writeImport(db, file, curationImportHooks);
  const restored: Record<string, number> = {};
  const rowsOf = (name: keyof ImportFile) => (file[name] as Row[] | undefined) ?? [];

  await db.writeTx(
    async (tx) => {
      restored.evidence = await restoreEvidence(
        tx,
        rowsOf("evidence").map((r) => ({ props: r.props, createdAt: r.createdAt ?? null, subjects: r.subjects ?? [] })),
      );
      restored.roleEvidence = await restoreRoleEvidence(tx, rowsOf("roleEvidence"));

      const groups = new Map<RelationshipType, Row[]>();
      for (const l of rowsOf("links")) {
        const type = String(l.type);
        if (!isOneOf(RELATIONSHIP_TYPES, type))
          throw new ValidationError(`Restore: "${type}" is not a relationship type.`);
        groups.set(type, [...(groups.get(type) ?? []), { from: l.from, to: l.to, props: l.props ?? {} }]);
      }
      restored.links = 0;
      for (const [type, rows] of groups) restored.links += await restoreLinks(tx, type, rows);
      restored.reports = await restoreReports(
        tx,
        rowsOf("reports").map((r) => ({ from: r.event, to: r.article, props: r.props ?? {} })),
      );
      for (const [name, label] of [
        ["rejections", "Rejection"],
        ["changes", "Change"],
        ["decisions", "Decision"],
        ["snapshots", "Snapshot"],
        ["stories", "Story"],
      ] as const) {
        restored[name] = await restoreRecords(
          tx,
          label,
          rowsOf(name).map((r) => ({
            props: r.props,
            createdAt: r.createdAt ?? null,
            takenDownAt: r.takenDownAt ?? null,
            shows: r.shows ?? [],
          })),
        );
      }
      // When Parley learned each fact, over the time of this restore (the import path stamps what it writes).
      restored.knownFrom = await restoreKnownFrom(
        tx,
        rowsOf("knownFrom").map((r) => ({ id: r.id, at: r.at ?? null, links: r.links ?? [] })),
      );
      // Links restored here may join people to events, so the projection is rebuilt for them.
      const actors = [
        ...new Set(
          rowsOf("links")
            .filter((l) => l.type === "PARTICIPATED_IN")
            .map((l) => String(l.from)),
        ),
      ];
      if (actors.length) await refreshMet(tx, actors);
      // Agreements' links restored here may be about topics: their stored count of agreements (server/modules/nodes).
      await refreshAgreementsAbout(
        tx,
        rowsOf("links")
          .filter((l) => l.type === "ABOUT")
          .map((l) => String(l.to)),
      );
    },
    { timeoutMs: 30 * 60_000 },
  );
  // A restore fills an empty database: plans cached before it were made for none of this data.
  const restoredRows = Object.values(restored).reduce((sum, n) => sum + n, file.nodes.length);
  await refreshStatisticsWhenOutgrown(db, 0, restoredRows);
  return { summary, restored };
}
