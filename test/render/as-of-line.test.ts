import type { Browser } from "puppeteer";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { openDeck, startBrowser } from "../helpers/browser.js";
import { tempDir } from "../helpers/temp.js";

// The as-of line runs down the overview from its label to the axis. The Korean brief's last
// event, a span the as-of time falls in, has a label that reaches past it: the line ran
// through its date.

let browser: Browser;
let deck: string;

beforeAll(async () => {
  const out = await tempDir("as-of-line");
  const [result] = await build(["test/fixtures/layout/as-of-crossing.yaml"], {
    outDir: out,
    pdf: false,
  });
  expect(result?.problems).toEqual([]);
  deck = result?.html as string;
  browser = await startBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe("the as-of line", () => {
  it("runs behind the words of a label it crosses, not through them", async () => {
    const reds = await openDeck(browser, deck, async (page) => {
      await page.evaluate(() => {
        type Reveal = {
          slide(h: number, v?: number): void;
          getIndices(s: Element): { h: number; v?: number };
          configure(options: object): void;
        };
        const reveal = (window as unknown as { Reveal: Reveal }).Reveal;
        const section = document.querySelector(".tl__as-of")?.closest("section") as Element;
        const { h, v } = reveal.getIndices(section);
        reveal.slide(h, v);
      });
      await page.waitForFunction(() =>
        document.querySelector(".tl__as-of")?.closest("section")?.classList.contains("present"),
      );
      // Past the slide's transition.
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const crossings = await page.evaluate(() => {
        const line = document.querySelector(".tl__as-of") as HTMLElement;
        const x = line.getBoundingClientRect().left;
        return [...document.querySelectorAll(".tl__date, .tl__title")]
          .map((text) => text.getBoundingClientRect())
          .filter((box) => box.left < x && box.right > x + 2)
          .map((box) => ({ x, y: box.top, height: box.height }));
      });
      const counts: number[] = [];
      for (const { x, y, height } of crossings) {
        const shot = await page.screenshot({ clip: { x, y, width: 2, height } });
        const { data, info } = await sharp(shot).raw().toBuffer({ resolveWithObject: true });
        let red = 0;
        for (let i = 0; i < data.length; i += info.channels) {
          const [r, g, b] = [data[i] as number, data[i + 1] as number, data[i + 2] as number];
          // The line's #a32020, and no other colour of the overview's labels.
          if (r > 120 && r - g > 70 && r - b > 70 && g < 70) red++;
        }
        counts.push(red);
      }
      return counts;
    });
    // The Korean brief has such a label; the test means nothing without one.
    expect(reds.length).toBeGreaterThan(0);
    expect(reds).toEqual(reds.map(() => 0));
  });
});
