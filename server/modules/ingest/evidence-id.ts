/**
 * Evidence ids
 * ============
 *
 * One definition of an Evidence node's id, shared by the import writer and curation's screening (which must find
 * the evidence a curator rejected before it is written again).
 */
import { createHash } from "node:crypto";
import type { Citation } from "../../../contracts/import-format.js";

/** Stable evidence id: the same span cited for the same subject is one Evidence node. */
export function evidenceId(subject: string, c: Citation): string {
  const key = [subject, c.article, c.paragraph ?? "", c.start ?? "", c.end ?? ""].join("|");
  return `ev-${createHash("sha256").update(key).digest("hex").slice(0, 20)}`;
}
