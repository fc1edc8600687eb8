/**
 * Events routes
 * =============
 *
 * `GET /api/events/:id`: an event with its participants and their roles, place, date and precision, topics,
 * agreements produced and evidence.
 */
import { Router } from "express";
import type { AppDeps } from "../../app.js";
import { parseOr400 } from "../../http/validate.js";
import { eventParamsSchema } from "./events.schemas.js";
import { getEvent } from "./events.service.js";

/** The events router (mounted under /api). */
export function eventsRoutes({ db }: AppDeps): Router {
  const router = Router();
  router.get("/events/:id", async (req, res) => {
    const { id } = parseOr400(eventParamsSchema, req.params, "event id");
    res.json(await getEvent(db, id));
  });
  return router;
}
