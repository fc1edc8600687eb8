/**
 * npm run gen -- --actors N --events M --seed S [--out file]
 * ==========================================================
 *
 * Writes a synthetic dataset in the import format (see tests/bench/synthetic.ts) to a file or stdout,
 * for benchmarks and for trying the explorer on big graphs: `npm run load -- <file>` loads it.
 */
import { createWriteStream } from "node:fs";
import { generateSynthetic } from "../tests/bench/synthetic.js";
import { integerOption, parseCli } from "./cli.js";

const { values } = parseCli({
  name: "gen",
  usage: `usage: npm run gen -- [--actors N] [--events M] [--seed S] [--out FILE]
  --actors N   actors to generate (default 1000)
  --events M   events to generate (default 5000)
  --seed S     random seed: the same seed gives the same file (default 1)
  --out FILE   write to FILE (default: stdout; then use npm run --silent gen, or npm's banner joins the output)`,
  options: {
    actors: { type: "string", default: "1000" },
    events: { type: "string", default: "5000" },
    seed: { type: "string", default: "1" },
    out: { type: "string" },
  },
});
const options = {
  actors: integerOption("gen", "actors", values.actors),
  events: integerOption("gen", "events", values.events),
  seed: integerOption("gen", "seed", values.seed),
};

const started = Date.now();
const file = generateSynthetic(options);
// Written in pieces: one JSON.stringify of a million-link file would build a several-hundred-MB string at once.
const out = values.out ? createWriteStream(values.out) : process.stdout;
const write = (text: string) =>
  out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once("drain", () => resolve()));
const { nodes, ...head } = file;
await write(JSON.stringify({ ...head, nodes: [] }).replace(/"nodes":\[\]\}$/, '"nodes":[\n'));
for (let i = 0; i < nodes.length; i++) await write((i ? ",\n" : "") + JSON.stringify(nodes[i]));
await write("\n]}\n");
if (values.out)
  await new Promise<void>((resolve) => (out as ReturnType<typeof createWriteStream>).end(() => resolve()));
const links = nodes.reduce((sum, n) => sum + (n.participants?.length ?? 0), 0);
console.error(
  `gen: ${nodes.length} nodes (${links} participation links), ${file.roles?.length ?? 0} roles, ${file.articles?.length ?? 0} articles in ${((Date.now() - started) / 1000).toFixed(1)} s${values.out ? ` → ${values.out}` : ""}`,
);
