import path from "node:path";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { openDeck, startBrowser } from "../helpers/browser.js";
import { tempDir } from "../helpers/temp.js";

// The overview's plot runs left to right in every language (see the README), and each label's
// box starts at its event's leader: an Arabic label's lines must start there too, not at the
// box's far side, where a right-to-left text would align itself by default.

let browser: Browser;
let deck: string;

beforeAll(async () => {
  const out = await tempDir("rtl-overview");
  const [result] = await build(["test/fixtures/languages/ar.yaml"], { outDir: out, pdf: false });
  expect(result?.problems).toEqual([]);
  deck = path.join(out, "ar", "index.html");
  browser = await startBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe("a right-to-left brief's overview", () => {
  it("sets each label's lines against its leader, on the left of its box", async () => {
    const gaps = await openDeck(
      browser,
      deck,
      (page) =>
        page.evaluate(() =>
          [...document.querySelectorAll(".tl__label")].map((label) => {
            const box = label.getBoundingClientRect();
            // A line of mixed Arabic and digits is several runs: it starts at its leftmost.
            const lineStarts = new Map<number, number>();
            for (const span of label.querySelectorAll(".tl__date, .tl__title")) {
              const range = document.createRange();
              range.selectNodeContents(span);
              for (const run of range.getClientRects()) {
                const top = Math.round(run.top);
                lineStarts.set(top, Math.min(lineStarts.get(top) ?? Infinity, run.left - box.left));
              }
            }
            return Math.max(...lineStarts.values());
          }),
        ),
      { print: true },
    );
    expect(gaps.length).toBeGreaterThan(3);
    // The box's own padding (2 px), and no more.
    for (const gap of gaps) expect(gap).toBeLessThan(4);
  });
});
