/**
 * Snapshot routes
 * ===============
 *
 * `POST /api/snapshots` (share a view), `GET /api/snapshots` (recent), `GET /api/snapshots/:id` (the stored view),
 * `GET /api/snapshots/:id/live` (open live: today's data under the same filters, and what changed),
 * `GET /api/snapshots/:id/export?format=gexf|graphml|json|csv[&part=nodes|edges]`, and
 * `DELETE /api/snapshots/:id` (takedown, admin only).
 */
import { z } from "zod";
import { portableGraphSchema } from "../../../contracts/graph.js";
import { snapshotIdSchema } from "../../../contracts/ids.js";
import {
  SNAPSHOT_BODY_LIMIT,
  SNAPSHOT_MAX_EDGES,
  SNAPSHOT_MAX_NODES,
  createSnapshotSchema,
  exportQuerySchema,
  listQuerySchema,
  liveDiffSchema,
  snapshotCreatedSchema,
  snapshotListSchema,
  snapshotViewSchema,
  takedownBodySchema,
  takedownSchema,
} from "../../../contracts/snapshots.js";
import type { RouteDeps } from "../../app-deps.js";
import { PayloadTooLargeError } from "../../errors.js";
import { type Route, SENT, defineRoute } from "../../http/route.js";
import {
  createSnapshot,
  exportSnapshot,
  getSnapshot,
  openLive,
  recentSnapshots,
  takeDown,
} from "./snapshots.service.js";

/** Counts elements before validation, so a huge graph gets a 413 rather than a 400 listing every problem. */
function checkCounts(body: unknown): void {
  const graph = (body as { graph?: { nodes?: unknown; edges?: unknown } } | null)?.graph;
  const nodes = Array.isArray(graph?.nodes) ? graph.nodes.length : 0;
  const edges = Array.isArray(graph?.edges) ? graph.edges.length : 0;
  if (nodes > SNAPSHOT_MAX_NODES || edges > SNAPSHOT_MAX_EDGES) {
    throw new PayloadTooLargeError(
      `Snapshots: a snapshot holds at most ${SNAPSHOT_MAX_NODES} nodes and ${SNAPSHOT_MAX_EDGES} edges (this one has ${nodes} and ${edges}); filter the view down and share again.`,
    );
  }
}

/** The snapshot id of `/snapshots/:id…`, parsed alone so that a bad one is reported as the id itself. */
const idParam = {
  schema: snapshotIdSchema,
  what: "snapshot id",
  from: (req: { params: { id?: string } }) => req.params.id,
};

/** The snapshot routes. */
export function snapshotRoutes({ db, config }: RouteDeps): Route[] {
  return [
    defineRoute({
      method: "post",
      path: "/snapshots",
      writes: true,
      summary: "Store a view as an immutable snapshot; the id is a content hash (201 when new, 200 when shared before)",
      body: {
        schema: createSnapshotSchema,
        what: "snapshot",
        limit: SNAPSHOT_BODY_LIMIT,
        from: (req) => {
          checkCounts(req.body);
          return req.body;
        },
      },
      response: snapshotCreatedSchema,
      responseStatuses: [201, 200],
      errors: [400, 410],
      handler: async ({ body, res }) => {
        const { id, url, created } = await createSnapshot(db, body);
        res.status(created ? 201 : 200).location(url);
        return { id, url };
      },
    }),
    defineRoute({
      method: "get",
      path: "/snapshots",
      summary: "Recent snapshots, newest first",
      query: { schema: listQuerySchema, what: "snapshot list query" },
      response: snapshotListSchema,
      errors: [400],
      handler: async ({ query }) => ({ snapshots: await recentSnapshots(db, query.limit) }),
    }),
    defineRoute({
      method: "get",
      path: "/snapshots/:id",
      summary: "A stored view (410 when taken down)",
      params: idParam,
      response: snapshotViewSchema,
      errors: [400, 404, 410],
      handler: ({ params, res }) => {
        // Immutable content under a content hash: caches may keep it (a takedown answers 410 from the server).
        res.setHeader("Cache-Control", "public, max-age=300");
        return getSnapshot(db, params);
      },
    }),
    defineRoute({
      method: "get",
      path: "/snapshots/:id/live",
      summary: "Re-run the snapshot's filters on today's data: nodes and edges added and removed",
      params: idParam,
      response: liveDiffSchema,
      errors: [400, 404, 410],
      handler: ({ params }) => openLive(db, config.graphBudget, params),
    }),
    defineRoute({
      method: "get",
      path: "/snapshots/:id/export",
      summary: "Export as format=gexf|graphml|json|csv (csv: part=nodes|edges), as a download",
      params: idParam,
      query: { schema: exportQuerySchema, what: "export query" },
      response: z.union([portableGraphSchema, z.string()]),
      responseTypes: ["application/json", "application/gexf+xml", "application/graphml+xml", "text/csv"],
      responseDescription: "The file (Content-Disposition: attachment); JSON is graphology's serialisation",
      errors: [400, 404, 410],
      handler: async ({ params, query, res }): Promise<typeof SENT> => {
        const file = exportSnapshot(await getSnapshot(db, params), query.format, query.part);
        res.setHeader("Content-Disposition", `attachment; filename="${file.filename}"`);
        res.type(file.contentType).send(file.body);
        return SENT;
      },
    }),
    defineRoute({
      method: "delete",
      path: "/snapshots/:id",
      summary: "Take a snapshot down (admin): {reason}",
      auth: "admin",
      params: idParam,
      body: {
        schema: takedownBodySchema,
        what: "takedown",
        limit: SNAPSHOT_BODY_LIMIT,
        optional: true,
        from: (req) => req.body ?? {},
      },
      response: takedownSchema,
      errors: [400, 404],
      handler: async ({ params, body }) => {
        await takeDown(db, params, body.reason);
        return { id: params, takenDown: true as const, reason: body.reason };
      },
    }),
  ];
}
