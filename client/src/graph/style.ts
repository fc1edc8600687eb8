/**
 * Visual vocabulary
 * =================
 *
 * Colours per node type (colour-blind-safe palette), shared by the renderer and the legend.
 */

export const TYPE_COLORS: Record<string, string> = {
  person: "#4e79a7",
  government: "#e15759",
  organization: "#f28e2b",
  country: "#59a14f",
  place: "#9c755f",
  agreement: "#b07aa1",
  event: "#edc948",
  topic: "#76b7b2",
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
};

export function colorOf(type: string): string {
  return TYPE_COLORS[type] ?? FALLBACK_COLOR;
}
