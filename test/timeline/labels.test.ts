import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDate } from "../../src/timeline/date.js";
import { labelSize, labelText, locationFits, textWidth } from "../../src/timeline/labels.js";
import { layoutOverview, type TimelineItem } from "../../src/timeline/overview.js";

// A location joins an overview label's date line only in the room the box already has: the
// layout's boxes are the same with or without it.

const latin = fc.stringMatching(/^[A-Za-z]{1,12}$/);
const hangul = fc.stringMatching(/^[\uac00-\ud7a3]{1,6}$/);
const arabic = fc.stringMatching(/^[\u0621-\u064a]{1,10}$/);
const anyWord = fc.oneof(latin, hangul, arabic);
const words = (word: fc.Arbitrary<string>, most: number) =>
  fc.array(word, { minLength: 1, maxLength: most }).map((list) => list.join(" "));
const dateText = fc.constantFrom(
  "1961",
  "July 2000",
  "19 June 2024",
  "2024년 6월 19일",
  "١٩ يونيو ٢٠٢٤",
);
const badge = fc.constantFrom(undefined, "New", "신규");
const breaks = fc.constantFrom("keep-all" as const, "strict" as const);

describe("a label's location", () => {
  it("never changes the box's width or height, and shows only where it fits", () => {
    fc.assert(
      fc.property(
        words(anyWord, 12),
        dateText,
        breaks,
        badge,
        words(anyWord, 6),
        (title, date, lineBreaks, withBadge, location) => {
          const without = labelSize(title, date, lineBreaks, withBadge);
          const withIt = labelSize(title, date, lineBreaks, withBadge, location);
          expect(withIt.width).toBe(without.width);
          expect(withIt.height).toBe(without.height);
          expect(withIt.lines).toBe(without.lines);
          expect(without.location).toBe(false);
          expect(withIt.location).toBe(locationFits(withIt.width, date, withBadge, location));
          if (withIt.location) {
            // The whole date line at the date's 14 px, within the box and its padding.
            const letters =
              textWidth(`${date} · ${location}`) * (14 / 18) +
              (withBadge ? (18 + textWidth(withBadge) * 8.6) / labelText.charWidth : 0);
            expect(letters * labelText.charWidth).toBeLessThanOrEqual(withIt.width - 4);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("shows a short place under a long title, and leaves out one wider than the box", () => {
    const title = "Summit talks begin at the Kumsusan Palace of the Sun";
    expect(labelSize(title, "19 June 2024", "keep-all", undefined, "Pyongyang").location).toBe(
      true,
    );
    const far = labelSize(
      "Kim visits",
      "September 2023",
      "keep-all",
      undefined,
      "Vostochny Cosmodrome, Amur Oblast",
    );
    expect(far.location).toBe(false);
    expect(far.width).toBe(labelSize("Kim visits", "September 2023").width);
  });

  it("counts Korean places as wide letters", () => {
    // 평양 is two wide letters: as wide as four Latin ones, so it fits where "Pyon" would.
    const title = "North Korea places a spy satellite into orbit";
    const box = labelSize(title, "2023년 11월").width;
    const room = (box - 4) / labelText.charWidth / (14 / 18) - textWidth("2023년 11월") - 3;
    const fitting = "평".repeat(Math.floor(room / 2));
    expect(labelSize(title, "2023년 11월", "keep-all", undefined, fitting).location).toBe(true);
    expect(labelSize(title, "2023년 11월", "keep-all", undefined, `${fitting}평`).location).toBe(
      false,
    );
  });

  it("leaves the overview's pages as they are without it", () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2024-06-${String(d).padStart(2, "0")}`);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(day, words(latin, 10), words(anyWord, 5)), {
          minLength: 1,
          maxLength: 30,
        }),
        (raw) => {
          const items: TimelineItem[] = raw
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([value, title]) => {
              const date = parseDate(value);
              if ("error" in date) throw new Error(date.error);
              return { date, title, dateText: value };
            });
          const asOf = items[items.length - 1]?.date as TimelineItem["date"];
          const located = items.map((item, i) => ({ ...item, location: raw[i]?.[2] }));
          expect(layoutOverview(located, asOf)).toEqual(layoutOverview(items, asOf));
        },
      ),
      { numRuns: 40 },
    );
  });
});
