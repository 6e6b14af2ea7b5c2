import { describe, expect, it } from "vitest";
import type { Brief } from "../../src/load/schema.js";
import { buildDeck } from "../../src/model/build-deck.js";
import type { Slide } from "../../src/model/deck.js";

const brief = (language: string): Brief => ({
  title: "T",
  date: "2024-06-19",
  language,
  timeline: { events: [{ date: "2024-06-19", title: "E", detail: "D", sources: ["a", "b"] }] },
  sources: [
    { id: "a", title: "A", url: "https://example.com/", accessed: "2024-06-03", grade: "b2" },
    { id: "b", title: "B" },
  ],
});

const sourcesSlide = (language: string) =>
  buildDeck(brief(language), "t").slides.find((s) => s.kind === "sources") as Extract<
    Slide,
    { kind: "sources" }
  >;

describe("graded sources in the deck model", () => {
  it("write the grade in capitals, in words for its tooltip, and by number for citations", () => {
    const deck = buildDeck(brief("en"), "t");
    const [a, b] = sourcesSlide("en").sources;
    expect(a).toMatchObject({ grade: "B2", gradeWords: "B usually reliable, 2 probably true" });
    expect(b?.grade).toBeUndefined();
    expect(deck.grades).toEqual({ 1: "B2" });
  });

  it("write the access date after the url, as the brief's language does", () => {
    const link = (language: string) =>
      sourcesSlide(language)
        .sources[0]?.link?.map((piece) => piece.text)
        .join("");
    expect(link("en")).toBe("https://example.com/, accessed 3 June 2024");
    expect(link("ru")).toBe("https://example.com/ (дата обращения: 3 июня 2024 г.)");
    expect(link("ja")).toBe("https://example.com/（2024年6月3日閲覧）");
    expect(sourcesSlide("en").sources[1]?.link).toBeUndefined();
  });

  it("give the sources slide the scale's key in the catalogue's words, only when a source is graded", () => {
    const key = sourcesSlide("de").gradeKey;
    expect(key?.reliability.name).toBe("Zuverlässigkeit der Quelle");
    expect(key?.reliability.grades.map((g) => g.code).join("")).toBe("ABCDEF");
    expect(key?.credibility.grades[5]).toEqual({ code: "6", words: "nicht beurteilbar" });
    const ungraded = {
      ...brief("en"),
      sources: [
        { id: "a", title: "A" },
        { id: "b", title: "B" },
      ],
    };
    const slide = buildDeck(ungraded, "t").slides.find((s) => s.kind === "sources");
    expect(slide && "gradeKey" in slide && slide.gradeKey).toBeFalsy();
  });
});
