import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { validateBrief } from "../../src/load/load-brief.js";
import { buildDeck } from "../../src/model/build-deck.js";
import { renderDeck } from "../../src/render/render-deck.js";

// Any text at all, with something that would be markup if it were not escaped.
const text = fc
  .tuple(
    fc.string({ unit: "grapheme", maxLength: 30 }),
    fc.constantFrom("<b>", "<script>x</script>", '"><img src=x>', "{{x}}", "<"),
    fc.string({ maxLength: 10 }),
  )
  .map((parts) => parts.join(""));
const plain = fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 });
const day = fc
  .date({ min: new Date("1900-01-01"), max: new Date("2099-12-31"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const dateValue = fc.oneof(
  day,
  day.map((d) => d.slice(0, 7)),
  fc.integer({ min: 1, max: 9999 }),
  day.map((d) => `${d}T12:30+09:00`),
);

const event = fc.record(
  {
    date: dateValue,
    title: fc.oneof(text, plain),
    detail: fc.oneof(text, plain),
    notes: text,
    category: fc.constant("c"),
    sources: fc.constant(["s"]),
  },
  { requiredKeys: ["date", "title"] },
);
const section = fc.oneof(
  fc.record({
    type: fc.constant("points"),
    title: text,
    items: fc.array(text, { minLength: 1, maxLength: 30 }),
  }),
  fc.record({
    type: fc.constant("watch"),
    title: text,
    items: fc.array(text, { minLength: 1, maxLength: 5 }),
  }),
  fc.record({ type: fc.constant("quote"), text, attribution: text, source: fc.constant("s") }),
  fc.record({
    type: fc.constant("actors"),
    title: text,
    people: fc.array(fc.record({ name: text, role: text, note: text }), {
      minLength: 1,
      maxLength: 8,
    }),
  }),
  fc.record({
    type: fc.constant("judgments"),
    title: text,
    items: fc.array(
      fc.record({
        statement: text,
        likelihood: fc.constantFrom("Likely", "probable", "ALMOST CERTAIN", "roughly even odds"),
        confidence: fc.constantFrom("low", "moderate", "high"),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  }),
);
const brief = fc.record({
  title: text,
  subtitle: text,
  date: day,
  author: text,
  classification: text,
  language: fc.constantFrom("en", "en-US", "ko", "de", "fr", "ja", "ru"),
  summary: fc.array(text, { maxLength: 6 }),
  timeline: fc.record({
    title: text,
    categories: fc.constant({ c: { label: "C", color: "#123456" } }),
    events: fc.array(event, { minLength: 1, maxLength: 25 }),
  }),
  sections: fc.array(section, { maxLength: 4 }),
  sources: fc.constant([{ id: "s", title: "S", url: "https://example.com/" }]),
});

describe("any brief the schema accepts", () => {
  it("validates, builds and renders without throwing, with every text escaped", async () => {
    await fc.assert(
      fc.asyncProperty(brief, async (data) => {
        const loaded = await validateBrief("random.yaml", stringify(data));
        expect(loaded.problems).toEqual([]);
        const html = renderDeck(
          buildDeck(loaded.brief as NonNullable<typeof loaded.brief>, "random"),
        );
        expect(html).not.toMatch(/<script>x<\/script>|<img src=x>|<b>/);
        // Template syntax in a brief is text: it reaches the page as written, never evaluated.
        if (data.title.includes("{{x}}")) expect(html).toContain("{{x}}");
      }),
      { numRuns: 80 },
    );
  });
});
