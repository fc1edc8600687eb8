/**
 * Labels and relationship types
 * =============================
 *
 * The closed lists of names that Parley's graph uses and that Cypher cannot take as parameters: node labels,
 * relationship types, a path's hop bound. `cypher(name, slots)` (db/cypher.ts) fills template slots only with
 * values of these lists, so no text from a request or a file ever becomes Cypher. The node types and link types
 * themselves are the contract's vocabularies (contracts/vocabulary.ts); the labels here are derived from them.
 */
import { LINK_TYPES, NODE_TYPES, type NodeType } from "../../contracts/vocabulary.js";

/** The label of an entity of a node type: the type's name capitalised (`person` → `Person`). */
export type EntityLabel = Capitalize<NodeType>;

/** The label of each node type (every entity also carries `Entity`). */
export function entityLabel(type: NodeType): EntityLabel {
  return `${type.charAt(0).toUpperCase()}${type.slice(1)}` as EntityLabel;
}

/** The labels of entities, one per node type, in the order of `NODE_TYPES`. */
export const ENTITY_LABELS: readonly EntityLabel[] = NODE_TYPES.map(entityLabel);

/** Every node label of the live graph: entities, what cites and measures them, curation records, imports. */
export const NODE_LABELS = [
  "Entity",
  ...ENTITY_LABELS,
  "Article",
  "Evidence",
  "Quantity",
  "Snapshot",
  "Story",
  "Change",
  "Rejection",
  "Suggestion",
  "Decision",
  "Import",
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Labels of nodes a staged import writes before it publishes them: `Staged` + the label they will have. */
export type StagingLabel = `Staged${EntityLabel | "Article" | "Quantity" | "Evidence"}`;
export const STAGING_LABELS: readonly StagingLabel[] = [
  "StagedArticle",
  ...ENTITY_LABELS.map(stagingLabel),
  "StagedQuantity",
  "StagedEvidence",
];

/**
 * Every relationship type of the graph: the links the data states (`LINK_TYPES`, contracts/vocabulary.ts), then
 * those Parley derives or keeps for itself (citations, which articles report an event, the MET projection, curation
 * records, snapshots).
 */
export const RELATIONSHIP_TYPES = [
  ...LINK_TYPES,
  "EVIDENCED_BY",
  "IN_ARTICLE",
  "REPORTED_BY",
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
