/**
 * Unit tests of the per-client token bucket in server/http/rate-limit.ts.
 */
import type { Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { TooManyRequestsError } from "../../../server/errors.js";
import { rateLimit } from "../../../server/http/rate-limit.js";

function call(handler: ReturnType<typeof rateLimit>, ip: string) {
  const headers: Record<string, string> = {};
  let error: unknown = null;
  handler(
    { ip } as Request,
    { setHeader: (k: string, v: string) => (headers[k] = v) } as unknown as Response,
    (e?: unknown) => {
      error = e ?? null;
    },
  );
  return { headers, error };
}

describe("http #rate-limit", () => {
  it("should allow a burst of perMinute, then answer 429 with Retry-After, then refill", () => {
    let now = 0;
    const limit = rateLimit({ perMinute: 60, now: () => now });
    for (let i = 0; i < 60; i++) expect(call(limit, "a").error).toBeNull();
    const refused = call(limit, "a");
    expect(refused.error).toBeInstanceOf(TooManyRequestsError);
    expect(Number(refused.headers["Retry-After"])).toBe(1);
    // Another client has its own budget.
    expect(call(limit, "b").error).toBeNull();
    now += 1_000;
    expect(call(limit, "a").error).toBeNull();
  });
});
