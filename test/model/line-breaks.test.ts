import { cp } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { lineBreaksOf } from "../../src/model/line-breaks.js";
import { openDeck, startBrowser } from "../helpers/browser.js";
import { overflowingSlides, overviewProblems } from "../helpers/layout.js";
import { tempDir } from "../helpers/temp.js";

/**
 * Where the slides' lines break, as the browser laid them out: every Hangul word cut across
 * two lines, and every line that starts with a closing mark.
 */
function breaks(page: Page): Promise<{ split: string[]; badStarts: string[] }> {
  return page.evaluate(() => {
    const split: string[] = [];
    const badStarts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      if (!text.parentElement?.closest("section.slide") || !text.data.trim()) continue;
      const tops = [...text.data].map((_, i) => {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        return range.getClientRects()[0]?.top;
      });
      for (const word of text.data.matchAll(/[\uac00-\ud7a3]+/g)) {
        const at = word.index ?? 0;
        const lines = new Set(tops.slice(at, at + word[0].length).map((t) => Math.round(t ?? 0)));
        if (lines.size > 1) split.push(word[0]);
      }
      let before: number | undefined;
      [...text.data].forEach((char, i) => {
        const top = tops[i];
        if (top === undefined) return;
        if (before !== undefined && top > before + 2 && /[、。，．）」』】！？ー]/.test(char)) {
          badStarts.push(text.data.slice(Math.max(0, i - 4), i + 4));
        }
        before = top;
      });
    }
    return { split, badStarts };
  });
}

describe("lines broken by the brief's language, on the slides and the overview", () => {
  let browser: Browser;
  const decks = new Map<string, string>();

  beforeAll(async () => {
    const root = await tempDir("line-breaks");
    await cp("test/fixtures/cjk", path.join(root, "briefs"), { recursive: true });
    const names = ["korean", "english-korean-names", "japanese", "chinese-simplified"];
    const results = await build(
      names.map((name) => path.join(root, "briefs", `${name}.yaml`)),
      { outDir: path.join(root, "out"), pdf: false },
    );
    for (const [i, result] of results.entries())
      decks.set(names[i] as string, result.html as string);
    browser = await startBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("keeps every Korean word whole, in a Korean brief and in an English one", async () => {
    for (const name of ["korean", "english-korean-names"]) {
      await openDeck(
        browser,
        decks.get(name) as string,
        async (page) => {
          // The labels are laid out narrow enough to have broken inside words before.
          expect(await page.$$eval(".tl__label", (labels) => labels.length)).toBeGreaterThan(2);
          expect((await breaks(page)).split).toEqual([]);
          expect(await overviewProblems(page)).toEqual([]);
          expect(await overflowingSlides(page)).toEqual([]);
        },
        { print: true },
      );
    }
  });

  it("starts no Japanese or Chinese line with a closing mark, and sizes their labels to fit", async () => {
    for (const name of ["japanese", "chinese-simplified"]) {
      await openDeck(
        browser,
        decks.get(name) as string,
        async (page) => {
          expect((await breaks(page)).badStarts).toEqual([]);
          expect(await overviewProblems(page)).toEqual([]);
          expect(await overflowingSlides(page)).toEqual([]);
        },
        { print: true },
      );
    }
  });

  it("are keyed on the language as the theme keys them", () => {
    expect(["ko", "en", "de", "ar", "ko-KR"].map(lineBreaksOf)).toEqual(Array(5).fill("keep-all"));
    expect(["ja", "zh-Hans", "zh-Hant", "zh", "ZH-tw"].map(lineBreaksOf)).toEqual(
      Array(5).fill("strict"),
    );
  });
});
