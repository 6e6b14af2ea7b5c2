import { describe, expect, it } from "vitest";
import { validateBrief } from "../../src/load/load-brief.js";

const brief = (timeline: string) => `title: T\ndate: 2025-06-20\ntimeline:\n${timeline}`;

async function found(text: string) {
  const loaded = await validateBrief("brief.yaml", text);
  return loaded.problems.map((p) => [p.code, `${p.pos.line}:${p.pos.col}`, p.message]);
}

describe("time zones are checked where they are written", () => {
  it("a time in a zone that does not exist, with the one it most likely meant", async () => {
    const text = brief("  events:\n    - date: 2025-03-03T02:14 Europe/Amsterdm\n      title: E\n");
    expect(await found(text)).toEqual([
      [
        "bad-date",
        "5:13",
        '"2025-03-03T02:14 Europe/Amsterdm" names no time zone "Europe/Amsterdm"; did you mean "Europe/Amsterdam"?',
      ],
    ]);
  });

  it("a time the clocks skipped, and an end in a zone on a date without a time", async () => {
    const text = brief(
      "  events:\n    - date: 2025-03-30T02:30 Europe/Amsterdam\n      end: 2025-04-02 Europe/Amsterdam\n      title: E\n",
    );
    const problems = await found(text);
    expect(problems.map((p) => p.slice(0, 2))).toEqual([
      ["bad-date", "5:13"],
      ["bad-date", "6:12"],
    ]);
    expect(problems[0]?.[2]).toContain("never happened in Europe/Amsterdam");
    expect(problems[1]?.[2]).toContain("gives a time zone but no time");
  });

  it("timeline.timezone that is no zone, at its line", async () => {
    const text = brief(
      "  timezone: Asia/Seol\n  events:\n    - date: 2025-03-03\n      title: E\n",
    );
    expect(await found(text)).toEqual([
      ["bad-value", "4:13", '"Asia/Seol" is not a time zone; did you mean "Asia/Seoul"?'],
    ]);
    const abbreviated = brief(
      "  timezone: KST\n  events:\n    - date: 2025-03-03\n      title: E\n",
    );
    expect((await found(abbreviated))[0]?.[2]).toBe(
      '"KST" is not a time zone; did you mean "Asia/Seoul"?',
    );
    const offset = brief("  timezone: UTC+9\n  events:\n    - date: 2025-03-03\n      title: E\n");
    expect((await found(offset))[0]?.[2]).toContain("name the zone by its place");
    const far = brief("  timezone: Atlantis\n  events:\n    - date: 2025-03-03\n      title: E\n");
    expect((await found(far))[0]?.[2]).toBe(
      '"Atlantis" is not a time zone: write an IANA name (Area/City, like Asia/Seoul or Europe/Amsterdam), or UTC',
    );
  });

  it("timeline.timezone that is an abbreviation ICU reads as another zone", async () => {
    const zoned = (zone: string) =>
      brief(`  timezone: ${zone}\n  events:\n    - date: 2025-03-03\n      title: E\n`);
    expect(await found(zoned("CST"))).toEqual([
      [
        "bad-value",
        "4:13",
        '"CST" is not a time zone; did you mean "Asia/Shanghai" (+08:00) or "America/Chicago" (-06:00)?',
      ],
    ]);
    expect((await found(zoned("BST")))[0]?.[2]).toBe(
      '"BST" is not a time zone; did you mean "Europe/London" (+01:00) or "Asia/Dhaka" (+06:00)?',
    );
    expect((await found(zoned("EST")))[0]?.[2]).toBe(
      '"EST" is not a time zone; did you mean "America/New_York"?',
    );
    expect(await found(zoned("utc"))).toEqual([]);
    expect(await found(zoned("GMT"))).toEqual([]);
  });

  it("a time in an abbreviation ICU reads as another zone, at its line", async () => {
    const text = brief("  events:\n    - date: 2025-07-03T10:00 BST\n      title: E\n");
    const problems = await found(text);
    expect(problems.map((p) => p.slice(0, 2))).toEqual([["bad-date", "5:13"]]);
    expect(problems[0]?.[2]).toContain('or its offset ("2025-07-03T10:00+01:00")');
  });

  it("a date without a time is the zone's day: an open period after the as-of day", async () => {
    // 03:00 on 20 June in Seoul is 18:00 UTC on the 19th: after the Seoul as-of day 2025-06-19.
    const period = (start: string) =>
      `title: T\ndate: 2025-06-19\ntimeline:\n  timezone: Asia/Seoul\n  periods:\n    - start: ${start}\n      label: P\n  events:\n    - date: 2025-06-19\n      title: E\n`;
    expect((await found(period("2025-06-20T03:00"))).map((p) => p.slice(0, 2))).toEqual([
      ["date-order", "6:14"],
    ]);
    expect(await found(period("2025-06-19T23:30"))).toEqual([]);
    // A period that ends at the start of the Seoul day it starts on does not end before it starts.
    const closed = (end: string) =>
      `title: T\ndate: 2025-06-19\ntimeline:\n  timezone: Asia/Seoul\n  periods:\n    - start: 2025-06-19\n      end: ${end}\n      label: P\n  events:\n    - date: 2025-06-19\n      title: E\n`;
    expect(await found(closed("2025-06-19T00:30"))).toEqual([]);
    expect((await found(closed("2025-06-18T23:30"))).map((p) => p.slice(0, 2))).toEqual([
      ["date-order", "7:12"],
    ]);
  });

  it("a date without a time is the zone's day: an event after the as-of day is warned of", async () => {
    const text = (event: string) =>
      `title: T\ndate: 2025-06-19\ntimeline:\n  timezone: Asia/Seoul\n  events:\n    - date: ${event}\n      title: E\n`;
    const warned = async (event: string) =>
      (await validateBrief("b.yaml", text(event))).warnings.map((w) => w.code);
    expect(await warned("2025-06-20T03:00")).toEqual(["event-after-as-of"]);
    expect(await warned("2025-06-19T23:30")).toEqual([]);
    expect(await warned("2025-06-19T15:00Z")).toEqual(["event-after-as-of"]);
    expect(await warned("2025-06-19T14:59Z")).toEqual([]);
    expect(await warned("2025-06-20")).toEqual(["event-after-as-of"]);
  });

  it("a span whose ends are in different zones orders by the instant", async () => {
    // 09:00 in Seoul is 02:00 in Amsterdam that summer day: an end at 01:30 there is before it.
    const before = brief(
      "  events:\n    - date: 2025-06-19T09:00 Asia/Seoul\n      end: 2025-06-19T01:30 Europe/Amsterdam\n      title: E\n",
    );
    expect((await found(before)).map((p) => p.slice(0, 2))).toEqual([["date-order", "6:12"]]);
    const after = before.replace("01:30 Europe", "02:30 Europe");
    expect(await found(after)).toEqual([]);
  });

  it("timeline.timezone is the zone of a time written without one", async () => {
    const text = brief(
      "  timezone: Europe/Amsterdam\n  events:\n    - date: 2025-03-30T02:30\n      title: E\n",
    );
    const problems = await found(text);
    expect(problems.map((p) => p.slice(0, 2))).toEqual([["bad-date", "6:13"]]);
    expect(problems[0]?.[2]).toContain("(the brief's timeline.timezone)");
  });
});
