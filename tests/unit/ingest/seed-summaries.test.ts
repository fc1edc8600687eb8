/**
 * Seed dataset summaries
 * ======================
 *
 * The sample ships without its four third-party article texts, so every citation of data/seed.json carries a short
 * summary of its passage (the citation's `note`) in the project's own words, and every article names its source.
 * When the seed texts are available (../shared/seeds) the summaries are checked against them: none may repeat eight
 * or more consecutive words of an article (the same word normalisation as the repository's copied-text check).
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Citation, ImportFile } from "../../../contracts/import-format.js";
import { validateImport } from "../../../server/modules/ingest/import.validate.js";

const seedPath = fileURLToPath(new URL("../../../data/seed.json", import.meta.url));
const seedsDir = fileURLToPath(new URL("../../../../shared/seeds/", import.meta.url));

/** Longest run of words a summary may share with its article. */
const MAX_SHARED_RUN = 7;

function loadSeed(): ImportFile {
  const result = validateImport(JSON.parse(readFileSync(seedPath, "utf8")));
  if (!result.ok) throw new Error(`seed dataset is invalid: ${JSON.stringify(result.errors.slice(0, 5))}`);
  return result.data;
}

function allCitations(data: ImportFile): { owner: string; citation: Citation }[] {
  return [
    ...data.nodes.flatMap((n) => n.evidence.map((citation) => ({ owner: n.id, citation }))),
    ...data.roles.flatMap((r) => r.evidence.map((citation) => ({ owner: `role ${r.person}@${r.of}`, citation }))),
    ...data.quantities.flatMap((q) => q.evidence.map((citation) => ({ owner: q.id, citation }))),
  ];
}

/** Lower-case words without accents or punctuation, as shared/hooks/copied-text.mjs compares them. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

/** Every run of `n` consecutive words of `text`. */
function runs(text: string, n: number): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(" "));
  return out;
}

describe("ingest #seed summaries", () => {
  const data = loadSeed();
  const citations = allCitations(data);

  it("it should give every citation a short summary", () => {
    expect(citations.length).toBeGreaterThan(200);
    for (const { owner, citation } of citations) {
      const note = citation.note?.trim() ?? "";
      expect(
        note.length,
        `${owner} cites ${citation.article} ¶${citation.paragraph} without a summary`,
      ).toBeGreaterThan(30);
      expect(note.length, `${owner}: a summary, not an article`).toBeLessThanOrEqual(400);
    }
  });

  it("it should give one summary per cited paragraph", () => {
    const byParagraph = new Map<string, Set<string>>();
    for (const { citation } of citations) {
      const key = `${citation.article} ¶${citation.paragraph}`;
      byParagraph.set(key, (byParagraph.get(key) ?? new Set()).add(citation.note ?? ""));
    }
    for (const [paragraph, notes] of byParagraph) expect([...notes], paragraph).toHaveLength(1);
  });

  it("it should name every article's publisher, title and date, and its text file", () => {
    for (const article of data.articles) {
      expect(article.publisher, article.id).toBeTruthy();
      expect(article.title, article.id).toBeTruthy();
      expect(article.published, article.id).toMatch(/^\d{4}/);
      expect(article.file, article.id).toMatch(/\.txt$/);
    }
  });

  it.skipIf(!existsSync(seedsDir))("it should not copy eight or more consecutive words of a seed article", () => {
    const n = MAX_SHARED_RUN + 1;
    const articleRuns = new Map(
      data.articles.map((a) => [a.id, runs(readFileSync(`${seedsDir}${a.file}`, "utf8"), n)] as const),
    );
    const everyArticle = new Set([...articleRuns.values()].flatMap((r) => [...r]));
    const notes = new Set(citations.map(({ citation }) => citation.note ?? ""));
    // Any article, not only the cited one: a summary must not lift a sentence from elsewhere either.
    for (const note of notes) {
      const copied = [...runs(note, n)].filter((run) => everyArticle.has(run));
      expect(copied, note).toEqual([]);
    }
  });
});
