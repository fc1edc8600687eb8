/**
 * Test helpers: a news site of the tests' own
 * ===========================================
 *
 * A local HTTP server with article pages and feeds, for the fetching, ingest and dialog tests. Every article text is
 * written for these tests (invented officials of invented countries meeting in real capitals), and each page wears
 * the furniture of a real news site around it (navigation, share buttons, a cookie banner, related stories, a
 * footer), with its metadata in one of the forms pages use: Open Graph `article:published_time`, JSON-LD
 * `datePublished`, a `<time>` element, or only the dateline in the text. The site also serves the awkward cases: a
 * redirect, a slow page, a huge page, a gzip bomb, a PDF, and feeds (RSS and Atom).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";

/** One invented report. */
export interface NewsStory {
  slug: string;
  headline: string;
  publisher: string;
  /** ISO date of publication (the page states it in the form `metadata` says). */
  published: string;
  /** Where the page states its date. */
  metadata: "open-graph" | "json-ld" | "time" | "dateline";
  paragraphs: string[];
}

const OFFICIALS = [
  ["Veloria", "Talia Morcant"],
  ["Ostrelia", "Jonas Pellarin"],
  ["Karvonia", "Mirela Dastany"],
  ["Lutheria", "Oskar Vennholt"],
  ["Santemar", "Ines Corbalay"],
  ["Drevnia", "Pavel Ostrakin"],
  ["Quessary", "Hanna Lindqvar"],
  ["Morvane", "Teodor Asselin"],
] as const;
const CAPITALS = ["Vienna", "Geneva", "Oslo", "Nairobi", "Lisbon", "Helsinki", "Ottawa", "Canberra", "Santiago"];
const TOPICS = ["water sharing", "grain exports", "a new rail link", "fishing rights", "border crossings", "energy"];
const METADATA_FORMS: NewsStory["metadata"][] = ["open-graph", "json-ld", "time", "dateline"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/**
 * The n-th invented story: two foreign ministers meet in a capital on a stated weekday (the day before publication),
 * and talk about a topic. Different n give different people, places, dates and wording.
 */
export function inventedStory(n: number): NewsStory {
  const [countryA, personA] = OFFICIALS[n % OFFICIALS.length]!;
  // The second minister is never the first: an offset from 1 to 7, varying with n so pairs change.
  const offset = 1 + (Math.floor(n / OFFICIALS.length) % (OFFICIALS.length - 1));
  const [countryB, personB] = OFFICIALS[(n + offset) % OFFICIALS.length]!;
  const city = CAPITALS[n % CAPITALS.length]!;
  const topic = TOPICS[n % TOPICS.length]!;
  const day = new Date(Date.UTC(2025, 0, 6 + n * 3));
  const published = day.toISOString().slice(0, 10);
  const meetingDay = WEEKDAYS[(day.getUTCDay() + 6) % 7]!;
  const surname = (p: string) => p.split(" ").pop()!;
  return {
    slug: `story-${n}`,
    headline: `${countryA} and ${countryB} ministers discuss ${topic} in ${city}`,
    publisher: "The Parley Test Gazette",
    published,
    metadata: METADATA_FORMS[n % METADATA_FORMS.length]!,
    paragraphs: [
      `${city.toUpperCase()} - The Foreign Minister of ${countryA}, ${personA}, met the Foreign Minister of ${countryB}, ${personB}, in ${city} on ${meetingDay} to discuss ${topic}.`,
      `${surname(personA)} told reporters that the talks had been frank and useful. ${surname(personB)} said the two governments would meet again before the summer.`,
      `Officials from both delegations described the meeting as the first of its kind in several years, and said a joint statement on ${topic} was being drafted.`,
    ],
  };
}

/** The page of a story, furniture and all. `canonical` is written as given (a test may point it elsewhere). */
export function storyPage(story: NewsStory, options: { canonical?: string } = {}): string {
  const head: string[] = [
    `<meta charset="utf-8">`,
    `<title>${story.headline} | ${story.publisher}</title>`,
    `<meta property="og:title" content="${story.headline}">`,
    `<meta property="og:site_name" content="${story.publisher}">`,
    `<meta name="viewport" content="width=device-width">`,
  ];
  if (options.canonical) head.push(`<link rel="canonical" href="${options.canonical}">`);
  if (story.metadata === "open-graph") {
    head.push(`<meta property="article:published_time" content="${story.published}T09:30:00Z">`);
  }
  if (story.metadata === "json-ld") {
    head.push(
      `<script type="application/ld+json">${JSON.stringify({
        "@context": "https://schema.org",
        "@graph": [
          { "@type": "WebSite", name: story.publisher },
          {
            "@type": "NewsArticle",
            headline: story.headline,
            datePublished: `${story.published}T07:15:00+00:00`,
            publisher: { "@type": "Organization", name: story.publisher },
          },
        ],
      })}</script>`,
    );
  }
  const dateLine =
    story.metadata === "time"
      ? `<p class="meta">By Staff Reporter · <time datetime="${story.published}T12:00:00Z">${story.published}</time></p>`
      : `<p class="meta">By Staff Reporter</p>`;
  // The dateline-only form states the date in the text's first line, as wires do.
  const written = new Date(`${story.published}T00:00:00Z`).toLocaleDateString("en-US", {
    month: "long",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });
  const paragraphs =
    story.metadata === "dateline"
      ? [story.paragraphs[0]!.replace(" - ", `, ${written} - `), ...story.paragraphs.slice(1)]
      : story.paragraphs;
  return `<!doctype html>
<html lang="en"><head>${head.join("\n")}</head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience on our site. By continuing you accept our cookie policy.</p><button>Accept all cookies</button><button>Manage preferences</button></div>
<header class="site-header"><a href="/" class="logo">${story.publisher}</a>
<nav class="main-nav"><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main>
<article class="story">
<h1>${story.headline}</h1>
${dateLine}
<div class="share-tools"><a href="#share-fb">Share on Facebook</a> <a href="#share-x">Share on X</a> <a href="#email">Email this story</a> <button>Copy link</button></div>
<div class="story-body">
${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}
</div>
<div class="share-tools bottom"><a href="#share-fb">Share</a> <a href="#share-x">Post</a></div>
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/world/harbour-strike">Harbour strike enters its second week as talks stall</a></li>
<li><a href="/business/bond-markets">Bond markets steady ahead of the central bank's decision</a></li>
<li><a href="/sport/cup-final">Cup final tickets sell out within an hour</a></li>
</ul></aside>
<aside class="newsletter"><p>Sign up to our morning briefing and get the day's top stories in your inbox.</p><button>Subscribe</button></aside>
</main>
<footer class="site-footer"><p>© 2025 ${story.publisher}. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms of use</a> <a href="/contact">Contact us</a></footer>
</body></html>`;
}

/** An RSS 2.0 feed whose items link to `links`. */
export function rssFeed(title: string, links: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${title}</title><link>http://example.invalid/</link><description>Test feed</description>
${links.map((link, i) => `<item><title>Story ${i + 1}</title><link>${link}</link><guid>${link}</guid></item>`).join("\n")}
</channel></rss>`;
}

/** An Atom feed whose entries link to `links`. */
export function atomFeed(title: string, links: string[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${title}</title><id>urn:test:feed</id><updated>2025-01-01T00:00:00Z</updated>
${links.map((link, i) => `<entry><title>Entry ${i + 1}</title><id>${link}</id><updated>2025-01-01T00:00:00Z</updated><link rel="alternate" type="text/html" href="${link.replace(/&/g, "&amp;")}"/></entry>`).join("\n")}
</feed>`;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A running test site: its base URL, its routes (add more), the requests it saw, and close(). */
export interface NewsSite {
  base: string;
  server: Server;
  routes: Map<string, Handler>;
  /** Every request's path and User-Agent, in order. */
  requests: { path: string; userAgent: string }[];
  /** Adds an HTML page at `path`. */
  page(path: string, html: string): void;
  close(): Promise<void>;
}

/** Starts the site on 127.0.0.1 with its standing awkward pages; stories are added by the test. */
export async function startNewsSite(): Promise<NewsSite> {
  const routes = new Map<string, Handler>();
  const requests: NewsSite["requests"] = [];
  const sockets = new Set<import("node:net").Socket>();
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    requests.push({ path, userAgent: String(req.headers["user-agent"] ?? "") });
    const handler = routes.get(path);
    if (handler) return handler(req, res);
    res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const html = (body: string) => (_req: IncomingMessage, res: ServerResponse) =>
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);

  routes.set("/moved", (_req, res) => res.writeHead(301, { location: "/news/story-0" }).end());
  routes.set("/loop", (_req, res) => res.writeHead(302, { location: "/loop" }).end());
  routes.set("/to-file", (_req, res) => res.writeHead(302, { location: "file:///etc/passwd" }).end());
  routes.set("/slow", (_req, res) => {
    // Sends the head, then never finishes the body: only the deadline ends it.
    res.writeHead(200, { "content-type": "text/html" });
    res.write("<html><body><p>Loading");
  });
  routes.set("/huge", (_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    const chunk = `<p>${"filler text ".repeat(800)}</p>\n`;
    let sent = 0;
    const pump = () => {
      while (sent < 3_000 && res.write(chunk)) sent++;
      if (sent < 3_000) res.once("drain", pump);
      else res.end("</body></html>");
    };
    res.write("<html><body>");
    pump();
  });
  const bomb = gzipSync(Buffer.alloc(50_000_000, 0x20));
  routes.set("/bomb", (_req, res) =>
    res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(bomb),
  );
  routes.set("/report.pdf", (_req, res) =>
    res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.4 not really"),
  );

  return {
    base,
    server,
    routes,
    requests,
    page: (path, body) => routes.set(path, html(body)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
