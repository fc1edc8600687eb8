/**
 * Staging concurrency tests
 * =========================
 *
 * A staged import writes the chunks of a step in a few transactions at once. When one fails, the import is rolled
 * back by deleting what was staged; that must wait for the transactions still writing, or they would leave staged
 * nodes behind the rollback.
 */
import { describe, expect, it } from "vitest";
import { forEachConcurrently } from "../../../server/modules/ingest/import.staged.js";

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("ingest #staged-import concurrency", () => {
  it("should run at most the given number of chunks at once, and every chunk once", async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await forEachConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(item);
      running--;
    });
    expect(most).toBe(3);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("should report a failure only after the chunks still writing have finished, and start no new one", async () => {
    const chunks = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    let settled = false;
    const run = forEachConcurrently([0, 1, 2], 2, async (i) => {
      started.push(i);
      await chunks[i]!.promise;
    }).finally(() => {
      settled = true;
    });
    chunks[0]!.reject(new Error("transaction failed"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Chunk 1 is still writing: the caller must not roll back yet.
    expect(settled).toBe(false);
    chunks[1]!.resolve();
    await expect(run).rejects.toThrow("transaction failed");
    expect(started).toEqual([0, 1]);
  });
});
