/**
 * Curation hooks of the import path
 * =================================
 *
 * What the import writer asks of curation inside its transaction (the `ImportHooks` that ingest declares, in
 * ingest/import.hooks.ts): drop what a curator deleted (nodes with a Rejection, citations of rejected evidence),
 * land merged-away ids on the kept node, and store the extractor's suggestions, deciding at once those whose
 * question was already answered. The app and the command-line tools hand `curationImportHooks` to the import path.
 */
import { createHash } from "node:crypto";
import type { ManagedTransaction } from "neo4j-driver";
import type { Citation, ImportFile, ImportNode, ImportSuggestion } from "../../../contracts/import-format.js";
import type { SkippedRejected } from "../../../contracts/ingest.js";
import { labelCount } from "../../db/counts.js";
import type { ImportHooks } from "../ingest/import.hooks.js";
import { evidenceId } from "../ingest/import.plan.js";
import { readRejectedEvidence, readRejectionFates } from "./curation.repository.js";
import { type SuggestionRow, writeSuggestionRows } from "./suggestions.repository.js";

/**
 * Rewrites an import so that it does not bring back deleted facts: nodes with a Rejection are dropped with their
 * links, merged ids are replaced by the id they were merged into, and citations whose evidence was rejected are
 * dropped. Returns the file unchanged (same object) when nothing applies.
 */
export async function screenRejected(
  tx: ManagedTransaction,
  file: ImportFile,
): Promise<{ file: ImportFile; skipped: SkippedRejected }> {
  const skipped: SkippedRejected = { nodes: 0, citations: 0, links: 0, redirected: 0 };
  const ids = new Set<string>();
  for (const n of file.nodes) {
    ids.add(n.id);
    for (const p of n.participants) ids.add(p.actor);
  }
  for (const r of file.roles) ids.add(r.person).add(r.of);

  // Follow redirects (a merged into b, b merged into c…) to the final id, or null when the end was deleted. A
  // database no curator has deleted or merged in (every first load) has no Rejection to look ids up against.
  const fate = new Map<string, { action: string; into: string | null }>();
  let pending = (await labelCount(tx, "Rejection")) === 0 ? [] : [...ids];
  for (let depth = 0; depth < 10 && pending.length; depth++) {
    const rows = await readRejectionFates(tx, pending);
    pending = [];
    for (const { id, action, into } of rows) {
      fate.set(id, { action, into });
      if (into && !fate.has(into)) pending.push(into);
    }
  }
  const resolve = (id: string): string | null => {
    let current = id;
    for (let i = 0; i < 10; i++) {
      const f = fate.get(current);
      if (!f) return current;
      if (f.action !== "merged" || !f.into) return null;
      current = f.into;
    }
    return null;
  };

  let nodes = file.nodes;
  let roles = file.roles;
  let quantities = file.quantities;
  if (fate.size) {
    const ref = (id: string | undefined, own: string) => {
      if (id === undefined) return undefined;
      const r = resolve(id);
      if (r === null || r === own) {
        skipped.links++;
        return undefined;
      }
      return r;
    };
    const refs = (list: string[], own: string) => [
      ...new Set(list.map((id) => ref(id, own)).filter((id): id is string => !!id)),
    ];
    const byId = new Map<string, ImportNode>();
    for (const n of file.nodes) {
      const id = resolve(n.id);
      if (id === null) {
        skipped.nodes++;
        continue;
      }
      const seen = new Set<string>();
      const participants = n.participants.flatMap((p) => {
        const actor = ref(p.actor, id);
        if (!actor || seen.has(actor)) return [];
        seen.add(actor);
        return [{ ...p, actor }];
      });
      const node: ImportNode = {
        ...n,
        id,
        country: ref(n.country, id),
        partOf: ref(n.partOf, id),
        place: ref(n.place, id),
        topics: refs(n.topics, id),
        produced: refs(n.produced, id),
        parties: refs(n.parties, id),
        participants,
      };
      if (id !== n.id) {
        skipped.redirected++;
        // The kept node keeps its own fields: a merged-away record only adds its name, aliases and evidence.
        node.mode = "extend";
        node.aliases = [...new Set([n.name, ...n.aliases])];
      }
      const already = byId.get(id);
      if (already) {
        already.evidence = [...already.evidence, ...node.evidence];
        already.aliases = [...new Set([...already.aliases, ...node.aliases])];
      } else byId.set(id, node);
    }
    nodes = [...byId.values()];
    roles = file.roles.flatMap((r) => {
      const person = resolve(r.person);
      const of = resolve(r.of);
      if (person === null || of === null) {
        skipped.links++;
        return [];
      }
      return [{ ...r, person, of }];
    });
    quantities = file.quantities.flatMap((q) => {
      const about = refs(q.about, q.id);
      return about.length ? [{ ...q, about }] : [];
    });
  }

  // Citations of rejected evidence (same subject, same span) are dropped; without any evidence yet, none is rejected.
  const cited: string[] = [];
  if ((await labelCount(tx, "Evidence")) > 0) {
    const collect = (subject: string, list: Citation[]) => list.forEach((c) => cited.push(evidenceId(subject, c)));
    nodes.forEach((n) => collect(n.id, n.evidence));
    roles.forEach((r) => collect(r.person, r.evidence));
    quantities.forEach((q) => collect(q.id, q.evidence));
  }
  const rejected = new Set(await readRejectedEvidence(tx, cited));
  if (rejected.size) {
    const keep = (subject: string, list: Citation[]) =>
      list.filter((c) => {
        const ok = !rejected.has(evidenceId(subject, c));
        if (!ok) skipped.citations++;
        return ok;
      });
    nodes = nodes.map((n) => ({ ...n, evidence: keep(n.id, n.evidence) }));
    roles = roles.map((r) => ({ ...r, evidence: keep(r.person, r.evidence) }));
    quantities = quantities.map((q) => ({ ...q, evidence: keep(q.id, q.evidence) }));
  }
  if (nodes === file.nodes && roles === file.roles && quantities === file.quantities) return { file, skipped };
  return { file: { ...file, nodes, roles, quantities }, skipped };
}

/* ----------------------------------------------------------------------------------------------------------------
 * Suggestions
 * -------------------------------------------------------------------------------------------------------------- */

/** Folds case, diacritics and spacing, so "BARZANÎ " and "Barzani" ask the same question. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** The key under which a decision is remembered: kind, normalised text and the candidates (in any order). */
export function decisionKey(kind: string, text: string, candidates: readonly string[]): string {
  return `${kind}|${normalizeText(text)}|${[...new Set(candidates)].sort().join(",")}`;
}

/** A stable id: the same question about the same span of the same article is one suggestion. */
export function suggestionId(
  s: Pick<ImportSuggestion, "kind" | "article" | "text" | "candidates" | "start" | "end">,
): string {
  const key = [s.kind, s.article ?? "", s.start ?? "", s.end ?? "", s.text, [...s.candidates].sort().join(",")].join(
    "|",
  );
  return `sug-${createHash("sha256").update(key).digest("hex").slice(0, 20)}`;
}

/**
 * Stores suggestions (once per id). With `applyDecisions`, a new suggestion whose key was decided before takes that
 * decision at once, and an accepted ambiguous mention moves the covering evidence to the chosen actor.
 * Returns how many were stored and how many were decided automatically.
 */
export async function writeSuggestions(
  tx: ManagedTransaction,
  suggestions: ImportSuggestion[],
  applyDecisions = true,
): Promise<{ stored: number; decided: number }> {
  if (suggestions.length === 0) return { stored: 0, decided: 0 };
  const rows = suggestions.map((s): SuggestionRow => ({
    id: s.id ?? suggestionId(s),
    kind: s.kind,
    article: s.article ?? null,
    text: s.text,
    candidates: s.candidates,
    chosen: s.chosen ?? null,
    start: s.start ?? null,
    end: s.end ?? null,
    key: decisionKey(s.kind, s.text, s.candidates),
    status: s.status ?? null,
    decidedBy: s.decidedBy ?? null,
    decidedAt: s.decidedAt ?? null,
  }));
  const decided = await writeSuggestionRows(tx, rows, applyDecisions);
  return { stored: rows.length, decided: decided.length };
}

/** Curation's side of every import: screening against curators' decisions, and the review queue. */
export const curationImportHooks: ImportHooks = {
  screen: screenRejected,
  storeSuggestions: (tx, suggestions) => writeSuggestions(tx, suggestions),
};
