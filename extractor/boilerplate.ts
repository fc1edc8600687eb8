// Boilerplate and layout: title, standfirst, dateline, date lines and publisher clutter of an article body.
// Nothing is deleted from the text; content is described as ranges so offsets stay those of the file.

import { CITY_BY_SURFACE, MONTHS, worldCity } from "./gazetteer";
import type { Range } from "./sentences";

export type ParagraphKind = "headline" | "body";

export interface Paragraph extends Range {
  kind: ParagraphKind;
}

export interface Layout {
  title: string | null;
  paragraphs: Paragraph[];
  /** City (or other place) of the dateline, as written. */
  datelinePlace: string | null;
  /** Month/day text of the dateline ("Nov. 10"), if any. */
  datelineDate: string | null;
  /** A publication date found in the body ("date 2025-02-15" prefix or a standalone date line). */
  bodyDate: string | null;
}

const DROP_LINE = [
  /^\s*(©|\(c\)|copyright\b)/i,
  /^\s*(additional )?(reporting|editing|writing|compiled|translated)( and editing)? by\b/i,
  /^\s*(post-img|advertisement|read more|related( news| articles| stories)?|share( this)?|tags?:|follow us)\b/i,
  /^\s*(photo|image|picture|caption|file photo)\s*[:|]/i,
];

const DATELINE =
  /^(\p{Lu}[\p{L}'’-]+(?:[ ][\p{Lu}][\p{L}'’-]+){0,2})(?:,[ ]*((?:\p{Lu}[a-z]{2,8}\.?)[ ]\d{1,2})(?:,[ ]*\d{4})?)?(?:(?:,[ ]*|[ ]*\()([\p{L}\d][\p{L}\d .]{0,30}?)\)?)?[ ]*(?:[–—-]{1,2}|:|\/)[ ]+|^(\p{Lu}[\p{L}'’-]+(?:[ ]\p{Lu}[\p{L}'’-]+){0,2}),[ ]*((?:\p{Lu}[a-z]{2,8}\.?)[ ]\d{1,2})[ ]*\(([^)]{1,30})\)[ ]+(?=\p{Lu})/u;

const MONTH_NAMES = [...MONTHS.keys()].join("|");
const DATE_LINE = new RegExp(
  `^(?:[A-Z][a-z]+day,?\\s+)?(?:(\\d{1,2})\\s+(${MONTH_NAMES})\\.?,?\\s+(\\d{4})|(${MONTH_NAMES})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4}))\\s*$`,
  "i",
);

function isoFromParts(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Parses a line that is only a date ("March 14, 2024", "21 February 2018") into ISO, else null. */
export function parseDateLine(line: string): string | null {
  const m = DATE_LINE.exec(line.trim());
  if (!m) return null;
  if (m[1]) return isoFromParts(+m[3], MONTHS.get(m[2].toLowerCase())!, +m[1]);
  return isoFromParts(+m[6], MONTHS.get(m[4].toLowerCase())!, +m[5]);
}

const WHITESPACE = /\s/;

/** Number of whitespace-separated words (a loop over characters: every line of every article is counted). */
function wordCount(s: string): number {
  let words = 0;
  let inWord = false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    const space = c < 128 ? c === 32 || (c >= 9 && c <= 13) : WHITESPACE.test(s[k]);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

const THREE_CAPITALS = /\p{Lu}{3,}/u;

/**
 * Describes the body of an article (from `bodyStart`): which lines are headline, body or clutter, the dateline
 * of the first body paragraph, and any publication date the body itself carries.
 */
export function analyseLayout(text: string, bodyStart: number): Layout {
  const lines: Range[] = [];
  let pos = bodyStart;
  while (pos <= text.length) {
    const nl = text.indexOf("\n", pos);
    const end = nl === -1 ? text.length : nl;
    let s = pos;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /[\s■□▪●]/.test(text[e - 1])) e--;
    if (e > s) lines.push({ start: s, end: e });
    if (nl === -1) break;
    pos = nl + 1;
  }

  let bodyDate: string | null = null;
  const kept: Range[] = [];
  for (const l of lines) {
    const line = text.slice(l.start, l.end);
    if (DROP_LINE.some((re) => re.test(line))) continue;
    const dl = parseDateLine(line);
    if (dl) {
      bodyDate ??= dl;
      continue;
    }
    kept.push({ ...l });
  }

  // A leading "date 2025-02-15" prefix (as in pasted seeds) is metadata, not text.
  if (kept.length) {
    const first = text.slice(kept[0].start, kept[0].end);
    const m = /^date:?\s+(\d{4})-(\d{2})-(\d{2})\s*/i.exec(first);
    if (m) {
      bodyDate ??= isoFromParts(+m[1], +m[2], +m[3]);
      kept[0].start += m[0].length;
    }
  }

  const paragraphs: Paragraph[] = [];
  let title: string | null = null;
  kept.forEach((l, i) => {
    const line = text.slice(l.start, l.end);
    const words = wordCount(line);
    const sentenceLike = /[.!?…:"”»)]$/.test(line);
    // A first short line without a full stop is the headline (question headlines included).
    if (i === 0 && kept.length > 1 && (!sentenceLike || /\?$/.test(line)) && words <= 25) {
      title = line;
      paragraphs.push({ ...l, kind: "headline" });
      return;
    }
    // Section labels and bylines ("Politics", "Saudi Gazette report") are short lines without a verb-like stop.
    if (!sentenceLike && words <= 3 && i > 0) return;
    paragraphs.push({ ...l, kind: "body" });
  });

  let datelinePlace: string | null = null;
  let datelineDate: string | null = null;
  const firstBody = paragraphs.find((p) => p.kind === "body");
  if (firstBody) {
    const line = text.slice(firstBody.start, firstBody.end);
    const m = DATELINE.exec(line);
    if (m) {
      const place = m[1] ?? m[4];
      const date = m[2] ?? m[5] ?? null;
      const agency = m[3] ?? m[6] ?? null;
      const isCity = CITY_BY_SURFACE.has(place.toLowerCase()) || worldCity(place.toLowerCase()) !== undefined;
      const allCaps = place === place.toUpperCase() && THREE_CAPITALS.test(place);
      if (isCity || allCaps || date || agency) {
        datelinePlace = isCity || allCaps ? place : null;
        datelineDate = date;
        firstBody.start += m[0].length;
      }
    }
  }
  return { title, paragraphs, datelinePlace, datelineDate, bodyDate };
}
