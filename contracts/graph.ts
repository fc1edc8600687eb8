/**
 * Graph payloads
 * ==============
 *
 * The API speaks graphology's serialisation format keyed by application ids, so the client can `graph.import()` it,
 * Gephi Lite can read it, and snapshots store it unchanged.
 */

export type NodeAttributes = {
  label: string;
  /**
   * Node type: person, government, organization, country, place, agreement, event, topic. Named `category`
   * because sigma reserves a node's `type` attribute for its render program.
   */
  category: string;
  /** Open vocabulary, e.g. meeting, visit, ministry. */
  kind: string;
  degree?: number;
  date?: string | null;
  datePrecision?: string | null;
  x?: number;
  y?: number;
  [key: string]: unknown;
};

export type EdgeAttributes = {
  /** Relationship kind: met, participated_in, holds_role, party_to, produced, at, in_country, part_of. */
  kind: string;
  weight: number;
  [key: string]: unknown;
};

export interface SerializedNode {
  key: string;
  attributes: NodeAttributes;
}

export interface SerializedEdge {
  key: string;
  source: string;
  target: string;
  attributes: EdgeAttributes;
}

export interface SerializedGraph {
  attributes?: Record<string, unknown>;
  options?: { type?: "mixed" | "directed" | "undirected"; multi?: boolean; allowSelfLoops?: boolean };
  nodes: SerializedNode[];
  edges: SerializedEdge[];
}
