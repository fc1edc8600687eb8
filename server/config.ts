/**
 * Server configuration
 * ====================
 *
 * Parses the environment once, with zod, and fails fast naming every wrong variable. Nothing else in the server
 * reads `process.env`. Every variable is listed in `.env.example` and in the README's configuration table. A `.env`
 * file in the checkout's root is read first when it exists; variables set in the environment win over it.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ConfigError } from "./errors.js";
import { type AdminToken, parseAdminTokens } from "./http/access.js";
import { type TrustProxy, parseTrustProxy } from "./http/proxy.js";
import { DEFAULT_WATCH_INTERVAL_MINUTES, parseFeedList } from "./modules/ingest/news/news.feed.js";

/** The checkout's root folder (where package.json lives). */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const port = z.coerce.number().int().min(0).max(65_535);
const flag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");
const memory = z.string().regex(/^\d+[kmg]$/i, "a size such as 512m or 2g");

const envSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),

  NEO4J_URI: z
    .string()
    .regex(
      /^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/.+/,
      "a Neo4j URI such as neo4j://host:7687 or neo4j+s://…",
    )
    .optional(),
  NEO4J_USER: z.string().min(1).optional(),
  // The name Neo4j Aura's downloaded credential files use.
  NEO4J_USERNAME: z.string().min(1).optional(),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().optional(),

  PARLEY_DATA_DIR: z.string().default(path.join(ROOT_DIR, ".parley")),
  PARLEY_NEO4J_BOLT_PORT: port.default(7687),
  PARLEY_NEO4J_HTTP_PORT: port.default(7474),
  PARLEY_NEO4J_HEAP: memory.default("2g"),
  PARLEY_NEO4J_PAGECACHE: memory.default("2g"),
  PARLEY_NEO4J_TX_TIMEOUT: z
    .string()
    .regex(/^\d+(ms|s|m)$/, "a duration such as 60s")
    .default("120s"),
  PARLEY_LOAD_SAMPLE: flag,
  PARLEY_ARTICLES_DIR: z.string().optional(),
  PARLEY_GRAPH_BUDGET: z.coerce.number().int().min(10).max(1_000_000).default(5_000),
  PARLEY_ADMIN_TOKEN: z.string().optional(),
  // Reverse proxies whose X-Forwarded-For is believed (server/http/proxy.ts)
  PARLEY_TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }),
  PARLEY_CACHE_TTL_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  PARLEY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  // Fetching pages and feeds (server/modules/ingest/news): loopback and private addresses, for tests only
  PARLEY_FETCH_ALLOW_PRIVATE: flag,
  // Feeds the server watches (server/modules/ingest/news/news.watch.ts): URLs separated by spaces or commas
  PARLEY_FEEDS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseFeedList(value ?? "");
      } catch (error) {
        ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }),
  PARLEY_FEEDS_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1_440).default(DEFAULT_WATCH_INTERVAL_MINUTES),

  // Snapshots (server/modules/snapshots): who may frame the embed page /s/:id?embed=1
  PARLEY_EMBED_FRAME_ANCESTORS: z
    .string()
    .trim()
    .min(1)
    .regex(/^[^;,\r\n]+$/, "CSP frame-ancestors sources separated by spaces, e.g. * or 'self' https://example.org")
    .default("*"),

  // Safe Cypher console (server/modules/query)
  PARLEY_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  PARLEY_QUERY_MAX_ROWS: z.coerce.number().int().min(1).max(100_000).default(1_000),
  PARLEY_QUERY_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
});

export type Config = {
  port: number;
  host: string;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** An external database, or null for the embedded one. */
  neo4j: { uri: string; user: string; password: string; database: string | undefined } | null;
  dataDir: string;
  embedded: { boltPort: number; httpPort: number; heap: string; pageCache: string; transactionTimeout: string };
  /** Load the bundled sample data into an empty database (always for the embedded one). */
  loadSample: boolean;
  /** Folder of article texts (PARLEY_ARTICLES_DIR, else data/articles/ in the checkout); null when neither exists. */
  articlesDir: string | null;
  graphBudget: number;
  /** Admin tokens for writes; empty means writes from this machine only (loopback, not forwarded). */
  adminTokens: AdminToken[];
  /** Express's `trust proxy`: which hops may report the client's address (rate limits and logs use it). */
  trustProxy: TrustProxy;
  /** How long cached overview/timeline answers live without a write seen by this process (0: no cache). */
  cacheTtlMs: number;
  /** Requests per minute per client for search, snapshots and writes (the console has its own limit). */
  rateLimitPerMinute: number;
  /** CSP `frame-ancestors` sources for the snapshot embed page (every other page may not be framed). */
  embedFrameAncestors: string;
  /** The Cypher console's bounds: per-query timeout, row cap, requests per minute per client. */
  query: { timeoutMs: number; maxRows: number; ratePerMinute: number };
  /** Fetching article pages and feeds: whether loopback, private and link-local addresses may be fetched. */
  fetch: { allowPrivate: boolean };
  /** Feeds the server watches, and the minutes between two looks (none: no watching). */
  feeds: { urls: string[]; intervalMinutes: number };
};

/**
 * Where article texts are looked up when PARLEY_ARTICLES_DIR is not set: `data/articles/` inside the checkout, which
 * ships empty (but for its README) because the sample's article texts belong to their publishers.
 */
export const DEFAULT_ARTICLES_DIR = path.join(ROOT_DIR, "data", "articles");

/** The `.env` file that `loadConfig()` reads (Node's own parser, `process.loadEnvFile`). */
export const ENV_FILE = path.join(ROOT_DIR, ".env");

/**
 * Parses an environment into the server's config. Without an argument it reads `process.env`, after loading
 * `.env` from the checkout's root if there is one (variables already set keep their values).
 */
export function loadConfig(env?: NodeJS.ProcessEnv): Config {
  if (env === undefined) {
    if (existsSync(ENV_FILE)) {
      try {
        process.loadEnvFile(ENV_FILE);
      } catch (error) {
        throw new ConfigError(`Invalid configuration:\n  ${ENV_FILE} cannot be read: ${(error as Error).message}`);
      }
    }
    env = process.env;
  }
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}\nSee the README's configuration table.`);
  }
  const e = parsed.data;
  if (e.NEO4J_USER !== undefined && e.NEO4J_USERNAME !== undefined && e.NEO4J_USER !== e.NEO4J_USERNAME) {
    throw new ConfigError(
      "Invalid configuration:\n  NEO4J_USERNAME: differs from NEO4J_USER; set one of them (NEO4J_USERNAME is the name in Aura's credential files)",
    );
  }
  const user = e.NEO4J_USER ?? e.NEO4J_USERNAME ?? "neo4j";
  if (e.NEO4J_URI && e.NEO4J_PASSWORD === undefined) {
    throw new ConfigError(
      "Invalid configuration:\n  NEO4J_PASSWORD: required when NEO4J_URI is set (use an empty value for a server without auth)",
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    neo4j: e.NEO4J_URI
      ? { uri: e.NEO4J_URI, user, password: e.NEO4J_PASSWORD ?? "", database: e.NEO4J_DATABASE }
      : null,
    dataDir: path.resolve(e.PARLEY_DATA_DIR),
    embedded: {
      boltPort: e.PARLEY_NEO4J_BOLT_PORT,
      httpPort: e.PARLEY_NEO4J_HTTP_PORT,
      heap: e.PARLEY_NEO4J_HEAP,
      pageCache: e.PARLEY_NEO4J_PAGECACHE,
      transactionTimeout: e.PARLEY_NEO4J_TX_TIMEOUT,
    },
    loadSample: e.NEO4J_URI ? e.PARLEY_LOAD_SAMPLE : true,
    articlesDir: e.PARLEY_ARTICLES_DIR
      ? path.resolve(e.PARLEY_ARTICLES_DIR)
      : existsSync(DEFAULT_ARTICLES_DIR)
        ? DEFAULT_ARTICLES_DIR
        : null,
    graphBudget: e.PARLEY_GRAPH_BUDGET,
    adminTokens: parseAdminTokens(e.PARLEY_ADMIN_TOKEN),
    trustProxy: e.PARLEY_TRUST_PROXY,
    cacheTtlMs: e.PARLEY_CACHE_TTL_MS,
    rateLimitPerMinute: e.PARLEY_RATE_LIMIT_PER_MINUTE,
    embedFrameAncestors: e.PARLEY_EMBED_FRAME_ANCESTORS,
    query: {
      timeoutMs: e.PARLEY_QUERY_TIMEOUT_MS,
      maxRows: e.PARLEY_QUERY_MAX_ROWS,
      ratePerMinute: e.PARLEY_QUERY_RATE_PER_MINUTE,
    },
    fetch: { allowPrivate: e.PARLEY_FETCH_ALLOW_PRIVATE },
    feeds: { urls: e.PARLEY_FEEDS, intervalMinutes: e.PARLEY_FEEDS_INTERVAL_MINUTES },
  };
}
