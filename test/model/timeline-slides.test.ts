import { describe, expect, it } from "vitest";
import type { Brief, BriefEvent } from "../../src/load/schema.js";
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
