/**
 * Read API payloads
 * =================
 *
 * The JSON shapes of the explorer's read endpoints, shared by server and client. Ids are application ids (slugs);
 * dates are ISO strings (partial dates keep their precision); Neo4j internals never appear. The zod schemas are
 * the source (the OpenAPI document is generated from them); the types are inferred.
 */
import { z } from "zod";
import { serializedGraphSchema } from "./graph.js";

const nullableString = z.string().nullable();
const count = z.number().int();

/** A node as listed inside other payloads. */
export const nodeRefSchema = z.object({
  id: z.string().describe("Application id (slug)"),
  label: z.string(),
  /** person, government, organization, country, place, agreement, event, topic */
  category: z.string().describe("person, government, organization, country, place, agreement, event, topic"),
  kind: z.string().describe("Open vocabulary, e.g. meeting, visit, ministry"),
});
export type NodeRef = z.infer<typeof nodeRefSchema>;

/** An article as evidence names it: its id, title, publisher, publication date and link. */
const articleRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  publisher: nullableString,
  published: nullableString,
  url: nullableString,
});

/**
 * One piece of evidence: where an article says so. `quote` is the cited span when the article text is stored;
 * `note` is the curator's summary of the passage in their own words (shown when the text is not stored).
 */
export const citationDtoSchema = z.object({
  evidenceId: z.string(),
  article: articleRefSchema.extend({
    /** The article text's file name (looked up in the articles folder when the data is loaded). */
    file: nullableString.describe("Article text file name, looked up in the articles folder (data/articles/)"),
    /** Whether the database holds the article's text (false: passages cannot be quoted). */
    textStored: z.boolean().describe("Whether the database holds the article's text"),
  }),
  paragraph: count.nullable(),
  start: count.nullable().describe("UTF-16 offset into the article text"),
  end: count.nullable().describe("UTF-16 offset, exclusive"),
  /** `curator` or `extractor:<version>` */
  by: z.string().describe("curator or extractor:<version>"),
  /** `accepted` or `rejected` (curation) */
  status: z.string().describe("accepted or rejected"),
  quote: nullableString.describe("text.slice(start, end) when the article text is stored"),
  note: nullableString.describe("The curator's summary of the cited passage, in their own words (not a quote)"),
});
export type CitationDto = z.infer<typeof citationDtoSchema>;

export const roleDtoSchema = z.object({
  title: z.string(),
  of: nodeRefSchema,
  since: nullableString,
  until: nullableString,
  asOf: nullableString,
  evidence: z.array(citationDtoSchema),
});
export type RoleDto = z.infer<typeof roleDtoSchema>;

export const participantDtoSchema = nodeRefSchema.extend({
  /** host, guest, participant, signatory, mediator, speaker, … */
  role: z.string(),
});
export type ParticipantDto = z.infer<typeof participantDtoSchema>;

/** What one article says about an event: its own date, place and participants (null: the report left it out). */
export const reportClaimsSchema = z.object({
  date: nullableString.describe("Partial date the article gives, or null"),
  datePrecision: nullableString,
  place: nodeRefSchema.nullable(),
  participants: z.array(nodeRefSchema),
});
export type ReportClaims = z.infer<typeof reportClaimsSchema>;

/** How a report came to belong to its event. */
export const REPORT_JOINS = ["first", "joined", "split", "cited"] as const;
export type ReportJoin = (typeof REPORT_JOINS)[number];

/**
 * One article reporting an event. `how`: `first` made the event, `joined` was merged into it when loaded (`why`
 * says by which rule), `split` was split off another event by a curator, `cited` is evidence without a recorded
 * report (hand-made datasets).
 */
export const reportDtoSchema = z.object({
  article: articleRefSchema,
  /** The event's citations (in `evidence`) that come from this article. */
  evidenceIds: z.array(z.string()),
  how: z.enum(REPORT_JOINS).describe("first, joined (merged when loaded), split (by a curator) or cited"),
  /** When the report was joined to the event (ISO date-time); null for `cited`. */
  at: nullableString,
  /** Why a joined report was judged the same meeting, one sentence per rule. */
  why: z
    .object({ participants: z.string(), date: z.string(), place: z.string() })
    .nullable()
    .describe("The merge rule's reasons (participants, date window, place) for a joined report"),
  says: reportClaimsSchema.nullable().describe("What this article says of the event (null when not recorded)"),
});
export type ReportDto = z.infer<typeof reportDtoSchema>;

/** Where the reports of one event say different things: "Article A says 3 March, article B says 4 March". */
export const disagreementDtoSchema = z.object({
  field: z.enum(["date", "place", "participants"]),
  text: z.string(),
  values: z.array(z.object({ article: z.string(), value: z.string() })),
});
export type DisagreementDto = z.infer<typeof disagreementDtoSchema>;

/** `GET /api/events/:id`, and each event inside node details and edge events. */
export const eventDtoSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.string(),
  date: nullableString.describe("Partial date: YYYY, YYYY-MM or YYYY-MM-DD"),
  datePrecision: nullableString,
  summary: nullableString,
  place: nodeRefSchema.nullable(),
  topics: z.array(nodeRefSchema),
  participants: z.array(participantDtoSchema),
  /** Agreements the event produced. */
  agreements: z.array(nodeRefSchema),
  evidence: z.array(citationDtoSchema),
  /** The articles that report this event, one entry each ("Reported by N articles"). */
  reports: z.array(reportDtoSchema),
  /** Where those articles disagree (date, place, participants); empty when they agree. */
  disagreements: z.array(disagreementDtoSchema),
});
export type EventDto = z.infer<typeof eventDtoSchema>;

export const quantityDtoSchema = z.object({
  id: z.string(),
  measure: z.string(),
  value: z.number(),
  unit: z.string(),
  period: nullableString,
  evidence: z.array(citationDtoSchema),
});
export type QuantityDto = z.infer<typeof quantityDtoSchema>;

/** `GET /api/nodes/:id` */
export const nodeDetailsDtoSchema = nodeRefSchema.extend({
  aliases: z.array(z.string()),
  description: nullableString,
  date: nullableString,
  datePrecision: nullableString,
  status: nullableString,
  /** An event's one-line summary. */
  summary: nullableString,
  properties: z.record(z.string(), z.unknown()),
  countries: z.array(nodeRefSchema),
  roles: z.array(roleDtoSchema),
  /** Roles held in this government or organisation, with their holders. */
  holders: z
    .array(roleDtoSchema.extend({ holder: nodeRefSchema }))
    .describe("Roles held in this government or organisation"),
  /** Events the node took part in (for actors), happened at (places) or is about (topics); oldest first, one page. */
  events: z.array(eventDtoSchema),
  /** How many events there are in all, and where this page starts (`?events=&eventsOffset=` pages through them). */
  eventsTotal: count.describe("How many events there are; `events` holds one page of them"),
  eventsOffset: count.describe("Where this page of events starts (`?eventsOffset=`)"),
  /** For an event node: the event itself with participants. */
  event: eventDtoSchema.nullable(),
  /** Agreements the node is party to, produced (events) or is the subject of (topics): the first 100 by name. */
  agreements: z.array(nodeRefSchema),
  /** How many agreements there are in all. */
  agreementsTotal: count.describe("How many agreements there are; `agreements` holds the first 100 by name"),
  /** For an agreement node: its parties. */
  parties: z.array(nodeRefSchema),
  quantities: z.array(quantityDtoSchema),
  evidence: z.array(citationDtoSchema),
  degree: count,
});
export type NodeDetailsDto = z.infer<typeof nodeDetailsDtoSchema>;

/** `GET /api/nodes/:id/neighbors?limit=&offset=` */
export const neighborsPageDtoSchema = z.object({
  id: z.string(),
  total: count,
  offset: count,
  limit: count,
  /** Ordered by evidence count, then name. `graph` holds the same neighbours as nodes and their links to `id`. */
  items: z.array(
    nodeRefSchema.extend({
      evidenceCount: count,
      via: z.array(z.string()).describe("Event ids or relationship kinds"),
    }),
  ),
  graph: serializedGraphSchema,
});
export type NeighborsPageDto = z.infer<typeof neighborsPageDtoSchema>;

/** `GET /api/search?q=` */
export const searchResultsDtoSchema = z.object({
  results: z.array(nodeRefSchema.extend({ score: z.number(), matched: nullableString })),
});
export type SearchResultsDto = z.infer<typeof searchResultsDtoSchema>;

/** `GET /api/path?from=&to=` */
export const pathDtoSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Each path as an ordered list of node ids, alternating actors and events. */
  paths: z.array(z.array(z.string())),
  graph: serializedGraphSchema,
});
export type PathDto = z.infer<typeof pathDtoSchema>;

/** `GET /api/edges/:source/:target` */
export const edgeEventsDtoSchema = z.object({
  source: nodeRefSchema,
  target: nodeRefSchema,
  events: z.array(eventDtoSchema),
  /** How many distinct articles report the meetings behind the link. */
  reportCount: count.describe("Distinct articles reporting the meetings behind the link"),
});
export type EdgeEventsDto = z.infer<typeof edgeEventsDtoSchema>;

/** `GET /api/articles/:id` */
export const articleDtoSchema = z.object({
  id: z.string(),
  title: z.string(),
  publisher: nullableString,
  url: nullableString,
  published: nullableString,
  publishedPrecision: nullableString,
  publishedNote: nullableString,
  language: z.string(),
  /** The text's file name in the articles folder (data/articles/), when the article came from a file. */
  file: nullableString,
  text: nullableString,
});
export type ArticleDto = z.infer<typeof articleDtoSchema>;

/** `GET /api/stats` */
export const statsDtoSchema = z.object({
  labels: z.record(z.string(), z.number()),
  relationships: z.record(z.string(), z.number()),
});
export type StatsDto = z.infer<typeof statsDtoSchema>;

/** `GET /api/timeline` : events per month for the histogram, within the current filters. */
export const timelineDtoSchema = z.object({
  buckets: z.array(z.object({ month: z.string(), count })),
  /** Events dated only to a year, counted per year rather than piled into January. */
  years: z.array(z.object({ year: z.string(), count })).describe("Events dated only to a year"),
  undated: count,
});
export type TimelineDto = z.infer<typeof timelineDtoSchema>;

/** `GET /api/health`: 200 while the database answers, 503 (same shape) while it does not. */
export const healthDtoSchema = z.object({
  status: z.string(),
  /** Liveness: Bolt answers. */
  db: z.enum(["up", "down"]),
  /** Readiness: the server has prepared the database (schema, sample data); writes wait for it. */
  ready: z.boolean(),
  /** What the server is doing to the database until it is ready ("loading the sample data"), then "ready". */
  bootstrap: z.string(),
  neo4j: z.string().optional(),
  message: z.string().optional(),
});
export type HealthDto = z.infer<typeof healthDtoSchema>;

/**
 * Every error answer. `details`, when present, lists each problem of an invalid request as {path, message}, or says
 * more about one error (a Cypher error's `position`, a taken-down snapshot's `reason`).
 */
export const errorDtoSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    details: z
      .union([z.array(z.object({ path: z.string(), message: z.string() })), z.record(z.string(), z.unknown())])
      .optional(),
  }),
});
export type ErrorDto = z.infer<typeof errorDtoSchema>;
