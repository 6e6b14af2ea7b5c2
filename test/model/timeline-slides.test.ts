import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Brief, BriefEvent } from "../../src/load/schema.js";
import { plainText } from "../../src/markup/inline.js";
import { buildDeck } from "../../src/model/build-deck.js";

// Twelve events over nine days: laid out greedily, the first overview took ten and left two.
const days = [1, 1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 9];
const twelve: BriefEvent[] = days.map((day, i) => ({
  date: `2024-06-0${day}`,
  title: `Talks in the capital between the two delegations, round ${i + 1}`,
}));

const deckOf = (events: BriefEvent[]) =>
  buildDeck({ title: "T", date: "2024-06-19", timeline: { events } } satisfies Brief, "t");

describe("the timeline's overview pages", () => {
  it("are even where the events fit either way", () => {
    const overviews = deckOf(twelve).slides.filter((s) => s.kind === "overview");
    expect(overviews.map((s) => (s.kind === "overview" ? s.plot.events.length : 0))).toEqual([
      6, 6,
    ]);
  });
});

describe("a Thai brief's overview", () => {
  it("wraps its labels between words, as the browser does, and fits its six events on a page", () => {
    // Thai has no spaces between words: measured as one line each, the labels took two pages.
    const brief = parse(readFileSync("test/fixtures/languages/th.yaml", "utf8")) as Brief;
    const overviews = buildDeck(brief, "th").slides.filter((s) => s.kind === "overview");
    expect(overviews.map((s) => (s.kind === "overview" ? s.plot.events.length : 0))).toEqual([6]);
  });
});

describe("an event with only notes", () => {
  it("has no slide of its own; its notes are on the overview that shows it", () => {
    const events = twelve.map((e, i) =>
      i === 1
        ? { ...e, detail: "Shown on its own slide." }
        : i === 10
          ? { ...e, notes: "Say why it stalled." }
          : e,
    );
    const deck = deckOf(events);
    expect(deck.slides.filter((s) => s.kind === "event").map((s) => s.title)).toEqual([
      twelve[1]?.title,
    ]);
    const notes = Object.fromEntries(
      deck.slides.map((s) => [s.id, s.notes === undefined ? undefined : plainText(s.notes)]),
    );
    expect(notes.timeline).toBeUndefined();
    expect(notes["timeline-2"]).toBe(`8 June 2024, ${twelve[10]?.title}: Say why it stalled.`);
    const onPlot = deck.slides
      .flatMap((s) => (s.kind === "overview" ? s.plot.events : []))
      .find((placed) => placed.event.title === twelve[10]?.title);
    expect(onPlot?.event.slideId).toBeUndefined();
  });
});
