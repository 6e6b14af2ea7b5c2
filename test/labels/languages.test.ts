import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type BuildResult, build } from "../../src/build.js";
import { catalogue } from "../../src/labels/catalogue.js";
import { labelKeys } from "../../src/labels/labels.js";
import { en } from "../../src/labels/languages/en.js";
import { pdfOutline, pdfPages } from "../helpers/pdf.js";
import { tempDir } from "../helpers/temp.js";

// Briefs in Korean, Arabic and German, built whole: every word the tool writes is the
// catalogue's, in the PDF, the handout, the deck and the one-file deck.

const briefs = ["ko", "ar", "de"].map((l) => `test/fixtures/languages/${l}.yaml`);
const results = new Map<string, BuildResult>();

beforeAll(async () => {
  const outDir = await tempDir("languages");
  for (const result of await build(briefs, {
    outDir,
    pdf: true,
    handout: true,
    singleFile: true,
    concurrency: 3,
  })) {
    expect(result.problems).toEqual([]);
    expect(result.failure).toBeUndefined();
    // Laid out as the PDF prints: nothing overflows, every character draws.
    expect(result.warnings).toEqual([]);
    results.set(result.name, result);
  }
}, 240_000);

/** The English words of the catalogue, with what goes into them taken out. */
const englishWords = labelKeys
  .flatMap((key) => {
    const value = en[key];
    return typeof value === "string" ? [value] : Object.values(value);
  })
  .flatMap((label) => label.split(/\{\w+\}/))
  .map((words) => words.replace(/[():,·]/g, " ").trim())
  .filter((words) => /[a-z]{2}/i.test(words) && words !== "PDF");

function englishIn(text: string): string[] {
  return englishWords.filter((words) =>
    new RegExp(`(^|[^\\p{L}])${words.replace(/[.]/g, "\\$&")}($|[^\\p{L}])`, "iu").test(text),
  );
}

/** What a page shows of an HTML file: no tags, scripts or styles. */
function shownText(file: string): string {
  return readFileSync(file, "utf8")
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, "")
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ");
}

const squeeze = (text: string) => text.replace(/\s+/g, "").toLowerCase();

function outputs(name: string) {
  const result = results.get(name) as BuildResult;
  return {
    pdf: pdfPages(result.pdf as string).join("\n"),
    handout: pdfPages(result.handout as string).join("\n"),
    deck: shownText(result.html as string),
    single: shownText(result.singleFile as string),
  };
}

describe("a brief in a catalogue language", () => {
  it("has no English word of the tool anywhere", () => {
    // As the English deck has them, the check finds them.
    expect(englishIn("BRIEFING\nAs of 1 May\n9 months after: x\nPage 2 of 9")).toEqual(
      expect.arrayContaining(["Briefing", "As of", "after", "Page", "of"]),
    );
    for (const name of ["ko", "ar", "de"]) {
      for (const [kind, text] of Object.entries(outputs(name))) {
        expect(englishIn(text), `${name} ${kind}`).toEqual([]);
      }
    }
  });

  it("Korean: the catalogue's words on the slides, the PDF and the handout", () => {
    const { pdf, handout, deck, single } = outputs("ko");
    const words = [
      "브리핑",
      "핵심 요약",
      "주요 일지",
      "2024년 6월 19일 기준",
      "출처:",
      "신뢰도 보통",
      "2024년 5월 하순",
      "(2023년 9월 13일) 8개월 후",
    ];
    for (const text of [pdf, deck, single]) {
      for (const word of words) expect(squeeze(text), word).toContain(squeeze(word));
    }
    for (const word of ["배포 자료 · 2024년 6월 19일 기준", "목차", "메모", "2 / 11쪽"]) {
      expect(squeeze(handout), word).toContain(squeeze(word));
    }
    const result = results.get("ko") as BuildResult;
    for (const file of [result.pdf, result.handout] as string[]) {
      expect(pdfOutline(file).map((b) => b.title)).toEqual(
        expect.arrayContaining(["핵심 요약", "주요 일지", "출처"]),
      );
    }
  });

  it("German: the catalogue's words, and durations that read as German", () => {
    const { pdf, handout, deck } = outputs("de");
    const words = [
      "Lagebild",
      "Das Wichtigste in Kürze",
      "Chronologie",
      "Stand: 19. Juni 2024",
      "Quellen:",
      "Vertrauensgrad: hoch",
      "Mitte Juli 2000",
      "10 Tage zuvor: Vorbereitungen in Pjöngjang (8. Juni 2024)",
    ];
    for (const text of [pdf, deck]) {
      for (const word of words) expect(squeeze(text), word).toContain(squeeze(word));
    }
    for (const word of ["Tischvorlage · Stand:", "Inhalt", "Platz für Notizen", "Seite 2 von 11"]) {
      expect(squeeze(handout), word).toContain(squeeze(word));
    }
  });

  it("Arabic: the deck runs right to left, and each page's number stands apart from the date", () => {
    const result = results.get("ar") as BuildResult;
    const html = readFileSync(result.html as string, "utf8");
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    const deck = outputs("ar").deck;
    const ar = catalogue.ar;
    for (const word of [ar?.kicker, ar?.summary, ar?.timeline, "حتى 19 يونيو 2024", ar?.cited]) {
      expect(deck).toContain(word);
    }
    // Each page: "n / 11" whole, with the date beside it and not run into it ("6 / 20241 يونيو");
    // the eleventh is the yardstick's.
    const pages = pdfPages(result.pdf as string);
    expect(pages).toHaveLength(11);
    pages.forEach((page, i) => {
      expect(page).toMatch(new RegExp(`(^|\\s)${i + 1} / 11(\\s|$)`, "m"));
      expect(page).not.toMatch(/\d+ \/ \d*\d{4}/);
    });
    const handout = pdfPages(result.handout as string);
    handout.forEach((page, i) => {
      expect(page).toMatch(new RegExp(`(^|\\s)11 ‫?من‬? ${i + 1}|${i + 1}\\D+11`));
    });
  });

  it("Arabic: every title's words come back whole from the PDF's text, spaces between them", () => {
    const brief = parse(readFileSync("test/fixtures/languages/ar.yaml", "utf8"));
    const titles: string[] = [
      brief.title,
      brief.subtitle,
      ...brief.timeline.events.map((event: { title: string }) => event.title),
    ];
    // In reading order, between bidi marks. Poppler sets the two letters of a ligature (في, لا)
    // the wrong way round in right-to-left text, though the PDF's ActualText has them right (a
    // plain Chromium print reads back the same): a word counts when its letters are all there.
    // A font that draws the dots of ق or ن as marks came back as "ق مة" and "بوتي ن".
    const text = execFileSync(
      "pdftotext",
      ["-enc", "UTF-8", results.get("ar")?.pdf as string, "-"],
      {
        encoding: "utf8",
      },
    ).replace(/[\u202a-\u202e]/g, "");
    const letters = (word: string) => [...word].sort().join("");
    const words = new Set(text.split(/\s+/).map(letters));
    for (const title of titles) {
      for (const word of title.split(" "))
        expect(words, `${word} of ${title}`).toContain(letters(word));
    }
  });
});
