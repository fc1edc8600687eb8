/**
 * Passage around a mention
 * ========================
 *
 * Cuts the sentence around a character span of an article, with the sentence before it, so a suggestion is shown
 * in its context.
 */

/** The text before the mention, the mention, the text after; `lead`/`tail` say whether text was cut off. */
export interface Passage {
  before: string;
  mention: string;
  after: string;
  lead: boolean;
  tail: boolean;
}

// A full stop after an initial ("T. Morcant") or a common abbreviated title does not end a sentence.
const SENTENCE_END = /(?<!\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Prof|Sen|Rep))[.!?]["”’)]?\s|\n\s*\n/g;

/** The sentence holding `[start, end)` of `text` and the one before, cut to at most `max` characters on each side. */
export function passageAround(text: string, start: number, end: number, max = 320): Passage {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  // Start one sentence before the mention's own (who "Barzani" is often follows from the sentence before), within
  // `max` characters.
  const floor = Math.max(0, s - max);
  const starts = [floor];
  SENTENCE_END.lastIndex = floor;
  for (let m = SENTENCE_END.exec(text); m && m.index + m[0].length <= s; m = SENTENCE_END.exec(text))
    starts.push(m.index + m[0].length);
  const from = starts.length > 1 ? starts[starts.length - 2]! : starts[0]!;
  // End at the first sentence end after the mention, within `max` characters.
  SENTENCE_END.lastIndex = e;
  const next = SENTENCE_END.exec(text);
  const to = next && next.index < e + max ? next.index + 1 : Math.min(text.length, e + max);
  return {
    before: text.slice(from, s).replace(/^\s+/, ""),
    mention: text.slice(s, e),
    after: text.slice(e, to).replace(/\s+$/, ""),
    lead: from > 0 && !/[.!?\n]/.test(text[from - 2] ?? "\n"),
    tail: to < text.length && !/[.!?]/.test(text[to - 1] ?? "."),
  };
}
