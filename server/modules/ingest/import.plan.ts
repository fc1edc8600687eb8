/**
 * Import plan
 * ===========
 *
 * Turns a validated (and screened) import file into the rows of every statement the writer runs, once, without a
 * database: the one-transaction writer (import.repository.ts) and the staged path (import.staged.ts) both write a
 * plan. Evidence ids are defined here too, because curation's screening must find a rejected citation by the id
 * it will have.
 */
import { createHash } from "node:crypto";
import type { Citation, ImportFile } from "../../../contracts/import-format.js";
import type { ImportSummary } from "../../../contracts/ingest.js";
import { FIELD_LINK_TYPES, type FieldLinkType, NODE_TYPES, type NodeType } from "../../../contracts/vocabulary.js";
import { dateRange } from "../graph/graph.schemas.js";
import { precisionOf } from "./import.validate.js";

/** Stable evidence id: the same span cited for the same subject is one Evidence node. */
export function evidenceId(subject: string, c: Citation): string {
  const key = [subject, c.article, c.paragraph ?? "", c.start ?? "", c.end ?? ""].join("|");
  return `ev-${createHash("sha256").update(key).digest("hex").slice(0, 20)}`;
}

type Row = Record<string, unknown>;

/** A link stated by a node field (participants, topics, place…); a participation states its role, no other link has a property. */
export interface LinkRow {
  source: string;
  target: string;
  role: string | null;
}

/** Everything an import writes, as the rows of each statement (built once; written by one or several transactions). */
export interface ImportPlan {
  articles: Row[];
  /** Nodes in "replace" mode: the links they own are cleared before the file states them afresh. */
  replaceIds: string[];
  nodes: Map<NodeType, Row[]>;
  links: Map<FieldLinkType, LinkRow[]>;
  quantities: (Row & { id: string; about: string[] })[];
  roles: (Row & { person: string; of: string })[];
  evidence: (Row & { id: string; subject: string; article: string })[];
  /** Actors whose encounters the file states (their MET links are refreshed). */
  participants: Set<string>;
}

/** Turns a (screened) import file into the rows of every statement the writer runs. */
export function planImport(file: ImportFile): ImportPlan {
  const articles = file.articles.map((a) => ({
    id: a.id,
    title: a.title,
    publisher: a.publisher ?? null,
    url: a.url ?? null,
    published: a.published ?? null,
    publishedPrecision: a.publishedPrecision ?? null,
    publishedNote: a.publishedNote ?? null,
    publishedStart: a.published ? dateRange(a.published).first : null,
    language: a.language,
    file: a.file ?? null,
    dateline: a.dateline ?? null,
    sha256: a.sha256 ?? null,
    text: a.text ?? null,
  }));

  const nodes = new Map<NodeType, Row[]>();
  for (const type of NODE_TYPES) nodes.set(type, []);
  for (const n of file.nodes) {
    const range = n.date ? dateRange(n.date) : null;
    nodes.get(n.type)!.push({
      id: n.id,
      type: n.type,
      kind: n.kind ?? n.type,
      name: n.name,
      aliases: n.aliases,
      description: n.description ?? null,
      status: n.status ?? null,
      date: n.date ?? null,
      datePrecision: n.datePrecision ?? (n.date ? precisionOf(n.date) : null),
      dateStart: range?.first ?? null,
      dateEnd: range?.last ?? null,
      summary: n.summary ?? null,
      x: n.x ?? null,
      y: n.y ?? null,
      lat: n.lat ?? null,
      lon: n.lon ?? null,
      properties: n.properties,
      extend: n.mode === "extend",
    });
  }

  const links = new Map<FieldLinkType, LinkRow[]>();
  for (const type of FIELD_LINK_TYPES) links.set(type, []);
  const participants = new Set<string>();
  const add = (type: FieldLinkType, source: string, target: string, role: string | null = null) => {
    links.get(type)!.push({ source, target, role });
  };
  // Each link type comes from one field of one node, so a link can only be stated twice within one list: such a
  // repeat becomes one link, with the last role stated, and the rows of every statement are distinct.
  // (The last statement of a key wins, at the place of its first.)
  const distinct = <T>(list: readonly T[], key: (item: T) => string): T[] => {
    if (list.length < 2) return list as T[];
    const byKey = new Map<string, T>();
    for (const item of list) byKey.set(key(item), item);
    return byKey.size === list.length ? (list as T[]) : [...byKey.values()];
  };
  for (const n of file.nodes) {
    if (n.country) add("IN_COUNTRY", n.id, n.country);
    if (n.partOf) add("PART_OF", n.id, n.partOf);
    if (n.place) add("AT", n.id, n.place);
    for (const t of distinct(n.topics, (t) => t)) add("ABOUT", n.id, t);
    for (const a of distinct(n.produced, (a) => a)) add("PRODUCED", n.id, a);
    for (const p of distinct(n.parties, (p) => p)) add("PARTY_TO", p, n.id);
    for (const p of distinct(n.participants, (p) => p.actor)) {
      add("PARTICIPATED_IN", p.actor, n.id, p.role ?? null);
      participants.add(p.actor);
    }
  }

  const evidence: ImportPlan["evidence"] = [];
  const cite = (subject: string, citations: Citation[]) =>
    citations.map((c) => {
      const id = evidenceId(subject, c);
      evidence.push({
        id,
        subject,
        article: c.article,
        paragraph: c.paragraph ?? null,
        start: c.start ?? null,
        end: c.end ?? null,
        by: c.by,
        note: c.note ?? null,
      });
      return id;
    });
  const quantities = file.quantities.map((q) => ({
    id: q.id,
    measure: q.measure,
    value: q.value,
    unit: q.unit,
    period: q.period ?? null,
    note: q.note ?? null,
    about: q.about,
  }));
  for (const n of file.nodes) cite(n.id, n.evidence);
  for (const q of file.quantities) cite(q.id, q.evidence);
  const roles = file.roles.map((r) => ({
    person: r.person,
    of: r.of,
    title: r.title,
    since: r.since ?? null,
    until: r.until ?? null,
    asOf: r.asOf ?? null,
    // Role evidence ids are stored on the relationship; the Evidence nodes link to the person.
    evidence: cite(r.person, r.evidence),
  }));

  return {
    articles,
    replaceIds: file.nodes.filter((n) => n.mode === "replace").map((n) => n.id),
    nodes,
    links,
    quantities,
    roles,
    evidence,
    participants,
  };
}

/** Rows a plan writes (the unit of the staging threshold and of the load benchmark). */
export function planRows(plan: ImportPlan): number {
  let rows = plan.articles.length + plan.quantities.length + plan.roles.length + plan.evidence.length;
  for (const list of plan.nodes.values()) rows += list.length;
  for (const list of plan.links.values()) rows += list.length;
  return rows;
}

/** The summary of a written plan. */
export function summarize(
  file: ImportFile,
  plan: ImportPlan,
  extra: Pick<ImportSummary, "metLinks" | "elapsedMs" | "skippedRejected" | "suggestions" | "joinedReports">,
): ImportSummary {
  let links = 0;
  for (const list of plan.links.values()) links += list.length;
  const { suggestions, ...rest } = extra;
  return {
    articles: file.articles.length,
    nodes: file.nodes.length,
    links,
    roles: file.roles.length,
    quantities: file.quantities.length,
    evidence: plan.evidence.length,
    ...rest,
    ...(suggestions ? { suggestions } : {}),
  };
}
