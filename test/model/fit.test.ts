import { describe, expect, it } from "vitest";
import type { Brief } from "../../src/load/schema.js";
import { buildDeck } from "../../src/model/build-deck.js";

const base: Brief = {
  title: "Fitting",
  date: "2024-06-19",
  timeline: { events: [{ date: "2024-06-19", title: "One" }] },
};

const slidesOf = (brief: Brief, kind: string) =>
  buildDeck(brief, "fit").slides.filter((slide) => slide.kind === kind);

describe("what fits on a slide", () => {
  it("puts six people with short roles on one slide", () => {
    const people = ["Ann Lee", "Bo Kim", "Cy Park", "Di Cho", "Ed Yun", "Fay Han"].map((name) => ({
      name,
      role: "Envoy",
    }));
    const slides = slidesOf(
      { ...base, sections: [{ type: "actors", title: "Who is involved", people }] },
      "actors",
    );
    expect(slides.map((s) => s.part)).toEqual([undefined]);
  });

  it("puts ten and more short sources on a slide", () => {
    const sources = Array.from({ length: 40 }, (_, i) => ({
      id: `s${i + 1}`,
      title: `Report ${i + 1}`,
      publisher: "Reuters",
      date: "2024-06-19",
    }));
    const slides = slidesOf({ ...base, sources }, "sources");
    // Counted by characters, they took five slides of nine.
    expect(slides.length).toBeLessThanOrEqual(4);
    expect(slides.flatMap((s) => (s.kind === "sources" ? s.sources : [])).length).toBe(40);
  });

  it("has less room under classification banners and a sources line", () => {
    const items = Array.from({ length: 40 }, (_, i) => `Point ${i + 1}`);
    const plain = slidesOf(
      { ...base, sections: [{ type: "points", title: "P", items }] },
      "points",
    );
    const marked = slidesOf(
      {
        ...base,
        classification: "SECRET",
        sections: [{ type: "points", title: "P", items, sources: ["a"] }],
        sources: [{ id: "a", title: "A" }],
      },
      "points",
    );
    expect(marked.length).toBeGreaterThan(plain.length);
  });

  it("makes the pages of a long list even", () => {
    const people = Array.from({ length: 7 }, (_, i) => ({
      name: `Person ${i + 1}`,
      role: "Envoy",
      note: "Led the talks in the spring and the autumn.",
    }));
    const slides = slidesOf(
      { ...base, sections: [{ type: "actors", title: "Who", people }] },
      "actors",
    );
    const sizes = slides.map((s) => (s.kind === "actors" ? s.people.length : 0));
    expect(sizes.length).toBe(2);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });
});
