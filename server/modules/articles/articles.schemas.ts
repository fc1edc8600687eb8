/**
 * Articles request schemas
 * ========================
 *
 * Parameters of `GET /api/articles/:id`.
 */
import { z } from "zod";
import { idSchema } from "../../../contracts/ids.js";

export const articleParamsSchema = z.object({ id: idSchema });
