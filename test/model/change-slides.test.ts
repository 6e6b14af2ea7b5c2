import { describe, expect, it } from "vitest";
import { compareBriefs } from "../../src/compare/compare-briefs.js";
import type { Brief } from "../../src/load/schema.js";
import { plainText } from "../../src/markup/inline.js";
import { buildDeck } from "../../src/model/build-deck.js";
import type { ChangeLine, Slide } from "../../src/model/deck.js";
import { normalizeBrief } from "../../src/normalize/normalize-brief.js";
import { labelSize } from "../../src/timeline/labels.js";

const earlier: Brief = {
  title: "T",
  date: "2024-06-12",
  summary: ["one"],
  timeline: { events: [{ date: "2024-06-01", title: "Old news", detail: "d" }] },
  sections: [
    {
      type: "judgments",
      title: "KJ",
      items: [
        { statement: "Treaty signed.", likelihood: "unlikely", confidence: "low" },
        { statement: "Kim visits Moscow.", likelihood: "likely", confidence: "low" },
        { statement: "No tests.", likelihood: "likely", confidence: "high" },
      ],
    },
  ],
  sources: [{ id: "a", title: "Source A" }],
};

const later: Brief = {
  ...earlier,
  date: "2024-06-19",
  timeline: {
    events: [
      { date: "2024-06-19", title: "Summit", detail: "has a slide" },
      { date: "2024-06-01", title: "Old news", detail: "d" },
      { date: "2024-06-18", title: "Article" },
    ],
  },
  sections: [
    {
      type: "judgments",
      title: "KJ",
      items: [
        { statement: "Treaty signed.", likelihood: "likely", confidence: "low" },
        { statement: "No tests.", likelihood: "likely", confidence: "high" },
      ],
    },
  ],
  sources: [
    { id: "a", title: "Source A" },
    { id: "b", title: "Source B", publisher: "Yonhap" },
  ],
};

function deckSince(old: Brief, now: Brief) {
  const changes = compareBriefs(normalizeBrief(old), normalizeBrief(now));
  return buildDeck(normalizeBrief(now), "t", undefined, changes);
}

const linesOf = (slide: Slide | undefined) =>
  (slide?.kind === "changes" ? slide.items : []) as ChangeLine[];

describe("the slide of what changed since the earlier brief", () => {
  it("comes right after the summary, titled with the earlier brief's date", () => {
    const deck = deckSince(earlier, later);
    expect(deck.slides.map((s) => s.kind).slice(0, 4)).toEqual([
      "title",
      "summary",
      "changes",
      "overview",
    ]);
    expect(deck.slides[2]?.title).toBe("What changed since 12 June 2024");
  });

  it("lists new events in time order, judgments moved with what they were, dropped ones and new sources", () => {
    const lines = linesOf(deckSince(earlier, later).slides[2]);
    expect(
      lines.map((l) => [l.change, l.tag, l.dateText, plainText(l.text), l.now, l.was]),
    ).toEqual([
      ["new-event", "New event", "18 June 2024", "Article", undefined, undefined],
      ["new-event", "New event", "19 June 2024", "Summit", undefined, undefined],
      [
        "moved-judgment",
        "Judgment changed",
        undefined,
        "Treaty signed.",
        "likely",
        [{ text: "was: " }, { text: "unlikely", slot: "value" }],
      ],
      [
        "dropped-judgment",
        "Judgment dropped",
        undefined,
        "Kim visits Moscow.",
        undefined,
        undefined,
      ],
      ["new-source", "New source", undefined, "Source B. Yonhap.", undefined, undefined],
    ]);
  });

  it("says the confidence it was in the label's words, and both when both moved", () => {
    const both: Brief = {
      ...later,
      sections: [
        {
          type: "judgments",
          title: "KJ",
          items: [{ statement: "Treaty signed.", likelihood: "likely", confidence: "high" }],
        },
      ],
    };
    const [moved] = linesOf(deckSince(earlier, both).slides[2]).filter(
      (l) => l.change === "moved-judgment",
    );
    expect(moved?.now).toBe("likely · High confidence");
    expect(moved?.was?.map((p) => p.text).join("")).toBe("was: unlikely · Low confidence");
  });

  it("says there is no change in key judgments when none moved, was added or dropped", () => {
    const deck = deckSince(later, { ...later, date: "2024-06-20" });
    expect(linesOf(deck.slides[2]).map((l) => [l.change, plainText(l.text)])).toEqual([
      ["no-change", "No change in key judgments"],
    ]);
  });

  it("writes its words in the brief's language", () => {
    const deck = deckSince({ ...earlier, language: "ko" }, { ...later, language: "ko" });
    expect(deck.slides[2]?.title).toBe("2024년 6월 12일 이후 달라진 점");
    expect(linesOf(deck.slides[2])[0]?.tag).toBe("새 사건");
  });

  it("continues on further slides when the list is long, each titled (n/m)", () => {
    const many: Brief = {
      ...later,
      timeline: {
        events: Array.from({ length: 30 }, (_, i) => ({
          date: `2024-05-${String(i + 1).padStart(2, "0")}`,
          title: `Event number ${i + 1} with a title long enough to take some room`,
        })),
      },
    };
    const deck = deckSince(earlier, many);
    const parts = deck.slides.filter((s) => s.kind === "changes");
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((s) => s.id)[1]).toBe("changes-2");
    expect(parts[1]?.partText).toBe(`(2/${parts.length})`);
    expect(parts.flatMap(linesOf).filter((l) => l.change === "new-event")).toHaveLength(30);
  });

  it("is not there without an earlier brief, and nothing is badged", () => {
    const deck = buildDeck(later, "t");
    expect(deck.slides.some((s) => s.kind === "changes")).toBe(false);
    expect(JSON.stringify(deck)).not.toContain('"badge"');
  });
});

describe("badges of what is new or changed", () => {
  it("mark new events on the overview and on their slides, and changed judgments", () => {
    const deck = deckSince(earlier, later);
    const overview = deck.slides.find((s) => s.kind === "overview");
    const badges =
      overview?.kind === "overview"
        ? overview.plot.events.map((e) => [e.event.title, e.event.badge])
        : [];
    expect(badges).toEqual([
      ["Old news", undefined],
      ["Article", "New"],
      ["Summit", "New"],
    ]);
    const summit = deck.slides.find((s) => s.kind === "event" && s.title === "Summit");
    expect(summit?.kind === "event" && summit.event.badge).toBe("New");
    const judgments = deck.slides.find((s) => s.kind === "judgments");
    expect(judgments?.kind === "judgments" && judgments.items.map((j) => j.badge)).toEqual([
      "Changed",
      undefined,
    ]);
  });

  it("widen an overview label whose date and badge are wider than its title", () => {
    const plain = labelSize("Hi", "19 September 2024");
    const badged = labelSize("Hi", "19 September 2024", "keep-all", "New");
    expect(badged.width).toBeGreaterThan(plain.width);
    expect(badged.height).toBe(plain.height);
    // A title wider than both is not widened.
    const wide = "A title much wider than any date with its badge";
    expect(labelSize(wide, "2024", "keep-all", "New").width).toBe(labelSize(wide, "2024").width);
  });
});
