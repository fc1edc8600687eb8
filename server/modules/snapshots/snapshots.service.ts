/**
 * Snapshot service
 * ================
 *
 * Immutable, content-addressed views: a snapshot's id is a hash of its canonical JSON, so sharing the same view
 * twice gives the same link and a stored snapshot is never rewritten. Also "open live" (the stored filters re-run
 * on today's data, with what changed), takedowns, and exports to GEXF, GraphML, JSON and CSV.
 */
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import Graph from "graphology";
import { write as writeGexf } from "graphology-gexf";
import type { SerializedGraph as GraphologySerialized } from "graphology-types";
import type { PortableGraph } from "../../../contracts/graph.js";
import type { Database } from "../../db/database.js";
import { GoneError, NotFoundError } from "../../errors.js";
import { graphQuerySchema } from "../graph/graph.schemas.js";
import { buildOverview } from "../graph/graph.service.js";
import { flattenGraph, gexfAttributes, toCsv, toGraphML, withGexfTimes } from "../../../contracts/graph-formats.js";
import {
  type SnapshotRow,
  findSnapshot,
  insertSnapshot,
  listSnapshots,
  markTakenDown,
  readEvidence,
  readRoleEvidence,
} from "./snapshots.repository.js";
import {
  type CreateSnapshotBody,
  type LiveDiff,
  type LiveEdgeRef,
  type LiveNodeRef,
  SNAPSHOT_FORMAT_VERSION,
  type SnapshotCreated,
  type SnapshotPayload,
  type SnapshotSummary,
  type SnapshotView,
} from "../../../contracts/snapshots.js";
import type { CsvPart, ExportFormat } from "../../../contracts/vocabulary.js";

const PAYLOAD_ENCODING = "gzip+base64";

/** The public path of a snapshot's read-only page. */
export const snapshotUrl = (id: string) => `/s/${id}`;

// ---------------------------------------------------------------------------------------------------------------
// Hashing
// ---------------------------------------------------------------------------------------------------------------

/** JSON with object keys sorted at every depth (arrays keep their order), so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** The snapshot id of a payload: the first 20 hex digits of the SHA-256 of its canonical JSON. */
export function snapshotId(payload: SnapshotPayload): string {
  return createHash("sha256").update(canonicalJson(payload)).digest("hex").slice(0, 20);
}

// ---------------------------------------------------------------------------------------------------------------
// Create
// ---------------------------------------------------------------------------------------------------------------

/**
 * Stores a validated snapshot body (once: the same content finds the same node) and returns its id and URL.
 * Edges that do not carry `evidence` get the evidence ids behind them from the database first, so exports and
 * citations keep working after the data changes.
 */
export async function createSnapshot(
  db: Database,
  body: CreateSnapshotBody,
): Promise<SnapshotCreated & { created: boolean }> {
  const graph: PortableGraph = await withEvidence(db, body.graph);
  const payload: SnapshotPayload = {
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    title: body.title,
    note: body.note,
    graph,
    state: body.state,
  };
  const id = snapshotId(payload);
  const compressed = gzipSync(Buffer.from(canonicalJson(payload), "utf8"));
  const { created, takenDown } = await insertSnapshot(db, {
    id,
    title: body.title,
    note: body.note,
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    payload: compressed.toString("base64"),
    payloadEncoding: PAYLOAD_ENCODING,
    payloadBytes: compressed.length,
    nodeCount: graph.nodes.length,
    edgeCount: graph.edges.length,
    entityIds: graph.nodes.map((n) => n.key),
  });
  if (takenDown)
    throw new GoneError(`Snapshots: this view was shared before as ${id} and taken down; it cannot be shared again.`);
  return { id, url: snapshotUrl(id), created };
}

/** Which entities' evidence stands behind an edge, by its kind (see docs/model.md). */
function evidenceSubjects(edge: PortableGraph["edges"][number]): string[] {
  const attrs = edge.attributes ?? {};
  const events = Array.isArray(attrs.events) ? attrs.events.filter((e): e is string => typeof e === "string") : [];
  switch (attrs.kind) {
    case "participated_in":
    case "party_to":
      return [...events, edge.target];
    case "at":
      return [...events, edge.source];
    case "produced":
      return [...events, edge.source, edge.target];
    default:
      return events;
  }
}

async function withEvidence(db: Database, graph: CreateSnapshotBody["graph"]): Promise<PortableGraph> {
  const pending = graph.edges.filter((e) => e.attributes.evidence === undefined);
  if (pending.length === 0) return graph;
  const subjects = [...new Set(pending.flatMap(evidenceSubjects))];
  const roles = pending
    .filter((e) => e.attributes.kind === "holds_role")
    .map((e) => ({ source: e.source, target: e.target }));
  const [bySubject, byRole] = await Promise.all([readEvidence(db, subjects), readRoleEvidence(db, roles)]);
  const edges = graph.edges.map((edge) => {
    if (edge.attributes.evidence !== undefined) return edge;
    const ids = new Set(evidenceSubjects(edge).flatMap((s) => bySubject.get(s) ?? []));
    if (edge.attributes.kind === "holds_role") {
      const title = typeof edge.attributes.title === "string" ? edge.attributes.title : "";
      for (const ev of byRole.get(`${edge.source}|${edge.target}|${title}`) ?? []) ids.add(ev);
    }
    if (ids.size === 0) return edge;
    return { ...edge, attributes: { ...edge.attributes, evidence: [...ids].sort() } };
  });
  return { ...graph, edges };
}

// ---------------------------------------------------------------------------------------------------------------
// Read, list, take down
// ---------------------------------------------------------------------------------------------------------------

/** Decodes a stored payload, by its format version (only version 1 exists so far). */
function decodePayload(row: SnapshotRow): SnapshotPayload {
  if (row.payloadEncoding !== PAYLOAD_ENCODING || row.payload === null) {
    throw new Error(`Snapshots: unknown payload encoding ${row.payloadEncoding} for ${row.id}`);
  }
  const payload = JSON.parse(gunzipSync(Buffer.from(row.payload, "base64")).toString("utf8")) as SnapshotPayload;
  if (payload.formatVersion !== 1)
    throw new Error(`Snapshots: unknown format version ${payload.formatVersion} for ${row.id}`);
  return payload;
}

/** The stored view; NotFoundError for an unknown id, GoneError for one taken down. */
export async function getSnapshot(db: Database, id: string): Promise<SnapshotView> {
  const row = await findSnapshot(db, id);
  if (!row) throw new NotFoundError(`Snapshots: no snapshot ${id}. Check the link; snapshot ids are 20 hex digits.`);
  if (row.takenDown) {
    throw new GoneError(
      `This snapshot was taken down${row.takenDownAt ? ` on ${row.takenDownAt.slice(0, 10)}` : ""}: ${row.takedownReason ?? "no reason given"}`,
      {
        id: row.id,
        takenDownAt: row.takenDownAt,
        reason: row.takedownReason,
      },
    );
  }
  const payload = decodePayload(row);
  return {
    id: row.id,
    url: snapshotUrl(row.id),
    createdAt: row.createdAt,
    nodeCount: row.nodeCount,
    edgeCount: row.edgeCount,
    ...payload,
  };
}

/** Recent snapshots, newest first, with their URLs. */
export async function recentSnapshots(db: Database, limit: number): Promise<SnapshotSummary[]> {
  return (await listSnapshots(db, limit)).map((s) => ({ ...s, url: snapshotUrl(s.id) }));
}

/** Takes a snapshot down (idempotent); NotFoundError for an unknown id. */
export async function takeDown(db: Database, id: string, reason: string): Promise<void> {
  if (!(await markTakenDown(db, id, reason))) throw new NotFoundError(`Snapshots: no snapshot ${id} to take down.`);
}

// ---------------------------------------------------------------------------------------------------------------
// Open live
// ---------------------------------------------------------------------------------------------------------------

/**
 * Re-runs the snapshot's filters through the graph overview and compares node keys and edge keys (the overview's
 * edge keys are stable: `met:a|b`, `holds_role:a->b:title`…). A snapshot made from a query, not filters, cannot
 * be re-run here, and says so.
 */
export async function openLive(db: Database, graphBudget: number, id: string): Promise<LiveDiff> {
  const snapshot = await getSnapshot(db, id);
  const { filters, query } = snapshot.state;
  if (!filters && query !== undefined) {
    return {
      id,
      takenAt: snapshot.createdAt,
      supported: false,
      reason: "This snapshot was made from a query, which cannot be re-run live yet; only filter views can.",
    };
  }
  const input: Record<string, string> = {};
  for (const [name, value] of Object.entries(filters ?? {})) {
    if (value === undefined) continue;
    input[name] = Array.isArray(value) ? value.join(",") : String(value);
  }
  const parsed = graphQuerySchema(graphBudget).safeParse(input);
  if (!parsed.success) {
    return {
      id,
      takenAt: snapshot.createdAt,
      supported: false,
      reason: `The snapshot's filters are not valid today: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    };
  }
  const live = await buildOverview(db, parsed.data);
  const nodeRef = (n: { key: string; attributes?: Record<string, unknown> }): LiveNodeRef => ({
    key: n.key,
    label: typeof n.attributes?.label === "string" ? n.attributes.label : null,
  });
  const edgeRef = (
    e: { key?: string; source: string; target: string; attributes?: Record<string, unknown> },
    i: number,
  ): LiveEdgeRef => ({
    key: e.key ?? `e${i}`,
    source: e.source,
    target: e.target,
    kind: typeof e.attributes?.kind === "string" ? e.attributes.kind : null,
  });
  const thenNodes = new Map(snapshot.graph.nodes.map((n) => [n.key, nodeRef(n)]));
  const nowNodes = new Map(live.nodes.map((n) => [n.key, nodeRef(n)]));
  const thenEdges = new Map(snapshot.graph.edges.map((e, i) => [edgeRef(e, i).key, edgeRef(e, i)]));
  const nowEdges = new Map(live.edges.map((e, i) => [edgeRef(e, i).key, edgeRef(e, i)]));
  const minus = <T>(a: Map<string, T>, b: Map<string, T>) => [...a].filter(([k]) => !b.has(k)).map(([, v]) => v);
  return {
    id,
    takenAt: snapshot.createdAt,
    supported: true,
    filters: parsed.data,
    added: { nodes: minus(nowNodes, thenNodes), edges: minus(nowEdges, thenEdges) },
    removed: { nodes: minus(thenNodes, nowNodes), edges: minus(thenEdges, nowEdges) },
    unchanged: {
      nodes: [...nowNodes.keys()].filter((k) => thenNodes.has(k)).length,
      edges: [...nowEdges.keys()].filter((k) => thenEdges.has(k)).length,
    },
    graph: live,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------------------------------------------

/** A file to send: its text, media type and download name. */
export interface ExportFile {
  body: string;
  contentType: string;
  filename: string;
}

/** Graph-level attributes every export carries, so a file says where it came from. */
function provenance(view: SnapshotView): Record<string, string> {
  return {
    ...(view.title ? { title: view.title } : {}),
    ...(view.note ? { description: view.note } : {}),
    creator: "Parley",
    snapshot: view.id,
    createdAt: view.createdAt,
  };
}

/** Builds a graphology graph for graphology-gexf's writer from the flattened serialisation. */
function toGraphology(graph: PortableGraph): Graph {
  const g = new Graph({
    type: graph.options?.type ?? "mixed",
    multi: graph.options?.multi ?? true,
    allowSelfLoops: true,
  });
  g.import(graph as GraphologySerialized);
  return g;
}

/** GEXF 1.3 text of a serialised graph (label, x/y/size/color as viz, every other attribute in the model). */
export function toGexf(graph: PortableGraph): string {
  const flat = flattenGraph(graph, gexfAttributes);
  return withGexfTimes(writeGexf(toGraphology(flat), { version: "1.3", pretty: true }), flat);
}

/** Exports a snapshot in one of the formats (CSV: one table, `part` nodes or edges). */
export function exportSnapshot(view: SnapshotView, format: ExportFormat, part: CsvPart): ExportFile {
  const graph: PortableGraph = { ...view.graph, attributes: { ...view.graph.attributes, ...provenance(view) } };
  const base = `parley-snapshot-${view.id}`;
  switch (format) {
    case "gexf":
      return { body: toGexf(graph), contentType: "application/gexf+xml; charset=utf-8", filename: `${base}.gexf` };
    case "graphml":
      return {
        body: toGraphML(graph),
        contentType: "application/graphml+xml; charset=utf-8",
        filename: `${base}.graphml`,
      };
    case "csv":
      return { body: toCsv(graph, part), contentType: "text/csv; charset=utf-8", filename: `${base}-${part}.csv` };
    case "json":
      return { body: JSON.stringify(graph), contentType: "application/json; charset=utf-8", filename: `${base}.json` };
  }
}
