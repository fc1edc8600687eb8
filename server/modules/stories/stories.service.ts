/**
 * Story service
 * =============
 *
 * Immutable, content-addressed stories, hashed like snapshots (server/modules/snapshots): the id is a hash of the
 * canonical content, so saving the same story twice gives the same link and editing one makes a new id. A story
 * may use only stored snapshots and cite only stored evidence; reading one resolves its citations (quote, article,
 * date) for the player. Takedowns answer 410 with the reason.
 */
import { createHash } from "node:crypto";
import type { CitationDto } from "../../../contracts/api.js";
import {
  type CreateStoryBody,
  STORY_FORMAT_VERSION,
  type StoryCreated,
  type StoryPayload,
  type StorySummary,
  type StoryView,
} from "../../../contracts/stories.js";
import type { Database } from "../../db/database.js";
import { GoneError, NotFoundError, ValidationError } from "../../errors.js";
import { citationsFromRows, inReadTx } from "../events/events.service.js";
import { canonicalJson } from "../snapshots/snapshots.service.js";
import {
  type StoryRow,
  findStory,
  insertStory,
  listStories,
  markStoryTakenDown,
  readCitationRows,
  readSnapshotStates,
} from "./stories.repository.js";

/** The public path of a story's player. */
export const storyUrl = (id: string) => `/stories/${id}`;

/**
 * The story id of a payload: the first 20 hex digits of the SHA-256 of its canonical JSON, prefixed so that a
 * story never shares an id with a snapshot of the same bytes.
 */
export function storyId(payload: StoryPayload): string {
  return createHash("sha256")
    .update(`story:${canonicalJson(payload)}`)
    .digest("hex")
    .slice(0, 20);
}

/** Checks that every step's snapshot is stored and live, and every citation names stored evidence. */
async function checkReferences(db: Database, body: CreateStoryBody): Promise<void> {
  const snapshotIds = [...new Set(body.steps.map((s) => s.snapshot))];
  const evidenceIds = [...new Set(body.steps.flatMap((s) => s.citations))];
  const [snapshots, citations] = await Promise.all([
    readSnapshotStates(db, snapshotIds),
    inReadTx(db, (tx) => readCitationRows(tx, evidenceIds)),
  ]);
  const known = new Set(citations.map((c) => c.id));
  const problems: { path: string; message: string }[] = [];
  body.steps.forEach((step, i) => {
    const state = snapshots.get(step.snapshot);
    if (state === undefined) problems.push({ path: `steps.${i}.snapshot`, message: `no snapshot ${step.snapshot}` });
    else if (state) problems.push({ path: `steps.${i}.snapshot`, message: `snapshot ${step.snapshot} was taken down` });
    step.citations.forEach((id, j) => {
      if (!known.has(id)) problems.push({ path: `steps.${i}.citations.${j}`, message: `no evidence ${id}` });
    });
  });
  if (problems.length > 0) {
    throw new ValidationError(
      `Stories: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}. Share the view as a snapshot first, and cite evidence of its links.`,
      problems,
    );
  }
}

/** Stores a validated story (once: the same content finds the same node) and returns its id and URL. */
export async function createStory(db: Database, body: CreateStoryBody): Promise<StoryCreated & { created: boolean }> {
  await checkReferences(db, body);
  const payload: StoryPayload = {
    formatVersion: STORY_FORMAT_VERSION,
    title: body.title,
    steps: body.steps.map(({ snapshot, title, caption, citations }) => ({ snapshot, title, caption, citations })),
  };
  const id = storyId(payload);
  const { created, takenDown } = await insertStory(db, {
    id,
    title: body.title,
    formatVersion: STORY_FORMAT_VERSION,
    payload: canonicalJson(payload),
    stepCount: payload.steps.length,
  });
  if (takenDown)
    throw new GoneError(`Stories: this story was saved before as ${id} and taken down; it cannot be saved again.`);
  return { id, url: storyUrl(id), created };
}

/** The stored story as saved (no citations resolved); NotFoundError / GoneError as {@link getStory}. */
export async function getStoredStory(
  db: Database,
  id: string,
): Promise<StoryPayload & { id: string; createdAt: string }> {
  const row = await findStory(db, id);
  if (!row) throw new NotFoundError(`Stories: no story ${id}. Check the link; story ids are 20 hex digits.`);
  if (row.takenDown) {
    throw new GoneError(
      `This story was taken down${row.takenDownAt ? ` on ${row.takenDownAt.slice(0, 10)}` : ""}: ${row.takedownReason ?? "no reason given"}`,
      { id: row.id, takenDownAt: row.takenDownAt, reason: row.takedownReason },
    );
  }
  return { id: row.id, createdAt: row.createdAt, ...decodePayload(row) };
}

function decodePayload(row: StoryRow): StoryPayload {
  if (row.payload === null) throw new Error(`Stories: story ${row.id} has no payload`);
  const payload = JSON.parse(row.payload) as StoryPayload;
  if (payload.formatVersion !== 1)
    throw new Error(`Stories: unknown format version ${payload.formatVersion} for ${row.id}`);
  return payload;
}

/** A story with its citations resolved (evidence curated away since is simply missing from `citations`). */
export async function getStory(db: Database, id: string): Promise<StoryView> {
  const story = await getStoredStory(db, id);
  const ids = [...new Set(story.steps.flatMap((s) => s.citations))];
  const citations: Map<string, CitationDto> = await inReadTx(db, async (tx) =>
    citationsFromRows(tx, await readCitationRows(tx, ids)),
  );
  return { ...story, url: storyUrl(story.id), citations: Object.fromEntries(citations) };
}

/** Recent stories, newest first, with their URLs. */
export async function recentStories(db: Database, limit: number): Promise<StorySummary[]> {
  return (await listStories(db, limit)).map((s) => ({ ...s, url: storyUrl(s.id) }));
}

/** Takes a story down (idempotent); NotFoundError for an unknown id. */
export async function takeStoryDown(db: Database, id: string, reason: string): Promise<void> {
  if (!(await markStoryTakenDown(db, id, reason))) throw new NotFoundError(`Stories: no story ${id} to take down.`);
}
