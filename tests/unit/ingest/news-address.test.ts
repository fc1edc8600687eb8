/**
 * Addresses a fetch may reach
 * ===========================
 *
 * Every notation of a loopback, private, link-local or unspecified address is refused; public addresses pass. The
 * samples are the classic SSRF spellings (decimal, octal, hex, short forms, IPv4 inside IPv6).
 */
import { describe, expect, it } from "vitest";
import {
  isAddressLiteral,
  parseIPv4,
  parseIPv6,
  refusedAddress,
} from "../../../server/modules/ingest/news/news.address.js";
import { FetchError } from "../../../server/errors.js";
import { parseFetchableUrl } from "../../../server/modules/ingest/news/news.fetch.js";

describe("news #address", () => {
  it("should read every IPv4 notation inet_aton accepts", () => {
    const loopback = 0x7f000001;
    for (const text of ["127.0.0.1", "2130706433", "0x7f000001", "017700000001", "0177.0.0.1", "0x7f.0.0.1", "127.1"]) {
      expect(parseIPv4(text), text).toBe(loopback);
    }
    expect(parseIPv4("127.0.1")).toBe(0x7f000001);
    expect(parseIPv4("256.0.0.1")).toBeNull();
    expect(parseIPv4("1.2.3.4.5")).toBeNull();
    expect(parseIPv4("example.org")).toBeNull();
    expect(parseIPv4("0x")).toBe(0);
  });

  it("should read IPv6 with ::, brackets, zones and an embedded dotted quad", () => {
    expect(parseIPv6("::1")).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6("[::ffff:127.0.0.1]")).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
    expect(parseIPv6("::ffff:7f00:1")).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
    expect(parseIPv6("fe80::1%eth0")).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6("2001:db8::")).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0]);
    expect(parseIPv6("not:an:address")).toBeNull();
  });

  // [notation, what it is]: each must be refused.
  const refused: [string, RegExp][] = [
    ["127.0.0.1", /loopback/],
    ["127.255.255.254", /loopback/],
    ["2130706433", /loopback/],
    ["0x7f.0.0.1", /loopback/],
    ["0177.0.0.01", /loopback/],
    ["127.1", /loopback/],
    ["0.0.0.0", /unspecified/],
    ["0", /unspecified/],
    ["10.1.2.3", /private/],
    ["012.1.2.3", /private/],
    ["172.16.0.1", /private/],
    ["172.31.255.255", /private/],
    ["192.168.1.1", /private/],
    ["3232235777", /private/],
    ["169.254.169.254", /link-local/],
    ["100.64.0.1", /shared/],
    ["224.0.0.1", /multicast/],
    ["255.255.255.255", /reserved/],
    ["::1", /loopback/],
    ["[::1]", /loopback/],
    ["0:0:0:0:0:0:0:1", /loopback/],
    ["::", /unspecified/],
    ["::ffff:127.0.0.1", /loopback.*IPv6/],
    ["[::ffff:7f00:1]", /loopback.*IPv6/],
    ["::ffff:10.0.0.1", /private/],
    ["::ffff:a9fe:a9fe", /link-local/],
    ["::127.0.0.1", /loopback/],
    ["::ffff:0.0.0.0", /unspecified/],
    ["64:ff9b::7f00:1", /loopback.*NAT64/],
    ["2002:7f00:1::", /loopback.*6to4/],
    ["fc00::1", /unique local/],
    ["fd12:3456::1", /unique local/],
    ["fe80::1", /link-local/],
    ["fe80::1%lo", /link-local/],
    ["fec0::1", /site-local/],
    ["ff02::1", /multicast/],
  ];
  it.each(refused)("should refuse %s", (text, why) => {
    expect(refusedAddress(text)).toMatch(why);
  });

  it("should let public addresses and names through (names are checked once resolved)", () => {
    for (const text of ["93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"]) {
      expect(refusedAddress(text), text).toBeNull();
    }
    expect(refusedAddress("news.example.org")).toBeNull();
    expect(isAddressLiteral("news.example.org")).toBe(false);
    expect(isAddressLiteral("2130706433")).toBe(true);
    expect(isAddressLiteral("[::1]")).toBe(true);
  });

  it("should see the address through the URL parser's normalisation, as the fetcher does", () => {
    // WHATWG URL turns numeric hosts into dotted quads and IPv4-in-IPv6 into hex groups; both stay refused.
    for (const url of [
      "http://2130706433/",
      "http://0x7f.1/",
      "http://017700000001/",
      "http://[::ffff:127.0.0.1]/",
      "http://0.0.0.0:8080/",
      "http://[::]/",
    ]) {
      expect(refusedAddress(new URL(url).hostname), url).not.toBeNull();
    }
  });

  it("should accept only http(s) URLs without credentials", () => {
    expect(parseFetchableUrl("https://news.example.org/a#top").href).toBe("https://news.example.org/a");
    for (const [url, why] of [
      ["javascript:alert(1)", /javascript: URLs are not fetched/],
      ["file:///etc/passwd", /file: URLs are not fetched/],
      ["ftp://example.org/x", /ftp: URLs are not fetched/],
      ["https://user:secret@example.org/", /user name or password/],
      ["not a url", /is not a URL/],
    ] as const) {
      const error = (() => {
        try {
          parseFetchableUrl(url);
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error, url).toBeInstanceOf(FetchError);
      expect((error as FetchError).failure).toBe("bad-url");
      expect((error as FetchError).message).toMatch(why);
    }
  });
});
