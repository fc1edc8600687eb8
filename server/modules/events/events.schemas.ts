/**
 * Events request schemas
 * ======================
 *
 * Path parameters of `GET /api/events/:id`: an application id (slug).
 */
import { z } from "zod";
import { idSchema } from "../../../contracts/ids.js";

export const eventParamsSchema = z.object({ id: idSchema });
