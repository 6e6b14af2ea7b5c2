import { describe, expect, it } from "vitest";
import type { Brief } from "../../src/load/schema.js";
import { buildDeck } from "../../src/model/build-deck.js";
import { deckOutline } from "../../src/model/outline.js";

const brief: Brief = {
  title: "T",
  date: "2024-06-19",
  summary: ["one"],
  timeline: {
    title: "Road",
    events: [
      { date: 2000, title: "With slide", detail: "d" },
      { date: 2001, title: "Without slide" },
    ],
  },
  sections: [
    {
      type: "points",
      title: "Long list",
      items: Array.from({ length: 30 }, (_, i) => `item ${i}`),
    },
    { type: "quote", text: "Q", attribution: "Someone" },
    { type: "image", src: "x.png" },
  ],
  sources: [{ id: "a", title: "A" }],
};

describe("deckOutline", () => {
  it("bookmarks each part once, at its first slide, with events under the timeline", () => {
    const deck = buildDeck(brief, "t");
    const outline = deckOutline(deck);
    expect(outline.map((e) => [e.title, e.page])).toEqual([
      ["T", 1],
      ["Bottom line up front", 2],
      ["Road", 3],
      ["Long list", 5],
      ["Someone", deck.total - 2],
      ["Image", deck.total - 1],
      ["Sources", deck.total],
    ]);
    expect(outline[2]?.children).toEqual([{ title: "With slide", page: 4, children: [] }]);
    // The list continued on later slides has one bookmark.
    expect(deck.slides.filter((s) => s.title === "Long list").length).toBeGreaterThan(1);
  });
});

describe("bookmarks of text with inline markup", () => {
  it("are the plain text, without asterisks or URLs", () => {
    const caption = "**Bold** and *italic* [caption](https://example.com)";
    const deck = buildDeck({ ...brief, sections: [{ type: "image", src: "x.png", caption }] }, "t");
    expect(deckOutline(deck).map((e) => e.title)).toContain("Bold and italic caption");
  });
});
