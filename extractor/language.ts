// Language check: Parley's rules read English news; a long text that is clearly in another language is refused.
// A trigram detector (franc-min) judges the text, and English function words must be rare too, so English full of
// foreign names (which detectors misjudge) is never refused; short texts are never judged at all.

import { francAll } from "franc-min";

/** Texts shorter than this (in characters, after trimming) are never refused: detectors misjudge short English. */
export const MIN_CHARS_TO_JUDGE = 300;

/**
 * The detector's relative score of English (1 for the top language) at or above which the text may still be
 * English: English with many foreign names scored 0.87 in trials, Spanish news 0.78 and French 0.72.
 */
const ENGLISH_STILL_LIKELY = 0.85;

/**
 * Share of words that are English function words at or above which a text is English whatever the detector says.
 * English news runs at 20–35 %; Spanish, French or Indonesian prose at 0–3 %; a list of foreign names with a
 * few English links in between at 5–10 %.
 */
const ENGLISH_FUNCTION_WORD_SHARE = 0.08;

// Words that are English and not also common words of the languages franc confuses with it ("a", "in", "de").
const ENGLISH_FUNCTION_WORDS = new Set(
  (
    "the and of to with was were is are that for from by has have had said his her their which will would " +
    "at an as it this these those been be after before between during its they he she who also about not but"
  ).split(" "),
);

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

export interface LanguageVerdict {
  /** False only when the text is long and confidently not English. */
  english: boolean;
  /** ISO 639-3 code of the detected language ("und" when the text is too short to judge). */
  code: string;
  /** The language's English name ("Spanish"), or the code when it has none. */
  name: string;
}

function nameOf(code: string): string {
  try {
    const name = languageNames.of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

const LETTER_RUNS = /\p{L}+/gu;

function functionWordShare(text: string): number {
  const words = text.toLowerCase().match(LETTER_RUNS) ?? [];
  if (!words.length) return 0;
  return words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length / words.length;
}

/** Judges whether a text is English enough for the extractor (see the module comment for the rule). */
export function detectLanguage(text: string): LanguageVerdict {
  const trimmed = text.trim();
  if (trimmed.length < MIN_CHARS_TO_JUDGE) return { english: true, code: "und", name: "undetermined" };
  const ranked = francAll(trimmed, { minLength: MIN_CHARS_TO_JUDGE });
  const [top, topScore] = ranked[0] ?? ["und", 0];
  if (top === "eng" || top === "und" || topScore === 0) return { english: true, code: top, name: nameOf(top) };
  const englishScore = ranked.find(([code]) => code === "eng")?.[1] ?? 0;
  const english = englishScore >= ENGLISH_STILL_LIKELY || functionWordShare(trimmed) >= ENGLISH_FUNCTION_WORD_SHARE;
  return { english, code: top, name: nameOf(top) };
}

/** The message shown when a text is refused: "Parley reads English articles; this looks like Spanish." */
export function notEnglishMessage(verdict: LanguageVerdict): string {
  return `Parley reads English articles; this looks like ${verdict.name}.`;
}
