/**
 * npm run extract:bench -- [<file>…]
 * ==================================
 *
 * Prints extraction throughput in articles/second on one core (target ≥ 200). Without arguments it reads
 * ../shared/corpus/articles and ../shared/seeds. `npm run bench` reports the same figure in its table.
 */
import { ROOT_DIR } from "../server/config.js";
import { measureExtraction, readArticles, sharedArticleFiles } from "../extractor/eval/throughput.js";

const args = process.argv.slice(2).filter((a) => a !== "--");
const files = args.length ? args : sharedArticleFiles(ROOT_DIR);
if (!files.length) {
  console.error("extract:bench: no articles given and ../shared/corpus not found");
  process.exit(2);
}
const t = measureExtraction(readArticles(files));
console.log(
  `extract: ${t.articlesPerSecond.toFixed(0)} articles/s (${t.articles} articles, mean ${t.meanChars.toFixed(0)} chars; ` +
    `sentence splitting alone: ${t.sentenceSplitPerSecond.toFixed(0)} articles/s)`,
);
console.log(t.articlesPerSecond >= 200 ? "ok (target ≥ 200 articles/s)" : "below target (200 articles/s)");
