/**
 * Article identity
 * ================
 *
 * The one definition of which article a text is. An article without an explicit id is named by a hash of its
 * normalised text, never by its file name: every pasted text used to be `pasted-article-1.txt`, so the second paste
 * replaced the first one's text and its events. The same text again is the same article (a no-op to import); an
 * edited text is a new article. Articles stored before this rule (named after their files) keep their ids: a text
 * whose hash matches one of them is that article.
 */
import { createHash } from "node:crypto";

/** The text as compared: Unicode NFC, LF line ends, no trailing spaces, no leading or trailing blank lines. */
export function normaliseArticleText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[^\S\n]+$/gm, "")
    .replace(/^\n+|\n+$/g, "");
}

/** SHA-256 (hex) of the exact text, as stored on the article (`sha256`). */
export function textSha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** 64 bits of the normalised text's hash: the key in the ids of an article and of what it reports. */
export function articleKeyOf(text: string): string {
  return textSha256(normaliseArticleText(text)).slice(0, 16);
}

/** How an article and the ids derived from it are named ("art-<key>", "evt-<key>-1", …). */
export interface ArticleIdentity {
  key: string;
  id: string;
}

/**
 * The identity of a text: the stored article with the same exact text (by `sha256`) when there is one, else the
 * hash of its normalised text.
 */
export function articleIdentityOf(text: string, knownIds: ReadonlyMap<string, string> = new Map()): ArticleIdentity {
  const known = knownIds.get(textSha256(text));
  if (known) return { id: known, key: known.replace(/^art-/, "") };
  const key = articleKeyOf(text);
  return { id: `art-${key}`, key };
}
