/**
 * Response cache
 * ==============
 *
 * Keeps the serialised JSON of reads (overview, timeline, node details, neighbours, search, paths, edges) in memory,
 * keyed by route and validated parameters, within a byte budget, and serves it again while the data has not changed: every write transaction through this process
 * bumps the database's data version, and a short TTL covers writers this process does not see (another app
 * instance, Neo4j Browser). Answers carry an ETag, so a browser that has the body gets a 304.
 */
import { createHash } from "node:crypto";
import type { Request, Response } from "express";
import type { Database } from "../db/database.js";

interface Entry {
  version: number;
  storedAt: number;
  body: string;
  etag: string;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly db: Database,
    /** How long an entry may be served without a write seen by this process; 0 turns the cache off. */
    private readonly ttlMs: number,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  /** Sends the cached body for `key`, or computes, stores and sends it. */
  async send(req: Request, res: Response, key: string, compute: () => Promise<unknown>): Promise<void> {
    const version = this.db.dataVersion;
    let entry = this.entries.get(key);
    if (!entry || entry.version !== version || Date.now() - entry.storedAt > this.ttlMs) {
      const body = JSON.stringify(await compute());
      entry = { version, storedAt: Date.now(), body, etag: `"${createHash("sha1").update(body).digest("base64url")}"` };
      if (this.ttlMs > 0) this.store(key, entry);
    } else {
      // Re-inserting keeps the map in least-recently-used order.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    res.setHeader("ETag", entry.etag);
    res.setHeader("Cache-Control", "no-cache");
    if (req.headers["if-none-match"] === entry.etag) {
      res.status(304).end();
      return;
    }
    res.type("application/json").send(entry.body);
  }

  private store(key: string, entry: Entry): void {
    this.forget(key);
    if (entry.body.length > this.maxBytes / 4) return;
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    // Least recently used first: the map keeps insertion order and hits are re-inserted.
    while (this.bytes > this.maxBytes) this.forget(this.entries.keys().next().value!);
  }

  private forget(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.bytes -= old.body.length;
    this.entries.delete(key);
  }
}
