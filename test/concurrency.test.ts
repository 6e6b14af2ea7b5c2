import { describe, expect, it } from "vitest";
import { mapConcurrently } from "../src/concurrency.js";

describe("mapConcurrently", () => {
  it("keeps the items' order and never runs more than the limit at once", async () => {
    let running = 0;
    let most = 0;
    const results = await mapConcurrently([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, n * 3));
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });

  it("lets running calls settle, starts no new ones, then throws the first error", async () => {
    const started: number[] = [];
    const run = mapConcurrently([1, 2, 3, 4], 2, async (n) => {
      started.push(n);
      if (n === 1) throw new Error("one");
      await new Promise((resolve) => setTimeout(resolve, 5));
      return n;
    });
    await expect(run).rejects.toThrow("one");
    expect(started).toEqual([1, 2]);
  });
});
