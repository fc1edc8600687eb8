/**
 * Lone surnames
 * =============
 *
 * An article that names someone by surname alone ("Barzani said…", "President Barzani") cannot say which of the
 * graph's persons of that name it means; when several share it, the question goes to the review queue as an
 * `ambiguous-mention` suggestion with those persons as candidates, on `npm run ingest` and the API alike.
 */
import type { ImportSuggestion } from "../../../contracts/import-format.js";
import type { ExtractionResult } from "../../../extractor/types.js";
import type { Database } from "../../db/database.js";
import type { articlesToImport } from "./extraction.import.js";
import { SURNAME, personsBySurname } from "./extraction.repository.js";

interface LoneSurname {
  article: string;
  surname: string;
  start: number;
  end: number;
}

/** "Barzani said", "…, Barzani met": a capitalised word, not sentence-initial, before a verb that only people do. */
const SURNAME_BEFORE_VERB =
  /(?<=[\p{Ll},;:”"’)]\s+)(\p{Lu}[\p{L}\p{M}'’-]+)(?=\s+(?:said|says|told|added|met|meets|received|visited|stressed|urged|noted|called))/gu;

/** Single-word person names of an extraction and surnames used alone as the subject of a person verb. */
export function loneSurnames(extraction: ExtractionResult, texts: Map<string, string>): LoneSurname[] {
  const out: LoneSurname[] = [];
  const seen = new Set<string>();
  const add = (s: LoneSurname) => {
    const key = `${s.article}|${s.surname}`;
    if (seen.has(key) || !SURNAME.test(s.surname)) return;
    seen.add(key);
    out.push(s);
  };
  const inFullName = new Map<string, Set<string>>();
  for (const a of extraction.actors) {
    if (a.kind !== "person") continue;
    const words = a.name.split(/\s+/);
    for (const m of a.mentions) {
      if (words.length === 1) add({ article: m.article, surname: a.name, start: m.start, end: m.end });
      else {
        const known = inFullName.get(m.article) ?? new Set();
        for (const w of words) known.add(w);
        inFullName.set(m.article, known);
      }
    }
  }
  for (const [article, text] of texts) {
    for (const m of text.matchAll(SURNAME_BEFORE_VERB)) {
      // A surname of a person the article names in full is that person.
      if (inFullName.get(article)?.has(m[1])) continue;
      add({ article, surname: m[1], start: m.index, end: m.index + m[1].length });
    }
  }
  return out.filter((s) => !inFullName.get(s.article)?.has(s.surname));
}

/** Review suggestions for lone surnames that two or more persons in the graph share. */
export async function surnameSuggestions(
  db: Database,
  extraction: ExtractionResult,
  texts: Map<string, string>,
  articleIdOf: (article: string) => string,
): Promise<ImportSuggestion[]> {
  const lone = loneSurnames(extraction, texts);
  if (!lone.length) return [];
  const holders = await personsBySurname(
    db,
    lone.map((s) => s.surname),
  );
  return lone
    .filter((s) => (holders.get(s.surname)?.length ?? 0) >= 2)
    .map((s) => ({
      kind: "ambiguous-mention" as const,
      article: articleIdOf(s.article),
      text: s.surname,
      candidates: holders.get(s.surname)!,
      chosen: null,
      start: s.start,
      end: s.end,
    }));
}

/** Adds the lone-surname questions of an extraction to its import document's suggestions. */
export async function addSurnameQuestions(db: Database, imported: ReturnType<typeof articlesToImport>): Promise<void> {
  const questions = await surnameSuggestions(db, imported.all, imported.texts, imported.articleIdOf);
  if (questions.length) imported.document.suggestions = [...(imported.document.suggestions ?? []), ...questions];
}
