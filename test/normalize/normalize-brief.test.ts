import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { BriefingError } from "../../src/errors.js";
import type { SlideFindings } from "../../src/inspect/in-page.js";
import { layoutProblems } from "../../src/inspect/layout-problems.js";
import { type LoadedBrief, validateBrief } from "../../src/load/load-brief.js";
import type { Brief } from "../../src/load/schema.js";
import { plainText } from "../../src/markup/inline.js";
import { buildDeck } from "../../src/model/build-deck.js";
import type { NormalBrief } from "../../src/normalize/normal-brief.js";
import { normalizeBrief } from "../../src/normalize/normalize-brief.js";

const fixture = "test/fixtures/valid/out-of-order.yaml";

async function loaded(): Promise<LoadedBrief & { brief: NormalBrief }> {
  const result = await validateBrief(fixture, await readFile(fixture, "utf8"));
  expect(result.problems).toEqual([]);
  return result as LoadedBrief & { brief: NormalBrief };
}

describe("normalizing a valid brief", () => {
  it("reads the as-of date and every event's, span's and source's date once", async () => {
    const { brief } = await loaded();
    expect(brief.date).toMatchObject({ precision: "month", year: 2024, month: 6 });
    const [last, first, span] = brief.timeline.events;
    expect(last?.date).toMatchObject({ precision: "day", year: 2024, month: 5, day: 2 });
    // A bare year is an integer in YAML; its approx stays beside the date, as written.
    expect(first?.date).toMatchObject({ precision: "year", year: 1961 });
    expect(span?.date).toMatchObject({ precision: "month", year: 2000, month: 7 });
    expect(span?.date.approx).toBeUndefined();
    expect(span?.approx).toBe("late");
    expect(span?.end).toMatchObject({ precision: "month", year: 2001, month: 2 });
    expect(brief.sources?.[0]?.date).toMatchObject({ precision: "day", day: 3 });
  });

  it("reads every field that takes markup into runs, and leaves titles as text", async () => {
    const { brief } = await loaded();
    expect(brief.summary?.[0]).toEqual([
      { text: "The " },
      { strong: true, runs: [{ text: "bottom" }] },
      { text: " line, with " },
      { href: "https://example.org", title: "Example", runs: [{ text: "a link" }] },
    ]);
    const [, first] = brief.timeline.events;
    expect(first?.title).toBe("Written second, happens first");
    expect(first?.detail).toEqual([{ text: "The earliest event" }]);
    expect(first?.notes && plainText(first.notes)).toBe("Said aloud");
    const [quote, judgments, actors] = brief.sections ?? [];
    expect(quote?.type === "quote" && plainText(quote.text)).toBe("A quoted line");
    expect(quote?.type === "quote" && quote.attribution).toBe("Someone");
    expect(judgments?.type === "judgments" && judgments.items[0]?.statement).toEqual([
      { text: "It is " },
      { strong: true, runs: [{ text: "likely" }] },
    ]);
    const person = actors?.type === "actors" ? actors.people[0] : undefined;
    expect(person?.name).toBe("A. Person");
    expect(person?.role).toEqual([{ text: "The " }, { em: true, runs: [{ text: "role" }] }]);
    expect(person?.note).toEqual([
      { text: "A " },
      { href: "mailto:a@example.org", runs: [{ text: "note" }] },
    ]);
  });

  it("keeps each event's, section's and source's path, pointing at its line", async () => {
    const { brief, positionOf } = await loaded();
    const lines = (items: readonly { path: (string | number)[] }[] | undefined) =>
      (items ?? []).map((item) => [item.path, positionOf(item.path).line]);
    expect(lines(brief.timeline.events)).toEqual([
      [["timeline", "events", 0], 7],
      [["timeline", "events", 1], 10],
      [["timeline", "events", 2], 14],
    ]);
    expect(lines(brief.sections)).toEqual([
      [["sections", 0], 20],
      [["sections", 1], 24],
      [["sections", 2], 29],
    ]);
    expect(lines(brief.sources)).toEqual([[["sources", 0], 36]]);
  });

  it("keeps the brief as written beside it", async () => {
    const { brief } = await loaded();
    expect(brief.written.date).toBe("2024-06");
    expect(brief.written.timeline.events[1]?.date).toBe(1961);
    expect(brief.written.summary?.[0]).toContain("**bottom**");
  });

  it("drops a link a page must not follow, for a brief that never passed validation", () => {
    const brief = normalizeBrief({
      title: "T",
      date: "2024",
      timeline: { events: [{ date: "2024", title: "E", detail: "[x](javascript:alert(1))" }] },
    });
    expect(brief.timeline.events[0]?.detail).toEqual([{ text: "x" }]);
  });
});

describe("the deck model of a normalized brief", () => {
  it("is the deck a library caller gets from the brief as written", async () => {
    const { brief } = await loaded();
    expect(buildDeck(brief, "d")).toEqual(buildDeck(brief.written, "d"));
  });

  it("reads the runs and dates it is given, without reading the written text again", async () => {
    const { brief } = await loaded();
    const [last, ...rest] = brief.timeline.events;
    const changed: NormalBrief = {
      ...brief,
      date: { ...brief.date, year: 2030 },
      timeline: {
        ...brief.timeline,
        events: [
          { ...(last as (typeof rest)[number]), detail: [{ text: "from the runs" }] },
          ...rest,
        ],
      },
    };
    const deck = buildDeck(changed, "d");
    expect(deck.dateText).toContain("2030");
    const slide = deck.slides.find((s) => s.title === "Written first, happens last");
    expect(slide?.kind === "event" && slide.event.detail).toEqual([{ text: "from the runs" }]);
  });

  it("gives each slide the path it is drawn from, events in time order and not file order", async () => {
    const { brief } = await loaded();
    const from = buildDeck(brief, "d").slides.map((s) => [s.id, s.from]);
    expect(from).toEqual([
      ["title", ["title"]],
      ["summary", ["summary"]],
      ["timeline", ["timeline"]],
      ["event-1", ["timeline", "events", 1]],
      ["event-2", ["timeline", "events", 2]],
      ["event-3", ["timeline", "events", 0]],
      ["section-1", ["sections", 0]],
      ["section-2", ["sections", 1]],
      ["section-3", ["sections", 2]],
      ["sources", ["sources"]],
      // The judgments' yardstick, explained: its problems point at the first judgments.
      ["yardstick", ["sections", 1]],
    ]);
  });

  it("lets a slide's problem point at the line of the event or section it shows", async () => {
    const brief = await loaded();
    const deck = buildDeck(brief.brief, brief.name);
    const overflowing = (id: string): SlideFindings => ({
      id,
      bodyOverflow: 40,
      cutOff: [],
      brokenImages: [],
      missingGlyphs: [],
    });
    const problems = layoutProblems(
      ["event-1", "event-3", "section-2"].map(overflowing),
      deck,
      brief,
    );
    expect(problems.map((p) => [p.code, p.path, p.pos.line])).toEqual([
      ["overflow", ["timeline", "events", 1], 10],
      ["overflow", ["timeline", "events", 0], 7],
      ["overflow", ["sections", 1], 24],
    ]);
  });
});

describe("a brief that was never validated", () => {
  it("is refused by the model as a caller's mistake, in words, not as a fault of briefing's", () => {
    const raw = { title: "T", date: "yesterday", timeline: { events: [] } } as unknown as Brief;
    const error = (() => {
      try {
        buildDeck(raw, "t");
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(BriefingError);
    expect((error as BriefingError).kind).toBe("usage");
    expect((error as BriefingError).message).toContain('"yesterday" is not a date');
  });
});
