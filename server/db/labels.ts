/**
 * Labels and relationship types
 * =============================
 *
 * The closed lists of names that Parley's graph uses and that Cypher cannot take as parameters: node labels,
 * relationship types, a path's hop bound. `cypher(name, slots)` (db/cypher.ts) fills template slots only with
 * values of these lists, so no text from a request or a file ever becomes Cypher.
 */

/** The label of each type of entity (every entity also carries `Entity`). */
export const ENTITY_LABELS = [
  "Person",
  "Government",
  "Organization",
  "Country",
  "Place",
  "Agreement",
  "Event",
  "Topic",
] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/** Every node label of the live graph: entities, what cites and measures them, curation records, imports. */
export const NODE_LABELS = [
  "Entity",
  ...ENTITY_LABELS,
  "Article",
  "Evidence",
  "Quantity",
  "Snapshot",
  "Change",
  "Rejection",
  "Suggestion",
  "Decision",
  "Import",
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Labels of nodes a staged import writes before it publishes them: `Staged` + the label they will have. */
export const STAGING_LABELS = [
  "StagedArticle",
  "StagedPerson",
  "StagedGovernment",
  "StagedOrganization",
  "StagedCountry",
  "StagedPlace",
  "StagedAgreement",
  "StagedEvent",
  "StagedTopic",
  "StagedQuantity",
  "StagedEvidence",
] as const;
export type StagingLabel = (typeof STAGING_LABELS)[number];

/** Every relationship type of the graph. */
export const RELATIONSHIP_TYPES = [
  "IN_COUNTRY",
  "PART_OF",
  "PARTICIPATED_IN",
  "AT",
  "ABOUT",
  "PRODUCED",
  "PARTY_TO",
  "HOLDS_ROLE",
  "EVIDENCED_BY",
  "IN_ARTICLE",
  "MET",
  "CHANGED",
  "REJECTS",
  "SHOWS",
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** The bounds a variable-length pattern's hop count may take (a path query's `max`). */
export const HOPS = { min: 1, max: 20 } as const;

/** Whether `value` is one of `list` (narrows a string read from data to the list's type). */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}

/** The label an entity of `label` carries while a staged import has written it but not published it. */
export function stagingLabel(label: EntityLabel): StagingLabel {
  return `Staged${label}`;
}
