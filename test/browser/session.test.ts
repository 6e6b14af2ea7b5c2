import { existsSync } from "node:fs";
import type { Page } from "puppeteer";
import { describe, expect, it } from "vitest";
import { needsNoSandbox } from "../../src/browser/browser.js";
import { BrowserSession } from "../../src/browser/session.js";
import { tempDir } from "../helpers/temp.js";

describe("the browser of a run", () => {
  it("starts when first asked for, once for all, says so once, and goes with its profile on close", async () => {
    const notices: string[] = [];
    const session = new BrowserSession({ onNotice: (message) => notices.push(message) });
    expect(await session.started()).toBeUndefined();
    const [one, two] = await Promise.all([session.browser(), session.browser()]);
    expect(one).toBe(two);
    expect(await session.started()).toBe(one);
    expect(notices).toHaveLength(needsNoSandbox() ? 1 : 0);
    const profile = one.process()?.spawnargs.find((arg) => arg.startsWith("--user-data-dir="));
    const folder = profile?.slice("--user-data-dir=".length) as string;
    expect(existsSync(folder)).toBe(true);
    await session[Symbol.asyncDispose]();
    expect(one.connected).toBe(false);
    expect(existsSync(folder)).toBe(false);
  });

  it("lends its pages, and keeps for reuse only a page that was left in good order", async () => {
    await using session = new BrowserSession({});
    const folder = await tempDir("session");
    const lent: Page[] = [];
    const use = (reuse: boolean, fail = false) =>
      session
        .withPage(
          { folder },
          async (page) => {
            lent.push(page);
            if (fail) throw new Error("the use failed");
          },
          { reuse },
        )
        .catch(() => {});
    await use(true);
    await use(true);
    expect(lent[1]).toBe(lent[0]);
    await use(true, true);
    expect(lent[2]).toBe(lent[0]);
    expect(lent[2]?.isClosed()).toBe(true);
    await use(true);
    expect(lent[3]).not.toBe(lent[0]);
    // Not for reuse: a page of its own, closed after.
    await use(false);
    expect(lent[4]).not.toBe(lent[3]);
    expect(lent[4]?.isClosed()).toBe(true);
    await use(true);
    expect(lent[5]).toBe(lent[3]);
    expect(lent[5]?.isClosed()).toBe(false);
  });
});
