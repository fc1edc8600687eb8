/**
 * Safe fetching against a site of the test's own
 * ===============================================
 *
 * The fetcher follows a redirect, stops a slow page at its deadline, a huge page and a gzip bomb at the size limit
 * (counted after decompression), refuses what is not HTML, a redirect loop and a redirect to file:, names itself in
 * its User-Agent, keeps to its per-host budget, and refuses this machine's addresses unless allowed (both an address
 * in the URL and a name that resolves to one).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchError, type FetchFailure } from "../../server/errors.js";
import { type Fetcher, createFetcher } from "../../server/modules/ingest/news/news.fetch.js";
import { type NewsSite, inventedStory, startNewsSite, storyPage } from "../helpers/news-site.js";

async function failureOf(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  }
  throw new Error("expected the fetch to fail");
}

describe("news #fetch", () => {
  let site: NewsSite;
  let fetcher: Fetcher;
  beforeAll(async () => {
    site = await startNewsSite();
    site.page("/news/story-0", storyPage(inventedStory(0)));
    fetcher = createFetcher({ allowPrivate: true, timeoutMs: 1_500, maxBytes: 1_000_000 });
  });
  afterAll(async () => {
    fetcher?.close();
    await site?.close();
  });

  it("should follow a redirect and report the final URL, naming Parley in its User-Agent", async () => {
    const page = await fetcher.fetch(`${site.base}/moved`, ["html"]);
    expect(page.url).toBe(`${site.base}/news/story-0`);
    expect(page.requestedUrl).toBe(`${site.base}/moved`);
    expect(page.contentType).toBe("text/html");
    expect(page.text).toContain("Talia Morcant");
    const seen = site.requests.filter((r) => r.path === "/news/story-0").at(-1)!;
    expect(seen.userAgent).toMatch(/^Parley\//);
  });

  const failures: [string, string, FetchFailure, RegExp][] = [
    ["a slow page", "/slow", "timeout", /no complete answer within 1.5 s/],
    ["a huge page", "/huge", "too-large", /larger than 1 MB/],
    ["a gzip bomb", "/bomb", "too-large", /after decompression/],
    ["a PDF", "/report.pdf", "bad-content-type", /application\/pdf, not an HTML page/],
    ["a redirect loop", "/loop", "too-many-redirects", /more than 5 redirects/],
    ["a redirect to file:", "/to-file", "bad-url", /file: URLs are not fetched/],
    ["a missing page", "/nowhere", "http-status", /answered 404/],
  ];
  it.each(failures)("should refuse %s", async (_what, path, failure, message) => {
    const error = await failureOf(fetcher.fetch(`${site.base}${path}`, ["html"]));
    expect(error.failure).toBe(failure);
    expect(error.message).toMatch(message);
  });

  it("should still answer after the refusals (no connection left hanging)", async () => {
    await expect(fetcher.fetch(`${site.base}/news/story-0`, ["html"])).resolves.toMatchObject({ status: 200 });
  });

  it("should refuse this machine's addresses without the flag, in the URL and behind a name", async () => {
    const strict = createFetcher({ allowPrivate: false, timeoutMs: 1_500 });
    const port = new URL(site.base).port;
    const before = site.requests.length;
    try {
      for (const url of [
        `${site.base}/news/story-0`,
        `http://2130706433:${port}/news/story-0`,
        `http://0x7f.1:${port}/news/story-0`,
        `http://[::ffff:127.0.0.1]:${port}/news/story-0`,
        `http://0.0.0.0:${port}/news/story-0`,
        // A name: refused by the lookup the socket uses, so the address checked is the one connected to.
        `http://localhost:${port}/news/story-0`,
      ]) {
        const error = await failureOf(strict.fetch(url, ["html"]));
        expect(error.failure, url).toBe("blocked-address");
        expect(error.message, url).toMatch(/PARLEY_FETCH_ALLOW_PRIVATE/);
      }
      // Refused before connecting: the site never saw any of them.
      expect(site.requests.length).toBe(before);
    } finally {
      strict.close();
    }
  });

  it("should keep to its per-host budget", async () => {
    const polite = createFetcher({ allowPrivate: true, perHostPerMinute: 2, whenHostBusy: "fail" });
    try {
      await polite.fetch(`${site.base}/news/story-0`, ["html"]);
      await polite.fetch(`${site.base}/news/story-0`, ["html"]);
      const error = await failureOf(polite.fetch(`${site.base}/news/story-0`, ["html"]));
      expect(error.failure).toBe("host-budget");
      expect(error.message).toMatch(/more than 2 requests a minute/);
    } finally {
      polite.close();
    }
  });
});
