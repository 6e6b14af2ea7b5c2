import { describe, expect, it } from "vitest";
import { labelsFor } from "../../src/labels/catalogue.js";
import type { Brief } from "../../src/load/schema.js";
import { buildDeck } from "../../src/model/build-deck.js";
import { listRoom } from "../../src/model/fit.js";

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

  it("puts ten short sources on a slide, not five", () => {
    const sources = Array.from({ length: 40 }, (_, i) => ({
      id: `s${i + 1}`,
      title: `Joint statement on the talks, part ${i + 1}`,
      publisher: "Yonhap",
      date: "2024-06-19",
      url: `https://en.yna.co.kr/view/AEN20240619000${i}`,
    }));
    const slides = slidesOf({ ...base, sources }, "sources");
    // Counted by characters, each took two lines of the nine a slide had: eight slides.
    expect(slides.map((s) => (s.kind === "sources" ? s.sources.length : 0))).toEqual([
      10, 10, 10, 10,
    ]);
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

describe("the room a slide's frame leaves for its list", () => {
  const frame = {
    title: "Judgments",
    longTitle: false,
    refs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    classified: true,
    labels: labelsFor("en"),
  };

  it("measures the sources line in the brief's own words", () => {
    // Long enough to take a second line at 18 px across the slide, where "Quellen:" takes one.
    const long = labelsFor("de", {
      cited:
        "Quellen, Belege und weiterführende Hinweise des Lagezentrums zu dieser Folie, ".repeat(2),
    });
    expect(listRoom({ ...frame, labels: long })).toBeLessThan(listRoom(frame));
  });

  it("measures a continued slide's part as the heading writes it", () => {
    const title = "Judgments";
    const wide = labelsFor("en", {
      part: "(part {index} of {count}, continued from the slide before, and again after) ".repeat(
        2,
      ),
    });
    expect(listRoom({ ...frame, title, part: "2/3", labels: wide })).toBeLessThan(
      listRoom({ ...frame, title, part: "2/3" }),
    );
  });
});
