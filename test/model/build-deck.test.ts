import { describe, expect, it } from "vitest";
import type { Brief } from "../../src/load/schema.js";
import { plainText } from "../../src/markup/inline.js";
import { buildDeck } from "../../src/model/build-deck.js";
import { classificationLevel } from "../../src/model/classification.js";
import { paginate } from "../../src/model/fit.js";

const brief: Brief = {
  title: "T",
  date: "2024-06-19",
  summary: ["one", "two"],
  timeline: {
    events: [
      { date: "2024-06-19", title: "Later", detail: "has detail", sources: ["b", "a"] },
      { date: 1961, title: "Earliest" },
      { date: "2000-07", title: "Middle", notes: "speak" },
    ],
  },
  sections: [
    { type: "points", title: "Points", items: ["p"] },
    { type: "watch", title: "Watch", items: ["w"] },
  ],
  sources: [
    { id: "a", title: "Source A" },
    { id: "b", title: "Source B" },
  ],
};

describe("buildDeck", () => {
  it("puts slides in the default order, one per event with something to show", () => {
    const deck = buildDeck(brief, "t");
    expect(deck.slides.map((s) => s.kind)).toEqual([
      "title",
      "summary",
      "overview",
      "event",
      "points",
      "watch",
      "sources",
    ]);
    expect(deck.slides.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(deck.slides.filter((s) => s.kind === "event").map((s) => s.title)).toEqual(["Later"]);
  });

  it("numbers sources in their listed order and cites them by number", () => {
    const deck = buildDeck(brief, "t");
    const later = deck.slides.find((s) => s.title === "Later");
    expect(later?.refs).toEqual([1, 2]);
  });

  it("continues a long list on the next slide instead of shrinking it", () => {
    const items = Array.from(
      { length: 30 },
      (_, i) => `Point number ${i + 1}, long enough to take most of a line on the slide.`,
    );
    const deck = buildDeck({ ...brief, sections: [{ type: "points", title: "Many", items }] }, "t");
    const parts = deck.slides.filter((s) => s.kind === "points");
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.part)).toEqual(parts.map((_, i) => `${i + 1}/${parts.length}`));
    expect(parts.flatMap((p) => (p.kind === "points" ? p.items.map(plainText) : []))).toEqual(
      items,
    );
  });
});

describe("paginate", () => {
  it("keeps order, fills pages up to the budget and never leaves a page empty", () => {
    expect(paginate([3, 3, 3, 5, 1], (n) => n, 6)).toEqual([[3, 3], [3], [5, 1]]);
    expect(paginate([9, 1], (n) => n, 6)).toEqual([[9], [1]]);
    expect(paginate([], (n: number) => n, 6)).toEqual([]);
  });
});

describe("classificationLevel", () => {
  it("reads the banner colour from the wording", () => {
    expect(classificationLevel("UNCLASSIFIED")).toBe("unclassified");
    expect(classificationLevel("SECRET//NOFORN")).toBe("secret");
    expect(classificationLevel("TOP SECRET")).toBe("top-secret");
    expect(classificationLevel("Internal use")).toBe("other");
  });

  it("reads the markings of Korea, Japan, China and Russia too", () => {
    const cases: [string, string][] = [
      ["대외비", "restricted"],
      ["3급비밀", "confidential"],
      ["2급 비밀", "secret"],
      ["1급비밀", "top-secret"],
      ["비밀", "secret"],
      ["取扱注意", "restricted"],
      ["部外秘", "restricted"],
      ["秘", "secret"],
      ["極秘", "top-secret"],
      ["特定秘密", "top-secret"],
      ["内部", "restricted"],
      ["秘密", "confidential"],
      ["机密", "secret"],
      ["绝密", "top-secret"],
      ["для служебного пользования", "restricted"],
      ["ДСП", "restricted"],
      ["секретно", "secret"],
      ["Совершенно секретно", "top-secret"],
      ["несекретно", "unclassified"],
      ["비밀번호 없음", "other"],
    ];
    for (const [marking, level] of cases)
      expect([marking, classificationLevel(marking)]).toEqual([marking, level]);
  });
});

describe("where slides come from", () => {
  it("each slide names the path in the YAML it is drawn from", () => {
    const events = brief.timeline.events.map((e) =>
      e.title === "Middle" ? { ...e, detail: "shown" } : e,
    );
    const deck = buildDeck({ ...brief, timeline: { events } }, "t");
    const from = Object.fromEntries(deck.slides.map((s) => [s.id, s.from]));
    expect(from.title).toEqual(["title"]);
    expect(from.summary).toEqual(["summary"]);
    expect(from.timeline).toEqual(["timeline"]);
    // Events are shown in time order but point at where they were written.
    expect(deck.slides.find((s) => s.title === "Later")?.from).toEqual(["timeline", "events", 0]);
    expect(deck.slides.find((s) => s.title === "Middle")?.from).toEqual(["timeline", "events", 2]);
    expect(from["section-2"]).toEqual(["sections", 1]);
    expect(from.sources).toEqual(["sources"]);
  });
});
