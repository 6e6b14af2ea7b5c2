import { describe, expect, it } from "vitest";
import { readYaml } from "../../src/load/read-yaml.js";

// What the yaml library says is for programmers ("please use YAML.parseAllDocuments()",
// "Set mapAsMap: true"); every problem here is said in the tool's own words, at its place.
const yamlWording =
  /YAML\.|mapAsMap|parseAllDocuments|[Ii]mplicit|compact mapping|flow|scalar|indicator|token|Unresolved|[Ee]xcessive/;

function problems(text: string) {
  return readYaml("brief.yaml", text).problems.map((p) => ({
    code: p.code,
    at: `${p.pos.line}:${p.pos.col}`,
    message: p.message,
  }));
}

describe("readYaml in its own words", () => {
  it("refuses a second YAML document, where it starts", () => {
    const found = problems("title: a\n---\ntitle: b\n");
    expect(found).toEqual([{ code: "yaml-syntax", at: "2:1", message: expect.any(String) }]);
    expect(found[0]?.message).toContain("one YAML document");
  });

  it("refuses a key that is a list or a mapping, without a warning from Node", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on("warning", onWarning);
    try {
      for (const [text, at] of [
        ["title: x\n? [a, b]\n: 1\n", "2:3"],
        ["title: y\n{a: 1}: x\n", "2:1"],
      ] as const) {
        const found = problems(text);
        expect(found.map((p) => [p.code, p.at])).toEqual([["yaml-syntax", at]]);
        expect(found[0]?.message).toBe("a key must be plain text, not a list or a mapping");
        expect(readYaml("brief.yaml", text).data).toBeUndefined();
      }
    } finally {
      process.off("warning", onWarning);
    }
    // Node reports warnings on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings).toEqual([]);
  });

  it("says every syntax mistake without the library's wording", () => {
    for (const text of [
      "title: [a, b\n",
      'title: "open\n',
      "title: 'open\n",
      "title: a: b\n",
      "title: x\n\tdate: y\n",
      "- a\nb: c\n",
      "title: *nothing\n",
      "title: !custom x\n",
      "title: [a,, b]\n",
      "title: @x\n",
      'title: "\\q"\n',
      "title: x\nfoo\nbar: 1\n",
      "- a\nb: c\n",
      "a: 'x'y\n",
      "a: &x &y 1\n",
      "title: {a: 1 b: 2}\n",
      "title: ]\n",
      "%FOO bar\n---\na: 1\n",
      "a: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
    ]) {
      for (const problem of problems(text)) {
        expect(problem.message, JSON.stringify(text)).not.toMatch(yamlWording);
        expect(problem.code).toMatch(/^(yaml-syntax|duplicate-key)$/);
      }
      expect(problems(text).length, JSON.stringify(text)).toBeGreaterThan(0);
    }
  });

  it("reads past a byte-order mark, with columns as editors count them", () => {
    const source = readYaml("brief.yaml", "\uFEFFtitle: x\ndate: [\n");
    expect(source.problems.map((p) => `${p.pos.line}:${p.pos.col}`)).toEqual(["2:7"]);
    expect(readYaml("brief.yaml", "\uFEFFtitle: x\n").data).toEqual({ title: "x" });
    expect(readYaml("brief.yaml", "\uFEFFtitle: x\n").positionOf(["title"])).toEqual({
      line: 1,
      col: 8,
    });
  });
});

describe("readYaml positions", () => {
  const at = (text: string) =>
    readYaml("brief.yaml", text).problems.map((p) => `${p.pos.line}:${p.pos.col}`);

  it("puts nesting too deep for a brief where the limit is crossed, on the right line", () => {
    // The 65th bracket crosses the limit of 64.
    const brackets = `a: ${"[".repeat(5000)}${"]".repeat(5000)}\n`;
    expect(at(brackets)).toEqual(["1:68"]);
    expect(at(`title: x\n${brackets}`)).toEqual(["2:68"]);
    expect(at(`title: x\na: ${"{b: ".repeat(5000)}1${"}".repeat(5000)}\n`)).toEqual(["2:260"]);
    // Block nesting: the 257th column of indentation.
    expect(at(`title:\n${"- ".repeat(5000)}x\n`)).toEqual(["2:257"]);
    const mappings = Array.from({ length: 300 }, (_, i) => `${" ".repeat(i)}k${i}:\n`).join("");
    expect(at(`title: x\nx:\n${mappings}`)).toEqual(["260:257"]);
    const [problem] = readYaml("brief.yaml", brackets).problems;
    expect(problem?.message).toMatch(/more than 64 deep/);
  });

  it("finds keys YAML reads as numbers, true or null, and names them as written", () => {
    const text = "title: T\n1: x\ntrue: y\nnull: z\nnested:\n  0x1F: a\n  ~: b\n";
    const source = readYaml("brief.yaml", text);
    expect(source.positionOf(["1"], "key")).toEqual({ line: 2, col: 1 });
    expect(source.positionOf(["true"], "key")).toEqual({ line: 3, col: 1 });
    expect(source.positionOf([""], "key")).toEqual({ line: 4, col: 1 });
    expect(source.positionOf(["nested", "31"], "key")).toEqual({ line: 6, col: 3 });
    expect(source.positionOf(["nested", "31"])).toEqual({ line: 6, col: 9 });
    expect(source.positionOf(["nested", ""], "key")).toEqual({ line: 7, col: 3 });
    expect(source.keyText(["1"])).toBe("1");
    expect(source.keyText(["true"])).toBe("true");
    expect(source.keyText([""])).toBe("null");
    expect(source.keyText(["nested", "31"])).toBe("0x1F");
    expect(source.keyText(["nested", ""])).toBe("~");
    expect(source.keyText(["title"])).toBe("title");
  });
});

describe("readYaml positions of aliases", () => {
  it("an alias that names no anchor, at that alias", () => {
    const found = problems("title: T\nsummary: [a]\nsubtitle: *nothing\n");
    expect(found.map((p) => [p.code, p.at])).toEqual([["yaml-syntax", "3:11"]]);
    expect(found[0]?.message).toBe("the alias *nothing names no anchor (&name) written before it");
  });

  it("aliases that repeat too much, at the first alias", () => {
    const text =
      "title: T\na: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n";
    expect(problems(text).map((p) => [p.code, p.at])).toEqual([["yaml-syntax", "3:8"]]);
  });
});

describe("readYaml duplicate keys", () => {
  it('a key written twice as 1 and "1", or true and "true": the data would keep one', () => {
    const found = problems('title: T\n1: a\n"1": b\nx:\n  true: c\n  "true": d\n');
    expect(found.map((p) => [p.code, p.at])).toEqual([
      ["duplicate-key", "3:1"],
      ["duplicate-key", "6:3"],
    ]);
  });
});

describe("readYaml limits", () => {
  it("a line of dashes in the text is no nesting", () => {
    const text = `title: T\nnotes: |\n  ${"-".repeat(300)}\n  ${"- ".repeat(100)}\n`;
    expect(problems(text)).toEqual([]);
    expect(readYaml("brief.yaml", text).data).toMatchObject({ title: "T" });
  });
});
