import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { needsNoSandbox } from "../../src/browser/browser.js";
import { BrowserSession } from "../../src/browser/session.js";

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
});
