import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type BuildResult, build } from "../../src/build.js";
import { catalogue, direction } from "../../src/labels/catalogue.js";
import { type Labels, labelKeys } from "../../src/labels/labels.js";
import { en } from "../../src/labels/languages/en.js";
import { fillText } from "../../src/labels/phrase.js";
import { type Approx, type PartialDate, parseDate } from "../../src/timeline/date.js";
import { formatDate, formatSpan } from "../../src/timeline/format-date.js";
import { pdfOutline, pdfPages } from "../helpers/pdf.js";
import { tempDir } from "../helpers/temp.js";

// A brief in every language of the catalogue, built whole once: every word the tool writes is
// the catalogue's, in the PDF, the handout, the deck and the one-file deck.

const languages = Object.keys(catalogue).filter((language) => language !== "en");
/** A fixture's name, and so its deck's: `zh-Hans` is `zh-hans.yaml`. */
const nameOf = (language: string) => language.toLowerCase();
const briefs = languages.map((l) => `test/fixtures/languages/${nameOf(l)}.yaml`);
const results = new Map<string, BuildResult>();

beforeAll(async () => {
  const outDir = await tempDir("languages");
  for (const result of await build(briefs, {
    outDir,
    pdf: true,
    handout: true,
    singleFile: true,
    concurrency: 4,
  })) {
    expect(result.problems).toEqual([]);
    expect(result.failure).toBeUndefined();
    // Laid out as the PDF prints: nothing overflows, every character draws.
    expect(result.warnings).toEqual([]);
    results.set(result.name, result);
  }
}, 300_000);

/** The words of a language's catalogue, with what goes into them taken out. */
function catalogueWords(labels: Labels): string[] {
  return labelKeys
    .flatMap((key) => {
      const value = labels[key];
      return typeof value === "string" ? [value] : Object.values(value);
    })
    .flatMap((label) => label.split(/\{\w+\}/))
    .map((words) => words.replace(/[():,·]/g, " ").trim())
    .filter((words) => /[a-z]{2}/i.test(words) && words !== "PDF");
}

const englishWords = catalogueWords(en);

/** The English words of the tool in `text`, but for those the language shares (Sources, Page). */
function englishIn(text: string, language?: string): string[] {
  const own = language ? catalogueWords(catalogue[language] as Labels).join(" ") : "";
  return englishWords
    .filter((words) => !wordsIn(words, own))
    .filter((words) => wordsIn(words, text));
}

function wordsIn(words: string, text: string): boolean {
  return new RegExp(`(^|[^\\p{L}])${words.replace(/[.]/g, "\\$&")}($|[^\\p{L}])`, "iu").test(text);
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
    for (const language of languages) {
      const name = nameOf(language);
      for (const [kind, text] of Object.entries(outputs(name))) {
        expect(englishIn(text, language), `${name} ${kind}`).toEqual([]);
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

  it("Japanese: the handout's header and the cover's author and date are set apart by ・", () => {
    const { pdf, handout } = outputs("ja");
    expect(handout).toContain("配布資料・2024年6月19日現在");
    expect(pdf).toMatch(/北東アジア課\s*・\s*2024年6月19日現在/);
  });

  it("Arabic: the deck runs right to left, and each page's number stands apart from the date", () => {
    const result = results.get("ar") as BuildResult;
    const html = readFileSync(result.html as string, "utf8");
    expect(html).toMatch(/<html lang="ar" dir="rtl"[ >]/);
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

  it.each(languages)("%s: every title's words come back whole from the PDF's text", (language) => {
    const name = nameOf(language);
    const pdf = results.get(name)?.pdf as string;
    for (const title of titlesOf(name).filter((t) => !knownSplit(language, t))) {
      if (direction(language) === "rtl") {
        for (const word of title.split(" ")) {
          expect(rtlWords(pdf), `${word} of ${title}`).toContain(letters(word));
        }
      } else {
        expect(pdfPages(pdf).join("\n"), title).toMatch(titlePattern(title));
      }
    }
  });

  it.fails("Hindi: केंद्र comes back whole from the PDF's text", () => {
    // Poppler reads the word back as "कें द्र" wherever the deck prints it (Noto Sans
    // Devanagari): on the event's slide it finds 7.5 pt between the two parts, where a space
    // between words is 5.9 pt. The deck's HTML has it whole.
    const title = titlesOf("hi").find((t) => knownSplit("hi", t)) as string;
    expect(pdfPages(results.get("hi")?.pdf as string).join("\n")).toMatch(titlePattern(title));
  });

  it.each(["ja", "zh-Hans", "zh-Hant", "hi"])(
    "%s: no line of the PDF or the handout starts with a closing mark",
    (language) => {
      const result = results.get(nameOf(language)) as BuildResult;
      for (const file of [result.pdf, result.handout] as string[]) {
        const lines = pdfPages(file).join("\n").split("\n");
        expect(lines.filter((line) => /^[、。，．）」』》〉：；！？।]/u.test(line))).toEqual([]);
      }
    },
  );

  it.each(languages)("%s: the PDF embeds no Type 3 font", (language) => {
    const result = results.get(nameOf(language)) as BuildResult;
    expect(type3Fonts(result.pdf as string)).toBe(0);
    expect(type3Fonts(result.handout as string)).toBe(0);
  });

  it.each(languages)(
    "%s: the catalogue's words, and the brief's dates, where they belong",
    (language) => {
      const name = nameOf(language);
      const labels = catalogue[language] as Labels;
      const { pdf, handout, deck, single } = outputs(name);
      const brief = parse(readFileSync(`test/fixtures/languages/${name}.yaml`, "utf8"));
      const asOf = fillText(labels.asOf, { date: formatDate(dateOf(brief.date), language) });
      const words = [
        labels.kicker,
        labels.summary,
        labels.timeline,
        labels.sources,
        labels.cited,
        asOf,
        ...confidencesOf(brief).map((level) => labels[confidenceKey[level]]),
        ...brief.timeline.events.map(eventDate(language)),
        // The points of the newer briefs run on to a second slide.
        ...(brief.sections.some((section: { type: string }) => section.type === "points")
          ? [1, 2].map((index) => fillText(labels.part, { index: String(index), count: "2" }))
          : []),
      ];
      // A right-to-left PDF's text comes back in an order of poppler's: its words are checked
      // in the deck, and its titles above.
      const texts = direction(language) === "rtl" ? [deck, single] : [pdf, deck, single];
      for (const text of texts) {
        for (const word of words) expect(squeeze(text), word).toContain(squeeze(word));
      }
      const result = results.get(name) as BuildResult;
      for (const word of [labels.contents, labels.notes, labels.yourNotes]) {
        if (direction(language) === "ltr") {
          expect(squeeze(handout), word).toContain(squeeze(word));
        } else {
          const words = rtlWords(result.handout as string);
          for (const part of word.split(" ")) expect(words, word).toContain(letters(part));
        }
      }
      for (const file of [result.pdf, result.handout] as string[]) {
        expect(pdfOutline(file).map((b) => b.title)).toEqual(
          expect.arrayContaining([labels.summary, labels.timeline, labels.sources]),
        );
      }
      if (direction(language) === "ltr") {
        const pages = pdfPages(result.handout as string);
        expect(squeeze(pages.join("\n"))).toContain(
          squeeze(`${labels.handout}${labels.separator}${asOf}`),
        );
        pages.forEach((page, i) => {
          const pageOf = fillText(labels.pageOf, {
            page: String(i + 1),
            total: String(pages.length),
          });
          expect(squeeze(page), pageOf).toContain(squeeze(pageOf));
        });
      }
    },
  );

  it.each(["hi", "th"])("%s: the handout's margins are drawn in its script", (language) => {
    // Their words come back from the PDF's text, in a font of the deck's, not as empty boxes.
    const labels = catalogue[language] as Labels;
    const result = results.get(nameOf(language)) as BuildResult;
    const pages = pdfPages(result.handout as string);
    expect(type3Fonts(result.handout as string)).toBe(0);
    expect(squeeze(pages[0] as string)).toContain(squeeze(labels.handout));
  });
});

const confidenceKey = {
  low: "confidenceLow",
  moderate: "confidenceModerate",
  high: "confidenceHigh",
} as const;

/** The confidence levels of a brief's judgments. */
function confidencesOf(brief: {
  sections: { items?: { confidence?: keyof typeof confidenceKey }[] }[];
}): (keyof typeof confidenceKey)[] {
  return brief.sections.flatMap((section) =>
    (section.items ?? []).flatMap((item) => item.confidence ?? []),
  );
}

/** The brief's title and subtitle, and the titles of its events and sections. */
function titlesOf(name: string): string[] {
  const brief = parse(readFileSync(`test/fixtures/languages/${name}.yaml`, "utf8"));
  return [
    brief.title,
    brief.subtitle,
    ...brief.timeline.events.map((event: { title: string }) => event.title),
    ...brief.sections.flatMap((section: { title?: string }) => section.title ?? []),
  ];
}

/** Words that poppler splits in two, whatever the deck does: see the `it.fails` above. */
function knownSplit(language: string, title: string): boolean {
  return language === "hi" && title.includes("केंद्र");
}

// Scripts written without spaces between words, where a line may break between any two letters.
const unspaced =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\u3000-\u303f\uff00-\uffef]/u;

/**
 * A title as the PDF's text must hold it: each space a space or a line break, nothing between
 * the letters of a word, and a line break only where the script breaks lines inside words
 * (Japanese, Chinese, Thai), never inside a Korean, Latin or Cyrillic word.
 */
function titlePattern(title: string): RegExp {
  const chars = [...title];
  const parts = chars.map((c, i) => {
    if (c === " ") return "\\s+";
    const previous = chars[i - 1];
    const mayBreak =
      previous !== undefined && previous !== " " && (unspaced.test(c) || unspaced.test(previous));
    return `${mayBreak ? "\\n?" : ""}${c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
  });
  return new RegExp(parts.join(""), "u");
}

/**
 * The words of a right-to-left PDF's text, each as its sorted letters. In reading order,
 * between bidi marks. Poppler sets the two letters of a ligature (في, لا) the wrong way round in
 * right-to-left text, though the PDF's ActualText has them right (a plain Chromium print reads
 * back the same): a word counts when its letters are all there. A font that draws the dots of ق
 * or ن as marks came back as "ق مة" and "بوتي ن".
 */
function rtlWords(file: string): Set<string> {
  const known = rtlWordsRead.get(file);
  if (known) return known;
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], {
    encoding: "utf8",
  }).replace(/[\u202a-\u202e]/g, "");
  const words = new Set(text.split(/\s+/).map(letters));
  rtlWordsRead.set(file, words);
  return words;
}

const rtlWordsRead = new Map<string, Set<string>>();

const letters = (word: string) => [...word].sort().join("");

function type3Fonts(file: string): number {
  const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" });
  return fonts.split("\n").filter((line) => /\bType 3\b/.test(line)).length;
}

/** A date of the brief, as the tool reads it. */
function dateOf(value: unknown, approx?: Approx): PartialDate {
  const date = parseDate(value);
  if ("error" in date) throw new Error(date.error);
  return approx ? { ...date, approx } : date;
}

/** How an event's date reads on its slide and the overview: rough, a span, a time. */
function eventDate(language: string) {
  return (event: { date: unknown; end?: unknown; approx?: Approx }) =>
    event.end === undefined
      ? formatDate(dateOf(event.date, event.approx), language)
      : formatSpan(dateOf(event.date, event.approx), dateOf(event.end), language);
}
