// Article header: the optional leading `key: value` lines ended by a blank line.
// Keeps the offset where the body starts so evidence offsets stay those of the file as read.

export interface Header {
  /** Lower-case keys → values as written (trimmed). */
  fields: Record<string, string>;
  /** Offset of the first character after the header (0 when there is none). */
  bodyStart: number;
}

const HEADER_LINE = /^([a-z][a-z0-9_-]{0,30}):[ \t]*(.*?)[ \t]*$/;

/**
 * Parses leading `key: value` lines. Keys must be lower case, so a dateline such as "BEIRUT: …" is not
 * mistaken for a header; the block counts only when a blank line (or the end of the text) closes it.
 */
export function parseHeader(text: string): Header {
  const fields: Record<string, string> = {};
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let count = 0;
  while (pos < text.length) {
    const nl = text.indexOf("\n", pos);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(pos, lineEnd).replace(/\r$/, "");
    if (line.trim() === "") {
      if (count > 0) return { fields, bodyStart: nl === -1 ? text.length : nl + 1 };
      return { fields: {}, bodyStart: 0 };
    }
    const m = HEADER_LINE.exec(line);
    if (!m) return { fields: {}, bodyStart: 0 };
    fields[m[1]] = m[2];
    count++;
    pos = nl === -1 ? text.length : nl + 1;
  }
  return count > 0 ? { fields, bodyStart: text.length } : { fields: {}, bodyStart: 0 };
}

/** Publication date of a header value: "YYYY-MM-DD" (also a leading ISO timestamp), else null ("unknown"). */
export function headerDate(value: string | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCDate() === +m[3] ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
