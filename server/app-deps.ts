/**
 * Application dependencies
 * ========================
 *
 * What `createApp` is built from and what every route receives, in a file of their own so that the app, the route
 * registry and the modules' route lists can all name them without importing each other.
 */
import type { Config } from "./config.js";
import type { Database } from "./db/database.js";
import type { ResponseCache } from "./http/response-cache.js";
import type { Logger } from "./log.js";
import type { ImportHooks } from "./modules/ingest/import.hooks.js";

/** Whether the database has been prepared (schema, sample data) and what is being done until then. */
export interface Readiness {
  readonly ready: boolean;
  readonly phase: string;
}

export interface AppDeps {
  config: Config;
  db: Database;
  log: Logger;
  /** What every import asks of curation (curation/import-hooks.ts `curationImportHooks`): ingest declares, curation implements. */
  importHooks: ImportHooks;
  /** The server's preparation of the database (server/bootstrap.ts); absent means ready (tests, tools). */
  readiness?: Readiness;
  /** Folder of the built client (`vite build`); the API works without it. */
  clientDir?: string;
}

/** What route modules receive: the app's dependencies plus app-wide helpers built once per app. */
export interface RouteDeps extends AppDeps {
  cache: ResponseCache;
  readiness: Readiness;
}
