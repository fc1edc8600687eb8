// Corpus test: runs the extractor and the evaluation on ../shared/corpus and asserts the targets.
// Skipped only when the shared corpus folder is absent (it is not part of the repository).

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { splitByConfidence } from "../../../extractor/confidence";
import { scoreExtraction, type GoldFile } from "../../../extractor/eval/score";
import { extractArticles } from "../../../extractor/extract";

const corpus = resolve(__dirname, "../../../../shared/corpus");
const exists = existsSync(join(corpus, "gold.json"));

describe.skipIf(!exists)("extract #corpus", () => {
  it("should meet the targets on the development corpus", () => {
    const dir = join(corpus, "articles");
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), "utf8") }));
    const result = extractArticles(files);
    const gold = JSON.parse(readFileSync(join(corpus, "gold.json"), "utf8")) as GoldFile;
    // Scored as `extract` prints it: items at or above the default confidence threshold.
    const s = scoreExtraction(splitByConfidence(result).kept, gold);
    expect(s.articles).toBe(files.length);
    expect(s.persons.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.pairs.f1).toBeGreaterThanOrEqual(0.85);
    expect(s.roles.f1).toBeGreaterThanOrEqual(0.8);
    expect(s.identity.f1).toBeGreaterThanOrEqual(0.95);
  });
});
