/**
 * Write access: token parsing, loopback detection and constant-time matching.
 */
import { describe, expect, it } from "vitest";
import { isLoopbackAddress, matchToken, parseAdminTokens } from "../../../server/http/access.js";

describe("access #loopback", () => {
  const samples: [string | undefined, boolean][] = [
    ["127.0.0.1", true],
    ["127.9.8.7", true],
    ["::1", true],
    ["::ffff:127.0.0.1", true],
    ["10.0.0.5", false],
    ["192.168.1.2", false],
    ["::ffff:203.0.113.9", false],
    ["fe80::1", false],
    ["", false],
    [undefined, false],
  ];
  for (const [address, expected] of samples) {
    it(`should ${expected ? "" : "not "}treat ${String(address)} as this machine`, () => {
      expect(isLoopbackAddress(address)).toBe(expected);
    });
  }
});

describe("access #tokens", () => {
  it("should read one bare token as the admin label", () => {
    expect(parseAdminTokens("s3cret-value")).toEqual([{ label: "admin", token: "s3cret-value" }]);
  });

  it("should read labelled tokens separated by commas", () => {
    expect(parseAdminTokens("desk:aaa111, editor:bbb222")).toEqual([
      { label: "desk", token: "aaa111" },
      { label: "editor", token: "bbb222" },
    ]);
  });

  it("should have no tokens when unset", () => {
    expect(parseAdminTokens(undefined)).toEqual([]);
    expect(parseAdminTokens("")).toEqual([]);
  });

  it("should match only the exact token and say whose it is", () => {
    const tokens = parseAdminTokens("desk:aaa111,editor:bbb222");
    expect(matchToken(tokens, "bbb222")?.label).toBe("editor");
    expect(matchToken(tokens, "bbb22")).toBeNull();
    expect(matchToken(tokens, "bbb2222")).toBeNull();
    expect(matchToken(tokens, "")).toBeNull();
  });
});
