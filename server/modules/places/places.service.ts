/**
 * Places service
 * ==============
 *
 * Puts places and countries on the map and answers `GET /api/places`. Coordinates are settled once per node: after
 * every import for the nodes it stated, and at start-up for data loaded before the map existed (both only touch
 * nodes not settled yet, so running it again changes nothing). An import's own `lat`/`lon` win; otherwise the
 * gazetteer (places.gazetteer.ts) is asked, and a name it cannot settle goes to the review queue with its candidate
 * cities, where a reviewer's choice places it (`choosePlace`).
 */
import { createHash } from "node:crypto";
import type { ManagedTransaction } from "neo4j-driver";
import type { ImportSuggestion } from "../../../contracts/import-format.js";
import type { MapArc, MapPlace, PlacesDto } from "../../../contracts/places.js";
import { GEO_SOURCES, type GeoSource } from "../../../contracts/places.js";
import type { Database } from "../../db/database.js";
import { eventFilterOf } from "../graph/graph.stats.js";
import { cityById, locate } from "./places.gazetteer.js";
import {
  type PlaceCoordinates,
  type PlaceRow,
  readAnsweredQuestions,
  readPendingPlaces,
  readPlaces,
  writePlaceChoice,
  writePlaceCoordinates,
} from "./places.repository.js";
import type { PlacesQuery } from "./places.schemas.js";

/** Recorded on every settled node: which tables settled it (bump when extractor/data's tables change). */
export const GAZETTEER_VERSION = "world-tables-1";

/** Stores review suggestions and says how many a remembered decision answered (curation's import hook). */
export type StoreSuggestions = (
  tx: ManagedTransaction,
  suggestions: ImportSuggestion[],
) => Promise<{ stored: number; decided: number }>;

/** What one settling pass did. */
export interface SettleSummary {
  located: number;
  asked: number;
  unknown: number;
}

/** The review question about one place: its own id, so two places of one name are two questions of one key. */
function questionId(place: string, candidates: string[]): string {
  const key = ["ambiguous-place", place, [...candidates].sort().join(",")].join("|");
  return `sug-${createHash("sha256").update(key).digest("hex").slice(0, 20)}`;
}

/**
 * Settles the coordinates of every place and country not settled yet, in `tx` (the import's own transaction, or
 * one of its own at start-up). Unsure names become `ambiguous-place` suggestions through `storeSuggestions`.
 */
export async function settleCoordinates(
  tx: ManagedTransaction,
  storeSuggestions: StoreSuggestions,
): Promise<SettleSummary> {
  const pending = await readPendingPlaces(tx);
  const summary: SettleSummary = { located: 0, asked: 0, unknown: 0 };
  if (pending.length === 0) return summary;
  const rows: PlaceCoordinates[] = [];
  const questions: ImportSuggestion[] = [];
  for (const place of pending) {
    if (place.lat !== null && place.lon !== null) {
      rows.push({ id: place.id, lat: place.lat, lon: place.lon, source: "import", question: null });
      summary.located++;
      continue;
    }
    const location = locate(place);
    if (location.outcome === "located") {
      rows.push({ id: place.id, lat: location.lat, lon: location.lon, source: location.source, question: null });
      summary.located++;
    } else if (location.outcome === "ambiguous") {
      const candidates = location.candidates.map((c) => c.id);
      const id = questionId(place.id, candidates);
      questions.push({ id, kind: "ambiguous-place", article: null, text: place.name, candidates });
      rows.push({ id: place.id, lat: null, lon: null, source: null, question: id });
      summary.asked++;
    } else {
      rows.push({ id: place.id, lat: null, lon: null, source: null, question: null });
      summary.unknown++;
    }
  }
  await writePlaceCoordinates(tx, rows, GAZETTEER_VERSION);
  if (questions.length) {
    await storeSuggestions(tx, questions);
    // A question asked and answered before (the same name between the same cities) is answered again at once.
    const answered = await readAnsweredQuestions(
      tx,
      questions.map((q) => q.id!),
    );
    for (const [question, chosen] of answered) await choosePlace(tx, question, chosen);
  }
  return summary;
}

/** Settles coordinates in a write transaction of its own (start-up: data loaded before the map existed). */
export function settleAllCoordinates(db: Database, storeSuggestions: StoreSuggestions): Promise<SettleSummary> {
  return db.writeTx((tx) => settleCoordinates(tx, storeSuggestions), { timeoutMs: 10 * 60_000 });
}

/**
 * A reviewer's answer to the place question `question`: the candidate city `choice` (a `geo:` id) places the
 * places that asked it. Returns their ids (none when the choice is not a city of the tables).
 */
export async function choosePlace(tx: ManagedTransaction, question: string, choice: string): Promise<string[]> {
  const city = cityById(choice);
  if (!city) return [];
  return writePlaceChoice(tx, question, { lat: city.lat, lon: city.lon });
}

const sourceOf = (value: string | null): GeoSource | null =>
  (GEO_SOURCES as readonly string[]).includes(value ?? "") ? (value as GeoSource) : null;

/** `GET /api/places`. */
export async function getPlaces(db: Database, query: PlacesQuery): Promise<PlacesDto> {
  const { places, unplaced, visitorCountries } = await readPlaces(db, {
    ...eventFilterOf(query),
    actor: query.actor ?? null,
  });
  const toPlace = (row: PlaceRow, events: number): MapPlace => ({
    id: row.id,
    name: row.name,
    type: row.type === "country" ? "country" : "place",
    kind: row.kind,
    lat: row.lat,
    lon: row.lon,
    source: sourceOf(row.source),
    events,
  });
  const arcs = new Map<string, MapArc>();
  for (const place of places)
    for (const origin of place.origins) {
      const key = `${origin}>${place.id}`;
      const arc = arcs.get(key) ?? { from: origin, to: place.id, events: 0 };
      arc.events++;
      arcs.set(key, arc);
    }
  return {
    places: [
      ...places.map((p) => toPlace(p, p.events)).sort((a, b) => b.events - a.events || a.id.localeCompare(b.id)),
      ...visitorCountries.map((c) => toPlace(c, 0)),
    ],
    arcs: [...arcs.values()].sort((a, b) => b.events - a.events || a.from.localeCompare(b.from)),
    unplaced,
  };
}
