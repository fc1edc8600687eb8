/**
 * Health
 * ======
 *
 * `GET /api/health`: 200 `{"status":"ok","db":"up","neo4j":"5.26.x"}` when Bolt answers, else 503 with
 * `"db":"down"`. Load balancers and the launcher's own checks poll it; it recovers by itself when the database does.
 */
import { Router } from "express";
import type { AppDeps } from "../../app.js";

export function healthRoutes({ db }: AppDeps): Router {
  const router = Router();
  router.get("/health", async (_req, res) => {
    const status = await db.status();
    res.setHeader("Cache-Control", "no-store");
    if (status.up) {
      res.json({ status: "ok", db: "up", neo4j: status.version });
    } else {
      res.setHeader("Retry-After", "5");
      res
        .status(503)
        .json({ status: "unavailable", db: "down", message: "The database is not reachable yet; retrying." });
    }
  });
  return router;
}
