import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { fillOptional } from "../../src/labels/phrase.js";
import { validateBrief } from "../../src/load/load-brief.js";
import type { NormalBrief } from "../../src/normalize/normal-brief.js";
import { renderBrief } from "../../src/render/render-brief.js";
import { pdfPages } from "../helpers/pdf.js";
import { tempDir } from "../helpers/temp.js";

// The marks between a source's title, publisher and date, and between an event's date and
// title in the overview's notes, are the brief's language's, not English ". " and ", ".

async function rendered(file: string, text = readFileSync(file, "utf8")) {
  const loaded = await validateBrief(file, text);
  expect(loaded.problems).toEqual([]);
  return renderBrief(loaded.brief as NormalBrief, "brief", {});
}

/** What the sources slide shows of each source, tags taken out. */
function sourceLines(html: string): string[] {
  return [...html.matchAll(/<span class="source__text">([\s\S]*?)<\/span>/g)].map((m) =>
    (m[1] as string).replace(/<[^>]*>/g, ""),
  );
}

/** The sources line of each slide that cites any, tags taken out. */
function citedLines(html: string): string[] {
  return [...html.matchAll(/<p class="refs">([\s\S]*?)<\/p>/g)].map((m) =>
    (m[1] as string).replace(/<[^>]*>/g, ""),
  );
}

/** The overview's speaker notes as the deck carries them. */
function overviewNotes(html: string): string {
  const section = html.match(/<section id="timeline"[\s\S]*?<\/section>/)?.[0] ?? "";
  return (section.match(/<aside class="notes"[^>]*>([\s\S]*?)<\/aside>/)?.[1] ?? "").replace(
    /<[^>]*>/g,
    "",
  );
}

describe("punctuation the tool writes", () => {
  it("in Japanese: 出典 as ministries write them, 「title」 after its publisher", async () => {
    const { html } = await rendered("test/fixtures/punctuation/ja.yaml");
    expect(sourceLines(html)).toEqual([
      "首相官邸「日米首脳共同声明」（2024年4月10日）",
      "NHK「日米首脳会談の要点」",
      "「会談メモ」",
    ]);
    expect(overviewNotes(html)).toBe("2024年4月8日、首相訪米：国賓待遇。");
    expect(citedLines(html)).toEqual(["出典：[1] [2] [3]"]);
  });

  it("in Chinese: 《title》 after its publisher, full-width comma and full stop", async () => {
    const { html } = await rendered("test/fixtures/punctuation/zh-hans.yaml");
    expect(sourceLines(html)).toEqual([
      "新华社《中美联合声明》，2024年4月10日。",
      "NHK《会晤要点》。",
      "《会晤纪要》。",
    ]);
    expect(overviewNotes(html)).toBe("2024年4月8日，总统抵达：国事访问。");
    expect(citedLines(html)).toEqual(["来源：[1] [2] [3]"]);
  });

  it("in Russian: one full stop after a date that ends in «г.»", async () => {
    const { html } = await rendered("test/fixtures/languages/ru.yaml");
    expect(sourceLines(html)).toEqual([
      "Путин и Ким Чен Ын начали переговоры в Пхеньяне. Ёнхап, 19 июня 2024 г.",
      "Путин прибыл в Пхеньян с государственным визитом. ТАСС, 19 июня 2024 г.",
    ]);
  });

  it("in English as before: title. publisher, date.", async () => {
    const text = readFileSync("test/fixtures/punctuation/ja.yaml", "utf8").replace(
      "language: ja",
      "language: en",
    );
    const { html } = await rendered("brief.yaml", text);
    expect(sourceLines(html)).toEqual([
      "日米首脳共同声明. 首相官邸, 10 April 2024.",
      "日米首脳会談の要点. NHK.",
      "会談メモ.",
    ]);
    expect(overviewNotes(html)).toBe("8 April 2024, 首相訪米: 国賓待遇。");
    expect(citedLines(html)).toEqual(["Sources: [1] [2] [3]"]);
  });

  it("in a brief's own wording, through labels:, and escaped", async () => {
    const text = readFileSync("test/fixtures/punctuation/ja.yaml", "utf8").replace(
      "language: ja",
      'language: ja\nlabels:\n  source: "<i>{title}</i>[ — {publisher}][ ({date})]"\n  overviewNote: "{date} | {title} → "\n  cited: 典拠\n  citedLine: "{refs} ← {cited}"',
    );
    const { html } = await rendered("brief.yaml", text);
    expect(sourceLines(html)).toEqual([
      "&lt;i&gt;日米首脳共同声明&lt;/i&gt; — 首相官邸 (2024年4月10日)",
      "&lt;i&gt;日米首脳会談の要点&lt;/i&gt; — NHK",
      "&lt;i&gt;会談メモ&lt;/i&gt;",
    ]);
    expect(overviewNotes(html)).toBe("2024年4月8日 | 首相訪米 → 国賓待遇。");
    expect(citedLines(html)).toEqual(["[1] [2] [3] ← 典拠"]);
  });

  it("leaves out an optional part whose value is missing, and keeps brackets with no placeholder", () => {
    expect(
      fillOptional("{title}[. {publisher}][, {date}] [sic]", { title: "T", date: "D" }),
    ).toEqual([
      { text: "T", slot: "title" },
      { text: ", " },
      { text: "D", slot: "date" },
      { text: " [sic]" },
    ]);
  });

  it("reaches the PDF and the handout in Japanese", async () => {
    const outDir = await tempDir("punctuation");
    const [result] = await build(["test/fixtures/punctuation/ja.yaml"], {
      outDir,
      pdf: true,
      handout: true,
    });
    expect(result?.failure).toBeUndefined();
    for (const file of [result?.pdf, result?.handout]) {
      const text = pdfPages(file as string)
        .join("\n")
        .replace(/\s+/g, "");
      expect(text).toContain("首相官邸「日米首脳共同声明」（2024年4月10日）");
      expect(text).not.toContain("日米首脳共同声明.");
    }
  }, 120_000);
});
