import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Brief, BriefEvent } from "../../src/load/schema.js";
import { plainText } from "../../src/markup/inline.js";
import { buildDeck } from "../../src/model/build-deck.js";

// Sixteen events, two a day: laid out greedily, the first overview took twelve and left four.
const sixteen: BriefEvent[] = Array.from({ length: 16 }, (_, i) => ({
  date: `2024-06-0${1 + Math.floor(i / 2)}`,
  title: `Talks in the capital between the two delegations, round ${i + 1}`,
}));

const deckOf = (events: BriefEvent[]) =>
  buildDeck({ title: "T", date: "2024-06-19", timeline: { events } } satisfies Brief, "t");

describe("the timeline's overview pages", () => {
  it("are even where the events fit either way", () => {
    const overviews = deckOf(sixteen).slides.filter((s) => s.kind === "overview");
    expect(overviews.map((s) => (s.kind === "overview" ? s.plot.events.length : 0))).toEqual([
      8, 8,
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
    const events = sixteen.map((e, i) =>
      i === 1
        ? { ...e, detail: "Shown on its own slide." }
        : i === 10
          ? { ...e, notes: "Say why it stalled." }
          : e,
    );
    const deck = deckOf(events);
    expect(deck.slides.filter((s) => s.kind === "event").map((s) => s.title)).toEqual([
      sixteen[1]?.title,
    ]);
    const notes = Object.fromEntries(
      deck.slides.map((s) => [s.id, s.notes === undefined ? undefined : plainText(s.notes)]),
    );
    expect(notes.timeline).toBeUndefined();
    expect(notes["timeline-2"]).toBe(`6 June 2024, ${sixteen[10]?.title}: Say why it stalled.`);
    const onPlot = deck.slides
      .flatMap((s) => (s.kind === "overview" ? s.plot.events : []))
      .find((placed) => placed.event.title === sixteen[10]?.title);
    expect(onPlot?.event.slideId).toBeUndefined();
  });
});

describe("low events left without labels", () => {
  it("are counted under the plot and listed in the overview's notes", () => {
    const events: BriefEvent[] = Array.from({ length: 40 }, (_, i) => ({
      date: `2025-${String(1 + Math.floor(i / 4)).padStart(2, "0")}-${String(1 + (i % 4) * 7).padStart(2, "0")}`,
      title: `Event ${i + 1} of a long chronology, with a title of usual length`,
      ...(i % 3 === 0 ? {} : { importance: "low" as const }),
    }));
    const overviews = deckOf(events).slides.flatMap((s) => (s.kind === "overview" ? [s] : []));
    const dropped = overviews.map((s) => s.plot.events.filter((e) => !e.label));
    expect(dropped.flat().length).toBeGreaterThan(0);
    overviews.forEach((s, p) => {
      const unlabelled = dropped[p] ?? [];
      if (unlabelled.length === 0) {
        expect(s.plot.unlabelled).toBeUndefined();
        return;
      }
      expect(s.plot.unlabelled).toBe(
        `+${unlabelled.length} event${unlabelled.length === 1 ? "" : "s"} without ${unlabelled.length === 1 ? "a label" : "labels"}, listed in the notes`,
      );
      const notes = plainText(s.notes ?? []);
      expect(notes).toContain("Without labels on the slide:");
      for (const e of unlabelled)
        expect(notes).toContain(`${e.event.dateText}, ${e.event.title}\n`.trimEnd());
    });
  });
});
