/**
 * Driver values to JSON
 * =====================
 *
 * Converts what neo4j-driver returns into plain JSON at the repository edge: integers become numbers when safe
 * (strings otherwise), temporals become ISO strings, nodes and relationships lose their internal ids. Records are
 * read through record shapes, one interface per query's RETURN columns (`tx.run<Shape>(…)`, or
 * `db.read(…, (r: Neo4jRecord<Shape>) => …)`), so `r.get("column")` is typed without casts; the shapes that many
 * queries share are here.
 */
import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
  type Integer,
} from "neo4j-driver";
import type { Json } from "../../contracts/json.js";

/** Converts one driver value to JSON. */
export function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === "bigint") {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isTime(value) ||
    isLocalTime(value) ||
    isDuration(value)
  ) {
    return value.toString();
  }
  if (isPoint(value))
    return { srid: toJson(value.srid), x: value.x, y: value.y, ...(value.z === undefined ? {} : { z: value.z }) };
  if (isNode(value)) return { labels: [...value.labels], properties: toJsonMap(value.properties) };
  if (isRelationship(value)) return { type: value.type, properties: toJsonMap(value.properties) };
  if (isPath(value))
    return value.segments.map((s) => ({
      start: toJson(s.start),
      relationship: toJson(s.relationship),
      end: toJson(s.end),
    }));
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === "object") return toJsonMap(value as Record<string, unknown>);
  return String(value);
}

/** Converts every value of a map. */
export function toJsonMap(map: Record<string, unknown>): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(map)) out[key] = toJson(value);
  return out;
}

/** A number from a driver integer or number (counts, degrees). */
export function toNumber(value: unknown): number {
  if (neo4j.isInt(value)) return value.toNumber();
  if (typeof value === "bigint") return Number(value);
  return typeof value === "number" ? value : 0;
}

/* ----------------------------------------------------------------------------------------------------------------
 * Record shapes shared by many queries
 * -------------------------------------------------------------------------------------------------------------- */

/** A record of a query that counts what it matched or changed (`RETURN count(x) AS count`). */
export interface CountRecord {
  count: Integer;
}

/** A record of a query that returns application ids (`RETURN x.id AS id`). */
export interface IdRecord {
  id: string;
}
