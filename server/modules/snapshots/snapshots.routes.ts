/**
 * Snapshot routes
 * ===============
 *
 * `POST /api/snapshots` (share a view), `GET /api/snapshots` (recent), `GET /api/snapshots/:id` (the stored view),
 * `GET /api/snapshots/:id/live` (open live: today's data under the same filters, and what changed),
 * `GET /api/snapshots/:id/export?format=gexf|graphml|json|csv[&part=nodes|edges]`, and
 * `DELETE /api/snapshots/:id` (takedown, admin only).
 */
import { Router } from "express";
import type { AppDeps } from "../../app.js";
import { PayloadTooLargeError } from "../../errors.js";
import { requireAdmin } from "../../http/access.js";
import { jsonBody } from "../../http/body.js";
import { parseOr400 } from "../../http/validate.js";
import {
  SNAPSHOT_BODY_LIMIT,
  SNAPSHOT_MAX_EDGES,
  SNAPSHOT_MAX_NODES,
  createSnapshotSchema,
  exportQuerySchema,
  listQuerySchema,
  takedownBodySchema,
} from "../../../contracts/snapshots.js";
import { snapshotIdSchema } from "../../../contracts/ids.js";
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

export function snapshotRoutes({ db, config }: AppDeps): Router {
  const router = Router();
  const body = jsonBody(SNAPSHOT_BODY_LIMIT);

  router.post("/snapshots", ...body, async (req, res) => {
    checkCounts(req.body);
    const input = parseOr400(createSnapshotSchema, req.body, "snapshot");
    const { id, url, created } = await createSnapshot(db, input);
    res
      .status(created ? 201 : 200)
      .location(url)
      .json({ id, url });
  });

  router.get("/snapshots", async (req, res) => {
    const { limit } = parseOr400(listQuerySchema, req.query, "snapshot list query");
    res.json({ snapshots: await recentSnapshots(db, limit) });
  });

  router.get("/snapshots/:id", async (req, res) => {
    const id = parseOr400(snapshotIdSchema, req.params.id, "snapshot id");
    // Immutable content under a content hash: caches may keep it (a takedown answers 410 from the server).
    res.setHeader("Cache-Control", "public, max-age=300");
    res.json(await getSnapshot(db, id));
  });

  router.get("/snapshots/:id/live", async (req, res) => {
    const id = parseOr400(snapshotIdSchema, req.params.id, "snapshot id");
    res.json(await openLive(db, config.graphBudget, id));
  });

  router.get("/snapshots/:id/export", async (req, res) => {
    const id = parseOr400(snapshotIdSchema, req.params.id, "snapshot id");
    const { format, part } = parseOr400(exportQuerySchema, req.query, "export query");
    const file = exportSnapshot(await getSnapshot(db, id), format, part);
    res.setHeader("Content-Disposition", `attachment; filename="${file.filename}"`);
    res.type(file.contentType).send(file.body);
  });

  router.delete("/snapshots/:id", requireAdmin(config.adminTokens), ...body, async (req, res) => {
    const id = parseOr400(snapshotIdSchema, req.params.id, "snapshot id");
    const { reason } = parseOr400(takedownBodySchema, req.body ?? {}, "takedown");
    await takeDown(db, id, reason);
    res.json({ id, takenDown: true, reason });
  });

  return router;
}
