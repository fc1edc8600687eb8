/**
 * Health
 * ======
 *
 * `GET /api/health`: liveness and readiness apart. `db` says whether Bolt answers; `ready` whether the server has
 * prepared the database (schema, recovery, sample data), with `bootstrap` naming what it is doing until then.
 * 200 while the database is up, 503 while it is down; with `?ready=1` also 503 until ready (for load balancers and
 * container health checks). It recovers by itself when the database does.
 */
import { z } from "zod";
import { healthDtoSchema } from "../../../contracts/api.js";
import type { RouteDeps } from "../../app-deps.js";
import { type Route, defineRoute } from "../../http/route.js";

const healthQuerySchema = z.object({ ready: z.enum(["0", "1", "true", "false"]).optional() });

/** The health route. */
export function healthRoutes({ db, readiness }: RouteDeps): Route[] {
  return [
    defineRoute({
      method: "get",
      path: "/health",
      summary:
        "Liveness (db) and readiness (ready, bootstrap); 503 while the database is down, or not ready with ?ready=1",
      query: { schema: healthQuerySchema, what: "health query" },
      response: healthDtoSchema,
      responseStatuses: [200, 503],
      handler: async ({ query, res }) => {
        const status = await db.status();
        res.setHeader("Cache-Control", "no-store");
        const wantsReady = query.ready === "1" || query.ready === "true";
        const ready = status.up && readiness.ready;
        const bootstrap = readiness.ready ? "ready" : readiness.phase;
        if (status.up && (ready || !wantsReady)) {
          return { status: "ok", db: "up" as const, ready, bootstrap, neo4j: status.version };
        }
        res.setHeader("Retry-After", "5");
        res.status(503);
        if (!status.up) {
          return {
            status: "unavailable",
            db: "down" as const,
            ready: false,
            bootstrap,
            message: "The database is not reachable yet; retrying.",
          };
        }
        return {
          status: "preparing",
          db: "up" as const,
          ready: false,
          bootstrap,
          neo4j: status.version,
          message: `The database is being prepared (${bootstrap}).`,
        };
      },
    }),
  ];
}
