/**
 * Write access
 * ============
 *
 * Reading, exploring, the console and snapshots are open; everything that writes data needs an admin token
 * (`PARLEY_ADMIN_TOKEN`, sent as `Authorization: Bearer …`). With no token configured, a write is accepted only
 * from this machine: a loopback socket *and* no forwarding header, because a reverse proxy on the same host makes
 * every internet client arrive from 127.0.0.1. Tokens are compared in constant time.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import { ForbiddenError, UnauthorizedError } from "../errors.js";
import { isForwarded } from "./proxy.js";

/** An admin token and the label that the audit log records for it. */
export interface AdminToken {
  label: string;
  token: string;
}

/** Parses `PARLEY_ADMIN_TOKEN`: one token, or `label:token` pairs separated by commas. */
export function parseAdminTokens(value: string | undefined): AdminToken[] {
  if (!value) return [];
  return value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part, i) => {
      const colon = part.indexOf(":");
      return colon > 0
        ? { label: part.slice(0, colon), token: part.slice(colon + 1) }
        : { label: i === 0 ? "admin" : `admin-${i + 1}`, token: part };
    });
}

/** True for 127.0.0.0/8 and ::1, including IPv4-mapped IPv6 addresses. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith("::ffff:") ? address.slice(7) : address;
  return plain === "::1" || /^127(\.\d{1,3}){3}$/.test(plain);
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** Finds the configured token that matches, comparing digests in constant time. */
export function matchToken(tokens: AdminToken[], presented: string): AdminToken | null {
  const presentedDigest = digest(presented);
  let found: AdminToken | null = null;
  for (const candidate of tokens) {
    // Every token is compared, so the time taken does not tell which one (or how much of one) matched.
    if (timingSafeEqual(digest(candidate.token), presentedDigest)) found = candidate;
  }
  return found;
}

/**
 * True when the request comes from a process on this machine: a loopback socket and no forwarding header. The
 * socket's address is used, never the one a proxy reports, whatever `PARLEY_TRUST_PROXY` says.
 */
export function isLocalRequest(req: Request): boolean {
  return isLoopbackAddress(req.socket.remoteAddress) && !isForwarded(req.headers);
}

/**
 * The writer of a request that writes: the token's label, or "loopback" for a local request when no token is
 * configured (`isLocalRequest`). Throws a 401 without a token and a 403 with a wrong one. For a route that writes
 * only sometimes (a preview that fetches a URL), the handler calls it itself; other routes use `requireAdmin`.
 */
export function adminActor(tokens: AdminToken[], req: Request, res: Response): string {
  const header = req.get("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header);
  if (tokens.length === 0) {
    // A token the browser still remembers does not stop a local write; there is nothing to compare it with.
    if (isLocalRequest(req)) return "loopback";
    if (match) {
      throw new ForbiddenError(
        "The server has no admin token configured, so no token is valid; set PARLEY_ADMIN_TOKEN on the server to allow writes from other machines.",
      );
    }
    res.setHeader("WWW-Authenticate", 'Bearer realm="parley"');
    throw new UnauthorizedError(
      "Writes are accepted only from this machine (not through a proxy) because no admin token is configured; set PARLEY_ADMIN_TOKEN on the server and send it as 'Authorization: Bearer <token>'.",
    );
  }
  if (!match) {
    res.setHeader("WWW-Authenticate", 'Bearer realm="parley"');
    throw new UnauthorizedError(
      "This endpoint changes data: send the admin token (PARLEY_ADMIN_TOKEN on the server) as 'Authorization: Bearer <token>'.",
    );
  }
  const token = matchToken(tokens, match[1]!.trim());
  if (!token) throw new ForbiddenError("The admin token is not valid.");
  return token.label;
}

/**
 * Middleware for routes that write: sets `res.locals.actor` to the token's label (or "loopback").
 * `tokens` empty means writes from this machine only (`isLocalRequest`). A refused write answers 401 without a
 * token and 403 with a wrong one.
 */
export function requireAdmin(tokens: AdminToken[]): RequestHandler {
  return (req, res, next) => {
    try {
      res.locals.actor = adminActor(tokens, req, res);
    } catch (error) {
      return next(error);
    }
    next();
  };
}
