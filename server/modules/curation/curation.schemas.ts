/**
 * Curation request schemas
 * ========================
 *
 * Bodies of the edit, role, merge, split, delete, revert and suggestion endpoints, built from the import format's
 * own field schemas so that curated values are validated exactly like imported ones. Every write names a reason.
 */
import { z } from "zod";
import {
  AGREEMENT_STATUSES,
  DATE_PRECISIONS,
  idSchema,
  kindSchema,
  nodeSchema,
  partialDateSchema,
  roleSchema,
} from "../../../contracts/import-format.js";

/** Why a change was made; kept in the audit log. */
export const reasonSchema = z.string().trim().min(3, "say why (at least 3 characters)").max(2_000);

export const nodeParamsSchema = z.object({ id: idSchema });
export const changeParamsSchema = z.object({ id: z.string().regex(/^chg-[0-9a-f-]+$/, "a change id such as chg-…") });
export const suggestionParamsSchema = z.object({
  id: z.string().regex(/^sug-[0-9a-f]+$/, "a suggestion id such as sug-…"),
});

/** `PATCH /api/nodes/:id`: the fields to change; `null` clears an optional field. */
export const editSchema = z
  .object({
    reason: reasonSchema,
    name: nodeSchema.shape.name.optional(),
    aliases: z.array(z.string().trim().min(1).max(500)).max(200).optional(),
    kind: kindSchema.optional(),
    description: z.string().max(5_000).nullable().optional(),
    summary: z.string().max(5_000).nullable().optional(),
    date: partialDateSchema.nullable().optional(),
    datePrecision: z.enum(DATE_PRECISIONS).optional(),
    place: idSchema.nullable().optional(),
    topics: z.array(idSchema).max(200).optional(),
    status: z.enum(AGREEMENT_STATUSES).nullable().optional(),
  })
  .strict();
export type EditInput = z.output<typeof editSchema>;

const nullableDate = partialDateSchema.nullable().optional();

/** `PATCH /api/nodes/:id/roles`: roles are found by holder (`of`) and current title. */
export const rolesEditSchema = z
  .object({
    reason: reasonSchema,
    roles: z
      .array(
        z
          .object({
            of: idSchema,
            title: roleSchema.shape.title,
            newTitle: roleSchema.shape.title.optional(),
            since: nullableDate,
            until: nullableDate,
            asOf: nullableDate,
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict();
export type RolesEditInput = z.output<typeof rolesEditSchema>;

export const mergeSchema = z.object({ keep: idSchema, merge: idSchema, reason: reasonSchema }).strict();
export type MergeInput = z.output<typeof mergeSchema>;

export const splitSchema = z
  .object({
    id: idSchema,
    newNode: z
      .object({
        id: idSchema,
        name: nodeSchema.shape.name,
        kind: kindSchema.optional(),
        aliases: z.array(z.string().trim().min(1).max(500)).max(200).default([]),
        description: z.string().max(5_000).optional(),
      })
      .strict(),
    /** Evidence ids (citations of the actor) that belong to the new actor. */
    mentions: z.array(z.string().min(1).max(200)).max(10_000).default([]),
    /** Events whose participation belongs to the new actor. */
    events: z.array(idSchema).max(10_000).default([]),
    /** Roles (by holder and title) that belong to the new actor. */
    roles: z
      .array(z.object({ of: idSchema, title: roleSchema.shape.title }))
      .max(1_000)
      .default([]),
    reason: reasonSchema,
  })
  .strict();
export type SplitInput = z.output<typeof splitSchema>;

/** `DELETE /api/nodes/:id`: the reason comes in the JSON body or as `?reason=`. */
export const deleteSchema = z.object({ reason: reasonSchema });

export const revertSchema = z.object({ reason: reasonSchema.optional() });

export const historyQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(1_000).default(100) });

export const SUGGESTION_STATUSES = ["open", "accepted", "rejected"] as const;
export const suggestionsQuerySchema = z.object({
  status: z.enum(SUGGESTION_STATUSES).default("open"),
  limit: z.coerce.number().int().min(1).max(1_000).default(100),
});
export const acceptSchema = z.object({ choice: idSchema, reason: reasonSchema.optional() }).strict();
export const rejectSchema = z.object({ reason: reasonSchema.optional() }).strict();
