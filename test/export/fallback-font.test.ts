import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { charactersBeyondSourceSans, fallbackFonts } from "../../src/export/fallback-font.js";
import { fontCacheDir } from "../../src/export/made-cache.js";
import { faceIndex, mappedCharacters } from "../../src/export/sfnt.js";
import { subsetFont } from "../../src/export/subset-font.js";
import { findCjkFonts } from "../../src/export/system-fonts.js";
import { startBrowser } from "../helpers/browser.js";
import { startCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

const codes = (text: string) => [...text].map((c) => c.codePointAt(0) as number);
const ethiopic = "ሀ";
const sample = "briefings/putin-kim-summit-2024.yaml";

describe("fonts cut for the characters Source Sans 3 lacks", () => {
  let cacheHome: string | undefined;
  beforeEach(async () => {
    cacheHome = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = await tempDir("font-cache");
  });
  afterEach(() => {
    if (cacheHome === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = cacheHome;
  });

  it("picks out Hangul and symbols, not Latin, Cyrillic or spaces", () => {
    const html = '<p class="김">Kim Jong-un (김정은) ⋯ Путин café\u00a0</p>';
    expect(charactersBeyondSourceSans(html)).toEqual(codes("⋯김은정").sort((a, b) => a - b));
    expect(charactersBeyondSourceSans("<p>Plain text, 19 June 2024 – “quoted”</p>")).toEqual([]);
  });

  it("leaves the speaker notes' characters out: a deck sent without notes must not carry them", () => {
    const html = '<p>Kim (김정은)</p><aside class="notes">비밀 작전 ⋯</aside>';
    expect(charactersBeyondSourceSans(html)).toEqual(codes("김은정").sort((a, b) => a - b));
    // Notes with inline markup in them, too.
    const marked =
      '<p>Kim</p><aside class="notes"><strong>비밀</strong> <a href="x">작전</a></aside>';
    expect(charactersBeyondSourceSans(marked)).toEqual([]);
  });

  it("keeps each language's form of a Han character, as the whole font draws it", async () => {
    const { css, files } = await fallbackFonts("<p>直骨</p>");
    const cut = Buffer.from(files[0]?.[1] as Uint8Array).toString("base64");
    expect(css).toContain("U+76F4");
    const browser = await startBrowser();
    try {
      const page = await browser.newPage();
      const span = (lang: string, family: string) =>
        `<span lang="${lang}" style="font-family: ${family}">直骨</span>`;
      await page.setContent(`<style>
        @font-face { font-family: Cut; src: url(data:font/otf;base64,${cut}); }
        span { display: inline-block; font-size: 64px; width: 160px; height: 90px; }
        </style>
        ${span("zh-Hans", "Cut")}${span("zh-Hans", "'Noto Sans CJK KR'")}
        ${span("ko", "Cut")}${span("ko", "'Noto Sans CJK KR'")}`);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const shots = await Promise.all(
        (await page.$$("span")).map(async (element) => Buffer.from(await element.screenshot())),
      );
      const [cutChinese, fontChinese, cutKorean, fontKorean] = shots as [
        Buffer,
        Buffer,
        Buffer,
        Buffer,
      ];
      expect(cutChinese.equals(fontChinese)).toBe(true);
      expect(cutKorean.equals(fontKorean)).toBe(true);
      expect(cutChinese.equals(cutKorean)).toBe(false);
    } finally {
      await browser.close();
    }
  });

  it("finds the Korean face of the system's Noto Sans CJK collection", async () => {
    const { regular, bold } = findCjkFonts();
    expect(regular && bold).toBeTruthy();
    const collection = new Uint8Array(await readFile(regular?.file as string));
    expect(faceIndex(collection, "Noto Sans CJK JP")).toBe(0);
    expect(faceIndex(collection, "Noto Sans CJK KR")).toBe(1);
    expect(faceIndex(collection, "No Such Font")).toBeUndefined();
  });

  it("cuts a font that draws exactly the wanted characters the source has", async () => {
    const { regular } = findCjkFonts();
    const collection = new Uint8Array(await readFile(regular?.file as string));
    const cut = subsetFont(collection, 1, codes(`김정은⋯${ethiopic}`)) as Uint8Array;
    expect(cut.length).toBeLessThan(10_000);
    expect([...mappedCharacters(cut)].sort()).toEqual(codes("김정은⋯").sort());
  });

  it("writes rules only for what the cut draws, and nothing for text Source Sans covers", async () => {
    const fonts = await fallbackFonts(`<p>Kim (김정은) and ${ethiopic}</p>`);
    expect(fonts.files.map(([file]) => file)).toEqual([
      "fonts/fallback-regular.otf",
      "fonts/fallback-bold.otf",
    ]);
    expect(fonts.css.match(/unicode-range: ([^;]+);/g)).toEqual([
      "unicode-range: U+AE40,U+C740,U+C815;",
      "unicode-range: U+AE40,U+C740,U+C815;",
    ]);
    expect(await fallbackFonts("<p>Only Latin here</p>")).toEqual({
      css: "",
      files: [],
      undrawn: [],
    });
  });

  it("leaves emoji to the shipped emoji font, and says what it leaves to others", async () => {
    // ⚠ is in the CJK font; asked for as an emoji, it is left to Noto Emoji with 🚀.
    const fonts = await fallbackFonts(`<p>김 ⚠\uFE0F 🚀 ${ethiopic}</p>`);
    expect(fonts.css.match(/unicode-range: ([^;]+);/)?.[1]).toBe("U+AE40");
    expect(fonts.undrawn).toEqual(codes(`⚠\uFE0F${ethiopic}🚀`).sort((a, b) => a - b));
  });

  it("keeps cuts on disk for the next build, and makes a damaged one again", async () => {
    const env = { XDG_CACHE_HOME: process.env.XDG_CACHE_HOME };
    const out = await tempDir("font-cache-build");
    const buildSample = async () => {
      const { status } = await startCli(["build", sample, "--no-pdf", "--force", "-o", out], env)
        .done;
      expect(status).toBe(0);
      return readFile(path.join(out, "putin-kim-summit-2024", "fonts", "fallback-bold.otf"));
    };
    const first = await buildSample();
    const cached = readdirSync(fontCacheDir());
    expect(cached).toHaveLength(2);
    expect(cached.map((name) => readFileSync(path.join(fontCacheDir(), name)))).toContainEqual(
      first,
    );
    for (const name of cached) writeFileSync(path.join(fontCacheDir(), name), "not a font");
    expect(await buildSample()).toEqual(first);
    expect(readFileSync(path.join(fontCacheDir(), cached[0] as string)).length).toBeGreaterThan(
      100,
    );
  });
});
