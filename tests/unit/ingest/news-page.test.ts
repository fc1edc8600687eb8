/**
 * Article pages and feeds
 * =======================
 *
 * What a page's HTML gives (text without furniture, title, publisher, canonical URL only on the fetched host, the
 * date from each form of metadata) and what a feed gives (links, entities decoded by hand, no DTD, a cap). Every
 * page and sentence is written for the test.
 */
import { describe, expect, it } from "vitest";
import { FeedError, NoArticleError } from "../../../server/errors.js";
import { looksLikeFeed, readFeed } from "../../../server/modules/ingest/news/news.feed.js";
import { articleText, datelineDate, readArticlePage } from "../../../server/modules/ingest/news/news.page.js";
import { atomFeed, inventedStory, rssFeed, storyPage } from "../../helpers/news-site.js";

describe("news #page", () => {
  it("should read each form of publication date and say which it was", () => {
    const forms = [0, 1, 2, 3].map((n) => inventedStory(n));
    expect(forms.map((s) => s.metadata)).toEqual(["open-graph", "json-ld", "time", "dateline"]);
    const read = forms.map((s) => readArticlePage(storyPage(s), "https://gazette.example/news/x"));
    expect(read.map((a) => a.published)).toEqual(forms.map((s) => s.published));
    expect(read.map((a) => a.publishedFrom)).toEqual([
      "article:published_time",
      "JSON-LD datePublished",
      "<time>",
      "dateline",
    ]);
  });

  it("should leave the page furniture out and keep the headline and publisher", () => {
    const story = inventedStory(5);
    const article = readArticlePage(storyPage(story), "https://gazette.example/news/5");
    expect(article.title).toBe(story.headline);
    expect(article.publisher).toBe(story.publisher);
    expect(article.paragraphs).toHaveLength(3);
    const text = articleText(article);
    expect(text).toMatch(/^source: The Parley Test Gazette\ndate: \d{4}-\d{2}-\d{2}\n\n/);
    expect(text).not.toMatch(/cookie|Share on|Related stories|Subscribe|Privacy|Politics/);
    // The URL is set on the stored article, not in the text: one page reached by two links is one text.
    expect(text).not.toContain("gazette.example");
  });

  it("should believe a canonical URL only on the host the page came from", () => {
    const story = inventedStory(0);
    const own = readArticlePage(storyPage(story, { canonical: "/news/clean" }), "https://gazette.example/news/x?utm=1");
    expect(own.url).toBe("https://gazette.example/news/clean");
    const foreign = readArticlePage(
      storyPage(story, { canonical: "https://other.example/stolen" }),
      "https://gazette.example/news/x",
    );
    expect(foreign.url).toBe("https://gazette.example/news/x");
    const script = readArticlePage(storyPage(story, { canonical: "javascript:alert(1)" }), "https://gazette.example/a");
    expect(script.url).toBe("https://gazette.example/a");
    // A saved file has no host to check against: its canonical link is the only link it has.
    expect(readArticlePage(storyPage(story, { canonical: "https://gazette.example/n/1" }), null).url).toBe(
      "https://gazette.example/n/1",
    );
  });

  it("should refuse a page without an article", () => {
    const home = `<html><head><title>Front page</title></head><body><nav><a href="/a">World</a></nav><p>Top stories</p></body></html>`;
    expect(() => readArticlePage(home, "https://gazette.example/")).toThrow(NoArticleError);
  });

  it("should read the date of a wire dateline in either order", () => {
    expect(datelineDate("VIENNA, March 4, 2025 - The talks began.")).toBe("2025-03-04");
    expect(datelineDate("NEW DELHI, 4 Mar. 2025 (Wire) - The talks began.")).toBe("2025-03-04");
    expect(datelineDate("Geneva, February 30, 2025 - Impossible day.")).toBeNull();
    expect(datelineDate("The ministers met on March 4, 2025 in Vienna.")).toBeNull();
  });
});

describe("news #feed", () => {
  const links = ["https://gazette.example/a?x=1&y=2", "https://gazette.example/b"];

  it("should read RSS and Atom links, decoding the predefined entities", () => {
    const rss = rssFeed(
      "World",
      links.map((l) => l.replace(/&/g, "&amp;")),
    );
    expect(looksLikeFeed(rss)).toBe(true);
    expect(readFeed(rss, null).items.map((i) => i.link)).toEqual(links);
    const atom = atomFeed("World", links);
    expect(readFeed(atom, null).items.map((i) => i.link)).toEqual(links);
    expect(looksLikeFeed("<!doctype html><html><body>Not a feed</body></html>")).toBe(false);
  });

  it("should never expand entities a feed declares", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss><channel><item><link>https://x.example/&b;</link></item></channel></rss>`;
    expect(() => readFeed(bomb, null)).toThrow(FeedError);
    expect(() => readFeed(bomb, null)).toThrow(/declares its own entities/);
    const external = `<?xml version="1.0"?><rss><channel><item><link>https://x.example/&ext;</link></item></channel></rss>`;
    expect(readFeed(external, null).items[0]!.link).toBe("https://x.example/&ext;");
  });

  it("should cap the items, resolve relative links and drop links that are not http(s)", () => {
    const many = rssFeed(
      "Many",
      Array.from({ length: 60 }, (_, i) => `https://gazette.example/${i}`),
    );
    const capped = readFeed(many, null, 50);
    expect(capped.items).toHaveLength(50);
    expect(capped.leftOut).toBe(10);
    const mixed = rssFeed("Mixed", ["/relative/story", "javascript:alert(1)", "file:///etc/passwd"]);
    const read = readFeed(mixed, "https://gazette.example/feeds/world.rss");
    expect(read.items.map((i) => i.link)).toEqual(["https://gazette.example/relative/story"]);
    expect(read.withoutLink).toBe(2);
  });
});
