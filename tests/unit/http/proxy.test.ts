/**
 * Trusted proxies: what PARLEY_TRUST_PROXY accepts, and which requests count as forwarded.
 */
import { describe, expect, it } from "vitest";
import { isForwarded, parseTrustProxy } from "../../../server/http/proxy.js";

describe("proxy #parseTrustProxy", () => {
  const accepted: [string | undefined, unknown][] = [
    [undefined, false],
    ["", false],
    ["false", false],
    ["0", false],
    ["1", 1],
    ["2", 2],
    ["loopback", ["loopback"]],
    ["10.0.0.0/8, 192.0.2.7", ["10.0.0.0/8", "192.0.2.7"]],
    ["loopback,uniquelocal,fd00::/8", ["loopback", "uniquelocal", "fd00::/8"]],
  ];
  for (const [value, expected] of accepted) {
    it(`should read ${JSON.stringify(value)} as ${JSON.stringify(expected)}`, () => {
      expect(parseTrustProxy(value)).toEqual({ ok: true, value: expected });
    });
  }

  // `true` trusts every hop, so any client could pick its own address (and its own rate budget).
  for (const value of ["true", "yes", "10.0.0.0/33", "proxy.example", "1.2.3", "-1", "99", "loopback,,nope"]) {
    it(`should refuse ${JSON.stringify(value)} with a message that says what to give`, () => {
      const parsed = parseTrustProxy(value);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/hop count|give the count/);
    });
  }
});

describe("proxy #isForwarded", () => {
  it("should see each forwarding header, whatever its value", () => {
    expect(isForwarded({ "x-forwarded-for": "198.51.100.1" })).toBe(true);
    expect(isForwarded({ forwarded: "for=198.51.100.1" })).toBe(true);
    expect(isForwarded({ "x-real-ip": "" })).toBe(true);
  });

  it("should not count ordinary headers", () => {
    expect(isForwarded({ host: "127.0.0.1:3000", "user-agent": "curl/8" })).toBe(false);
  });
});
