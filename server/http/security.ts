/**
 * Security headers
 * ================
 *
 * Helmet, configured to send exactly Parley's policy: a strict Content-Security-Policy that the built explorer
 * satisfies (no inline scripts; blob: workers for the ForceAtlas2 layout), `frame-ancestors` as chosen by
 * server/http/framing.ts (which runs first), and the usual hardening headers. Helmet's defaults that would change
 * behaviour are off: its default CSP (`upgrade-insecure-requests` breaks plain-HTTP installs on a LAN), its
 * X-Frame-Options (framing.ts decides per page), HSTS (TLS and its policy belong to the reverse proxy).
 */
import type { RequestHandler, Response } from "express";
import helmet from "helmet";
import { frameAncestorsOf } from "./framing.js";

/** Today's CSP directives, in helmet's camelCase form; `frame-ancestors` is added per response. */
export const CSP_DIRECTIVES: Record<string, string[]> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Sigma and CodeMirror set styles from script; no user-controlled markup reaches a style attribute.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:", "blob:"],
  fontSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", "blob:"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
};

/** The security headers: helmet, then what helmet cannot say per page (CORP) or at all (Permissions-Policy). */
export function securityHeaders(): RequestHandler[] {
  return [
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          ...CSP_DIRECTIVES,
          frameAncestors: [(_req, res) => frameAncestorsOf(res as Response)],
        },
      },
      xFrameOptions: false,
      strictTransportSecurity: false,
      crossOriginResourcePolicy: false,
      referrerPolicy: { policy: "no-referrer" },
      crossOriginOpenerPolicy: { policy: "same-origin" },
    }),
    (_req, res, next) => {
      // The embed page (framing.ts sent no X-Frame-Options) is meant to be shown inside other sites.
      res.setHeader("Cross-Origin-Resource-Policy", res.getHeader("X-Frame-Options") ? "same-origin" : "cross-origin");
      res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
      next();
    },
  ];
}
