/**
 * Vocabularies
 * ============
 *
 * Every closed list of words the data and the API speak, written once: node types (they become Neo4j labels),
 * actor types, link types and the node types each link joins, roles, precisions, statuses, graph views and export
 * formats. Kinds are open lower-case words with documented defaults, so data with other kinds is shown, not
 * rejected. Closed sets follow one pattern: a const tuple, its union type, and a default where one is needed.
 */

/* ----------------------------------------------------------------------------------------------------------------
 * Nodes
 * -------------------------------------------------------------------------------------------------------------- */

export const NODE_TYPES = [
  "person",
  "government",
  "organization",
  "country",
  "place",
  "agreement",
  "event",
  "topic",
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Node types that act: take part in events, hold or grant roles, sign agreements, meet each other. */
export const ACTOR_TYPES = ["person", "government", "organization", "country"] as const satisfies readonly NodeType[];
export type ActorType = (typeof ACTOR_TYPES)[number];

/** Whether a node type (as stored, a plain string) is one of the actor types. */
export function isActorType(type: string): boolean {
  return (ACTOR_TYPES as readonly string[]).includes(type);
}

/* ----------------------------------------------------------------------------------------------------------------
 * Links
 * -------------------------------------------------------------------------------------------------------------- */

/**
 * Relationship types the data states between entities (the `MET` projection is derived from encounters and is not
 * one of them). Upper case as in Neo4j; the API's edge `kind` is the same word in lower case.
 */
export const LINK_TYPES = [
  "PARTICIPATED_IN",
  "HOLDS_ROLE",
  "AT",
  "ABOUT",
  "PRODUCED",
  "PARTY_TO",
  "IN_COUNTRY",
  "PART_OF",
] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** Which node types each link joins, source to target (import checks, CSV columns and backups all use it). */
export const LINK_ENDS: Record<LinkType, { source: readonly NodeType[]; target: readonly NodeType[] }> = {
  PARTICIPATED_IN: { source: ACTOR_TYPES, target: ["event"] },
  HOLDS_ROLE: { source: ["person"], target: ["government", "organization", "country"] },
  AT: { source: ["event"], target: ["place", "country"] },
  ABOUT: { source: ["event", "agreement"], target: ["topic"] },
  PRODUCED: { source: ["event"], target: ["agreement"] },
  PARTY_TO: { source: ACTOR_TYPES, target: ["agreement"] },
  IN_COUNTRY: { source: ["government", "place", "organization", "country"], target: ["country"] },
  PART_OF: { source: ["organization"], target: ["government", "organization"] },
};

/** Link types a node states by a field of its own (`participants`, `place`, `topics`…); roles are records of their own. */
export type FieldLinkType = Exclude<LinkType, "HOLDS_ROLE">;
export const FIELD_LINK_TYPES: readonly FieldLinkType[] = LINK_TYPES.filter(
  (type): type is FieldLinkType => type !== "HOLDS_ROLE",
);

/** Whether a node type (as stored, a plain string) may end the given side of a link. */
export function linkEndAccepts(type: LinkType, side: "source" | "target", nodeType: string): boolean {
  return (LINK_ENDS[type][side] as readonly string[]).includes(nodeType);
}

/** Default kinds per node type (documentation and UI hints; any lower-case word is accepted). */
export const DEFAULT_KINDS: Record<NodeType, readonly string[]> = {
  person: ["person"],
  government: ["government", "regional_government"],
  organization: [
    "ministry",
    "party",
    "agency",
    "company",
    "news_agency",
    "newspaper",
    "military",
    "armed_group",
    "council",
    "embassy",
    "organization",
  ],
  country: ["country", "autonomous_region"],
  place: ["city", "border_crossing", "region", "economic_region", "river", "reservoir", "corridor", "place"],
  agreement: ["pact", "memorandum", "declaration", "agreement", "treaty"],
  event: [
    "meeting",
    "visit",
    "talks",
    "phone_call",
    "signing",
    "statement",
    "interview",
    "border_action",
    "press_conference",
    "referendum",
    "military_operation",
    "attack",
  ],
  topic: ["topic"],
};

/** Event kinds where the participants met or spoke together, so they feed the actor–actor `MET` projection. */
export const ENCOUNTER_KINDS = ["meeting", "visit", "talks", "phone_call", "signing", "press_conference"] as const;

/**
 * Roles in an event. `reporter` is the news organisation that carried a statement or conducted an interview;
 * `subject` is an actor the event is about without taking part in it.
 */
export const PARTICIPANT_ROLES = [
  "host",
  "guest",
  "participant",
  "signatory",
  "mediator",
  "speaker",
  "attendee",
  "subject",
  "reporter",
] as const;

/** How a quantity's value relates to the true figure ("more than $10 billion" is `more_than`). */
export const QUANTITY_QUALIFIERS = [
  "exactly",
  "approximately",
  "more_than",
  "less_than",
  "at_least",
  "at_most",
] as const;
export const DATE_PRECISIONS = ["day", "month", "year"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export const AGREEMENT_STATUSES = [
  "proposed",
  "negotiated",
  "signed",
  "in_force",
  "implemented",
  "suspended",
  "expired",
  "unknown",
] as const;

/* ----------------------------------------------------------------------------------------------------------------
 * Curation, graph views and exports
 * -------------------------------------------------------------------------------------------------------------- */

/**
 * What the extractor queues for review, and where a suggestion stands. `ambiguous-place`: a place name the
 * gazetteer knows in several countries, with nothing to tell which (its candidates are `geo:` ids, not entities).
 */
export const SUGGESTION_KINDS = [
  "ambiguous-mention",
  "possible-same-person",
  "low-confidence",
  "ambiguous-place",
] as const;
export const SUGGESTION_STATUSES = ["open", "accepted", "rejected"] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** The network's two views: actors linked by their encounters, or actors and the events they took part in. */
export const GRAPH_VIEWS = ["met", "events"] as const;
export type GraphView = (typeof GRAPH_VIEWS)[number];
export const DEFAULT_GRAPH_VIEW: GraphView = "met";

/** File formats a view exports to (snapshots on the server, the explorer in the browser). */
export const EXPORT_FORMATS = ["gexf", "graphml", "json", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** CSV exports one table at a time. */
export const CSV_PARTS = ["nodes", "edges"] as const;
export type CsvPart = (typeof CSV_PARTS)[number];
