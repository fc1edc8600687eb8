/**
 * Read API payloads
 * =================
 *
 * The JSON shapes of the explorer's read endpoints, shared by server and client. Ids are application ids (slugs);
 * dates are ISO strings (partial dates keep their precision); Neo4j internals never appear.
 */
import type { SerializedGraph } from "./graph.js";

/** A node as listed inside other payloads. */
export interface NodeRef {
  id: string;
  label: string;
  /** person, government, organization, country, place, agreement, event, topic */
  category: string;
  kind: string;
}

/** One piece of evidence: where an article says so. `quote` is the cited span when the article text is stored. */
export interface CitationDto {
  evidenceId: string;
  article: { id: string; title: string; publisher: string | null; published: string | null; url: string | null };
  paragraph: number | null;
  start: number | null;
  end: number | null;
  /** `curator` or `extractor:<version>` */
  by: string;
  /** `accepted` or `rejected` (curation) */
  status: string;
  quote: string | null;
}

export interface RoleDto {
  title: string;
  of: NodeRef;
  since: string | null;
  until: string | null;
  asOf: string | null;
  evidence: CitationDto[];
}

export interface ParticipantDto extends NodeRef {
  /** host, guest, participant, signatory, mediator, speaker, … */
  role: string;
}

export interface EventDto {
  id: string;
  label: string;
  kind: string;
  date: string | null;
  datePrecision: string | null;
  summary: string | null;
  place: NodeRef | null;
  topics: NodeRef[];
  participants: ParticipantDto[];
  /** Agreements the event produced. */
  agreements: NodeRef[];
  evidence: CitationDto[];
}

export interface QuantityDto {
  id: string;
  measure: string;
  value: number;
  unit: string;
  period: string | null;
  evidence: CitationDto[];
}

/** `GET /api/nodes/:id` */
export interface NodeDetailsDto extends NodeRef {
  aliases: string[];
  description: string | null;
  date: string | null;
  datePrecision: string | null;
  status: string | null;
  properties: Record<string, unknown>;
  countries: NodeRef[];
  roles: RoleDto[];
  /** Events the node took part in (for actors), happened at (places) or is about (topics); oldest first, one page. */
  events: EventDto[];
  /** How many events there are in all, and where this page starts (`?events=&eventsOffset=` pages through them). */
  eventsTotal: number;
  eventsOffset: number;
  /** For an event node: the event itself with participants. */
  event: EventDto | null;
  /** Agreements the node is party to, produced (events) or is the subject of (topics): the first 100 by name. */
  agreements: NodeRef[];
  /** How many agreements there are in all. */
  agreementsTotal: number;
  /** For an agreement node: its parties. */
  parties: NodeRef[];
  quantities: QuantityDto[];
  evidence: CitationDto[];
  degree: number;
}

/** `GET /api/nodes/:id/neighbors?limit=&offset=` */
export interface NeighborsPageDto {
  id: string;
  total: number;
  offset: number;
  limit: number;
  /** Ordered by evidence count, then name. `graph` holds the same neighbours as nodes and their links to `id`. */
  items: (NodeRef & { evidenceCount: number; via: string[] })[];
  graph: SerializedGraph;
}

/** `GET /api/search?q=` */
export interface SearchResultsDto {
  results: (NodeRef & { score: number; matched: string | null })[];
}

/** `GET /api/path?from=&to=` */
export interface PathDto {
  from: string;
  to: string;
  /** Each path as an ordered list of node ids, alternating actors and events. */
  paths: string[][];
  graph: SerializedGraph;
}

/** `GET /api/edges/:source/:target` */
export interface EdgeEventsDto {
  source: NodeRef;
  target: NodeRef;
  events: EventDto[];
}

/** `GET /api/articles/:id` */
export interface ArticleDto {
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  published: string | null;
  publishedPrecision: string | null;
  publishedNote: string | null;
  language: string;
  text: string | null;
}

/** `GET /api/stats` */
export interface StatsDto {
  labels: Record<string, number>;
  relationships: Record<string, number>;
}

/** `GET /api/timeline` : events per month for the histogram, within the current filters. */
export interface TimelineDto {
  buckets: { month: string; count: number }[];
  undated: number;
}
