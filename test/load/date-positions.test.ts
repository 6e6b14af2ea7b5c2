import { describe, expect, it } from "vitest";
import { validateBrief } from "../../src/load/load-brief.js";

const brief = (event: string) => `title: T\ndate: 2024-06-20\ntimeline:\n  events:\n${event}`;

async function found(text: string) {
  const loaded = await validateBrief("brief.yaml", text);
  return loaded.problems.map((p) => [p.code, `${p.pos.line}:${p.pos.col}`, p.message]);
}

describe("dates are refused at the date itself", () => {
  it("an offset beyond ±14:00", async () => {
    expect(await found(brief("    - date: 2024-06-19T10:00+14:30\n      title: E\n"))).toEqual([
      ["bad-date", "5:13", '"2024-06-19T10:00+14:30" has an offset beyond ±14:00'],
    ]);
  });

  it("a date in a flow mapping, and an end in one", async () => {
    expect(await found(brief("    - {title: E, date: 2024-13-01}\n"))).toEqual([
      ["bad-date", "5:24", '"2024-13-01" has no month 13'],
    ]);
    expect(await found(brief("    - {date: 2024-06-19, end: 2024-06-18, title: E}\n"))).toEqual([
      ["date-order", "5:31", "the event ends (2024-06-18) before it starts (2024-06-19)"],
    ]);
  });

  it("a fraction of a second", async () => {
    const [problem] = await found(brief("    - date: 2024-06-19T10:00:05.25Z\n      title: E\n"));
    expect(problem?.slice(0, 2)).toEqual(["bad-date", "5:13"]);
  });

  it("a time with seconds is valid", async () => {
    expect(await found(brief("    - date: 2024-06-19T10:00:05+0900\n      title: E\n"))).toEqual(
      [],
    );
  });
});
