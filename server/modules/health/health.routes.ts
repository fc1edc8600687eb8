/**
 * Health
 * ======
 *
 * `GET /api/health`: 200 `{"status":"ok","db":"up","neo4j":"5.26.x"}` when Bolt answers, else 503 with
 * `"db":"down"`. Load balancers and the launcher's own checks poll it; it recovers by itself when the database does.
 */
import { healthDtoSchema } from "../../../contracts/api.js";
import type { RouteDeps } from "../../app-deps.js";
import { type Route, defineRoute } from "../../http/route.js";

/** The health route. */
export function healthRoutes({ db }: RouteDeps): Route[] {
  return [
    defineRoute({
      method: "get",
      path: "/health",
      summary: "Service and database status (503 with the same shape while the database is down)",
      response: healthDtoSchema,
      responseStatuses: [200, 503],
      handler: async ({ res }) => {
        const status = await db.status();
        res.setHeader("Cache-Control", "no-store");
        if (status.up) return { status: "ok", db: "up" as const, neo4j: status.version };
        res.setHeader("Retry-After", "5");
        res.status(503);
        return { status: "unavailable", db: "down" as const, message: "The database is not reachable yet; retrying." };
      },
    }),
  ];
}
