import { describe, expect, it } from "vitest";
import type { Brief, BriefEvent } from "../../src/load/schema.js";
import { plainText } from "../../src/markup/inline.js";
import { buildDeck } from "../../src/model/build-deck.js";
import type { Deck, Slide } from "../../src/model/deck.js";

// An event's location and importance, from the brief to the slides' model.

const events: BriefEvent[] = [
  { date: "2000-07", title: "Putin visits Pyongyang and meets Kim Jong-il", location: "Pyongyang" },
  {
    date: "2023-09",
    title: "Kim visits",
    location: "Vostochny Cosmodrome, Amur Oblast, Russian Far East",
    importance: "low",
    notes: "The launch site, not Vladivostok.",
  },
  {
    date: "2024-06-19",
    title: "Summit talks begin at the Kumsusan Palace of the Sun",
    location: "  Pyongyang ",
    importance: "high",
    detail: "Attended by both delegations.",
  },
  { date: "2024-06-20", title: "No place given", location: "   ", detail: "Blank." },
];

const deckOf = (list: BriefEvent[], language?: string): Deck =>
  buildDeck(
    { title: "T", date: "2024-06-21", language, timeline: { events: list } } satisfies Brief,
    "t",
  );

type Of<K extends Slide["kind"]> = Extract<Slide, { kind: K }>;
const overview = (deck: Deck) => deck.slides.find((s) => s.kind === "overview") as Of<"overview">;
const eventSlide = (deck: Deck, title: string) =>
  deck.slides.find((s) => s.kind === "event" && s.title === title) as Of<"event">;

describe("an event's location and importance", () => {
  it("reach the event's view, trimmed, normal when not given", () => {
    const deck = deckOf(events);
    const views = overview(deck).plot.events.map((e) => e.event);
    expect(views.map((v) => [v.location, v.importance])).toEqual([
      ["Pyongyang", "normal"],
      ["Vostochny Cosmodrome, Amur Oblast, Russian Far East", "low"],
      ["Pyongyang", "high"],
      [undefined, "normal"],
    ]);
    expect(
      eventSlide(deck, "Summit talks begin at the Kumsusan Palace of the Sun").event,
    ).toMatchObject({ location: "Pyongyang", importance: "high" });
  });

  it("show on the overview's label where it fits, and not where it does not", () => {
    const placed = overview(deckOf(events)).plot.events;
    expect(placed.map((e) => e.location)).toEqual(["Pyongyang", undefined, "Pyongyang", undefined]);
  });

  it("mark a high event's dot on the strip", () => {
    const slide = eventSlide(deckOf(events), "No place given");
    expect(slide.strip.dots.map((d) => d.high)).toEqual([undefined, undefined, true, undefined]);
  });

  it("write the place with the date in the notes of an event without a slide", () => {
    const notes = overview(deckOf(events)).notes;
    expect(notes && plainText(notes)).toBe(
      "September 2023 · Vostochny Cosmodrome, Amur Oblast, Russian Far East, Kim visits: The launch site, not Vladivostok.",
    );
    // In Japanese, with its own separator.
    const ja = overview(deckOf(events, "ja")).notes;
    expect(ja && plainText(ja)).toContain("・Vostochny Cosmodrome");
  });
});
