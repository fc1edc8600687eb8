/**
 * Request bodies
 * ==============
 *
 * JSON body parsing per route, each with its own size limit, and JSON only: another content type gets a 415
 * that says what to send.
 */
import express, { type RequestHandler } from "express";
import { UnsupportedMediaTypeError } from "../errors.js";

/** Parses a JSON body of at most `limit` (e.g. "1mb"); rejects other content types. */
export function jsonBody(limit: string): RequestHandler[] {
  const requireJson: RequestHandler = (req, _res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "DELETE") return next();
    if (!req.is("application/json")) {
      return next(
        new UnsupportedMediaTypeError("Send the body as JSON with the header Content-Type: application/json."),
      );
    }
    next();
  };
  return [requireJson, express.json({ limit, strict: false })];
}
