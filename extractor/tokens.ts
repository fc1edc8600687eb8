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

/** One token at `lastIndex` (sticky): initials, a word, a number, or any other character but a space. */
const TOKEN_AT = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}]+(?:[-'’`][\p{L}\p{M}\d]+)*['’`]?|\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?|\S/uy;
const LETTER_OR_MARK = /^[\p{L}\p{M}]/u;
const UPPER_FIRST = /^\p{Lu}/u;
const CAPITALISED_PARTICLE = /^(al|el|bin|ibn|bint|abu|ben)-\p{Lu}/u;
const CURLY_APOSTROPHES = /[’`]/g;

// The tokenizer runs on every paragraph of every article, so the per-token tests below read character codes
// for ASCII and fall back to Unicode-aware regular expressions only for other characters.

/** JavaScript's `\s` (white space and line terminators): the characters between tokens. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

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
  // Spaces are skipped here and each token matched where it starts (a sticky test, no match array per token).
  let pos = 0;
  while (pos < slice.length) {
    if (isSpace(slice.charCodeAt(pos))) {
      pos++;
      continue;
    }
    TOKEN_AT.lastIndex = pos;
    // Always a match: `\S` takes any character that is not a space.
    const next = TOKEN_AT.test(slice) ? TOKEN_AT.lastIndex : pos + 1;
    const raw = slice.slice(pos, next);
    const s = start + pos;
    pos = next;
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
