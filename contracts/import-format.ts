/**
 * Parley import format
 * ====================
 *
 * The one JSON shape that every write path speaks: `npm run load`, `POST /api/import`, the article extractor's
 * ingest, the curated seed dataset in `data/`, and backups. Validated in full before anything is written.
 * Published as JSON Schema (docs/import-format.md, `GET /api/import/schema`).
 */
import { z } from "zod";
import { idSchema } from "./ids.js";
import {
  AGREEMENT_STATUSES,
  DATE_PRECISIONS,
  NODE_TYPES,
  PARTICIPANT_ROLES,
  QUANTITY_QUALIFIERS,
  SUGGESTION_KINDS,
  SUGGESTION_STATUSES,
} from "./vocabulary.js";

/* ----------------------------------------------------------------------------------------------------------------
 * Building blocks
 * -------------------------------------------------------------------------------------------------------------- */

export const kindSchema = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z][a-z0-9_]*$/, "a kind is a lower-case word such as 'meeting' or 'news_agency'");

const shortText = z.string().trim().min(1).max(500);

/** A calendar date, possibly partial: `2018-01-07`, `2018-01` or `2018`. */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "a date is YYYY, YYYY-MM or YYYY-MM-DD")
  .refine(isRealPartialDate, "not a real calendar date");

function isRealPartialDate(value: string): boolean {
  const [y, m, d] = value.split("-").map(Number);
  if (m !== undefined && (m < 1 || m > 12)) return false;
  if (d !== undefined) {
    const date = new Date(Date.UTC(y!, m! - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
  }
  return true;
}

/** Where a fact comes from: a span of an article, by paragraph and character offsets into the article file. */
export const citationSchema = z
  .object({
    article: idSchema,
    paragraph: z.number().int().min(0).max(100_000).optional(),
    start: z.number().int().min(0).max(100_000_000).optional(),
    end: z.number().int().min(0).max(100_000_000).optional(),
    /** Who made the link: `curator:<name>` for hand curation, `extractor:<version>` for the article extractor. */
    by: z.string().min(1).max(100).default("curator"),
    note: z.string().max(2_000).optional(),
  })
  .refine((c) => c.start === undefined || c.end === undefined || c.end >= c.start, {
    message: "a citation's end offset must not be before its start",
    path: ["end"],
  });
export type Citation = z.infer<typeof citationSchema>;

const evidenceList = z.array(citationSchema).max(1_000).default([]);

/** Free-form scalar properties kept on the node (numbers, strings, booleans, or lists of them). */
const propertiesSchema = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,59}$/, "property names are letters, digits and '_'"),
    z.union([
      z.string().max(20_000),
      z.number(),
      z.boolean(),
      z.array(z.union([z.string().max(2_000), z.number()])).max(1_000),
    ]),
  )
  .default({});

/* ----------------------------------------------------------------------------------------------------------------
 * Sections
 * -------------------------------------------------------------------------------------------------------------- */

export const articleSchema = z.object({
  id: idSchema,
  title: shortText,
  publisher: shortText.optional(),
  /** A link to the article: http(s) only, since it is shown as a link beside every citation. */
  url: z
    .url({
      protocol: /^https?$/,
      error: "an article url must be an http:// or https:// URL (javascript:, file: and other schemes are refused)",
    })
    .max(2_000)
    .optional(),
  published: partialDateSchema.optional(),
  publishedPrecision: z.enum(DATE_PRECISIONS).optional(),
  /** How the publication date was found: "stated", "inferred from …". */
  publishedNote: z.string().max(2_000).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, "a language is an ISO 639 code such as 'en'")
    .default("en"),
  /** File name of the article text (looked up in PARLEY_ARTICLES_DIR), when the text is not inline. */
  file: z.string().max(500).optional(),
  /** SHA-256 of the text, so offsets are only shown against the very text they were made on. */
  sha256: z
    .string()
    .regex(/^[a-f0-9]{64}$/)
    .optional(),
  text: z.string().max(5_000_000).optional(),
  dateline: z.string().max(200).optional(),
});
export type ImportArticle = z.infer<typeof articleSchema>;

/** How a node meets an existing one with the same id: replace its fields and links, or only extend it. */
export const NODE_MODES = ["replace", "extend"] as const;

export const nodeSchema = z
  .object({
    id: idSchema,
    /**
     * `replace` (default): the file states the node and its links afresh. `extend`: an existing node keeps its
     * fields and links and only gains aliases, evidence and new links (how article ingests refer to known actors);
     * a missing node is created from the fields given.
     */
    mode: z.enum(NODE_MODES).default("replace"),
    type: z.enum(NODE_TYPES, {
      error: () => `type must be one of ${NODE_TYPES.join(", ")} (the kind field takes any lower-case word)`,
    }),
    /** Open vocabulary; defaults to the type's own name. */
    kind: kindSchema.optional(),
    name: shortText,
    aliases: z.array(shortText).max(200).default([]),
    description: z.string().max(5_000).optional(),
    /** For governments, places and organisations: the country or region they belong to. */
    country: idSchema.optional(),
    /** For organisations: the government or organisation they are part of. */
    partOf: idSchema.optional(),
    /** For agreements. */
    status: z.enum(AGREEMENT_STATUSES).optional(),
    date: partialDateSchema.optional(),
    datePrecision: z.enum(DATE_PRECISIONS).optional(),
    /** For events: where, about what, who and in what role, and the agreements they produced. */
    place: idSchema.optional(),
    topics: z.array(idSchema).max(200).default([]),
    participants: z
      .array(z.object({ actor: idSchema, role: z.enum(PARTICIPANT_ROLES).default("participant") }))
      .max(10_000)
      .default([]),
    /** For events: agreements signed or produced; for agreements: the parties. */
    produced: z.array(idSchema).max(200).default([]),
    parties: z.array(idSchema).max(1_000).default([]),
    /** For events: a one-line summary in the curator's own words. */
    summary: z.string().max(5_000).optional(),
    /** Layout position, when the data comes with one. */
    x: z.number().finite().optional(),
    y: z.number().finite().optional(),
    /** For places and countries: where the map draws them (WGS 84 degrees); without them the gazetteer is asked. */
    lat: z
      .number()
      .min(-90, "lat is a latitude in degrees, -90 to 90")
      .max(90, "lat is a latitude in degrees, -90 to 90")
      .optional(),
    lon: z
      .number()
      .min(-180, "lon is a longitude in degrees, -180 to 180")
      .max(180, "lon is a longitude in degrees, -180 to 180")
      .optional(),
    properties: propertiesSchema,
    evidence: evidenceList,
  })
  .refine((n) => (n.lat === undefined) === (n.lon === undefined), {
    message: "give lat and lon together (a place's coordinates)",
    path: ["lat"],
  })
  .refine((n) => n.lat === undefined || n.type === "place" || n.type === "country", {
    message: "lat and lon are for places and countries only",
    path: ["lat"],
  });
export type ImportNode = z.infer<typeof nodeSchema>;

export const roleSchema = z.object({
  person: idSchema,
  title: shortText,
  /** The government, organisation or country the title is held in. */
  of: idSchema,
  since: partialDateSchema.optional(),
  until: partialDateSchema.optional(),
  /** A date at which the article shows the person in the role, when since/until are unknown. */
  asOf: partialDateSchema.optional(),
  evidence: evidenceList,
});
export type ImportRole = z.infer<typeof roleSchema>;

/** A number with a unit, such as a trade volume, attached to the nodes it is about. */
export const quantitySchema = z.object({
  id: idSchema,
  measure: shortText,
  value: z.number().finite(),
  unit: z.string().min(1).max(40),
  /** Free text period such as "2024" or "per year". */
  period: z.string().max(100).optional(),
  /** How the value is bounded; absent means as stated. */
  qualifier: z.enum(QUANTITY_QUALIFIERS).optional(),
  /** When the figure was current (partial date). */
  asOf: partialDateSchema.optional(),
  about: z.array(idSchema).min(1).max(100),
  note: z.string().max(2_000).optional(),
  evidence: evidenceList,
});
export type ImportQuantity = z.infer<typeof quantitySchema>;

/* ----------------------------------------------------------------------------------------------------------------
 * Curation sections (additive): the extractor's open questions, and what backups carry besides the data
 * -------------------------------------------------------------------------------------------------------------- */

/** An ambiguity the extractor kept ("is Barzani here Nechirvan or Masrour?"), queued for review. */
export const suggestionSchema = z.object({
  /** Given by backups; otherwise derived from kind, article, span, text and candidates. */
  id: z
    .string()
    .regex(/^sug-[0-9a-f]{8,64}$/)
    .optional(),
  kind: z.enum(SUGGESTION_KINDS),
  article: idSchema.nullable().optional(),
  /** The mention as written (a surname, a spelling); short by construction, never a passage. */
  text: z.string().min(1).max(500),
  candidates: z.array(idSchema).max(50).default([]),
  chosen: idSchema.nullable().optional(),
  start: z.number().int().min(0).nullable().optional(),
  end: z.number().int().min(0).nullable().optional(),
  status: z.enum(SUGGESTION_STATUSES).optional(),
  decidedBy: z.string().max(200).nullable().optional(),
  decidedAt: z.string().max(40).nullable().optional(),
});
export type ImportSuggestion = z.infer<typeof suggestionSchema>;

/** Backup-only records (evidence with review status, audit log, rejections, snapshots…), checked by `npm run restore`. */
const backupRecords = z.array(z.record(z.string(), z.unknown())).max(100_000_000).optional();

export const importFileSchema = z.object({
  format: z.literal("parley-import", { error: () => 'format must be "parley-import"' }),
  version: z.literal(1, { error: () => "version must be 1" }),
  /** A human name for what this file holds, shown in import summaries. */
  title: z.string().max(500).optional(),
  articles: z.array(articleSchema).max(1_000_000).default([]),
  nodes: z.array(nodeSchema).max(10_000_000).default([]),
  roles: z.array(roleSchema).max(10_000_000).default([]),
  quantities: z.array(quantitySchema).max(1_000_000).default([]),
  /** Open questions of the extractor, stored as the review queue. */
  suggestions: z.array(suggestionSchema).max(1_000_000).optional(),
  /** Backups (`npm run backup`) only; ignored by `npm run load`, restored by `npm run restore`. */
  evidence: backupRecords,
  roleEvidence: backupRecords,
  links: backupRecords,
  /** Which articles report which event, and why a report was joined (REPORTED_BY links). */
  reports: backupRecords,
  /** When Parley learned each entity and its outgoing links (`{id, at, links: [{type, to, at}]}`). */
  knownFrom: backupRecords,
  rejections: backupRecords,
  changes: backupRecords,
  decisions: backupRecords,
  snapshots: backupRecords,
  stories: backupRecords,
});
export type ImportFile = z.infer<typeof importFileSchema>;
export type ImportFileInput = z.input<typeof importFileSchema>;
