/**
 * Suggestions service
 * ===================
 *
 * The review queue of the extractor's ambiguities. Accepting "possible same person" merges the other candidates
 * into the chosen one; accepting an ambiguous mention moves the evidence covering it to the chosen actor. Both are
 * audited changes. Every decision is remembered under its key and applied to the open suggestions that ask the
 * same question now, and to later articles' suggestions as they are ingested.
 */
import type { ManagedTransaction } from "neo4j-driver";
import type { Database } from "../../db/database.js";
import type { Json } from "../../../contracts/json.js";
import { ConflictError, NotFoundError, ValidationError } from "../../errors.js";
import { ensureCurationSchema, readTypes } from "./curation.repository.js";
import type { ChangeView } from "../../../contracts/curation.js";
import { choosePlace } from "../places/places.service.js";
import { mergeStates, mutateInTx } from "./curation.service.js";
import {
  readEvidenceInSpan,
  readOpenSuggestionsByKey,
  readSuggestion,
  readSuggestionList,
  type SuggestionView,
  writeSuggestionDecision,
} from "./suggestions.repository.js";

/** The queue by status. */
export async function listSuggestions(db: Database, status: string, limit: number): Promise<SuggestionView[]> {
  await ensureCurationSchema(db);
  return readSuggestionList(db, status, limit);
}

async function existingSuggestion(tx: ManagedTransaction, id: string): Promise<SuggestionView> {
  const suggestion = await readSuggestion(tx, id);
  if (!suggestion) throw new NotFoundError(`Suggestions: no suggestion with id "${id}".`);
  return suggestion;
}

const list = (value: Json | undefined): string[] => (Array.isArray(value) ? value.map(String) : []);

/** Applies an accepted decision to one suggestion's graph: a merge or an evidence move, audited. */
async function applyAccepted(
  tx: ManagedTransaction,
  s: SuggestionView,
  choice: string,
  by: string,
  reason: string,
): Promise<ChangeView[]> {
  // A low-confidence item was kept out of the graph: accepting it records the decision and changes nothing.
  if (s.kind === "low-confidence") return [];
  // A place question's candidates are cities of the gazetteer, not entities: the choice places the place.
  if (s.kind === "ambiguous-place") {
    await choosePlace(tx, String(s.id), choice);
    return [];
  }
  const candidates = list(s.candidates);
  const existing = await readTypes(tx, candidates);
  if (!existing.has(choice)) return [];
  const changes: ChangeView[] = [];
  if (s.kind === "possible-same-person") {
    for (const other of candidates) {
      if (other === choice || !existing.has(other)) continue;
      changes.push(
        await mutateInTx(tx, "merge", [choice, other], { by, reason }, (state, ctx) =>
          mergeStates(state, choice, other, ctx),
        ),
      );
    }
    return changes;
  }
  if (typeof s.start !== "number" || typeof s.end !== "number" || typeof s.article !== "string") return [];
  const others = candidates.filter((c) => c !== choice && existing.has(c));
  const evidence = new Set(
    await readEvidenceInSpan(tx, { actors: others, article: s.article, start: s.start, end: s.end }),
  );
  if (evidence.size === 0) return [];
  changes.push(
    await mutateInTx(tx, "reassign", [choice, ...others], { by, reason }, (state) => {
      const target = state.nodes.find((n) => n.id === choice)!;
      for (const node of state.nodes) {
        if (node.id === choice || !node.exists) continue;
        const moving = (node.rels ?? []).filter((r) => r.type === "EVIDENCED_BY" && evidence.has(r.otherId));
        node.rels = (node.rels ?? []).filter((r) => !moving.includes(r));
        for (const r of moving)
          if (!target.rels?.some((t) => t.type === r.type && t.otherId === r.otherId)) target.rels?.push(r);
      }
      return state;
    }),
  );
  return changes;
}

async function decide(
  db: Database,
  id: string,
  outcome: "accepted" | "rejected",
  choice: string | null,
  by: string,
  reason: string | undefined,
): Promise<{ suggestion: SuggestionView; decided: number; changes: ChangeView[] }> {
  await ensureCurationSchema(db);
  return db.writeTx(async (tx) => {
    const s = await existingSuggestion(tx, id);
    if (s.status !== "open") throw new ConflictError(`Suggestions: "${id}" was already ${String(s.status)}.`);
    if (choice !== null && !list(s.candidates).includes(choice)) {
      throw new ValidationError(`Suggestions: choose one of the candidates (${list(s.candidates).join(", ")}).`);
    }
    const key = String(s.key);
    // Every open suggestion asking the same question is decided with it.
    const same = await readOpenSuggestionsByKey(tx, key);
    const why = reason ?? `Suggestion ${id} ${outcome}: "${String(s.text)}"`;
    const changes: ChangeView[] = [];
    if (outcome === "accepted" && choice) {
      for (const one of same) changes.push(...(await applyAccepted(tx, one, choice, by, why)));
    }
    const decided = await writeSuggestionDecision(tx, {
      ids: same.map((x) => String(x.id)),
      outcome,
      choice,
      by,
      at: new Date().toISOString(),
      key,
      kind: String(s.kind),
    });
    return { suggestion: await existingSuggestion(tx, id), decided, changes };
  });
}

/** Accepts a suggestion with the chosen candidate. */
export function acceptSuggestion(db: Database, id: string, choice: string, by: string, reason?: string) {
  return decide(db, id, "accepted", choice, by, reason);
}

/** Rejects a suggestion (the extractor's reading stays as it is). */
export function rejectSuggestion(db: Database, id: string, by: string, reason?: string) {
  return decide(db, id, "rejected", null, by, reason);
}
