/**
 * Places repository
 * =================
 *
 * The map's Cypher: the places and countries whose coordinates are still to settle, writing what the gazetteer
 * settled, a reviewer's answer to a place question, and the events per place within the explorer's filters.
 */
import type { Integer, ManagedTransaction } from "neo4j-driver";
import { cypher } from "../../db/cypher.js";
import type { Database } from "../../db/database.js";
import { toNumber } from "../../db/values.js";
import type { GeoSource } from "../../../contracts/places.js";
import type { PlaceToLocate } from "./places.gazetteer.js";
import type { TimelineFilter } from "../graph/graph.repository.js";

/** A place or country to locate, with the coordinates an import gave it. */
export interface PendingPlace extends PlaceToLocate {
  lat: number | null;
  lon: number | null;
}

/** What the writer stores about one place. */
export interface PlaceCoordinates {
  id: string;
  lat: number | null;
  lon: number | null;
  source: GeoSource | null;
  /** The id of the review suggestion asking where it is, while that is open. */
  question: string | null;
}

/** A record of queries/places/pending. */
type PendingRecord = Omit<PendingPlace, "lat" | "lon"> & { lat: number | null; lon: number | null };

/** Places and countries not settled yet. */
export async function readPendingPlaces(tx: ManagedTransaction): Promise<PendingPlace[]> {
  const result = await tx.run<PendingRecord>(cypher("queries/places/pending"));
  return result.records.map((r) => ({
    id: r.get("id"),
    type: r.get("type"),
    name: r.get("name"),
    aliases: r.get("aliases"),
    lat: r.get("lat") === null ? null : Number(r.get("lat")),
    lon: r.get("lon") === null ? null : Number(r.get("lon")),
    countries: r.get("countries"),
  }));
}

/** Stores settled coordinates (and open questions), marking the places settled by gazetteer `version`. */
export async function writePlaceCoordinates(
  tx: ManagedTransaction,
  rows: PlaceCoordinates[],
  version: string,
): Promise<void> {
  if (rows.length) await tx.run(cypher("queries/places/assign"), { rows, version });
}

/** The suggestions among `ids` that a remembered decision answered at once: suggestion id → chosen candidate. */
export async function readAnsweredQuestions(tx: ManagedTransaction, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const result = await tx.run<{ id: string; chosen: string }>(cypher("queries/places/answered"), { ids });
  return new Map(result.records.map((r) => [r.get("id"), r.get("chosen")]));
}

/** Gives the places that asked `question` the chosen coordinates; returns their ids. */
export async function writePlaceChoice(
  tx: ManagedTransaction,
  question: string,
  point: { lat: number; lon: number },
): Promise<string[]> {
  const result = await tx.run<{ id: string }>(cypher("queries/places/choose"), { question, ...point });
  return result.records.map((r) => r.get("id"));
}

/** The filters of `GET /api/places`, as Cypher parameters (null: no filter). */
export type PlacesFilter = TimelineFilter & { actor: string | null };

/** A place on the map as read. */
export interface PlaceRow {
  id: string;
  name: string;
  type: string;
  kind: string;
  lat: number;
  lon: number;
  source: string | null;
}

/** A record of queries/places/places: one located place (or the null place), its events and visitors' countries. */
type PlacesRecord = { [K in keyof PlaceRow]: PlaceRow[K] | null } & { events: Integer; originLists: string[][] };

/** A record of queries/places/countries. */
type CountryRecord = PlaceRow;

/** Events per located place within the filters, the visitors' countries of each, and the events not on the map. */
export async function readPlaces(
  db: Database,
  filter: PlacesFilter,
): Promise<{
  places: (PlaceRow & { events: number; origins: string[] })[];
  unplaced: number;
  /** The visitors' countries that held no event here, with their coordinates. */
  visitorCountries: PlaceRow[];
}> {
  return db.readTx(
    async (tx) => {
      const result = await tx.run<PlacesRecord>(cypher("queries/places/places"), { ...filter });
      let unplaced = 0;
      const places: (PlaceRow & { events: number; origins: string[] })[] = [];
      for (const r of result.records) {
        const events = toNumber(r.get("events"));
        const id = r.get("id");
        if (id === null) {
          unplaced += events;
          continue;
        }
        places.push({
          id,
          name: r.get("name") ?? id,
          type: r.get("type") ?? "place",
          kind: r.get("kind") ?? "place",
          lat: Number(r.get("lat")),
          lon: Number(r.get("lon")),
          source: r.get("source"),
          events,
          origins: r.get("originLists").flat(),
        });
      }
      const wanted = [...new Set(places.flatMap((p) => p.origins))].filter((id) => !places.some((p) => p.id === id));
      const visitorCountries = wanted.length
        ? (await tx.run<CountryRecord>(cypher("queries/places/countries"), { ids: wanted })).records.map((r) => ({
            id: r.get("id"),
            name: r.get("name"),
            type: r.get("type"),
            kind: r.get("kind"),
            lat: Number(r.get("lat")),
            lon: Number(r.get("lon")),
            source: r.get("source"),
          }))
        : [];
      return { places, unplaced, visitorCountries };
    },
    { timeoutMs: 15_000 },
  );
}
