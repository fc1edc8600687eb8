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

/** Splits `text.slice(start, end)` into tokens whose offsets are absolute. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(slice))) {
    const raw = m[0];
    const s = start + m.index;
    const isWord = /^[\p{L}\p{M}]/u.test(raw);
    const type: TokenType = isWord ? "word" : /^\d/.test(raw) ? "num" : "punct";
    let base = raw;
    let poss = false;
    if (isWord) {
      if (/['’`]s$/i.test(raw) && raw.length > 2) {
        base = raw.slice(0, -2);
        poss = true;
      } else if (/['’`]$/.test(raw)) {
        base = raw.slice(0, -1);
      }
    }
    const lower = base.toLowerCase().replace(/[’`]/g, "'");
    const cap = isWord && (/^\p{Lu}/u.test(raw) || /^(al|el|bin|ibn|bint|abu|ben)-\p{Lu}/u.test(raw));
    out.push({ text: raw, start: s, end: s + raw.length, type, lower, base, baseEnd: s + base.length, cap, poss });
  }
  return out;
}
