/**
 * Security headers
 * ================
 *
 * A strict Content-Security-Policy that the built explorer satisfies (no inline scripts; blob: workers for the
 * ForceAtlas2 layout), plus the usual hardening headers. The framing directive comes from server/http/framing.ts,
 * which runs first; this middleware adds the other directives to the same header.
 */
import type { RequestHandler } from "express";

export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  // Sigma and CodeMirror set styles from script; no user-controlled markup reaches a style attribute.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

/** Sets the security headers; keeps a `frame-ancestors` directive set earlier. */
export function securityHeaders(): RequestHandler {
  const policy = CSP_DIRECTIVES.join("; ");
  return (_req, res, next) => {
    const existing = res.getHeader("Content-Security-Policy");
    res.setHeader(
      "Content-Security-Policy",
      existing ? `${policy}; ${String(existing)}` : `${policy}; frame-ancestors 'none'`,
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    // The embed page (framing.ts sent no X-Frame-Options) is meant to be shown inside other sites.
    res.setHeader("Cross-Origin-Resource-Policy", res.getHeader("X-Frame-Options") ? "same-origin" : "cross-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
    res.setHeader("X-DNS-Prefetch-Control", "off");
    next();
  };
}
