// Extraction types: the typed shape of what the article extractor emits.
// The CLI prints `ExtractionResult` as JSON; the ingest module maps it into the project's import format.

/** Kinds of actors the extractor emits (a closed set of the CLI contract). */
export const ACTOR_KINDS = ["person", "government", "organization", "country", "place", "other"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Kinds of events (CAMEO-like: consult, visit/host, sign). */
export const EVENT_KINDS = ["meeting", "visit", "talks", "phone_call", "signing", "press_conference"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Kinds of events that are not joint meetings (kept apart from `events`). */
export const OTHER_EVENT_KINDS = [
  "statement",
  "interview",
  "visit",
  "planned",
  "denied",
  "meeting",
  "talks",
  "phone_call",
  "signing",
  "press_conference",
] as const;
export type OtherEventKind = (typeof OTHER_EVENT_KINDS)[number];

export const PARTICIPANT_ROLES = ["host", "guest", "participant", "signatory"] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const DATE_PRECISIONS = ["day", "month", "year"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** A character span of an article (UTF-16 offsets into the file's text as read). */
export interface Span {
  article: string;
  start: number;
  end: number;
}

export interface MentionOut extends Span {
  text: string;
}

export interface EvidenceOut extends Span {
  quote: string;
}

export interface ArticleOut {
  id: string;
  file: string;
  title: string | null;
  date: string | null;
  source: string | null;
  url: string | null;
  dateline: string | null;
}

export interface ActorOut {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  mentions: MentionOut[];
  /** How sure the extractor is of this item, 0..1 (set by `confidence.ts`). */
  confidence?: number;
  /** Set only in `extract --all` output: the item is below the confidence threshold. */
  doubtful?: boolean;
}

export interface RoleOut {
  actor: string;
  title: string;
  of: string | null;
  article: string;
  /** Other titles seen next to the same person in the same article. */
  alternatives: string[];
  evidence: EvidenceOut | null;
  /** How sure the extractor is of this item, 0..1 (set by `confidence.ts`). */
  confidence?: number;
  /** Set only in `extract --all` output: the item is below the confidence threshold. */
  doubtful?: boolean;
}

export interface ParticipantRoleOut {
  actor: string;
  role: ParticipantRole;
}

export interface EventOut {
  id: string;
  kind: EventKind;
  article: string;
  date: string | null;
  datePrecision: DatePrecision | null;
  dateText: string | null;
  place: string | null;
  participants: string[];
  participantRoles: ParticipantRoleOut[];
  topics: string[];
  evidence: EvidenceOut[];
  /** Confidence of each participant, parallel to `participants`. */
  participantConfidence?: number[];
  /** How sure the extractor is of this item, 0..1 (set by `confidence.ts`). */
  confidence?: number;
  /** Set only in `extract --all` output: the item is below the confidence threshold. */
  doubtful?: boolean;
}

export interface OtherEventOut {
  id: string;
  kind: OtherEventKind;
  /** Why this is not in `events`: e.g. "planned", "single-participant", "statement". */
  reason: string;
  article: string;
  date: string | null;
  datePrecision: DatePrecision | null;
  dateText: string | null;
  place: string | null;
  participants: string[];
  evidence: EvidenceOut[];
  /** Confidence of each participant, parallel to `participants`. */
  participantConfidence?: number[];
  /** How sure the extractor is of this item, 0..1 (set by `confidence.ts`). */
  confidence?: number;
  /** Set only in `extract --all` output: the item is below the confidence threshold. */
  doubtful?: boolean;
}

export interface AgreementOut {
  id: string;
  article: string;
  name: string;
  parties: string[];
  evidence: EvidenceOut[];
}

export interface TopicOut {
  id: string;
  label: string;
  articles: string[];
}

export interface SuggestionOut {
  kind: "ambiguous-mention" | "possible-same-person";
  article: string | null;
  text: string;
  candidates: string[];
  chosen: string | null;
  start: number | null;
  end: number | null;
}

/** What `extractArticles` returns and the CLI prints. */
export interface ExtractionResult {
  articles: ArticleOut[];
  actors: ActorOut[];
  roles: RoleOut[];
  events: EventOut[];
  otherEvents: OtherEventOut[];
  agreements: AgreementOut[];
  topics: TopicOut[];
  suggestions: SuggestionOut[];
}

/** One input file: the path as given and its text as read. */
export interface ArticleInput {
  file: string;
  text: string;
}
