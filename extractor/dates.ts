// Dates: finds date expressions in a sentence and resolves them against the publication date.
// News convention: a bare weekday means the latest such day on or before publication ("on Sunday").

import type { DatePrecision } from "./types";
import { MONTHS, WEEKDAYS } from "./gazetteer";
import type { Token } from "./tokens";

export interface DateExpr {
  i0: number;
  i1: number;
  start: number;
  end: number;
  text: string;
  /** ISO day when day-precise, else null. */
  iso: string | null;
  /** "YYYY-MM" or "YYYY" for coarser dates, else equal to iso. */
  approx: string | null;
  precision: DatePrecision | null;
  /** "earlier/later in the day": the day of the previous date in the article. */
  sameDay: boolean;
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function parseIso(s: string): Date {
  return new Date(`${s}T00:00:00Z`);
}

/** Latest date with the given weekday (0 = Sunday) on or before `pub`. */
export function latestWeekday(pub: string, weekday: number): string {
  const d = parseIso(pub);
  const diff = (d.getUTCDay() - weekday + 7) % 7;
  d.setUTCDate(d.getUTCDate() - diff);
  return iso(d);
}

function shiftDays(day: string, n: number): string {
  const d = parseIso(day);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}

function validDay(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d ? iso(dt) : null;
}

/** Year of a month/day with no year: the latest such day on or before publication. */
function yearFor(pub: string, m: number, d: number): number {
  const p = parseIso(pub);
  const y = p.getUTCFullYear();
  const cand = Date.UTC(y, m - 1, d);
  return cand <= p.getTime() ? y : y - 1;
}

function monthNum(t: Token | undefined): number | null {
  if (!t || t.type !== "word") return null;
  const m = MONTHS.get(t.lower);
  if (!m) return null;
  // "may" and "march" are also verbs: require a capital.
  if (!t.cap) return null;
  return m;
}

function dayNum(t: Token | undefined): number | null {
  if (!t || t.type !== "num") return null;
  const n = parseInt(t.text, 10);
  return n >= 1 && n <= 31 && /^\d{1,2}(st|nd|rd|th)?$/.test(t.text) ? n : null;
}

function yearNum(t: Token | undefined): number | null {
  if (!t || t.type !== "num" || !/^\d{4}$/.test(t.text)) return null;
  const n = +t.text;
  return n >= 1900 && n <= 2100 ? n : null;
}

/** "a Sunday Times report", "the Monday Club": a weekday inside a name after an article is not a date. */
function weekdayInName(toks: Token[], i: number): boolean {
  const article = toks[i - 1]?.lower;
  const next = toks[i + 1];
  return (article === "a" || article === "an" || article === "the") && !!next?.cap && !MONTHS.has(next.lower);
}

/**
 * Finds date expressions among a sentence's tokens: weekdays, "Month D(, YYYY)", "D Month YYYY", "Month YYYY",
 * "yesterday"/"today", "last week/month/year", bare years and "earlier/later in the day". `pub` may be null,
 * in which case relative expressions stay unresolved (iso null) but are still reported.
 */
export function findDates(text: string, toks: Token[], pub: string | null): DateExpr[] {
  const out: DateExpr[] = [];
  const push = (
    i0: number,
    i1: number,
    isoDay: string | null,
    approx: string | null,
    precision: DatePrecision | null,
    sameDay = false,
  ) => {
    out.push({
      i0,
      i1,
      start: toks[i0].start,
      end: toks[i1 - 1].end,
      text: text.slice(toks[i0].start, toks[i1 - 1].end),
      iso: isoDay,
      approx: approx ?? isoDay,
      precision,
      sameDay,
    });
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const l = t.lower;
    if (t.type === "word" && t.cap && WEEKDAYS.has(l) && !weekdayInName(toks, i)) {
      let j = i + 1;
      if (/^(night|morning|evening|afternoon)$/.test(toks[j]?.lower ?? "")) j++;
      let i0 = i;
      if (/^(early|late)$/.test(toks[i - 1]?.lower ?? "")) i0 = i - 1;
      // "last Tuesday" said on a Tuesday is a week ago; "next Tuesday" lies ahead.
      const rel = toks[i - 1]?.lower ?? "";
      if (rel === "last" || rel === "next") i0 = i - 1;
      // "Sunday, March 5" / "Sunday (March 5)" is handled by the absolute date that follows.
      let day = pub ? latestWeekday(pub, WEEKDAYS.get(l)!) : null;
      if (day && pub && rel === "last" && day === pub) day = shiftDays(day, -7);
      if (day && pub && rel === "next") day = shiftDays(day, 7);
      push(i0, j, day, null, day ? "day" : null);
      i = j - 1;
      continue;
    }
    if (t.type === "word" && (l === "yesterday" || l === "today")) {
      let day: string | null = null;
      if (pub) {
        const d = parseIso(pub);
        if (l === "yesterday") d.setUTCDate(d.getUTCDate() - 1);
        day = iso(d);
      }
      push(i, i + 1, day, null, day ? "day" : null);
      continue;
    }
    if (
      (l === "earlier" || l === "later") &&
      toks[i + 1]?.lower === "in" &&
      toks[i + 2]?.lower === "the" &&
      toks[i + 3]?.lower === "day"
    ) {
      push(i, i + 4, null, null, null, true);
      i += 3;
      continue;
    }
    if (l === "last" || l === "this") {
      const unit = toks[i + 1]?.lower;
      if (unit === "week" || unit === "month" || unit === "year") {
        let approx: string | null = null;
        let precision: DatePrecision | null = null;
        if (pub) {
          const d = parseIso(pub);
          if (unit === "month") {
            if (l === "last") d.setUTCMonth(d.getUTCMonth() - 1, 1);
            approx = iso(d).slice(0, 7);
            precision = "month";
          } else if (unit === "year") {
            approx = String(d.getUTCFullYear() - (l === "last" ? 1 : 0));
            precision = "year";
          }
        }
        push(i, i + 2, null, approx, precision);
        i += 1;
        continue;
      }
    }
    const m = monthNum(t);
    if (m) {
      let j = i + 1;
      if (toks[j]?.text === ".") j++;
      const d = dayNum(toks[j]);
      if (d) {
        let k = j + 1;
        if (toks[k]?.text === ",") k++;
        const y = yearNum(toks[k]);
        if (y) {
          push(i, k + 1, validDay(y, m, d), null, "day");
          i = k;
        } else {
          const day = pub ? validDay(yearFor(pub, m, d), m, d) : null;
          push(i, j + 1, day, null, day ? "day" : null);
          i = j;
        }
        continue;
      }
      const y = yearNum(toks[j]);
      if (y) {
        push(i, j + 1, null, `${y}-${String(m).padStart(2, "0")}`, "month");
        i = j;
        continue;
      }
    }
    const dn = dayNum(t);
    if (dn && monthNum(toks[i + 1])) {
      const mm = monthNum(toks[i + 1]) as number;
      const y = yearNum(toks[i + 2]);
      if (y) {
        push(i, i + 3, validDay(y, mm, dn), null, "day");
        i += 2;
      } else {
        const day = pub ? validDay(yearFor(pub, mm, dn), mm, dn) : null;
        push(i, i + 2, day, null, day ? "day" : null);
        i += 1;
      }
      continue;
    }
    const y = yearNum(t);
    if (y && /^(in|of|since|from|until|by)$/.test(toks[i - 1]?.lower ?? "")) {
      push(i, i + 1, null, String(y), "year");
    }
  }
  return out;
}
