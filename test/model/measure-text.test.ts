import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fontSource, themeFontsCss } from "../../src/export/script-fonts.js";
import { lineBreaksOf } from "../../src/model/line-breaks.js";
import { lineCount, type TextStyle, textWidth } from "../../src/model/measure-text.js";
import { startBrowser } from "../helpers/browser.js";
import { tempDir } from "../helpers/temp.js";

const thai = "test/fixtures/languages/th.yaml";
const hash = Array.from({ length: 200 }, (_, i) => "0123456789abcdef"[(i * 7 + 3) % 16]).join("");

/** Every string of the corpus briefs and the Thai one, with the language it is written in. */
async function corpusTexts(): Promise<{ text: string; lang: string }[]> {
  const folder = "test/corpus";
  const texts: { text: string; lang: string }[] = [];
  const files = (await readdir(folder)).filter((f) => f.endsWith(".yaml"));
  for (const file of [...files.map((f) => path.join(folder, f)), thai]) {
    const brief = parse(await readFile(file, "utf8"));
    const lang = brief.language ?? "en";
    const walk = (value: unknown): void => {
      if (typeof value === "string" && value.length > 12) texts.push({ text: value, lang });
      else if (value && typeof value === "object") Object.values(value).forEach(walk);
    };
    walk(brief);
  }
  return texts;
}

// The styles and widths the slides set lists, actors, judgments, sources and headings in.
const settings: { style: TextStyle; width: number }[] = [
  { style: { size: 27, weight: 400 }, width: 1100 },
  { style: { size: 24, weight: 600 }, width: 1020 },
  { style: { size: 28, weight: 700 }, width: 1112 },
  { style: { size: 44, weight: 700, letterSpacing: -0.44 }, width: 1136 },
  { style: { size: 18, weight: 600, letterSpacing: 1.08, uppercase: true }, width: 700 },
];

describe("lineCount", async () => {
  const texts = [
    ...(await corpusTexts()),
    { text: `Hash: ${hash}`, lang: "en" },
    { text: `https://example.com/${"path/".repeat(60)}`, lang: "en" },
    {
      text: "평양 회담에서 양측은 포괄적 전략 동반자 관계 조약에 서명했다. ".repeat(8),
      lang: "ko",
    },
    {
      text: "首脳会談では、防衛協力の強化と経済安全保障について「合意」した。".repeat(8),
      lang: "ja",
    },
    { text: "การประชุมสุดยอดครั้งนี้มีการลงนามในสนธิสัญญาความร่วมมือ".repeat(6), lang: "th" },
    // Thai breaks between the words of a dictionary, in a Thai brief or another.
    ...[1, 2, 3, 5].flatMap((n) =>
      ["th", "en"].map((lang) => ({
        text: "ประธานาธิบดีปูตินเดินทางถึงเปียงยางเพื่อหารือกับผู้นำเกาหลีเหนือเรื่องความร่วมมือทางทหารและเศรษฐกิจ".repeat(
          n,
        ),
        lang,
      })),
    ),
    {
      text: "สนธิสัญญามิตรภาพและความช่วยเหลือซึ่งกันและกันโซเวียต–เกาหลีเหนือ ลงนามเมื่อปี 2504 (ค.ศ. 1961) ".repeat(
        4,
      ),
      lang: "th",
    },
    // Korean words, long and short, which break only at their spaces, in any brief.
    ...["ko", "en"].map((lang) => ({
      text: "윤석열 대통령과 기시다 후미오 총리는 캠프데이비드에서 한미일정상회의를 열었고 푸틴 대통령 평양 도착 직후 조소우호협조및상호원조조약 체결을 논의했다. ".repeat(
        5,
      ),
      lang,
    })),
    { text: `평양 ${"가나다라마바사아자차카타파하".repeat(12)} 도착`, lang: "ko" },
    // Japanese in a brief in another language: kept whole between its marks (keep-all).
    ...[1, 2, 3, 4].map((n) => ({
      text: "首脳会談では、防衛協力の強化と経済安全保障について「合意」した。".repeat(n),
      lang: "en",
    })),
    {
      text: "日本政府は、「自由で開かれたインド太平洋」（FOIP）の実現に向け、同盟国・同志国との連携を強化する。ー".repeat(
        6,
      ),
      lang: "ja",
    },
    {
      text: "中国海警局的船只在黄岩岛附近海域进行了所谓的“执法巡查”，菲律宾方面对此表示强烈抗议（详见附件）。".repeat(
        6,
      ),
      lang: "zh-Hans",
    },
  ];
  const work = await tempDir("measure-text");
  await mkdir(path.join(work, "fonts"));
  await mkdir(path.join(work, "theme"));
  for (const [, file] of themeFontsCss().matchAll(/url\("\.\.\/fonts\/([^"]+)"\)/g)) {
    await copyFile(fontSource(file as string), path.join(work, "fonts", file as string));
  }
  await writeFile(path.join(work, "theme", "fonts.css"), themeFontsCss());
  const font = await readFile("templates/theme/theme.css", "utf8").then(
    (css) => /--font:([^;]+);/.exec(css)?.[1] as string,
  );
  const cases = settings.flatMap(({ style, width }) =>
    texts.map(({ text, lang }) => ({ text, lang, style, width })),
  );
  const boxes = cases.map(({ text, lang, style, width }, i) => {
    const css = [
      `width:${width}px`,
      `font-size:${style.size}px`,
      `font-weight:${style.weight}`,
      `line-height:${style.size * 2}px`,
      `letter-spacing:${style.letterSpacing ?? 0}px`,
      style.uppercase ? "text-transform:uppercase" : "",
    ].join(";");
    const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    return `<div id="c${i}" lang="${lang}" style="${css}">${escaped}</div>`;
  });
  const html = path.join(work, "theme", "page.html");
  await writeFile(
    html,
    `<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="fonts.css">
<style>body{margin:0;font-family:${font};overflow-wrap:anywhere;-webkit-font-smoothing:antialiased}
div:not(:lang(ja)):not(:lang(zh)){word-break:keep-all}div:lang(ja),div:lang(zh){line-break:strict}</style>
${boxes.join("\n")}`,
  );
  const browser = await startBrowser();
  afterAll(() => browser.close());
  const page = await browser.newPage();
  await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  const browserLines = await page.evaluate(
    (n, sizes) =>
      Array.from({ length: n }, (_, i) =>
        Math.round(
          (document.getElementById(`c${i}`) as HTMLElement).offsetHeight /
            ((sizes[i] as number) * 2),
        ),
      ),
    cases.length,
    cases.map((c) => c.style.size),
  );
  await page.close();
  const counted = cases.map((c) =>
    lineCount([{ text: c.text, style: c.style }], c.width, lineBreaksOf(c.lang)),
  );

  it("never counts fewer lines than Chromium lays out", () => {
    const fewer = cases
      .map((c, i) => ({
        text: c.text.slice(0, 60),
        size: c.style.size,
        ours: counted[i],
        chromium: browserLines[i],
      }))
      .filter((c) => (c.ours as number) < (c.chromium as number));
    expect(fewer).toEqual([]);
  });

  it("breaks Thai where Chromium does, between the words of its dictionary", () => {
    const thai = cases.flatMap((c, i) => (/[\u0e00-\u0e7f]/u.test(c.text) ? [i] : []));
    const same = thai.filter((i) => counted[i] === browserLines[i]);
    expect(thai.length).toBeGreaterThan(200);
    expect(same.length / thai.length).toBeGreaterThan(0.98);
  });

  it("counts as many lines as Chromium for nearly every text, and at most one more", () => {
    const more = cases.filter((_, i) => (counted[i] as number) > (browserLines[i] as number));
    const far = cases.filter((_, i) => (counted[i] as number) > (browserLines[i] as number) + 1);
    expect(cases.length).toBeGreaterThan(500);
    expect(more.length / cases.length).toBeLessThan(0.05);
    expect(far.map((c) => c.text.slice(0, 60))).toEqual([]);
  });
});

describe("textWidth", () => {
  it("reads Source Sans 3's advances, sets Han and kana a full em wide and Hangul 0.92 em", () => {
    expect(textWidth("", { size: 26, weight: 400 })).toBe(0);
    expect(textWidth("会談", { size: 20, weight: 400 })).toBe(40);
    expect(textWidth("회담", { size: 25, weight: 400 })).toBe(46);
    const regular = textWidth("Summit", { size: 26, weight: 400 });
    expect(regular).toBeGreaterThan(60);
    expect(textWidth("Summit", { size: 26, weight: 700 })).toBeGreaterThan(regular);
  });
});
