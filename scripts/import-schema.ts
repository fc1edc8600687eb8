/**
 * Import schema printer
 * =====================
 *
 * Prints the JSON Schema of the Parley import format (input side, so defaults are optional) to stdout, for
 * docs/import-format.md and for users' own tooling: `npm run import-schema > parley-import.schema.json`.
 */
import { z } from "zod";
import { importFileSchema } from "../contracts/import-format.js";
import { parseCli } from "./cli.js";

parseCli({
  name: "import-schema",
  usage:
    "usage: npm run --silent import-schema [> parley-import.schema.json]\n  prints the import format's JSON Schema on stdout",
  options: {},
});

const schema = z.toJSONSchema(importFileSchema, { io: "input" });
process.stdout.write(`${JSON.stringify({ title: "Parley import file", ...schema }, null, 2)}\n`);
