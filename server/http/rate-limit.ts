/**
 * Rate limit
 * ==========
 *
 * A small in-memory token bucket per client (by IP address unless told otherwise): each client may burst up to
 * `perMinute` requests and then gets `perMinute` a minute back, smoothly. Past that, a 429 with `Retry-After`.
 * In memory on purpose: Parley runs as one process, and a restart forgiving everyone is acceptable.
 */
import type { Request, RequestHandler } from "express";
import { TooManyRequestsError } from "../errors.js";

export interface RateLimitOptions {
  /** Requests a client may make per minute (also the burst size). */
  perMinute: number;
  /** What identifies a client; the remote address by default. */
  keyOf?: (req: Request) => string;
  /** The clock, for tests. */
  now?: () => number;
  /** Most clients remembered; the stalest are forgotten beyond it so memory stays bounded. */
  maxClients?: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

/** Builds one limiter; routes that share the returned middleware share each client's budget. */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  const perMinute = Math.max(1, options.perMinute);
  const ratePerMs = perMinute / 60_000;
  const now = options.now ?? Date.now;
  const keyOf = options.keyOf ?? ((req: Request) => req.ip ?? req.socket.remoteAddress ?? "unknown");
  const maxClients = options.maxClients ?? 10_000;
  const buckets = new Map<string, Bucket>();

  return (req, res, next) => {
    const key = keyOf(req);
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: perMinute, updated: t };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (t - bucket.updated) * ratePerMs);
    bucket.updated = t;
    // Re-inserting keeps the Map in least-recently-used order, so the first key is the stalest.
    buckets.delete(key);
    buckets.set(key, bucket);
    if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value!);

    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      res.setHeader("RateLimit-Limit", String(perMinute));
      res.setHeader("RateLimit-Remaining", String(Math.floor(bucket.tokens)));
      return next();
    }
    const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000));
    res.setHeader("Retry-After", String(retryAfter));
    next(
      new TooManyRequestsError(
        `Too many requests: at most ${perMinute} a minute. Retry in ${retryAfter} s.`,
        retryAfter,
      ),
    );
  };
}
