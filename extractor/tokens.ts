// Tokenizer: words, numbers and punctuation with character offsets into the article text.
// Possessives ("Iran's", "Fidan’s") stay one token with a flag, so names keep their offsets.

export type TokenType = "word" | "num" | "punct";

export interface Token {
  text: string;
  start: number;
  end: number;
  type: TokenType;
  /** Lower case, curly apostrophes straightened, possessive removed. */
  lower: string;
  /** The token without a possessive suffix or trailing apostrophe. */
  base: string;
  /** End offset of `base`. */
  baseEnd: number;
  /** Starts with an upper-case letter (or is an al-/bin particle followed by one). */
  cap: boolean;
  poss: boolean;
}

const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}]+(?:[-'’`][\p{L}\p{M}\d]+)*['’`]?|\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?|\S/gu;
const LETTER_OR_MARK = /^[\p{L}\p{M}]/u;
const UPPER_FIRST = /^\p{Lu}/u;
const CAPITALISED_PARTICLE = /^(al|el|bin|ibn|bint|abu|ben)-\p{Lu}/u;
const CURLY_APOSTROPHES = /[’`]/g;

// The tokenizer runs on every paragraph of every article, so the per-token tests below read character codes
// for ASCII and fall back to Unicode-aware regular expressions only for other characters.

function isApostrophe(code: number): boolean {
  return code === 39 /* ' */ || code === 0x2019 /* ’ */ || code === 96; /* ` */
}

function startsWithLetterOrMark(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_MARK.test(raw);
}

function startsUpperCase(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_FIRST.test(raw);
}

/** Splits `text.slice(start, end)` into tokens whose offsets are absolute. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(slice))) {
    const raw = m[0];
    const s = start + m.index;
    const isWord = startsWithLetterOrMark(raw);
    const first = raw.charCodeAt(0);
    const type: TokenType = isWord ? "word" : first >= 48 && first <= 57 ? "num" : "punct";
    let base = raw;
    let poss = false;
    if (isWord) {
      const n = raw.length;
      const last = raw.charCodeAt(n - 1);
      if (n > 2 && (last === 115 /* s */ || last === 83) /* S */ && isApostrophe(raw.charCodeAt(n - 2))) {
        base = raw.slice(0, -2);
        poss = true;
      } else if (isApostrophe(last)) {
        base = raw.slice(0, -1);
      }
    }
    let lower = base.toLowerCase();
    if (lower.includes("’") || lower.includes("`")) lower = lower.replace(CURLY_APOSTROPHES, "'");
    const cap = isWord && (startsUpperCase(raw) || (raw.includes("-") && CAPITALISED_PARTICLE.test(raw)));
    out.push({ text: raw, start: s, end: s + raw.length, type, lower, base, baseEnd: s + base.length, cap, poss });
  }
  return out;
}
