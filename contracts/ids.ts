/**
 * Ids
 * ===
 *
 * The application ids the API speaks (never Neo4j element ids): entity slugs, snapshot content hashes, audit
 * change ids and suggestion ids, each with the message a bad one gets.
 */
import { z } from "zod";

/** Application ids: lower-case slugs, stable across loads (`nechirvan-barzani`, `evt-2018-01-07-tehran`). */
export const ID_PATTERN = /^[a-z0-9][a-z0-9._:-]*$/;

export const idSchema = z
  .string()
  .min(1, "an id is required")
  .max(200, "ids are at most 200 characters")
  .regex(ID_PATTERN, "an id is a lower-case slug: letters a-z, digits, '.', '_', ':' or '-'");

/** Snapshot ids: the first 20 hex digits (80 bits) of a SHA-256 of the canonical payload. */
export const SNAPSHOT_ID_PATTERN = /^[0-9a-f]{20}$/;
export const snapshotIdSchema = z.string().regex(SNAPSHOT_ID_PATTERN, "a snapshot id: 20 lower-case hex digits");

/** Audit log change ids (`chg-<uuid>`). */
export const changeIdSchema = z.string().regex(/^chg-[0-9a-f-]+$/, "a change id such as chg-…");

/** Review queue suggestion ids (`sug-<hex>`). */
export const suggestionIdSchema = z.string().regex(/^sug-[0-9a-f]+$/, "a suggestion id such as sug-…");
