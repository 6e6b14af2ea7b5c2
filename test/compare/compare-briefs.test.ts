import { describe, expect, it } from "vitest";
import { ambiguityWarnings } from "../../src/compare/ambiguity-warnings.js";
import { compareBriefs } from "../../src/compare/compare-briefs.js";
import { validateBrief } from "../../src/load/load-brief.js";
import type { Brief } from "../../src/load/schema.js";
import { plainText } from "../../src/markup/inline.js";
import { normalizeBrief } from "../../src/normalize/normalize-brief.js";

type Event = Brief["timeline"]["events"][number];
type Judgment = {
  id?: string;
  statement: string;
  likelihood?: string;
  confidence: "low" | "moderate" | "high";
};

function brief(events: Event[], judgments: Judgment[] = [], sources: Brief["sources"] = []) {
  return normalizeBrief({
    title: "T",
    date: "2024-06-20",
    timeline: { events },
    sections: judgments.length ? [{ type: "judgments", title: "KJ", items: judgments }] : [],
    sources,
  } as Brief);
}

const summit: Event = { date: "2024-06-19", title: "Summit in Pyongyang" };
const treaty: Event = { date: "2024-06-19", title: "Treaty signed" };
const arms: Judgment = {
  statement: "Russia will **supply** arms.",
  likelihood: "unlikely",
  confidence: "moderate",
};

describe("comparing two versions of a brief", () => {
  it("matches a day in a brief that gained a timeline.timezone", () => {
    const zoned = normalizeBrief({
      title: "T",
      date: "2024-06-20",
      timeline: {
        timezone: "Asia/Seoul",
        events: [summit, { ...treaty, date: "2024-06-19T10:00" }],
      },
    } as Brief);
    const earlier = brief([summit, { ...treaty, date: "2024-06-19T10:00+09:00" }]);
    expect(compareBriefs(earlier, zoned).newEvents).toEqual([]);
  });

  it("finds nothing new between a brief and itself", () => {
    const changes = compareBriefs(brief([summit], [arms]), brief([summit], [arms]));
    expect(changes).toMatchObject({
      newEvents: [],
      movedJudgments: [],
      newJudgments: [],
      droppedJudgments: [],
      newSources: [],
      ambiguous: [],
    });
    expect(changes.since).toMatchObject({ year: 2024, month: 6, day: 20 });
  });

  it("matches events without ids by date and title, in any case and spacing", () => {
    const later = brief([treaty, { date: "2024-06-19", title: "summit  in pyongyang" }]);
    expect(compareBriefs(brief([summit]), later).newEvents).toEqual([["timeline", "events", 0]]);
  });

  it("counts an event as new when its date is written more precisely", () => {
    const later = brief([{ ...summit, date: "2024-06" }]);
    expect(compareBriefs(brief([summit]), later).newEvents).toEqual([["timeline", "events", 0]]);
  });

  it("matches by id whatever the date and title became", () => {
    const old = brief([{ ...summit, id: "summit" }]);
    const later = brief([{ id: "summit", date: "2024-06-18", title: "Putin lands" }]);
    expect(compareBriefs(old, later).newEvents).toEqual([]);
  });

  it("keeps items with different ids apart even when their wording is the same", () => {
    const old = brief([{ ...summit, id: "a" }]);
    const later = brief([{ ...summit, id: "b" }]);
    expect(compareBriefs(old, later).newEvents).toEqual([["timeline", "events", 0]]);
  });

  it("falls back to the wording when only one side has an id", () => {
    expect(compareBriefs(brief([summit]), brief([{ ...summit, id: "s" }])).newEvents).toEqual([]);
    expect(compareBriefs(brief([{ ...summit, id: "s" }]), brief([summit])).newEvents).toEqual([]);
  });

  it("gives the old likelihood and confidence of a judgment that moved", () => {
    const later = brief([summit], [{ ...arms, likelihood: "Likely", confidence: "high" }]);
    const changes = compareBriefs(brief([summit], [arms]), later);
    expect(changes.movedJudgments).toEqual([
      {
        path: ["sections", 0, "items", 0],
        was: { likelihood: "unlikely", confidence: "moderate" },
      },
    ]);
  });

  it("sees a likelihood written in another case or spacing as unchanged", () => {
    const later = brief([summit], [{ ...arms, likelihood: " Unlikely " }]);
    expect(compareBriefs(brief([summit], [arms]), later).movedJudgments).toEqual([]);
  });

  it("sees another spelling of the same band as unchanged, and the band moving as a move", () => {
    const probable = brief([summit], [{ ...arms, likelihood: "improbable" }]);
    expect(compareBriefs(brief([summit], [arms]), probable).movedJudgments).toEqual([]);
    const likely = brief([summit], [{ ...arms, likelihood: "probable" }]);
    expect(compareBriefs(brief([summit], [arms]), likely).movedJudgments).toHaveLength(1);
  });

  it("reads a likelihood on the project's yardstick for briefs that name none", () => {
    const phia = (likelihood: string) => brief([summit], [{ ...arms, likelihood }]);
    // PHIA's "likely or probably" band: the same band in two spellings.
    expect(compareBriefs(phia("likely"), phia("probably"), "phia").movedJudgments).toEqual([]);
    expect(
      compareBriefs(phia("likely"), phia("highly likely"), "phia").movedJudgments,
    ).toHaveLength(1);
  });

  it("sees a likelihood added or removed, and a confidence alone, as a move", () => {
    const noLikelihood = { statement: arms.statement, confidence: "moderate" as const };
    const added = compareBriefs(brief([summit], [noLikelihood]), brief([summit], [arms]));
    expect(added.movedJudgments[0]?.was).toEqual({ likelihood: undefined, confidence: "moderate" });
    const removed = compareBriefs(brief([summit], [arms]), brief([summit], [noLikelihood]));
    expect(removed.movedJudgments[0]?.was.likelihood).toBe("unlikely");
    const confidence = compareBriefs(
      brief([summit], [arms]),
      brief([summit], [{ ...arms, confidence: "low" }]),
    );
    expect(confidence.movedJudgments[0]?.was).toEqual({
      likelihood: "unlikely",
      confidence: "moderate",
    });
  });

  it("matches judgments by their statement's text, markup aside", () => {
    const plain = { ...arms, statement: "Russia will supply arms." };
    expect(compareBriefs(brief([summit], [arms]), brief([summit], [plain])).newJudgments).toEqual(
      [],
    );
  });

  it("matches a reworded judgment by its id, and reports its move", () => {
    const old = brief([summit], [{ ...arms, id: "arms" }]);
    const later = brief(
      [summit],
      [{ id: "arms", statement: "Arms will flow.", likelihood: "likely", confidence: "moderate" }],
    );
    const changes = compareBriefs(old, later);
    expect(changes.newJudgments).toEqual([]);
    expect(changes.droppedJudgments).toEqual([]);
    expect(changes.movedJudgments).toHaveLength(1);
  });

  it("lists judgments dropped, with their statement, and judgments new", () => {
    const troops: Judgment = { statement: "Troops will deploy.", confidence: "low" };
    const changes = compareBriefs(brief([summit], [arms]), brief([summit], [troops]));
    expect(changes.newJudgments).toEqual([["sections", 0, "items", 0]]);
    expect(changes.droppedJudgments).toHaveLength(1);
    expect(plainText(changes.droppedJudgments[0]?.statement ?? [])).toBe(
      "Russia will supply arms.",
    );
    expect(changes.droppedJudgments[0]).toMatchObject({
      likelihood: "unlikely",
      confidence: "moderate",
      path: ["sections", 0, "items", 0],
    });
  });

  it("finds judgments in every judgments section", () => {
    const old = brief([summit], [arms]);
    const later = normalizeBrief({
      ...old.written,
      sections: [
        { type: "points", title: "P", items: ["x"] },
        { type: "judgments", title: "A", items: [{ statement: "New one.", confidence: "low" }] },
        { type: "judgments", title: "B", items: [{ ...arms, likelihood: "likely" }] },
      ],
    });
    const changes = compareBriefs(old, later);
    expect(changes.newJudgments).toEqual([["sections", 1, "items", 0]]);
    expect(changes.movedJudgments.map((m) => m.path)).toEqual([["sections", 2, "items", 0]]);
  });

  it("lists sources new by id, link and title", () => {
    const old = [{ id: "kcna", title: "KCNA report", url: "https://kcna.kp/a" }];
    const later = [
      { id: "kcna", title: "KCNA report (updated)" },
      { id: "kcna2", title: "Other", url: "https://kcna.kp/a" },
      { id: "tass", title: "kcna REPORT" },
      { id: "yonhap", title: "Yonhap" },
    ];
    const changes = compareBriefs(brief([summit], [], old), brief([summit], [], later));
    expect(changes.newSources).toEqual([["sources", 3]]);
  });

  it("warns about an event matching two earlier ones, and takes the first", () => {
    const old = brief([summit, { ...summit, detail: "again" }]);
    const changes = compareBriefs(old, brief([summit]));
    expect(changes.newEvents).toEqual([]);
    expect(changes.ambiguous).toEqual([
      {
        what: "event",
        path: ["timeline", "events", 0],
        candidates: [
          ["timeline", "events", 0],
          ["timeline", "events", 1],
        ],
        rivals: [],
        matched: ["timeline", "events", 0],
      },
    ]);
  });

  it("warns about two events matching one earlier one; the second is new", () => {
    const changes = compareBriefs(brief([summit]), brief([summit, summit]));
    expect(changes.newEvents).toEqual([["timeline", "events", 1]]);
    expect(changes.ambiguous.map((a) => [a.path, a.rivals, a.matched])).toEqual([
      [["timeline", "events", 0], [["timeline", "events", 1]], ["timeline", "events", 0]],
      [["timeline", "events", 1], [["timeline", "events", 0]], undefined],
    ]);
  });

  it("does not warn when ids tell the twins apart", () => {
    const old = brief([
      { ...summit, id: "a" },
      { ...summit, id: "b" },
    ]);
    const later = brief([
      { ...summit, id: "b" },
      { ...summit, id: "a" },
    ]);
    expect(compareBriefs(old, later)).toMatchObject({ newEvents: [], ambiguous: [] });
  });

  it("warns about two judgments of one statement", () => {
    const changes = compareBriefs(brief([summit], [arms, arms]), brief([summit], [arms]));
    expect(changes.ambiguous).toMatchObject([
      { what: "judgment", path: ["sections", 0, "items", 0] },
    ]);
    expect(changes.droppedJudgments.map((d) => d.path)).toEqual([["sections", 0, "items", 1]]);
  });
});

describe("warnings about ambiguous matches", () => {
  it("point at the item of this brief and name the earlier brief's lines", async () => {
    const oldText = `title: T
date: 2024-06-01
timeline:
  events:
    - date: 2024-06-19
      title: Summit
    - date: 2024-06-19
      title: Summit
`;
    const nowText = `title: T
date: 2024-06-20
timeline:
  events:
    - date: 2024-05-01
      title: Earlier
    - date: 2024-06-19
      title: Summit
`;
    const old = await validateBrief("old.yaml", oldText);
    const now = await validateBrief("now.yaml", nowText);
    if (!old.brief || !now.brief) throw new Error("both briefs are valid");
    const changes = compareBriefs(old.brief, now.brief);
    const [warning, ...rest] = ambiguityWarnings(changes.ambiguous, now, old);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({
      code: "ambiguous-match",
      file: "now.yaml",
      pos: { line: 7, col: 7 },
      path: ["timeline", "events", 1],
    });
    expect(warning?.message).toContain("old.yaml");
    expect(warning?.message).toContain("lines 5, 7");
    expect(warning?.message).toContain("taken as the one at line 5");
  });
});

describe("ids of events and judgments", () => {
  it("are unique, each reported at the id written twice", async () => {
    const text = `title: T
date: 2024-06-20
timeline:
  events:
    - { id: a, date: 2024-06-19, title: One }
    - { id: a, date: 2024-06-19, title: Two }
sections:
  - type: judgments
    title: KJ
    items:
      - { id: j, statement: One, confidence: low }
  - type: judgments
    title: More
    items:
      - { id: j, statement: Two, confidence: low }
      - { id: a, statement: Three, confidence: low }
`;
    const { problems } = await validateBrief("ids.yaml", text);
    expect(problems.map((p) => [p.code, p.pos.line, p.path.join(".")])).toEqual([
      ["duplicate-id", 6, "timeline.events.1.id"],
      ["duplicate-id", 15, "sections.1.items.0.id"],
    ]);
  });

  it("must be text", async () => {
    const text = `title: T
date: 2024-06-20
timeline:
  events:
    - { id: [a], date: 2024-06-19, title: One }
`;
    const { problems } = await validateBrief("ids.yaml", text);
    expect(problems.map((p) => [p.code, p.pos.line])).toEqual([["wrong-type", 5]]);
  });
});
