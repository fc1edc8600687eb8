/**
 * Level-of-detail overview
 * ========================
 *
 * When the database holds more actors than the element budget, the overview stops listing everything. Its top
 * level is the map of communities (an actor's community is its country): one node per community, sized by its
 * members and named with its most central ones (by MET degree: how many distinct actors each met), linked by the
 * meetings between their members; a few hundred elements at most, whatever the size of the database
 * (`buildCommunityMap`). A community opens (`GET /api/graph?community=<id>`, what the explorer's zoom asks for) into
 * its own top actors, every other actor folded into its community's meta-node (`buildLodGraph`). Node and edge
 * counts never exceed the limits.
 */
import type { SerializedEdge, SerializedGraph, SerializedNode } from "../../../contracts/graph.js";
import type { Database } from "../../db/database.js";
import { type LodSummary, readLodSummaryRows, readLodVersion } from "./graph.repository.js";

/** Edges allowed per shown node: keeps the payload (and the client's draw cost) proportional to the budget. */
export const LOD_EDGES_PER_NODE = 4;
/** At most this share of the node budget goes to community meta-nodes; the rest to individual actors. */
const COMMUNITY_SHARE = 0.2;
/** The map of communities shows at most this many; the smallest beyond fold into "other". */
export const MAP_COMMUNITIES = 300;
/** Ties kept per community on the map (the heaviest): enough to see who clusters with whom, few enough to read. */
const MAP_EDGES_PER_NODE = 3;
/** Most central members named on a community's node. */
const MAP_TOP_MEMBERS = 3;
/** The summary is rebuilt when counts change, and at least this often (property-only edits keep counts). */
const CACHE_TTL_MS = 60_000;

export interface LodLimits {
  nodes: number;
  edges: number;
}

/** The limits for a node budget: `budget` nodes and {@link LOD_EDGES_PER_NODE} edges per node. */
export function lodLimits(budget: number): LodLimits {
  return { nodes: budget, edges: budget * LOD_EDGES_PER_NODE };
}

/* ----------------------------------------------------------------------------------------------------------------
 * Reading: cached per database and data version, because a full MET scan costs seconds at a million links while
 * the counts that detect a change come from Neo4j's count store in microseconds.
 * -------------------------------------------------------------------------------------------------------------- */

const cache = new WeakMap<Database, { version: string; at: number; summary: Promise<LodSummary> }>();

/** The summary for the current data, from cache when the data did not change. */
export async function readLodSummary(db: Database, version: string): Promise<LodSummary> {
  const hit = cache.get(db);
  if (hit && hit.version === version && Date.now() - hit.at < CACHE_TTL_MS) return hit.summary;
  const summary = readLodSummaryRows(db);
  cache.set(db, { version, at: Date.now(), summary });
  // A failed read must not stay cached.
  summary.catch(() => cache.delete(db));
  return summary;
}

/* ----------------------------------------------------------------------------------------------------------------
 * Building the view (pure, so tests can check the limits without a database)
 * -------------------------------------------------------------------------------------------------------------- */

const metaKey = (community: string) => `community:${community}`;

/**
 * Builds the level-of-detail graph from a summary: the top actors by degree (only those of `focus` when a
 * community is being expanded), community meta-nodes for everyone else, and the heaviest aggregated edges.
 */
export function buildLodGraph(summary: LodSummary, limits: LodLimits, focus: string | null = null): SerializedGraph {
  const { actors } = summary;
  const members = membersByCommunity(summary);

  // Communities ranked by total degree; beyond the meta-node share, the smallest fold into "other".
  const communityRank = [...members.entries()]
    .map(([id, list]) => ({ id, weight: list.reduce((sum, i) => sum + actors[i]!.degree, 0) }))
    .sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : 1));
  const maxMeta = Math.max(1, Math.floor(limits.nodes * COMMUNITY_SHARE));
  const metaOf = new Map<string, string>();
  communityRank.forEach((c, i) =>
    metaOf.set(c.id, i < maxMeta - 1 || communityRank.length <= maxMeta ? c.id : "other"),
  );

  const candidates = (focus ? (members.get(focus) ?? []) : actors.map((_a, i) => i)).sort(
    (a, b) => actors[b]!.degree - actors[a]!.degree || (actors[a]!.id < actors[b]!.id ? -1 : 1),
  );
  const metaCount = new Set(metaOf.values()).size;
  const shownCount = Math.max(0, Math.min(candidates.length, limits.nodes - Math.min(metaCount, maxMeta)));
  const shown = new Set(candidates.slice(0, shownCount));

  // Meta-nodes for the hidden members, positioned at their members' mean stored position.
  const meta = new Map<
    string,
    { members: number; degree: number; x: number; y: number; placed: number; communities: Set<string> }
  >();
  actors.forEach((a, i) => {
    if (shown.has(i)) return;
    const key = metaOf.get(a.community)!;
    const m = meta.get(key) ?? { members: 0, degree: 0, x: 0, y: 0, placed: 0, communities: new Set<string>() };
    m.members++;
    m.degree += a.degree;
    m.communities.add(a.community);
    if (a.x !== null && a.y !== null) {
      m.x += a.x;
      m.y += a.y;
      m.placed++;
    }
    meta.set(key, m);
  });

  const nodes: SerializedNode[] = [];
  for (const i of shown) {
    const a = actors[i]!;
    nodes.push({
      key: a.id,
      attributes: {
        label: a.name,
        category: a.type,
        kind: a.kind,
        degree: a.degree,
        community: a.community,
        ...(a.x !== null && a.y !== null ? { x: a.x, y: a.y } : {}),
      },
    });
  }
  for (const [key, m] of meta) {
    const name = key === "other" ? "Other communities" : (summary.communityNames.get(key) ?? key);
    nodes.push({
      key: metaKey(key),
      attributes: {
        label: `${name} (${m.members})`,
        category: "community",
        kind: "community",
        degree: m.degree,
        members: m.members,
        community: key,
        expandable: key !== "other",
        ...(m.placed ? { x: m.x / m.placed, y: m.y / m.placed } : {}),
      },
    });
  }

  // Every MET pair onto what represents its ends; links inside one meta-node dropped.
  const endOf = (i: number) => (shown.has(i) ? actors[i]!.id : metaKey(metaOf.get(actors[i]!.community)!));
  const edges: SerializedEdge[] = aggregateTies(summary, endOf)
    .slice(0, limits.edges)
    .map((e) => ({
      key: `met:${e.source}|${e.target}`,
      source: e.source,
      target: e.target,
      attributes: { kind: "met", weight: e.weight, count: e.weight, ...(e.pairs > 1 ? { pairs: e.pairs } : {}) },
    }));

  return {
    options: { type: "mixed", multi: true },
    attributes: {
      view: "met",
      lod: true,
      focus,
      totalActors: actors.length,
      totalLinks: summary.sources.length,
      shownActors: shown.size,
      communities: meta.size,
      truncated: true,
      limits,
    },
    nodes,
    edges,
  };
}

/** A tie between two drawn ends: the meetings (`weight`) and actor pairs behind it. */
interface Tie {
  source: string;
  target: string;
  weight: number;
  pairs: number;
}

/**
 * Every MET pair of the summary counted onto the drawn ends `endOf` gives its two actors (an actor, or the
 * meta-node of its community), heaviest first; pairs within one end are dropped.
 */
function aggregateTies(summary: LodSummary, endOf: (actor: number) => string): Tie[] {
  const ties = new Map<string, Tie>();
  for (let k = 0; k < summary.sources.length; k++) {
    let s = endOf(summary.sources[k]!);
    let t = endOf(summary.targets[k]!);
    if (s === t) continue;
    if (s > t) [s, t] = [t, s];
    const key = `${s}|${t}`;
    const tie = ties.get(key);
    if (tie) {
      tie.weight += summary.counts[k]!;
      tie.pairs++;
    } else ties.set(key, { source: s, target: t, weight: summary.counts[k]!, pairs: 1 });
  }
  return [...ties.values()].sort((a, b) => b.weight - a.weight || (a.source + a.target < b.source + b.target ? -1 : 1));
}

/** Communities (their ids) and the indexes of their members, the most central first. */
function membersByCommunity(summary: LodSummary): Map<string, number[]> {
  const { actors } = summary;
  const members = new Map<string, number[]>();
  actors.forEach((a, i) => {
    const list = members.get(a.community);
    if (list) list.push(i);
    else members.set(a.community, [i]);
  });
  const central = (a: number, b: number) =>
    actors[b]!.degree - actors[a]!.degree || (actors[a]!.id < actors[b]!.id ? -1 : 1);
  for (const list of members.values()) list.sort(central);
  return members;
}

/**
 * The top level of the overview: one node per community (at most {@link MAP_COMMUNITIES} and the node budget, the
 * smallest beyond folded into "other"), sized by members, labelled with its name and carrying its most central
 * members' names (`top`), at its members' mean stored position; linked by the meetings between members of two
 * communities (`count`), the heaviest {@link MAP_EDGES_PER_NODE} per node kept.
 */
export function buildCommunityMap(summary: LodSummary, limits: LodLimits): SerializedGraph {
  const { actors } = summary;
  const members = membersByCommunity(summary);
  const ranked = [...members.entries()]
    .map(([id, list]) => ({ id, list, weight: list.reduce((sum, i) => sum + actors[i]!.degree, 0) }))
    .sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : 1));
  const shown = Math.max(1, Math.min(MAP_COMMUNITIES, limits.nodes));
  const folds = ranked.length > shown;
  const metaOf = new Map<string, string>();
  ranked.forEach((c, i) => metaOf.set(c.id, folds && i >= shown - 1 ? "other" : c.id));

  const groups = new Map<string, number[]>();
  for (const c of ranked) {
    const key = metaOf.get(c.id)!;
    groups.set(key, [...(groups.get(key) ?? []), ...c.list]);
  }
  const nodes: SerializedNode[] = [...groups].map(([key, list]) => {
    const placed = list.filter((i) => actors[i]!.x !== null && actors[i]!.y !== null);
    const mean = (axis: "x" | "y") => placed.reduce((sum, i) => sum + actors[i]![axis]!, 0) / placed.length;
    const other = key === "other";
    return {
      key: metaKey(key),
      attributes: {
        label: `${other ? "Other communities" : (summary.communityNames.get(key) ?? key)} (${list.length})`,
        category: "community",
        kind: "community",
        degree: list.reduce((sum, i) => sum + actors[i]!.degree, 0),
        members: list.length,
        // The country itself is a member, but its name is the label already.
        top: other
          ? []
          : list
              .filter((i) => actors[i]!.id !== key)
              .slice(0, MAP_TOP_MEMBERS)
              .map((i) => actors[i]!.name),
        community: key,
        expandable: !other,
        ...(placed.length ? { x: mean("x"), y: mean("y") } : {}),
      },
    };
  });

  // Each community keeps its heaviest ties; a tie stays when either end keeps it.
  const heaviest = aggregateTies(summary, (i) => metaKey(metaOf.get(actors[i]!.community)!));
  const kept = new Map<string, number>();
  const edges: SerializedEdge[] = [];
  for (const tie of heaviest) {
    if (edges.length >= limits.edges) break;
    const [a, b] = [kept.get(tie.source) ?? 0, kept.get(tie.target) ?? 0];
    if (a >= MAP_EDGES_PER_NODE && b >= MAP_EDGES_PER_NODE) continue;
    kept.set(tie.source, a + 1);
    kept.set(tie.target, b + 1);
    edges.push({
      key: `met:${tie.source}|${tie.target}`,
      source: tie.source,
      target: tie.target,
      attributes: { kind: "met", weight: tie.weight, count: tie.weight, pairs: tie.pairs },
    });
  }
  return {
    options: { type: "mixed", multi: true },
    attributes: {
      view: "met",
      lod: true,
      level: "communities",
      focus: null,
      totalActors: actors.length,
      totalLinks: summary.sources.length,
      shownActors: 0,
      communities: nodes.length,
      truncated: true,
      limits,
    },
    nodes,
    edges,
  };
}

/**
 * The LOD overview when it applies: a `community` expansion, or an unfiltered overview of a database with more
 * actors than the budget. Returns null when the ordinary overview should answer.
 */
export async function lodOverviewIfNeeded(
  db: Database,
  query: { limit: number; community?: string | undefined; unfiltered: boolean },
): Promise<SerializedGraph | null> {
  if (!query.community && !query.unfiltered) return null;
  const { actors, version } = await readLodVersion(db);
  if (!query.community && actors <= query.limit) return null;
  const summary = await readLodSummary(db, version);
  const limits = lodLimits(query.limit);
  return query.community ? buildLodGraph(summary, limits, query.community) : buildCommunityMap(summary, limits);
}
