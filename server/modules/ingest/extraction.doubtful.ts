/**
 * Doubtful extractions
 * ====================
 *
 * Splits an extraction at the extractor's confidence threshold: what is sure goes to the graph, what is not is
 * listed for the Add-article dialog and queued at /review as `low-confidence` suggestions, so a capitalised phrase
 * read as a person or a meeting between people merely mentioned together never reaches the graph unreviewed.
 * `npm run ingest -- --accept-all` and `acceptAll` in the request write everything instead.
 */
import type { ImportSuggestion } from "../../../contracts/import-format.js";
import type { DoubtfulItem as DoubtfulItemDto } from "../../../contracts/ingest.js";
import { DEFAULT_CONFIDENCE_THRESHOLD, splitByConfidence } from "../../../extractor/confidence.js";
import type { ExtractionResult } from "../../../extractor/types.js";
import { EVENT_LABELS } from "./extraction.event-labels.js";

/** A doubtful item with where it was read, for the review queue. */
export interface DoubtfulItem extends DoubtfulItemDto {
  /** The extraction's article id. */
  article: string;
  start: number | null;
  end: number | null;
  /** Sure actors it involves (an event's kept participants, a role's holder): the review page shows them. */
  candidates: string[];
}

const confidenceText = (c: number | undefined) => `confidence ${(c ?? 0).toFixed(2)}`;

/**
 * The sure part of an extraction and its doubtful items (`acceptAll` keeps everything). Roles of a doubtful actor
 * and its places in events are not listed again: the actor stands for them.
 */
export function splitDoubtful(
  extraction: ExtractionResult,
  options: { acceptAll?: boolean; threshold?: number; texts?: Map<string, string> } = {},
): { kept: ExtractionResult; doubtful: DoubtfulItem[] } {
  if (options.acceptAll) return { kept: extraction, doubtful: [] };
  const sentenceAround = (article: string, start: number, end: number, fallback: string) => {
    const text = options.texts?.get(article);
    if (!text) return fallback;
    const from = Math.max(
      text.lastIndexOf("\n", start),
      ...[". ", "! ", "? "].map((p) => text.lastIndexOf(p, start) + 1),
    );
    const stops = ["\n", ". ", "! ", "? "].map((p) => text.indexOf(p, end)).filter((i) => i >= 0);
    const to = stops.length ? Math.min(...stops) + 1 : text.length;
    return (
      text
        .slice(from + 1, to)
        .trim()
        .slice(0, 400) || fallback
    );
  };
  const { kept, doubtful } = splitByConfidence(extraction, options.threshold ?? DEFAULT_CONFIDENCE_THRESHOLD);
  const nameOf = new Map(extraction.actors.map((a) => [a.id, a.name]));
  const doubtfulActors = new Set(doubtful.actors.map((a) => a.id));
  const keptActors = new Set(kept.actors.map((a) => a.id));
  const keptEvents = new Map(kept.events.map((e) => [e.id, e]));
  const items: DoubtfulItem[] = [];

  for (const a of doubtful.actors) {
    const m = a.mentions[0];
    items.push({
      kind: "actor",
      label: a.name,
      detail: `${a.kind} · ${confidenceText(a.confidence)}`,
      confidence: a.confidence ?? 0,
      quote: m ? sentenceAround(m.article, m.start, m.end, m.text) : null,
      article: m?.article ?? extraction.articles[0]?.id ?? "",
      start: m?.start ?? null,
      end: m?.end ?? null,
      candidates: [],
    });
  }
  for (const r of doubtful.roles) {
    if (doubtfulActors.has(r.actor)) continue;
    items.push({
      kind: "role",
      label: `${nameOf.get(r.actor) ?? r.actor}: ${r.title}`,
      detail: `role · ${confidenceText(r.confidence)}`,
      confidence: r.confidence ?? 0,
      quote: r.evidence?.quote ?? null,
      article: r.article,
      start: r.evidence?.start ?? null,
      end: r.evidence?.end ?? null,
      candidates: [r.actor],
    });
  }
  for (const e of doubtful.events) {
    const evidence = e.evidence[0];
    const where = {
      quote: evidence?.quote ?? null,
      article: e.article,
      start: evidence?.start ?? null,
      end: evidence?.end ?? null,
    };
    const label = `${EVENT_LABELS[e.kind] ?? e.kind}: ${e.participants.map((p) => nameOf.get(p) ?? p).join(", ")}`;
    const sure = keptEvents.get(e.id);
    if (!sure) {
      items.push({
        kind: "event",
        label,
        detail: `${e.date ?? "undated"} · ${confidenceText(e.confidence)}`,
        confidence: e.confidence ?? 0,
        ...where,
        candidates: e.participants.filter((p) => keptActors.has(p)),
      });
      continue;
    }
    // The event stays; a sure actor's doubtful part in it is reviewed on its own.
    e.participants.forEach((p, i) => {
      if (sure.participants.includes(p) || doubtfulActors.has(p)) return;
      items.push({
        kind: "participant",
        label: `${nameOf.get(p) ?? p} in ${label}`,
        detail: `participant · ${confidenceText(e.participantConfidence?.[i])}`,
        confidence: e.participantConfidence?.[i] ?? 0,
        ...where,
        candidates: [p, ...sure.participants].filter((x) => keptActors.has(x)),
      });
    });
  }
  return { kept, doubtful: items };
}

/** The review queue's entries for doubtful items (`articleIdOf` maps extraction article ids to import ids). */
export function doubtfulSuggestions(
  items: DoubtfulItem[],
  articleIdOf: (article: string) => string,
): ImportSuggestion[] {
  return items.map((item) => ({
    kind: "low-confidence" as const,
    article: item.article ? articleIdOf(item.article) : null,
    text: `${item.label} (${item.kind}, ${confidenceText(item.confidence)})`.slice(0, 500),
    candidates: [...new Set(item.candidates)],
    chosen: null,
    start: item.start,
    end: item.end,
  }));
}

/** The dialog's view of doubtful items (no offsets). */
export function doubtfulDtos(items: DoubtfulItem[]): DoubtfulItemDto[] {
  return items.map(({ kind, label, detail, confidence, quote }) => ({ kind, label, detail, confidence, quote }));
}
