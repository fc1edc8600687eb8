/**
 * Feeds
 * =====
 *
 * RSS (0.9x, 1.0/RDF, 2.0) and Atom → the links of their items, which the ingest then fetches one by one. The XML
 * is parsed with entity processing off and a document type declaration with an internal subset refused, so no
 * entity can be expanded (no "billion laughs", no external entity reading a file); the five predefined entities
 * and numeric references are decoded by hand in the few values read. A feed gives at most `maxItems` links.
 */
import { XMLParser } from "fast-xml-parser";
import { parseFetchableUrl } from "./news.fetch.js";
import { FeedError } from "../../../errors.js";

export const DEFAULT_MAX_FEED_ITEMS = 200;
/** Minutes between two looks at a watched feed (news.watch.ts). */
export const DEFAULT_WATCH_INTERVAL_MINUTES = 15;

export interface FeedItem {
  link: string;
  title: string | null;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
  /** Items beyond the cap, left out. */
  leftOut: number;
  /** Items without a usable http(s) link. */
  withoutLink: number;
}

/** True when a text looks like an RSS or Atom document rather than a web page. */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2_000).replace(/^\uFEFF/, "");
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<\?xml-stylesheet[^>]*>\s*)*<(rss|feed|rdf:RDF)\b/i.test(head);
}

const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes the predefined XML entities and numeric references; any other entity stays as written. */
export function decodeXmlText(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref.toLowerCase()] ?? whole;
  });
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === "item" || name === "entry" || name === "link",
});

type XmlNode = Record<string, unknown>;

/** The text of an element as the parser gives it (a string, or an object with `#text`). */
function textOf(value: unknown): string | null {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === "string") return decodeXmlText(value).trim() || null;
  if (value && typeof value === "object" && "#text" in value) return textOf((value as XmlNode)["#text"]);
  return null;
}

/** Reads a feed's item links (resolved against `feedUrl`, http(s) only, at most `maxItems`). */
export function readFeed(xml: string, feedUrl: string | null, maxItems = DEFAULT_MAX_FEED_ITEMS): Feed {
  if (/<!DOCTYPE[^>]*\[/i.test(xml)) {
    throw new FeedError("the feed declares its own entities (a DOCTYPE with an internal subset); it is not read.");
  }
  let root: XmlNode;
  try {
    root = parser.parse(xml.replace(/<!DOCTYPE[^>]*>/gi, "")) as XmlNode;
  } catch (error) {
    throw new FeedError(`the feed is not well-formed XML: ${(error as Error).message.split("\n")[0]}`);
  }
  const rss = root.rss as XmlNode | undefined;
  const rdf = root["rdf:RDF"] as XmlNode | undefined;
  const atom = root.feed as XmlNode | undefined;
  let title: string | null;
  let raw: { link: string | null; title: string | null }[];
  if (rss || rdf) {
    const channel = ((rss?.channel as XmlNode[] | XmlNode | undefined) ?? rdf?.channel) as XmlNode | undefined;
    title = textOf(channel?.title);
    const items = ((rss ? channel?.item : rdf?.item) ?? []) as XmlNode[];
    raw = items.map((item) => {
      const guid = item.guid as XmlNode | string | undefined;
      const permalink = guid && (typeof guid === "string" || guid["@_isPermaLink"] !== "false") ? textOf(guid) : null;
      return { link: textOf(item.link) ?? permalink, title: textOf(item.title) };
    });
  } else if (atom) {
    title = textOf(atom.title);
    raw = ((atom.entry ?? []) as XmlNode[]).map((entry) => {
      const links = (entry.link ?? []) as XmlNode[];
      const alternate =
        links.find((l) => (l["@_rel"] ?? "alternate") === "alternate" && l["@_href"]) ?? links.find((l) => l["@_href"]);
      return {
        link: alternate ? decodeXmlText(String(alternate["@_href"])) : null,
        title: textOf(entry.title),
      };
    });
  } else {
    throw new FeedError("this XML is neither an RSS nor an Atom feed.");
  }

  const items: FeedItem[] = [];
  const seen = new Set<string>();
  let withoutLink = 0;
  for (const r of raw) {
    try {
      if (!r.link) throw new Error("no link");
      const link = parseFetchableUrl(new URL(r.link, feedUrl ?? undefined).href).href;
      if (seen.has(link)) continue;
      seen.add(link);
      items.push({ link, title: r.title });
    } catch {
      withoutLink++;
    }
  }
  return { title, items: items.slice(0, maxItems), leftOut: Math.max(0, items.length - maxItems), withoutLink };
}

/**
 * Reads a list of feed URLs (PARLEY_FEEDS, the watch command's arguments): separated by spaces, commas or newlines,
 * each an http(s) URL. Throws an Error naming the first one that is not.
 */
export function parseFeedList(text: string): string[] {
  const feeds = text
    .split(/[\s,]+/)
    .map((f) => f.trim())
    .filter(Boolean);
  for (const feed of feeds) {
    try {
      parseFetchableUrl(feed);
    } catch (error) {
      throw new Error(
        `"${feed}" is not a feed URL (${error instanceof Error ? error.message : String(error)}); watched feeds are http(s) URLs (a feed file is read once with npm run ingest).`,
        { cause: error },
      );
    }
  }
  return [...new Set(feeds)];
}
