/**
 * Add-article model
 * =================
 *
 * The pure part of the "Add article" dialog: groups an extracted import document into reviewable items, and
 * rebuilds a valid document without the items the user dropped (an actor dropped is also dropped from events,
 * roles, agreements and suggestions, so no reference dangles and the server's validator accepts the result).
 */
import type { ImportFileInput } from "../../../../contracts/import-format";
import { ACTOR_TYPES, ENCOUNTER_KINDS } from "../../../../contracts/vocabulary";

type Doc = ImportFileInput;
type DocNode = NonNullable<Doc["nodes"]>[number];
type DocRole = NonNullable<Doc["roles"]>[number];

export type ItemGroup = "people" | "organisations" | "places" | "meetings" | "other-events" | "roles" | "agreements";

/** One reviewable line of the extraction; `key` is a node id, or `role:<index>` for roles. */
export interface ExtractedItem {
  key: string;
  group: ItemGroup;
  label: string;
  /** Secondary text: kind, participants, date, place. */
  detail: string;
  /** The sentence the fact was read from, when the article text is in the document. */
  quote: string | null;
}

export const GROUP_TITLES: Record<ItemGroup, string> = {
  people: "People",
  organisations: "Governments, organisations and countries",
  places: "Places",
  meetings: "Meetings",
  "other-events": "Statements and other events",
  roles: "Roles",
  agreements: "Agreements",
};

const isActor = (n: DocNode | undefined) => !!n && (ACTOR_TYPES as readonly string[]).includes(n.type);
const isMeeting = (n: DocNode) => n.type === "event" && (ENCOUNTER_KINDS as readonly string[]).includes(n.kind ?? "");

/** The key of the i-th role (roles have no id of their own). */
export const roleKey = (index: number) => `role:${index}`;

function quoteOf(doc: Doc, evidence: DocNode["evidence"] | DocRole["evidence"]): string | null {
  const c = evidence?.[0];
  if (!c || c.start === undefined || c.end === undefined) return null;
  const text = doc.articles?.find((a) => a.id === c.article)?.text;
  return text ? text.slice(c.start, c.end).trim() || null : null;
}

/** Lists what the document says, grouped for review (topics are not listed: they follow their events). */
export function extractedItems(doc: Doc): ExtractedItem[] {
  const nodes = doc.nodes ?? [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const name = (id: string | undefined) => (id ? (byId.get(id)?.name ?? id) : "");
  const items: ExtractedItem[] = [];
  for (const n of nodes) {
    if (n.type === "topic") continue;
    if (n.type === "person")
      items.push({
        key: n.id,
        group: "people",
        label: n.name,
        detail: (n.aliases ?? []).length ? `also ${(n.aliases ?? []).join(", ")}` : "",
        quote: null,
      });
    else if (isActor(n))
      items.push({
        key: n.id,
        group: "organisations",
        label: n.name,
        detail: (n.kind ?? n.type).replace(/_/g, " "),
        quote: null,
      });
    else if (n.type === "place")
      items.push({
        key: n.id,
        group: "places",
        label: n.name,
        detail: (n.kind ?? "place").replace(/_/g, " "),
        quote: null,
      });
    else if (n.type === "agreement")
      items.push({ key: n.id, group: "agreements", label: n.name, detail: "", quote: quoteOf(doc, n.evidence) });
    else if (n.type === "event") {
      const who = (n.participants ?? []).map((p) => name(p.actor)).join(", ") || "no participants";
      const topics = (n.topics ?? []).map((t) => name(t)).join(", ");
      const detail = [
        (n.kind ?? "event").replace(/_/g, " "),
        n.date ?? "undated",
        n.place ? `at ${name(n.place)}` : "",
        topics ? `on ${topics}` : "",
      ]
        .filter(Boolean)
        .join(" · ");
      items.push({
        key: n.id,
        group: isMeeting(n) ? "meetings" : "other-events",
        label: who,
        detail,
        quote: quoteOf(doc, n.evidence),
      });
    }
  }
  (doc.roles ?? []).forEach((r, i) => {
    items.push({
      key: roleKey(i),
      group: "roles",
      label: `${name(r.person)}: ${r.title}`,
      detail: `of ${name(r.of)}`,
      quote: quoteOf(doc, r.evidence),
    });
  });
  return items;
}

/** Event names are "Meeting: A, B"; after dropping a participant the name lists the ones left. */
function renamed(event: DocNode, names: Map<string, string>): string {
  const colon = event.name.indexOf(": ");
  if (colon < 0) return event.name;
  const who = (event.participants ?? []).map((p) => names.get(p.actor) ?? p.actor).join(", ");
  return `${event.name.slice(0, colon)}: ${who || "unnamed participants"}`;
}

/**
 * Returns the document without the dropped items (node ids and role keys), cascading so that it stays valid:
 * dropped actors leave events, roles, agreements and suggestions; events left without participants, and topics no
 * longer used by a kept event or agreement, go too. The input is not modified.
 */
export function withoutDropped(doc: Doc, dropped: ReadonlySet<string>): Doc {
  const nodes = doc.nodes ?? [];
  const gone = new Set([...dropped].filter((k) => !k.startsWith("role:")));
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  let kept: DocNode[] = nodes
    .filter((n) => !gone.has(n.id))
    .map((n) => {
      const copy: DocNode = { ...n };
      if (n.participants) copy.participants = n.participants.filter((p) => !gone.has(p.actor));
      if (n.parties) copy.parties = n.parties.filter((p) => !gone.has(p));
      if (n.produced) copy.produced = n.produced.filter((p) => !gone.has(p));
      if (n.topics) copy.topics = n.topics.filter((t) => !gone.has(t));
      if (n.place && gone.has(n.place)) delete copy.place;
      if (n.country && gone.has(n.country)) delete copy.country;
      if (n.partOf && gone.has(n.partOf)) delete copy.partOf;
      if (n.type === "event" && (copy.participants?.length ?? 0) !== (n.participants?.length ?? 0))
        copy.name = renamed(copy, names);
      return copy;
    });
  // An event whose every participant was dropped says nothing any more.
  const emptied = new Set(
    kept
      .filter(
        (n) =>
          n.type === "event" &&
          (n.participants?.length ?? 0) === 0 &&
          (nodes.find((o) => o.id === n.id)?.participants?.length ?? 0) > 0,
      )
      .map((n) => n.id),
  );
  kept = kept
    .filter((n) => !emptied.has(n.id))
    .map((n) =>
      n.produced?.some((p) => emptied.has(p)) ? { ...n, produced: n.produced.filter((p) => !emptied.has(p)) } : n,
    );
  // Topics live only through the events and agreements that name them.
  const usedTopics = new Set(kept.flatMap((n) => n.topics ?? []));
  kept = kept.filter((n) => n.type !== "topic" || usedTopics.has(n.id));
  const keptIds = new Set(kept.map((n) => n.id));
  const roles = (doc.roles ?? []).filter(
    (r, i) => !dropped.has(roleKey(i)) && keptIds.has(r.person) && keptIds.has(r.of),
  );
  const suggestions = doc.suggestions
    ?.map((s) => ({
      ...s,
      candidates: (s.candidates ?? []).filter((c) => keptIds.has(c)),
      chosen: s.chosen && keptIds.has(s.chosen) ? s.chosen : null,
    }))
    // A choice between people needs two of them left; a low-confidence item has no candidates and always goes to review.
    .filter((s) => s.kind === "low-confidence" || s.candidates.length >= 2);
  const result: Doc = { ...doc, nodes: kept, roles };
  if (suggestions) {
    if (suggestions.length) result.suggestions = suggestions;
    else delete result.suggestions;
  }
  return result;
}

/** Counts for the status line: actors and meetings the saved document holds. */
export function documentCounts(doc: Doc): { actors: number; meetings: number } {
  const nodes = doc.nodes ?? [];
  return { actors: nodes.filter((n) => isActor(n)).length, meetings: nodes.filter((n) => isMeeting(n)).length };
}

/**
 * Why a text is too long to be one article, or null when it fits: measured before the text is put in the page,
 * since a textarea holding megabytes freezes the browser's rendering for minutes. The limit is said once.
 */
export function oversizeMessage(text: string, limitBytes: number): string | null {
  // UTF-8 takes at least a byte per UTF-16 unit and at most three, so most texts are decided without encoding them.
  if (text.length * 3 <= limitBytes) return null;
  const bytes = text.length > limitBytes ? text.length : new TextEncoder().encode(text).length;
  if (bytes <= limitBytes) return null;
  const mb = (n: number) => `${(n / 1e6).toFixed(n < 10e6 ? 1 : 0).replace(/\.0$/, "")} MB`;
  return `This text is ${mb(bytes)}; an article is at most ${mb(limitBytes)}. Paste a shorter part, or split it into .txt files.`;
}
