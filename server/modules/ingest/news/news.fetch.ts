/**
 * Safe fetching
 * =============
 *
 * The one way Parley fetches a page or a feed for a user: `http`/`https` only, a deadline for the whole fetch
 * (redirects and body included), a cap on the body *after* decompression (a 1 MB gzip bomb can inflate to gigabytes),
 * at most a few redirects with every hop checked again, the content type checked before the body is read, a polite
 * User-Agent that names Parley, and a per-host budget so a batch does not hammer one site. Requests never reach
 * loopback, private, link-local or unspecified addresses (news.address.ts): an address written in the URL is checked
 * before connecting, and a name is checked by the `lookup` the socket itself uses, so the address checked is the
 * address connected to (no DNS rebinding between a check and the connection). `PARLEY_FETCH_ALLOW_PRIVATE=1` lifts
 * the address rule (tests serve their pages from 127.0.0.1).
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { type Readable, Writable } from "node:stream";
import zlib from "node:zlib";
import { refusedAddress } from "./news.address.js";
import { FetchError, BlockedLookupError } from "../../../errors.js";

/* ----------------------------------------------------------------------------------------------------------------
 * Types
 * -------------------------------------------------------------------------------------------------------------- */

/** What a fetch returns: the final URL (after redirects), the media type and the decoded text. */
export interface Fetched {
  /** The URL asked for. */
  requestedUrl: string;
  /** The URL the body came from, after redirects. */
  url: string;
  status: number;
  /** The media type without parameters, lower case ("text/html"). */
  contentType: string;
  text: string;
  /** Decompressed body size in bytes. */
  bytes: number;
  /** The validators a later conditional request sends back (`ETag`, `Last-Modified`), when the server gave them. */
  validators: Validators;
}

/** What a conditional request sends back: the server answers 304 Not Modified when nothing changed. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** Media types a caller accepts, by what it will parse. */
export const CONTENT_TYPES = {
  html: ["text/html", "application/xhtml+xml"],
  feed: ["application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml"],
} as const;
export type ContentKind = keyof typeof CONTENT_TYPES;

export interface FetcherOptions {
  /** Allow loopback, private and link-local addresses (PARLEY_FETCH_ALLOW_PRIVATE; tests). */
  allowPrivate: boolean;
  /** Deadline for one fetch, redirects and body included. */
  timeoutMs: number;
  /** Largest body after decompression. */
  maxBytes: number;
  /** Redirects followed before giving up. */
  maxRedirects: number;
  /** Requests per host and minute (also the burst). */
  perHostPerMinute: number;
  /** Past the per-host budget: wait for it (a batch) or fail at once (a server request). */
  whenHostBusy: "wait" | "fail";
  userAgent: string;
}

export const PARLEY_USER_AGENT =
  "Parley/0.1 (diplomatic news reader; fetches one page per request, respects per-host limits)";

export const DEFAULT_FETCHER_OPTIONS: FetcherOptions = {
  allowPrivate: false,
  timeoutMs: 15_000,
  maxBytes: 5_000_000,
  maxRedirects: 5,
  perHostPerMinute: 120,
  whenHostBusy: "wait",
  userAgent: PARLEY_USER_AGENT,
};

export interface Fetcher {
  /**
   * Fetches `url`, accepting the media types of `kinds`; throws FetchError. With `validators` (from an earlier
   * answer) the request is conditional, and an unchanged resource resolves with status 304 and no text.
   */
  fetch(url: string, kinds: readonly ContentKind[], validators?: Validators): Promise<Fetched>;
  /** Closes idle keep-alive connections. */
  close(): void;
}

/* ----------------------------------------------------------------------------------------------------------------
 * URL and address checks
 * -------------------------------------------------------------------------------------------------------------- */

/**
 * Parses a URL that may be fetched and stored as a link: absolute, `http` or `https`, no user name or password.
 * Throws FetchError("bad-url") naming what is wrong.
 */
export function parseFetchableUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new FetchError(text, "bad-url", `"${text.slice(0, 200)}" is not a URL; give an http:// or https:// address.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError(
      text,
      "bad-url",
      `${url.protocol.replace(/:$/, "")}: URLs are not fetched; only http:// and https:// pages and feeds are.`,
    );
  }
  if (url.username || url.password) {
    throw new FetchError(text, "bad-url", `${url.host}: a URL with a user name or password is not fetched.`);
  }
  url.hash = "";
  return url;
}

/** Refuses an address written in the URL (names are checked when resolved). */
function checkLiteralHost(url: URL, allowPrivate: boolean): void {
  if (allowPrivate) return;
  // WHATWG URL parsing already turned 0x7f.1, 2130706433 and friends into dotted quads; IPv6 keeps its brackets.
  const why = refusedAddress(url.hostname);
  if (why) throw blocked(url.href, url.hostname, why);
}

function blocked(url: string, address: string, why: string): FetchError {
  return new FetchError(
    url,
    "blocked-address",
    `${new URL(url).host} is ${why} (${address}); Parley does not fetch from this machine or its network ` +
      `(PARLEY_FETCH_ALLOW_PRIVATE=1 allows it, for tests).`,
  );
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for sockets that resolves the name and keeps only permitted addresses: the socket connects to what
 * this returns, so the check and the connection cannot disagree.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as LookupAddress[];
      const allowed = allowPrivate ? list : list.filter((a) => refusedAddress(a.address) === null);
      if (allowed.length === 0) {
        const first = list[0];
        const why = first ? (refusedAddress(first.address) ?? "not reachable") : "not resolvable";
        return callback(new BlockedLookupError(first?.address ?? hostname, why) as NodeJS.ErrnoException, []);
      }
      if (options.all) return callback(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}

/* ----------------------------------------------------------------------------------------------------------------
 * Per-host budget
 * -------------------------------------------------------------------------------------------------------------- */

/** A token bucket per host: `perMinute` requests a minute, bursting to as many. */
class HostBudget {
  private readonly buckets = new Map<string, { tokens: number; updated: number }>();
  constructor(private readonly perMinute: number) {}

  /** Milliseconds to wait before a request to `host` may go (0: now), taking its token when it is 0. */
  take(host: string): number {
    const now = Date.now();
    const bucket = this.buckets.get(host) ?? { tokens: this.perMinute, updated: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((now - bucket.updated) * this.perMinute) / 60_000);
    bucket.updated = now;
    this.buckets.set(host, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) * 60_000) / this.perMinute);
  }
}

/* ----------------------------------------------------------------------------------------------------------------
 * Fetcher
 * -------------------------------------------------------------------------------------------------------------- */

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Builds a fetcher with its own keep-alive agents and host budget. */
export function createFetcher(overrides: Partial<FetcherOptions> = {}): Fetcher {
  const options = { ...DEFAULT_FETCHER_OPTIONS, ...overrides };
  const lookup = guardedLookup(options.allowPrivate);
  const agents = {
    "http:": new http.Agent({ keepAlive: true, maxSockets: 8, lookup } as http.AgentOptions),
    "https:": new https.Agent({ keepAlive: true, maxSockets: 8, lookup } as https.AgentOptions),
  };
  const budget = new HostBudget(options.perHostPerMinute);

  async function waitForHost(url: URL): Promise<void> {
    for (;;) {
      const wait = budget.take(url.host);
      if (wait === 0) return;
      if (options.whenHostBusy === "fail") {
        throw new FetchError(
          url.href,
          "host-budget",
          `${url.host}: more than ${options.perHostPerMinute} requests a minute to one site; try again in ${Math.ceil(wait / 1000)} s.`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  async function fetchUrl(requested: string, kinds: readonly ContentKind[], validators?: Validators): Promise<Fetched> {
    const accepted = new Set<string>(kinds.flatMap((k) => CONTENT_TYPES[k]));
    const deadline = Date.now() + options.timeoutMs;
    let url = parseFetchableUrl(requested);
    for (let hop = 0; ; hop++) {
      checkLiteralHost(url, options.allowPrivate);
      await waitForHost(url);
      const response = await get(url, deadline, validators);
      const location = response.headers.location;
      if (REDIRECTS.has(response.statusCode ?? 0) && location) {
        response.destroy();
        if (hop >= options.maxRedirects) {
          throw new FetchError(
            requested,
            "too-many-redirects",
            `${requested}: more than ${options.maxRedirects} redirects; open it in a browser to see where it leads.`,
          );
        }
        // Every hop is a new URL to check: its scheme here, its address at the next connection.
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new FetchError(requested, "bad-url", `${url.href} redirects to "${location}", which is not a URL.`);
        }
        url = parseFetchableUrl(next.href);
        continue;
      }
      const status = response.statusCode ?? 0;
      if (status === 304 && validators) {
        response.resume();
        return {
          requestedUrl: requested,
          url: url.href,
          status,
          contentType: "",
          text: "",
          bytes: 0,
          validators: validatorsOf(response, validators),
        };
      }
      if (status < 200 || status > 299) {
        response.destroy();
        throw new FetchError(
          requested,
          "http-status",
          `${url.href}: the server answered ${status} ${response.statusMessage ?? ""}`.trimEnd() + ".",
        );
      }
      const contentType = (response.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
      if (!accepted.has(contentType)) {
        response.destroy();
        throw new FetchError(
          requested,
          "bad-content-type",
          `${url.href} is ${contentType || "of no stated type"}, not ${kinds.map((k) => (k === "html" ? "an HTML page" : "an RSS or Atom feed")).join(" or ")}.`,
        );
      }
      const body = await readBody(response, url.href, deadline);
      return {
        requestedUrl: requested,
        url: url.href,
        status,
        contentType,
        text: decodeBody(body, response.headers["content-type"] ?? "", contentType),
        bytes: body.length,
        validators: validatorsOf(response),
      };
    }
  }

  /** One request; resolves with the response head, rejects with a FetchError. */
  function get(url: URL, deadline: number, validators?: Validators, retried = false): Promise<IncomingMessage> {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return Promise.reject(timedOut(url.href));
    const protocol = url.protocol as "http:" | "https:";
    const request = (protocol === "https:" ? https : http).request;
    return new Promise((resolve, reject) => {
      const req = request(url, {
        method: "GET",
        agent: agents[protocol],
        headers: {
          "user-agent": options.userAgent,
          accept: "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9",
          "accept-encoding": "gzip, deflate, br",
          ...(validators?.etag ? { "if-none-match": validators.etag } : {}),
          ...(validators?.lastModified ? { "if-modified-since": validators.lastModified } : {}),
        },
      });
      const timer = setTimeout(() => req.destroy(timedOut(url.href)), remaining);
      req.once("response", (response) => {
        clearTimeout(timer);
        resolve(response);
      });
      req.once("error", (error) => {
        clearTimeout(timer);
        // A kept-alive connection the server closed while it sat idle: the request never reached it, so it is
        // sent again once on a new connection (the race Node's documentation describes for reused sockets).
        if (req.reusedSocket && (error as NodeJS.ErrnoException).code === "ECONNRESET" && !retried) {
          resolve(get(url, deadline, validators, true));
          return;
        }
        reject(asFetchError(error, url.href));
      });
      req.end();
    });
  }

  function timedOut(url: string) {
    return new FetchError(url, "timeout", `${url}: no complete answer within ${options.timeoutMs / 1000} s.`);
  }

  /** Reads the body through its decompressor, counting the decompressed bytes, until the deadline. */
  function readBody(response: IncomingMessage, url: string, deadline: number): Promise<Buffer> {
    const tooLarge = () =>
      new FetchError(
        url,
        "too-large",
        `${url}: the page is larger than ${Math.round(options.maxBytes / 1e5) / 10} MB (after decompression); Parley reads pages up to that size.`,
      );
    const declared = Number(response.headers["content-length"]);
    const encoding = String(response.headers["content-encoding"] ?? "identity").toLowerCase();
    if (encoding === "identity" && Number.isFinite(declared) && declared > options.maxBytes) {
      response.destroy();
      return Promise.reject(tooLarge());
    }
    let stream: Readable = response;
    if (encoding === "gzip" || encoding === "x-gzip") stream = response.pipe(zlib.createGunzip());
    else if (encoding === "deflate") stream = response.pipe(zlib.createInflate());
    else if (encoding === "br") stream = response.pipe(zlib.createBrotliDecompress());
    else if (encoding !== "identity") {
      response.destroy();
      return Promise.reject(new FetchError(url, "network", `${url}: unknown content encoding "${encoding}".`));
    }
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let settled = false;
      const fail = (error: FetchError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        response.destroy();
        if (stream !== response) stream.destroy();
        reject(error);
      };
      const timer = setTimeout(() => fail(timedOut(url)), Math.max(0, deadline - Date.now()));
      const counter = new Writable({
        write(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          if (size > options.maxBytes) return done(tooLarge());
          chunks.push(chunk);
          done();
        },
      });
      stream.on("error", (error) => fail(asFetchError(error, url)));
      response.on("error", (error) => fail(asFetchError(error, url)));
      response.on("aborted", () => fail(new FetchError(url, "network", `${url}: the connection closed mid-page.`)));
      counter.on("error", (error) => fail(asFetchError(error, url)));
      counter.on("finish", () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(Buffer.concat(chunks));
      });
      stream.pipe(counter);
    });
  }

  return {
    fetch: fetchUrl,
    close() {
      agents["http:"].destroy();
      agents["https:"].destroy();
    },
  };
}

/** The validators of an answer; a 304 that repeats none keeps the ones the request sent. */
function validatorsOf(response: IncomingMessage, sent: Validators = {}): Validators {
  const etag = response.headers.etag ?? sent.etag;
  const lastModified = response.headers["last-modified"] ?? sent.lastModified;
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

function asFetchError(error: unknown, url: string): FetchError {
  if (error instanceof FetchError) return error;
  if (error instanceof BlockedLookupError) return blocked(url, error.address, error.why);
  const e = error as NodeJS.ErrnoException;
  const what =
    e.code === "ENOTFOUND"
      ? "the host name does not resolve"
      : e.code === "ECONNREFUSED"
        ? "the connection was refused"
        : e.code === "ECONNRESET"
          ? "the connection was reset"
          : e.code?.startsWith("Z_")
            ? "the compressed body is corrupt"
            : e.message;
  return new FetchError(url, "network", `${url}: ${what}.`);
}

/** Decodes a body by its declared charset, else a `<meta charset>` in its first kilobyte (HTML), else UTF-8. */
export function decodeBody(body: Buffer, contentTypeHeader: string, mediaType: string): string {
  let charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentTypeHeader)?.[1];
  if (!charset && mediaType.includes("html")) {
    const head = body.subarray(0, 1024).toString("latin1");
    charset = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  }
  if (!charset && /xml/.test(mediaType)) {
    charset = /^<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(body.subarray(0, 200).toString("latin1"))?.[1];
  }
  try {
    return new TextDecoder(charset ?? "utf-8").decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body);
  }
}
