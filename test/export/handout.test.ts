import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { loadBrief } from "../../src/load/load-brief.js";
import { plainText } from "../../src/markup/inline.js";
import { buildDeck } from "../../src/model/build-deck.js";
import type { Deck } from "../../src/model/deck.js";
import type { NormalBrief } from "../../src/normalize/normal-brief.js";
import { pdfInfo, pdfLinks, pdfOutline, pdfPages } from "../helpers/pdf.js";
import { tempDir } from "../helpers/temp.js";

const sample = "briefings/putin-kim-summit-2024.yaml";
let handout: string;
let deck: Deck;
let pages: string[];

beforeAll(async () => {
  const [result] = await build([sample], {
    outDir: await tempDir("handout"),
    pdf: false,
    handout: true,
  });
  expect(result?.problems).toEqual([]);
  handout = result?.handout as string;
  expect(handout).toMatch(/putin-kim-summit-2024-handout\.pdf$/);
  deck = buildDeck((await loadBrief(sample)).brief as NormalBrief, "putin-kim-summit-2024");
  pages = pdfPages(handout).map((p) => p.replace(/\s+/g, " "));
});

describe("the handout", () => {
  it("has portrait A4 pages, one per slide, numbered, with the banner top and bottom", () => {
    const info = pdfInfo(handout);
    expect(info["Page size"]).toMatch(/A4/);
    expect(info.Tagged).toBe("yes");
    expect(pages).toHaveLength(deck.total);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${deck.total}`);
      // Twice in the page margins, twice on the slide drawn on it.
      expect(page.match(/UNCLASSIFIED/g)).toHaveLength(4);
    });
  });

  it("sets its running header and footer in the deck's font, not the browser's default", () => {
    const xml = execFileSync(
      "pdftohtml",
      ["-xml", "-i", "-stdout", "-f", "2", "-l", "2", handout],
      {
        encoding: "utf8",
      },
    );
    const families = new Map(
      [...xml.matchAll(/<fontspec id="(\d+)"[^>]* family="([^"]+)"/g)].map((m) => [m[1], m[2]]),
    );
    const fontOf = (text: string) =>
      families.get(new RegExp(`font="(\\d+)">(?:<b>)?${text}`).exec(xml)?.[1] ?? "");
    for (const text of ["Handout · As of", "Page 2 of", "Regional desk", "UNCLASSIFIED"]) {
      expect(fontOf(text)).toMatch(/^[A-Z]{6}\+SourceSans3/);
    }
  });

  it("puts each slide on its page with its speaker notes and its sources below", () => {
    const sources = deck.slides.flatMap((s) => (s.kind === "sources" ? s.sources : []));
    deck.slides.forEach((slide, i) => {
      const page = pages[i] as string;
      expect(page).toContain(`${slide.number} / ${deck.total}`);
      if (slide.title) expect(page).toContain(slide.title.replace(/\s+/g, " "));
      if (slide.notes) {
        const notes = plainText(slide.notes);
        expect(page).toContain("NOTES");
        expect(page).toContain(notes.replace(/\s+/g, " ").trim());
        // Once, below the slide: the slide itself never shows its notes.
        expect(page.split(notes.slice(0, 30)).length).toBe(2);
        expect(page).not.toContain("YOUR NOTES");
      } else if (i > 0) {
        // Ruled space for the reader's own notes instead.
        expect(page).toContain("YOUR NOTES");
      }
      for (const n of slide.refs) {
        const source = sources.find((s) => s.number === n);
        // A graded source with its grade before its title: "[1] B2 Title".
        const grade = source?.grade ? ` ${source.grade}` : "";
        expect(page).toContain(`[${n}]${grade} ${source?.title}`);
      }
    });
    expect(deck.slides.filter((s) => s.notes).length).toBeGreaterThan(3);
  });

  it("writes an event's place after its date on the event's sheet", () => {
    const located = deck.slides.filter((s) => s.kind === "event" && s.event.location);
    expect(located.length).toBeGreaterThan(2);
    for (const slide of located) {
      if (slide.kind !== "event") continue;
      expect(pages[slide.number - 1]).toContain(
        `${slide.event.dateText} · ${slide.event.location}`.replace(/\s+/g, " "),
      );
    }
  });

  it("has bookmarks and a linked list of contents, and working links", async () => {
    const outline = pdfOutline(handout);
    expect(outline.map((b) => b.page)).toEqual(
      deck.slides
        .filter((s) => !s.part?.match(/^[2-9]/) && s.kind !== "event")
        .map((s) => s.number),
    );
    const links = await pdfLinks(handout);
    // The contents under the title slide link to the sheet each part starts on.
    expect(pages[0]).toContain("CONTENTS");
    expect(links[0]?.map((l) => ("page" in l ? l.page : 0))).toEqual(
      outline.slice(1).map((b) => b.page),
    );
    expect(links.flat().some((l) => "uri" in l && l.uri === "https://www.koreaherald.com/")).toBe(
      true,
    );
    expect(links.flat().some((l) => "page" in l && l.page === deck.total)).toBe(true);
  });
});

describe("a handout with notes longer than a page", () => {
  it("runs the notes on to the next page, and keeps its bookmarks right", async () => {
    const work = await tempDir("handout-long");
    const words = Array.from({ length: 900 }, (_, i) => `word${i}`).join(" ");
    const yaml = [
      "title: Long notes",
      "date: 2024-06-19",
      "timeline:",
      "  events:",
      "    - date: 2001",
      "      title: First",
      "      detail: The first.",
      `      notes: "${words} THE-END"`,
      "    - date: 2002",
      "      title: Second",
      "      detail: The second.",
      "      notes: Short.",
    ].join("\n");
    await writeFile(path.join(work, "long.yaml"), `${yaml}\n`);
    const [result] = await build([path.join(work, "long.yaml")], {
      outDir: work,
      pdf: false,
      handout: true,
    });
    const file = result?.handout as string;
    const text = pdfPages(file);
    // Title, timeline, First (its notes over three pages), Second.
    expect(text).toHaveLength(6);
    expect(text[2]).toContain("word0");
    expect(text[4]).toContain("THE-END");
    expect(text[5]).toContain("Short.");
    const words900 = text.join(" ").match(/word\d+/g);
    expect(new Set(words900).size).toBe(900);
    const outline = pdfOutline(file);
    expect(outline[1]?.children.map((b) => [b.title, b.page])).toEqual([
      ["First", 3],
      ["Second", 6],
    ]);
  });
});
