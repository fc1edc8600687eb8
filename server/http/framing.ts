/**
 * Framing policy
 * ==============
 *
 * Clickjacking protection for every response, with one exception: the snapshot embed page `/s/:id?embed=1`,
 * which other sites may put in an iframe (the sites allowed are `PARLEY_EMBED_FRAME_ANCESTORS`, default any).
 */
import type { RequestHandler } from "express";

const EMBED_PATH = /^\/s\/[^/]+\/?$/;

/**
 * Sets `Content-Security-Policy: frame-ancestors …` on every response: `'none'` (plus `X-Frame-Options: DENY` for
 * old browsers) everywhere, the configured sources on the embed page (which then sends no X-Frame-Options, since
 * that header cannot express a list of sites).
 */
export function framingPolicy(embedFrameAncestors: string): RequestHandler {
  return (req, res, next) => {
    if ((req.method === "GET" || req.method === "HEAD") && EMBED_PATH.test(req.path) && req.query.embed === "1") {
      res.setHeader("Content-Security-Policy", `frame-ancestors ${embedFrameAncestors}`);
    } else {
      res.setHeader("X-Frame-Options", "DENY");
      res.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
    }
    next();
  };
}
