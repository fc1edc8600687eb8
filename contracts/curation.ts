/**
 * Curation payloads
 * =================
 *
 * Bodies of the edit, role, merge, split, delete, revert and suggestion endpoints, built from the import format's
 * own field schemas so that curated values are validated exactly like imported ones (every write names a reason),
 * and the answers: audited changes with the recorded state before and after, node history, the review queue.
 */
import { z } from "zod";
import { changeIdSchema, idSchema, suggestionIdSchema } from "./ids.js";
import { kindSchema, nodeSchema, partialDateSchema, roleSchema } from "./import-format.js";
import { jsonSchema } from "./json.js";
import { AGREEMENT_STATUSES, DATE_PRECISIONS, SUGGESTION_KINDS, SUGGESTION_STATUSES } from "./vocabulary.js";

/** Why a change was made; kept in the audit log. */
export const reasonSchema = z.string().trim().min(3, "say why (at least 3 characters)").max(2_000);

export const nodeParamsSchema = z.object({ id: idSchema });
export const changeParamsSchema = z.object({ id: changeIdSchema });
export const suggestionParamsSchema = z.object({ id: suggestionIdSchema });

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

/** `POST /api/curation/split-report`: one article's report of `event` moves into an event of its own. */
export const splitReportSchema = z
  .object({
    event: idSchema,
    article: idSchema,
    /** The new event's id; by default the id the article's own event had before it was merged. */
    newId: idSchema.optional(),
    reason: reasonSchema,
  })
  .strict();
export type SplitReportInput = z.output<typeof splitReportSchema>;

/** `DELETE /api/nodes/:id`: the reason comes in the JSON body or as `?reason=`. */
export const deleteSchema = z.object({ reason: reasonSchema });

export const revertSchema = z.object({ reason: reasonSchema.optional() });

export const historyQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(1_000).default(100) });

export const suggestionsQuerySchema = z.object({
  status: z.enum(SUGGESTION_STATUSES).default("open"),
  limit: z.coerce.number().int().min(1).max(1_000).default(100),
});
export const acceptSchema = z.object({ choice: idSchema, reason: reasonSchema.optional() }).strict();
export const rejectSchema = z.object({ reason: reasonSchema.optional() }).strict();

/* ----------------------------------------------------------------------------------------------------------------
 * Answers
 * -------------------------------------------------------------------------------------------------------------- */

const jsonMap = z.record(z.string(), jsonSchema);

/** One relationship of a recorded entity, seen from the entity. */
export const relStateSchema = z.object({
  type: z.string(),
  dir: z.enum(["out", "in"]),
  /** Label of the other end: Entity, Evidence, Quantity, Snapshot or Article. */
  otherLabel: z.string(),
  otherId: z.string(),
  props: jsonMap,
});
export type RelState = z.infer<typeof relStateSchema>;

/** An entity as recorded by the audit log; `exists: false` records that there was no such entity. */
export const nodeStateSchema = z.object({
  id: z.string(),
  exists: z.boolean(),
  /** The type label (Person, Event…). */
  label: z.string().optional(),
  /** Properties except temporals. */
  props: jsonMap.optional(),
  /** Temporal properties as ISO strings (dateStart, dateEnd: dates; createdAt, updatedAt: date-times). */
  temporals: z.record(z.string(), z.string()).optional(),
  rels: z.array(relStateSchema).optional(),
});
export type NodeState = z.infer<typeof nodeStateSchema>;

/** The review annotation of one Evidence node. */
export const evidenceNoteSchema = z.object({
  id: z.string(),
  status: z.string().nullable(),
  statusNote: z.string().nullable(),
  statusChange: z.string().nullable(),
});
export type EvidenceNote = z.infer<typeof evidenceNoteSchema>;

/** A `(:Rejection)`: a deleted entity (`action: deleted`) or one merged into another (`action: merged`, `into`). */
export const rejectionRecordSchema = z.object({
  id: z.string(),
  subjectId: z.string(),
  kind: z.string(),
  action: z.enum(["deleted", "merged"]),
  into: z.string().nullable(),
  reason: z.string(),
  at: z.string(),
  by: z.string(),
  change: z.string(),
  evidence: z.array(z.string()),
});
export type RejectionRecord = z.infer<typeof rejectionRecordSchema>;

/** What a change recorded about its subjects, before or after it. */
export const graphStateSchema = z.object({
  nodes: z.array(nodeStateSchema),
  evidence: z.array(evidenceNoteSchema),
  rejections: z.array(rejectionRecordSchema),
});
export type GraphState = z.infer<typeof graphStateSchema>;

/** What a curation endpoint answers: the stored change, with its states before and after. */
export const changeViewSchema = z.object({
  id: z.string(),
  at: z.string(),
  by: z.string(),
  action: z.string(),
  subjectIds: z.array(z.string()),
  reason: z.string(),
  revertOf: z.string().nullable(),
  revertedBy: z.string().nullable(),
  before: graphStateSchema.nullable(),
  after: graphStateSchema.nullable(),
});
export type ChangeView = z.infer<typeof changeViewSchema>;

/** `GET /api/nodes/:id/history`: the node's changes, newest first. */
export const nodeHistorySchema = z.object({ id: z.string(), changes: z.array(changeViewSchema) });
export type NodeHistory = z.infer<typeof nodeHistorySchema>;

/** A suggestion as `GET /api/suggestions` lists it (every stored property, plus names for the page). */
export const suggestionDtoSchema = z.looseObject({
  id: z.string(),
  kind: z.string().describe(SUGGESTION_KINDS.join(" or ")),
  article: z.string().nullable(),
  articleTitle: z.string().nullable(),
  text: z.string(),
  candidates: z.array(z.string()),
  candidateNodes: z.array(
    z.object({ id: z.string(), name: z.string().optional(), type: z.string().optional(), kind: z.string().optional() }),
  ),
  chosen: z.string().nullable(),
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
  status: z.string().describe(SUGGESTION_STATUSES.join(", ")),
  decidedBy: z.string().nullable().optional(),
  decidedAt: z.string().nullable().optional(),
});
export type SuggestionDto = z.infer<typeof suggestionDtoSchema>;

export const suggestionListSchema = z.object({ suggestions: z.array(suggestionDtoSchema) });

/** `POST /api/suggestions/:id/accept|reject`: the suggestion as decided, how many open ones it settled, the changes. */
export const suggestionDecisionSchema = z.object({
  suggestion: suggestionDtoSchema.omit({ articleTitle: true, candidateNodes: true }),
  decided: z.number().int(),
  changes: z.array(changeViewSchema),
});
export type SuggestionDecision = z.infer<typeof suggestionDecisionSchema>;
