import { describe, expect, it } from "vitest";
import { validateBrief } from "../../src/load/load-brief.js";

const head =
  "title: T\ndate: 2024-06-20\ntimeline:\n  events:\n    - date: 2024-06-19\n      title: E\n";

async function problems(text: string) {
  const loaded = await validateBrief("brief.yaml", text);
  return loaded.problems.map((p) => ({
    code: p.code,
    at: `${p.pos.line}:${p.pos.col}`,
    message: p.message,
  }));
}

describe("schema problems at the key or value they are about", () => {
  it("unknown keys YAML reads as numbers, true or null: at the key, named as written", async () => {
    const found = await problems(`${head}1: x\ntrue: y\nnull: z\n`);
    expect(found.map((p) => [p.code, p.at])).toEqual([
      ["unknown-key", "7:1"],
      ["unknown-key", "8:1"],
      ["unknown-key", "9:1"],
    ]);
    expect(found.map((p) => p.message)).toEqual([
      'unknown key "1" in the brief',
      'unknown key "true" in the brief',
      'unknown key "null" in the brief',
    ]);
  });

  it("the same inside nested mappings, block or flow", async () => {
    const found = await problems(
      `${head}      ~: a\n    - {date: 2024-06-18, title: F, 0x1F: b}\n`,
    );
    expect(found.map((p) => [p.at, p.message])).toEqual([
      ["7:7", 'unknown key "~" in timeline.events[0]'],
      ["8:36", 'unknown key "0x1F" in timeline.events[1]'],
    ]);
  });

  it("a problem under a key that YAML reads as a number: at its value", async () => {
    const text = head.replace(
      "  events:",
      "  categories:\n    1: {label: One, color: red}\n  events:",
    );
    const found = await problems(text);
    expect(found.map((p) => [p.code, p.at])).toEqual([["bad-color", "5:28"]]);
  });

  it('an item of a list of text with ": " in it: says to quote it', async () => {
    const found = await problems(`${head}summary:\n  - Note: colon\n  - plain\n`);
    expect(found.map((p) => [p.code, p.at])).toEqual([["wrong-type", "8:5"]]);
    expect(found[0]?.message).toMatch(/"summary\[0\]" must be text.*": ".*quotes/);
    const flow = await problems(`${head}summary: [Note: colon, plain]\n`);
    expect(flow.map((p) => [p.code, p.at])).toEqual([["wrong-type", "7:11"]]);
    expect(flow[0]?.message).toMatch(/the ": " after "Note" makes it a key and a value/);
  });

  it('a value with ": " in it keeps its hint to quote it', async () => {
    const found = await problems(head.replace("title: E", "title: Note: colon"));
    expect(found.map((p) => [p.code, p.at])).toEqual([["yaml-syntax", "6:14"]]);
    expect(found[0]?.message).toMatch(/put the value in quotes/);
  });
});

describe("schema problems in the brief's own words", () => {
  it("a date that %YAML 1.1 made a timestamp is not called a mapping", async () => {
    const found = await problems(`%YAML 1.1\n---\n${head}`);
    expect(found.map((p) => [p.code, p.at])).toEqual([
      ["wrong-type", "4:7"],
      ["wrong-type", "7:13"],
    ]);
    expect(found[0]?.message).toBe(
      '"date" must be a date or text, not a YAML 1.1 timestamp: remove the %YAML 1.1 line, or put the date in quotes',
    );
  });
});
