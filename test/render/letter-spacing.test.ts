import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { openDeck, startBrowser } from "../helpers/browser.js";
import { tempDir } from "../helpers/temp.js";

// Banners, kickers and small labels are set in capitals spaced apart, in the scripts that have
// capitals. In the others spacing takes the letters apart: the line along the top of
// Devanagari breaks between them ("गो प नी य"), Thai's vowels and tone marks stand off.

let browser: Browser;
const decks = new Map<string, string>();

beforeAll(async () => {
  const out = await tempDir("letter-spacing");
  // An English brief of the same shape as the others.
  const en = path.join(out, "en.yaml");
  const de = await readFile("test/fixtures/languages/de.yaml", "utf8");
  await writeFile(
    en,
    de
      .replace(/^language: .*$/m, "language: en")
      .replace("likelihood: wahrscheinlich", "likelihood: likely"),
  );
  const briefs = ["hi", "th", "de", "ru"].map((l) => `test/fixtures/languages/${l}.yaml`);
  for (const result of await build([...briefs, en], { outDir: out, pdf: false })) {
    expect(result.problems).toEqual([]);
    decks.set(result.name, result.html as string);
  }
  browser = await startBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** The computed letter-spacing of the banner, the kicker and the as-of label of a deck, in px. */
function spacings(language: string): Promise<Record<string, number>> {
  return openDeck(browser, decks.get(language) as string, (page) =>
    page.evaluate(() => {
      const spacing = (selector: string) => {
        const element = document.querySelector(selector);
        if (!element) throw new Error(`no ${selector}`);
        const value = getComputedStyle(element).letterSpacing;
        return value === "normal" ? 0 : Number.parseFloat(value);
      };
      return {
        banner: spacing(".banner"),
        kicker: spacing(".cover__kicker"),
        asOf: spacing(".tl__as-of-text"),
      };
    }),
  );
}

describe("letter-spacing", () => {
  it.each(["hi", "th"])("%s: none on the banner, the kicker and the labels", async (language) => {
    expect(await spacings(language)).toEqual({ banner: 0, kicker: 0, asOf: 0 });
  });

  it.each(["en", "de", "ru"])(
    "%s: the banner, the kicker and the labels keep theirs",
    async (l) => {
      // 0.14 em of 15 px, 0.2 em of 20 px, 0.04 em of 13 px.
      const found = await spacings(l);
      expect(found.banner).toBeCloseTo(2.1, 1);
      expect(found.kicker).toBeCloseTo(4, 1);
      expect(found.asOf).toBeCloseTo(0.52, 1);
    },
  );
});
