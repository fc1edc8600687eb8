/**
 * Curation service
 * ================
 *
 * Edit, role edit, merge, split, split a report off an event, delete and revert. Each action runs in one write
 * transaction as "capture the subjects' state → build the wanted state → apply it → capture again → refresh MET →
 * store a Change with both states", so the audit log can always show what changed and put it back. Evidence is only annotated.
 */
import type { ManagedTransaction } from "neo4j-driver";
import type { Database } from "../../db/database.js";
import { entityLabel } from "../../db/labels.js";
import { refreshMet } from "../ingest/import.repository.js";
import { isActorType } from "../../../contracts/vocabulary.js";
import type { Json } from "../../../contracts/json.js";
import { ConflictError, NotFoundError, ValidationError } from "../../errors.js";
import { dateRange } from "../graph/graph.schemas.js";
import { eraseFromHistory } from "../history/history.service.js";
import {
  type ChangeRecord,
  applyState,
  captureState,
  createChange,
  ensureCurationSchema,
  markReverted,
  newChangeId,
  readChange,
  readHistory,
  readEvidenceInArticle,
  readLaterChanges,
  readTypes,
  stableJson,
  touchedActors,
} from "./curation.repository.js";
import type {
  ChangeView,
  EditInput,
  GraphState,
  MergeInput,
  NodeState,
  RelState,
  RolesEditInput,
  SplitInput,
  SplitReportInput,
} from "../../../contracts/curation.js";

/** Who asks and why; `by` is the admin token's label (res.locals.actor). */
export interface Actor {
  by: string;
  reason: string;
}

/* ----------------------------------------------------------------------------------------------------------------
 * The one way a change is made
 * -------------------------------------------------------------------------------------------------------------- */

interface MutationContext {
  changeId: string;
  at: string;
  by: string;
  reason: string;
  tx: ManagedTransaction;
}

/**
 * Runs one audited change in the caller's transaction: `build` turns the captured state of `subjectIds` into the
 * wanted one (or throws), which is applied, captured again and stored with the before state.
 */
export async function mutateInTx(
  tx: ManagedTransaction,
  action: string,
  subjectIds: string[],
  actor: Actor,
  build: (before: GraphState, ctx: MutationContext) => GraphState | Promise<GraphState>,
  revertOf: string | null = null,
): Promise<ChangeView> {
  const ctx: MutationContext = {
    changeId: newChangeId(),
    at: new Date().toISOString(),
    by: actor.by,
    reason: actor.reason,
    tx,
  };
  const before = await captureState(tx, subjectIds);
  const wanted = await build(structuredClone(before), ctx);
  await applyState(tx, wanted, subjectIds);
  const after = await captureState(tx, subjectIds);
  await refreshMet(tx, touchedActors(before, after));
  const record = {
    id: ctx.changeId,
    at: ctx.at,
    by: actor.by,
    action,
    subjectIds,
    before: stableJson(before),
    after: stableJson(after),
    reason: actor.reason,
    revertOf,
  };
  await createChange(tx, record);
  return view({ ...record, revertedBy: null });
}

async function mutate(
  db: Database,
  action: string,
  subjectIds: string[],
  actor: Actor,
  build: (before: GraphState, ctx: MutationContext) => GraphState | Promise<GraphState>,
): Promise<ChangeView> {
  await ensureCurationSchema(db);
  return db.writeTx((tx) => mutateInTx(tx, action, subjectIds, actor, build));
}

function view(change: ChangeRecord): ChangeView {
  const parse = (text: string) => {
    try {
      return JSON.parse(text) as GraphState | null;
    } catch {
      return null;
    }
  };
  return { ...change, before: parse(change.before), after: parse(change.after) };
}

function existing(state: GraphState, id: string): NodeState & { props: Record<string, Json>; rels: RelState[] } {
  const node = state.nodes.find((n) => n.id === id);
  if (!node?.exists) throw new NotFoundError(`Curation: no node with id "${id}".`);
  return node as NodeState & { props: Record<string, Json>; rels: RelState[] };
}

const typeOf = (node: NodeState) => String(node.props?.type ?? "");
const aliasText = (aliases: string[]) => aliases.reduce((s, a) => `${s} ${a}`, "");
/** Role titles as searched text: distinct and sorted, as the import writes them (queries/ingest/roles.cypher). */
const titleText = (titles: string[]) => [...new Set(titles)].sort().reduce((s, t) => `${s} ${t}`, "");
const precisionOf = (date: string) => (date.length === 4 ? "year" : date.length === 7 ? "month" : "day");

/* ----------------------------------------------------------------------------------------------------------------
 * Edit
 * -------------------------------------------------------------------------------------------------------------- */

/** Edits an entity's fields (validated like an import: field shapes, which types take which fields, references). */
export async function editNode(db: Database, id: string, input: EditInput, by: string): Promise<ChangeView> {
  const { reason, ...fields } = input;
  if (Object.keys(fields).length === 0)
    throw new ValidationError("Curation: the edit changes nothing; give at least one field besides reason.");
  return mutate(db, "edit", [id], { by, reason }, async (before, { tx, at }) => {
    const node = existing(before, id);
    const type = typeOf(node);
    const onlyFor = (field: keyof typeof fields, types: string[]) => {
      if (fields[field] !== undefined && !types.includes(type)) {
        throw new ValidationError(
          `Curation: ${field} is only for ${types.join(" and ")} nodes (this node is a ${type}).`,
        );
      }
    };
    onlyFor("date", ["event", "agreement"]);
    onlyFor("datePrecision", ["event", "agreement"]);
    onlyFor("place", ["event"]);
    onlyFor("topics", ["event", "agreement"]);
    onlyFor("status", ["agreement"]);
    onlyFor("summary", ["event"]);

    const p = node.props;
    if (fields.name !== undefined) p.name = fields.name;
    if (fields.kind !== undefined) p.kind = fields.kind;
    if (fields.aliases !== undefined) {
      const aliases = [...new Set(fields.aliases)].filter((a) => a !== p.name);
      p.aliases = aliases;
      p.aliasText = aliasText(aliases);
    }
    for (const key of ["description", "summary", "status"] as const) {
      if (fields[key] === null) delete p[key];
      else if (fields[key] !== undefined) p[key] = fields[key];
    }
    const temporals = (node.temporals ??= {});
    if (fields.date === null) {
      for (const key of ["date", "datePrecision"]) delete p[key];
      delete temporals.dateStart;
      delete temporals.dateEnd;
    } else if (fields.date !== undefined) {
      const precision = fields.datePrecision ?? precisionOf(fields.date);
      if (precision !== precisionOf(fields.date)) {
        throw new ValidationError(`Curation: precision "${precision}" does not match the date "${fields.date}".`);
      }
      const range = dateRange(fields.date);
      p.date = fields.date;
      p.datePrecision = precision;
      temporals.dateStart = range.first;
      temporals.dateEnd = range.last;
    } else if (fields.datePrecision !== undefined && fields.datePrecision !== p.datePrecision) {
      throw new ValidationError("Curation: to change the precision, give the date written to that precision.");
    }
    temporals.updatedAt = at;

    const refs = [...(fields.place ? [fields.place] : []), ...(fields.topics ?? [])];
    const types = await readTypes(tx, refs);
    if (fields.place !== undefined) {
      if (fields.place !== null && !["place", "country"].includes(types.get(fields.place) ?? "")) {
        throw new ValidationError(`Curation: place "${fields.place}" is not a place or country in the graph.`);
      }
      node.rels = node.rels.filter((r) => !(r.type === "AT" && r.dir === "out"));
      if (fields.place)
        node.rels.push({ type: "AT", dir: "out", otherLabel: "Entity", otherId: fields.place, props: {} });
    }
    if (fields.topics !== undefined) {
      for (const t of fields.topics) {
        if (types.get(t) !== "topic") throw new ValidationError(`Curation: topic "${t}" is not a topic in the graph.`);
      }
      node.rels = node.rels.filter((r) => !(r.type === "ABOUT" && r.dir === "out"));
      for (const t of new Set(fields.topics))
        node.rels.push({ type: "ABOUT", dir: "out", otherLabel: "Entity", otherId: t, props: {} });
    }
    return before;
  });
}

/** Edits role titles and dates of a person (`HOLDS_ROLE` found by holder and current title). */
export async function editRoles(db: Database, id: string, input: RolesEditInput, by: string): Promise<ChangeView> {
  return mutate(db, "edit-roles", [id], { by, reason: input.reason }, (before, { at }) => {
    const node = existing(before, id);
    for (const change of input.roles) {
      const rel = node.rels.find(
        (r) => r.type === "HOLDS_ROLE" && r.dir === "out" && r.otherId === change.of && r.props.title === change.title,
      );
      if (!rel) throw new NotFoundError(`Curation: "${id}" holds no role "${change.title}" in "${change.of}".`);
      if (change.newTitle !== undefined && change.newTitle !== change.title) {
        const taken = node.rels.some(
          (r) => r !== rel && r.type === "HOLDS_ROLE" && r.otherId === change.of && r.props.title === change.newTitle,
        );
        if (taken)
          throw new ValidationError(
            `Curation: "${id}" already holds "${change.newTitle}" in "${change.of}"; merge them by editing one away.`,
          );
        rel.props.title = change.newTitle;
      }
      for (const key of ["since", "until", "asOf"] as const) {
        if (change[key] === null) delete rel.props[key];
        else if (change[key] !== undefined) rel.props[key] = change[key];
      }
      const { since, until } = rel.props;
      if (typeof since === "string" && typeof until === "string" && dateRange(until).last < dateRange(since).first) {
        throw new ValidationError(`Curation: until (${until}) is before since (${since}).`);
      }
    }
    const titles = [
      ...new Set(node.rels.filter((r) => r.type === "HOLDS_ROLE" && r.dir === "out").map((r) => String(r.props.title))),
    ];
    node.props.titleText = titleText(titles);
    (node.temporals ??= {}).updatedAt = at;
    return before;
  });
}

/* ----------------------------------------------------------------------------------------------------------------
 * Delete
 * -------------------------------------------------------------------------------------------------------------- */

/**
 * Removes an entity; its evidence stays with the article, marked rejected, and a Rejection record keeps the id
 * so that re-ingesting the article does not bring the entity back.
 */
export async function deleteNode(db: Database, id: string, actor: Actor): Promise<ChangeView> {
  return mutate(db, "delete", [id], actor, (before, ctx) => deletedState(before, ctx, id));
}

/**
 * Deletes an entity permanently: as a delete (audited, a Rejection keeps a re-import from bringing it back), and
 * erased from every curation change's recorded states in the same transaction, so neither a revert nor a view as
 * of an earlier date can show it again (server/modules/history). The change record says a purge happened, not what.
 */
export async function purgeNode(db: Database, id: string, actor: Actor): Promise<ChangeView> {
  await ensureCurationSchema(db);
  return db.writeTx(async (tx) => {
    const change = await mutateInTx(tx, "purge", [id], actor, (before, ctx) => deletedState(before, ctx, id));
    await eraseFromHistory(tx, [id]);
    return { ...change, subjectIds: [], before: null, after: null };
  });
}

/** The state that deletes `id`: gone, its evidence marked rejected, a Rejection record kept. */
function deletedState(before: GraphState, ctx: MutationContext, id: string): GraphState {
  {
    const node = existing(before, id);
    const evidence = node.rels.filter((r) => r.type === "EVIDENCED_BY" && r.dir === "out").map((r) => r.otherId);
    const ids = new Set(evidence);
    before.evidence = before.evidence.map((e) =>
      ids.has(e.id) ? { id: e.id, status: "rejected", statusNote: ctx.reason, statusChange: ctx.changeId } : e,
    );
    before.rejections.push({
      id: `rej-${ctx.changeId.slice(4)}-${id}`.slice(0, 200),
      subjectId: id,
      kind: typeOf(node),
      action: "deleted",
      into: null,
      reason: ctx.reason,
      at: ctx.at,
      by: ctx.by,
      change: ctx.changeId,
      evidence: evidence.sort(),
    });
    node.exists = false;
    return before;
  }
}

/* ----------------------------------------------------------------------------------------------------------------
 * Merge and split
 * -------------------------------------------------------------------------------------------------------------- */

/** The key under which two relationships are "the same link" when merging (roles: holder and title). */
function mergeKey(r: RelState): string {
  return `${r.type}|${r.dir}|${r.otherLabel}|${r.otherId}${r.type === "HOLDS_ROLE" ? `|${String(r.props.title)}` : ""}`;
}

/** Builds the merged state: every link of `merge` moves to `keep`, the merged name becomes an alias. */
export function mergeStates(
  state: GraphState,
  keepId: string,
  mergeId: string,
  ctx: { changeId: string; at: string; by: string; reason: string },
): GraphState {
  const keep = existing(state, keepId);
  const merge = existing(state, mergeId);
  if (typeOf(keep) !== typeOf(merge)) {
    throw new ValidationError(
      `Curation: cannot merge a ${typeOf(merge)} into a ${typeOf(keep)}; merge nodes of the same type.`,
    );
  }
  const byKey = new Map(keep.rels.map((r) => [mergeKey(r), r]));
  for (const rel of merge.rels) {
    // A link between the two would become a loop on the kept node; it is dropped.
    if (rel.otherLabel === "Entity" && (rel.otherId === keepId || rel.otherId === mergeId)) continue;
    const same = byKey.get(mergeKey(rel));
    if (!same) {
      const moved = structuredClone(rel);
      keep.rels.push(moved);
      byKey.set(mergeKey(moved), moved);
    } else if (rel.type === "HOLDS_ROLE") {
      // One office held twice: keep the kept node's dates, fill gaps, and cite both sets of evidence.
      const ids = [...((same.props.evidence as string[] | undefined) ?? [])];
      for (const e of (rel.props.evidence as string[] | undefined) ?? []) if (!ids.includes(e)) ids.push(e);
      same.props.evidence = ids;
      for (const key of ["since", "until", "asOf"])
        if (same.props[key] === undefined && rel.props[key] !== undefined) same.props[key] = rel.props[key]!;
    }
  }
  const names = [
    ...((keep.props.aliases as string[] | undefined) ?? []),
    String(merge.props.name),
    ...((merge.props.aliases as string[] | undefined) ?? []),
  ];
  const aliases = [...new Set(names)].filter((a) => a !== keep.props.name);
  keep.props.aliases = aliases;
  keep.props.aliasText = aliasText(aliases);
  const titles = [
    ...new Set(keep.rels.filter((r) => r.type === "HOLDS_ROLE" && r.dir === "out").map((r) => String(r.props.title))),
  ];
  if (titles.length) keep.props.titleText = titleText(titles);
  (keep.temporals ??= {}).updatedAt = ctx.at;
  merge.exists = false;
  // The merged id is remembered, so that an ingest naming it again lands on the kept node.
  state.rejections.push({
    id: `rej-${ctx.changeId.slice(4)}-${mergeId}`.slice(0, 200),
    subjectId: mergeId,
    kind: typeOf(merge),
    action: "merged",
    into: keepId,
    reason: ctx.reason,
    at: ctx.at,
    by: ctx.by,
    change: ctx.changeId,
    evidence: [],
  });
  return state;
}

/** Merges `merge` into `keep` (aliases, roles, events, agreements, evidence and every other link move over). */
export async function mergeNodes(db: Database, input: MergeInput, by: string): Promise<ChangeView> {
  if (input.keep === input.merge) throw new ValidationError("Curation: keep and merge are the same node.");
  return mutate(db, "merge", [input.keep, input.merge], { by, reason: input.reason }, (before, ctx) =>
    mergeStates(before, input.keep, input.merge, ctx),
  );
}

/** Splits a wrongly merged actor: the given mentions (evidence), events and roles move to a new actor. */
export async function splitNode(db: Database, input: SplitInput, by: string): Promise<ChangeView> {
  const { id, newNode } = input;
  if (id === newNode.id) throw new ValidationError("Curation: the new node needs an id of its own.");
  return mutate(db, "split", [id, newNode.id], { by, reason: input.reason }, (before, { at }) => {
    const source = existing(before, id);
    const target = before.nodes.find((n) => n.id === newNode.id)!;
    if (target.exists)
      throw new ConflictError(`Curation: a node with id "${newNode.id}" already exists; choose another id.`);
    if (!isActorType(typeOf(source)))
      throw new ValidationError(`Curation: only actors are split (this node is a ${typeOf(source)}).`);
    const moves = (r: RelState) =>
      (r.type === "EVIDENCED_BY" && r.dir === "out" && input.mentions.includes(r.otherId)) ||
      (r.type === "PARTICIPATED_IN" && r.dir === "out" && input.events.includes(r.otherId)) ||
      (r.type === "HOLDS_ROLE" &&
        r.dir === "out" &&
        input.roles.some((x) => x.of === r.otherId && x.title === r.props.title));
    const moved = source.rels.filter(moves);
    const missing = [
      ...input.mentions.filter((m) => !moved.some((r) => r.type === "EVIDENCED_BY" && r.otherId === m)),
      ...input.events.filter((e) => !moved.some((r) => r.type === "PARTICIPATED_IN" && r.otherId === e)),
    ];
    if (missing.length)
      throw new ValidationError(
        `Curation: "${id}" has no mention or event ${missing.map((m) => `"${m}"`).join(", ")}.`,
      );
    if (moved.length === 0) throw new ValidationError("Curation: a split moves at least one mention, event or role.");
    source.rels = source.rels.filter((r) => !moves(r));
    const aliases = newNode.aliases.filter((a) => a !== newNode.name);
    const titles = [...new Set(moved.filter((r) => r.type === "HOLDS_ROLE").map((r) => String(r.props.title)))];
    target.exists = true;
    target.label = source.label ?? entityLabel("person");
    target.props = {
      id: newNode.id,
      type: typeOf(source),
      kind: newNode.kind ?? String(source.props.kind ?? typeOf(source)),
      name: newNode.name,
      aliases,
      aliasText: aliasText(aliases),
      ...(newNode.description ? { description: newNode.description } : {}),
      ...(titles.length ? { titleText: titleText(titles) } : {}),
    };
    target.temporals = { createdAt: at, updatedAt: at };
    target.rels = moved;
    (source.temporals ??= {}).updatedAt = at;
    return before;
  });
}

/* ----------------------------------------------------------------------------------------------------------------
 * Split a report off
 * -------------------------------------------------------------------------------------------------------------- */

const stringsOf = (value: Json | undefined): string[] | null =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : null;

/**
 * Moves one article's report of an event into an event of its own (the undo of a join made at load time, or of a
 * report that was never the same meeting): its citations and its REPORTED_BY link move, and the new event is what
 * that article says (date, place, participants, kind). The new event takes the id the article's own event had
 * before it was joined, unless `newId` names another.
 */
export async function splitReport(db: Database, input: SplitReportInput, by: string): Promise<ChangeView> {
  await ensureCurationSchema(db);
  return db.writeTx(async (tx) => {
    const current = await captureState(tx, [input.event]);
    const event = existing(current, input.event);
    if (typeOf(event) !== "event")
      throw new ValidationError(
        `Curation: only an event's reports are split off ("${input.event}" is a ${typeOf(event)}).`,
      );
    const link = event.rels.find((r) => r.type === "REPORTED_BY" && r.dir === "out" && r.otherId === input.article);
    const cited = event.rels.filter((r) => r.type === "EVIDENCED_BY" && r.dir === "out").map((r) => r.otherId);
    const moving = new Set(await readEvidenceInArticle(tx, cited, input.article));
    if (!link && moving.size === 0)
      throw new NotFoundError(`Curation: article "${input.article}" does not report event "${input.event}".`);
    const othersLeft =
      cited.some((id) => !moving.has(id)) ||
      event.rels.some((r) => r.type === "REPORTED_BY" && r.dir === "out" && r.otherId !== input.article);
    if (!othersLeft)
      throw new ValidationError(
        `Curation: "${input.article}" is the only report of "${input.event}"; there is nothing to split it from.`,
      );
    const ownId = stringsOf(link?.props.reportIds)?.find((id) => id !== input.event);
    const newId = input.newId ?? ownId ?? `${input.event}-${input.article.replace(/^art-/, "")}`.slice(0, 200);
    if (newId === input.event) throw new ValidationError("Curation: the split-off event needs an id of its own.");

    return mutateInTx(tx, "split-report", [input.event, newId], { by, reason: input.reason }, (state, { at }) => {
      const source = existing(state, input.event);
      const target = state.nodes.find((n) => n.id === newId)!;
      if (target.exists)
        throw new ConflictError(`Curation: a node with id "${newId}" already exists; choose another newId.`);
      const says = link?.props ?? {};
      const moves = (r: RelState) =>
        r.dir === "out" &&
        ((r.type === "EVIDENCED_BY" && moving.has(r.otherId)) ||
          (r.type === "REPORTED_BY" && r.otherId === input.article));
      const moved = source.rels.filter(moves).map((r) => {
        if (r.type !== "REPORTED_BY") return r;
        const { whyParticipants: _p, whyDate: _d, whyPlace: _pl, ...props } = r.props;
        return { ...r, props: { ...props, how: "split", at, splitFrom: input.event } };
      });
      source.rels = source.rels.filter((r) => !moves(r));
      // The new event is what the article says; where it recorded nothing, what the event was.
      const participants = stringsOf(says.participants);
      const joinedIn = source.rels.filter((r) => r.type === "PARTICIPATED_IN" && r.dir === "in");
      const participations: RelState[] = participants
        ? participants.map(
            (actor) =>
              joinedIn.find((r) => r.otherId === actor) ?? {
                type: "PARTICIPATED_IN",
                dir: "in",
                otherLabel: "Entity",
                otherId: actor,
                props: { role: "participant" },
              },
          )
        : joinedIn;
      const place = typeof says.place === "string" ? says.place : link?.props.participants ? null : undefined;
      const places: RelState[] =
        place === undefined
          ? source.rels.filter((r) => r.type === "AT" && r.dir === "out")
          : place === null
            ? []
            : [{ type: "AT", dir: "out", otherLabel: "Entity", otherId: place, props: {} }];
      const topics = source.rels.filter((r) => r.type === "ABOUT" && r.dir === "out");
      const date =
        typeof says.date === "string"
          ? says.date
          : link?.props.participants
            ? null
            : ((source.props.date as string | undefined) ?? null);
      const range = date ? dateRange(date) : null;
      target.exists = true;
      target.label = entityLabel("event");
      target.props = {
        id: newId,
        type: "event",
        kind: typeof says.kind === "string" ? says.kind : String(source.props.kind ?? "meeting"),
        name: String(source.props.name ?? newId),
        aliases: [],
        aliasText: "",
        ...(date
          ? { date, datePrecision: typeof says.datePrecision === "string" ? says.datePrecision : precisionOf(date) }
          : {}),
      };
      target.temporals = {
        createdAt: at,
        updatedAt: at,
        ...(range ? { dateStart: range.first, dateEnd: range.last } : {}),
      };
      target.rels = [
        ...moved,
        ...participations.map((r) => structuredClone(r)),
        ...places,
        ...topics.map((r) => structuredClone(r)),
      ];
      takeBackWhatTheReportFilled(source, says);
      (source.temporals ??= {}).updatedAt = at;
      return state;
    });
  });
}

/**
 * A report split off takes back the date or place it gave its event when it was joined (the link's `filled`): the
 * event falls back on what another of its reports says, else goes without.
 */
function takeBackWhatTheReportFilled(
  event: NodeState & { props: Record<string, Json>; rels: RelState[] },
  says: Record<string, Json>,
): void {
  const filled = stringsOf(says.filled) ?? [];
  const others = event.rels.filter((r) => r.type === "REPORTED_BY" && r.dir === "out").map((r) => r.props);
  if (filled.includes("date")) {
    const date = others.map((p) => p.date).find((d): d is string => typeof d === "string");
    const { date: _d, datePrecision: _p, ...props } = event.props;
    const { dateStart: _s, dateEnd: _e, ...temporals } = event.temporals ?? {};
    event.props = props;
    event.temporals = temporals;
    if (date) {
      const range = dateRange(date);
      Object.assign(event.props, { date, datePrecision: precisionOf(date) });
      Object.assign(event.temporals, { dateStart: range.first, dateEnd: range.last });
    }
  }
  if (filled.includes("place") && typeof says.place === "string") {
    event.rels = event.rels.filter((r) => !(r.type === "AT" && r.dir === "out" && r.otherId === says.place));
    const place = others.map((p) => p.place).find((p): p is string => typeof p === "string");
    if (place && !event.rels.some((r) => r.type === "AT" && r.dir === "out"))
      event.rels.push({ type: "AT", dir: "out", otherLabel: "Entity", otherId: place, props: {} });
  }
}

/* ----------------------------------------------------------------------------------------------------------------
 * Revert and history
 * -------------------------------------------------------------------------------------------------------------- */

/**
 * Reverts one change by applying its `before` state; audited as a `revert` change. Refused (409) while a later
 * change that is still in effect touches the same subjects: revert those first.
 */
export async function revertChange(db: Database, id: string, by: string, reason?: string): Promise<ChangeView> {
  await ensureCurationSchema(db);
  return db.writeTx(async (tx) => {
    const change = await readChange(tx, id);
    if (!change) throw new NotFoundError(`Curation: no change with id "${id}".`);
    if (change.revertedBy)
      throw new ConflictError(`Curation: change "${id}" was already reverted by "${change.revertedBy}".`);
    const later = await readLaterChanges(tx, id, change.subjectIds);
    const laterIds = new Set(later.map((c) => c.id));
    // A later change and its revert cancel out; anything else still in effect would be silently undone.
    const blocking = later.filter((c) => !c.revertedBy && !(c.revertOf && laterIds.has(c.revertOf)));
    if (blocking.length) {
      throw new ConflictError(
        `Curation: later changes touch the same nodes (${blocking.map((c) => c.id).join(", ")}); revert them first, newest first.`,
      );
    }
    const before = JSON.parse(change.before) as GraphState;
    const result = await mutateInTx(
      tx,
      "revert",
      change.subjectIds,
      { by, reason: reason ?? `Revert of ${change.action} ${change.id}` },
      () => before,
      change.id,
    );
    await markReverted(tx, change.id, result.id);
    // Reverting a revert puts the original change back in effect.
    if (change.revertOf) await markReverted(tx, change.revertOf, null);
    return result;
  });
}

/** The audit records naming a node, newest first. */
export async function nodeHistory(db: Database, id: string, limit: number): Promise<ChangeView[]> {
  await ensureCurationSchema(db);
  return (await readHistory(db, id, limit)).map(view);
}
