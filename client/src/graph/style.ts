/**
 * Visual vocabulary
 * =================
 *
 * Colours per node type (colour-blind-safe palette), the shape each type is drawn with, and the community palette,
 * shared by the renderer, the reducers and the legend.
 */
import type { DiffChange } from "../../../contracts/graph";

export const TYPE_COLORS: Record<string, string> = {
  person: "#4e79a7",
  government: "#e15759",
  organization: "#f28e2b",
  country: "#59a14f",
  place: "#9c755f",
  agreement: "#b07aa1",
  event: "#edc948",
  topic: "#76b7b2",
  // Level-of-detail meta-nodes: a colour no actor type uses, since they stand for many actors at once.
  community: "#ff9da7",
};
export const FALLBACK_COLOR = "#8c8c8c";

export const TYPE_NAMES: Record<string, string> = {
  person: "Person",
  government: "Government",
  organization: "Organisation",
  country: "Country / region",
  place: "Place",
  agreement: "Agreement",
  event: "Event",
  topic: "Topic",
  community: "Community",
};

/**
 * Sigma render program per node type: people are plain discs, institutions (governments, countries) a disc inside
 * a ring, agreements a hollow ring, events a disc with a dark rim, so shape tells them apart without colour.
 */
export const NODE_SHAPES = ["disc", "institution", "document", "occurrence"] as const;
export type NodeShape = (typeof NODE_SHAPES)[number];
export const TYPE_SHAPES: Record<string, NodeShape> = {
  person: "disc",
  organization: "disc",
  place: "disc",
  topic: "disc",
  government: "institution",
  country: "institution",
  agreement: "document",
  event: "occurrence",
  // A ring around a disc, like institutions: a group, not one person.
  community: "institution",
};

/** Tableau 10, for communities (louvain ids are small integers). */
export const COMMUNITY_COLORS = [
  "#4e79a7",
  "#f28e2b",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
  "#bab0ac",
];

export const EDGE_COLORS: Record<string, string> = {
  met: "#8a94a6",
  participated_in: "#b4bcc8",
  holds_role: "#c9a9c4",
  party_to: "#c9a9c4",
  produced: "#c9a9c4",
  at: "#cfc4b8",
  part_of: "#c9ced6",
};

export function colorOf(type: string): string {
  return TYPE_COLORS[type] ?? FALLBACK_COLOR;
}

export function shapeOf(type: string): NodeShape {
  return TYPE_SHAPES[type] ?? "disc";
}

export function communityColor(community: number): string {
  return COMMUNITY_COLORS[((community % COMMUNITY_COLORS.length) + COMMUNITY_COLORS.length) % COMMUNITY_COLORS.length]!;
}

/** A readable label for an id when the server gave none: `topic-border-security` → "Border security". */
export function labelFromId(id: string): string {
  const words = id
    .replace(/^(topic|evt|gov|org)-/, "")
    .replace(/[-_]+/g, " ")
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * How a tie of a comparison of two periods is drawn (features/compare): new ones green and thicker, ended ones red and
 * thinner, kept ones grey; the edge reducer and the compare panel's legend read this one table.
 */
export const CHANGE_STYLES: Record<DiffChange, { label: string; color: string; sizeScale: number }> = {
  added: { label: "New in B", color: "#2f9e44", sizeScale: 1.5 },
  removed: { label: "Only in A (ended)", color: "#e03131", sizeScale: 0.8 },
  kept: { label: "In both", color: "#868e96", sizeScale: 1 },
};
