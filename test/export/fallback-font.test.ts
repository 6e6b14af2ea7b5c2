import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cjkFontsFor } from "../../src/export/cjk-fonts.js";
import { charactersBeyondSourceSans, fallbackFonts } from "../../src/export/fallback-font.js";
import { fontCacheDir } from "../../src/export/made-cache.js";
import { fontNames, mappedCharacters } from "../../src/export/sfnt.js";
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

  it("names each cut for its font and weight, and keeps the font's copyright and license", async () => {
    const { files } = await fallbackFonts('<html lang="ko"><p>김정은</p>');
    const named = files.map(([file, bytes]) => [file, fontNames(bytes)] as const);
    expect(named.length).toBeGreaterThan(0);
    for (const [file, names] of named) {
      const style = file.endsWith("-bold.ttf") ? "Bold" : "Regular";
      expect(names.get(1)).toBe("Noto Sans KR");
      expect(names.get(2)).toBe(style);
      expect(names.get(4)).toBe(`Noto Sans KR ${style}`);
      expect(names.get(6)).toBe(`NotoSansKR-${style}`);
      expect(names.get(3)).toContain(`;NotoSansKR-${style};`);
      expect(names.get(0)).toMatch(/^\(c\) 2014-2021 Adobe/);
      expect(names.get(14)).toBe("http://scripts.sil.org/OFL");
      expect([...names.keys()].filter((id) => [16, 17, 25].includes(id))).toEqual([]);
    }
    expect(named.map(([file]) => file.endsWith("-bold.ttf"))).toContain(true);
  });

  it("draws Han in the forms of the page's language: Chinese, Japanese, Korean", async () => {
    const cuts = async (lang: string) => {
      const { css, files } = await fallbackFonts(`<html lang="${lang}"><p>直骨</p>`);
      expect(css).toContain("U+76F4");
      return files;
    };
    const [chinese, japanese, korean, traditional] = await Promise.all(
      ["zh-Hans", "ja", "ko", "zh-Hant"].map(cuts),
    );
    expect(chinese?.[0]?.[0]).toMatch(/^fonts\/fallback-sc-/);
    expect(japanese?.[0]?.[0]).toMatch(/^fonts\/fallback-jp-/);
    expect(korean?.[0]?.[0]).toMatch(/^fonts\/fallback-kr-/);
    expect(traditional?.[0]?.[0]).toMatch(/^fonts\/fallback-tc-/);
    const browser = await startBrowser();
    try {
      const page = await browser.newPage();
      const span = (files: typeof chinese, i: number) => {
        const font = Buffer.from(files?.[0]?.[1] as Uint8Array).toString("base64");
        return `<style>@font-face { font-family: Cut${i}; src: url(data:font/ttf;base64,${font}); }</style>
          <span style="font-family: Cut${i}">直骨</span>`;
      };
      await page.setContent(`<style>
        span { display: inline-block; font-size: 64px; width: 160px; height: 90px; }
        </style>${[chinese, japanese, korean].map(span).join("")}`);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const [zh, ja, ko] = (await Promise.all(
        (await page.$$("span")).map(async (element) => Buffer.from(await element.screenshot())),
      )) as [Buffer, Buffer, Buffer];
      expect(zh.equals(ja)).toBe(false);
      expect(zh.equals(ko)).toBe(false);
    } finally {
      await browser.close();
    }
  });

  it("picks the font of the brief's language first, else by the brief's characters", () => {
    expect(cjkFontsFor("ko", [])[0]).toBe("kr");
    expect(cjkFontsFor("ja-JP", [])[0]).toBe("jp");
    expect(cjkFontsFor("zh-Hans", [])[0]).toBe("sc");
    expect(cjkFontsFor("zh-CN", [])[0]).toBe("sc");
    expect(cjkFontsFor("zh", [])[0]).toBe("sc");
    expect(cjkFontsFor("zh-Hant-TW", [])).toEqual(["tc", "kr", "jp", "sc"]);
    expect(cjkFontsFor("zh-HK", [])[0]).toBe("tc");
    expect(cjkFontsFor("en", codes("東京で"))[0]).toBe("jp");
    expect(cjkFontsFor("en", codes("김정은 金正恩"))[0]).toBe("kr");
    expect(cjkFontsFor("de", codes("習近平"))[0]).toBe("kr");
  });

  it("cuts a static TrueType font at each weight with exactly the wanted characters", async () => {
    const fonts = await fallbackFonts(`<html lang="ko"><p>Kim (김정은) and ${ethiopic}</p>`);
    const weights = fonts.files.map(([file, bytes]) => {
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const tables = new Map<string, number>();
      for (let i = 0; i < view.getUint16(4); i++) {
        const record = 12 + 16 * i;
        tables.set(
          String.fromCharCode(...bytes.subarray(record, record + 4)),
          view.getUint32(record + 8),
        );
      }
      expect(view.getUint32(0)).toBe(0x10000); // TrueType outlines
      expect(tables.has("glyf")).toBe(true);
      expect(tables.has("fvar") || tables.has("gvar")).toBe(false);
      expect(bytes.length).toBeLessThan(10_000);
      return [file.replace(/-\d+-/, "-n-"), view.getUint16((tables.get("OS/2") as number) + 4)];
    });
    expect(new Set(weights.map(String))).toEqual(
      new Set(["fonts/fallback-kr-n-regular.ttf,400", "fonts/fallback-kr-n-bold.ttf,700"]),
    );
    const drawn = fonts.files.flatMap(([, bytes]) => [...mappedCharacters(bytes)]);
    expect(new Set(drawn)).toEqual(new Set(codes("김정은")));
    expect(fonts.undrawn).toEqual(codes(ethiopic));
  });

  it("writes rules only for what each cut draws, and nothing for text Source Sans covers", async () => {
    const fonts = await fallbackFonts(`<p>Kim (김정은) and ${ethiopic}</p>`);
    const ranges = fonts.css.match(/unicode-range: ([^;]+);/g)?.map((r) => r.slice(15, -1));
    expect(new Set(ranges?.flatMap((range) => range.split(",")))).toEqual(
      new Set(["U+AE40", "U+C740", "U+C815"]),
    );
    expect(fonts.css.match(/font-weight: ([^;]+);/g)?.length).toBe(fonts.files.length);
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
      const fonts = path.join(out, "putin-kim-summit-2024", "fonts");
      const cuts = readdirSync(fonts).filter((file) => file.startsWith("fallback-"));
      return Promise.all(cuts.sort().map((file) => readFile(path.join(fonts, file))));
    };
    const first = await buildSample();
    const cached = readdirSync(fontCacheDir());
    expect(cached).toHaveLength(first.length);
    expect(cached.map((name) => readFileSync(path.join(fontCacheDir(), name)))).toContainEqual(
      first[0],
    );
    for (const name of cached) writeFileSync(path.join(fontCacheDir(), name), "not a font");
    expect(await buildSample()).toEqual(first);
    expect(readFileSync(path.join(fontCacheDir(), cached[0] as string)).length).toBeGreaterThan(
      100,
    );
  });
});
