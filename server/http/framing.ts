/**
 * Framing policy
 * ==============
 *
 * Clickjacking protection for every response, with two exceptions: the snapshot embed page `/s/:id?embed=1` and
 * the story embed `/stories/:id?embed=1`, which other sites may put in an iframe (the sites allowed are `PARLEY_EMBED_FRAME_ANCESTORS`, default any).
 */
import type { Request, RequestHandler, Response } from "express";

const EMBED_PATH = /^\/(?:s|stories)\/[^/]+\/?$/;

/** True for the pages other sites may frame: `GET /s/:id?embed=1` and `GET /stories/:id?embed=1`. */
export function isEmbedRequest(req: Request): boolean {
  return (req.method === "GET" || req.method === "HEAD") && EMBED_PATH.test(req.path) && req.query.embed === "1";
}

/** The `frame-ancestors` sources that framingPolicy chose for this response (`'none'` unless it is the embed page). */
export function frameAncestorsOf(res: Response): string {
  return typeof res.locals.frameAncestors === "string" ? res.locals.frameAncestors : "'none'";
}

/**
 * Chooses the framing of every response: `frame-ancestors 'none'` (plus `X-Frame-Options: DENY` for old browsers)
 * everywhere, the configured sources on the embed page (which then sends no X-Frame-Options, since that header
 * cannot express a list of sites). The CSP itself is written by server/http/security.ts, which reads the choice.
 */
export function framingPolicy(embedFrameAncestors: string): RequestHandler {
  return (req, res, next) => {
    if (isEmbedRequest(req)) {
      res.locals.frameAncestors = embedFrameAncestors;
    } else {
      res.locals.frameAncestors = "'none'";
      res.setHeader("X-Frame-Options", "DENY");
    }
    next();
  };
}
