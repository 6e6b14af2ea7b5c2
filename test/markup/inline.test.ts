import { describe, expect, it } from "vitest";
import {
  type InlineRun,
  linksIn,
  parseInline,
  plainText,
  safeUrl,
  withMarkup,
} from "../../src/markup/inline.js";

const text = (t: string) => ({ text: t });

function depth(runs: InlineRun[]): number {
  return Math.max(0, ...runs.map((run) => ("runs" in run ? 1 + depth(run.runs) : 0)));
}

describe("parseInline", () => {
  it("reads bold, italic and links, and leaves HTML as text", () => {
    expect(parseInline("a **b** *c* [d](https://e.example/(x)) <i>f</i>")).toEqual([
      text("a "),
      { strong: true, runs: [text("b")] },
      text(" "),
      { em: true, runs: [text("c")] },
      text(" "),
      { href: "https://e.example/(x)", runs: [text("d")] },
      text(" <i>f</i>"),
    ]);
  });

  it("nests links in bold and italic, and bold and italic in a link's text", () => {
    expect(parseInline("**[b](https://b.com)**")).toEqual([
      { strong: true, runs: [{ href: "https://b.com", runs: [text("b")] }] },
    ]);
    expect(parseInline("*see [the **text**](https://b.com)*")).toEqual([
      {
        em: true,
        runs: [
          text("see "),
          { href: "https://b.com", runs: [text("the "), { strong: true, runs: [text("text")] }] },
        ],
      },
    ]);
    expect(parseInline("**a *b* c**")).toEqual([
      { strong: true, runs: [text("a "), { em: true, runs: [text("b")] }, text(" c")] },
    ]);
    expect(parseInline("***both***")).toEqual([
      { em: true, runs: [{ strong: true, runs: [text("both")] }] },
    ]);
  });

  it("takes a link's title, in double or single quotes", () => {
    expect(parseInline('[t](https://x.com "a title")')).toEqual([
      { href: "https://x.com", title: "a title", runs: [text("t")] },
    ]);
    expect(parseInline("[t](https://x.com 'it (2024)')")).toEqual([
      { href: "https://x.com", title: "it (2024)", runs: [text("t")] },
    ]);
  });

  it("keeps a backslashed mark literal", () => {
    expect(parseInline("2 * 3 and \\*not\\*")).toEqual([text("2 * 3 and *not*")]);
    expect(parseInline("\\*\\*not bold\\*\\*")).toEqual([text("**not bold**")]);
    expect(parseInline("\\[not](https://x.com)")).toEqual([text("[not](https://x.com)")]);
    expect(parseInline("a \\\\ b")).toEqual([text("a \\ b")]);
  });

  it("leaves marks that are not closed, or that open before a space, as they are", () => {
    for (const literal of [
      "**bold",
      "*italic",
      "bold**",
      "2 * 3 * 4",
      "5 ** 2 and 3 ** 4",
      "****",
      "[text](https://x.com",
      "[text] (https://x.com)",
      "[](https://x.com)",
      "[t]()",
    ]) {
      expect(parseInline(literal), literal).toEqual([text(literal)]);
    }
    // Links do not nest: the first "[" stays text.
    expect(parseInline("[[t](https://x.com)")).toEqual([
      text("["),
      { href: "https://x.com", runs: [text("t")] },
    ]);
    expect(parseInline("**a *b")).toEqual([text("**a *b")]);
  });

  it("takes time in proportion to the text, however hostile", () => {
    // CPU time, not wall time: the machine may be busy with other work.
    const started = process.cpuUsage();
    for (const hostile of ["*a ".repeat(50_000), "[a](".repeat(50_000), "*a *b ".repeat(30_000)]) {
      expect(plainText(parseInline(hostile))).toBe(hostile);
    }
    // Marks nest eight deep at most; the deeper ones stay literal.
    const deep = `${"*a ".repeat(1000)}b${" c*".repeat(1000)}`;
    const runs = parseInline(deep);
    expect(depth(runs)).toBe(8);
    expect(plainText(runs).length).toBe(deep.length - 16);
    expect(process.cpuUsage(started).user / 1000).toBeLessThan(1500);
  });
});

describe("plainText and linksIn", () => {
  it("read the text without marks or URLs, and every link however nested", () => {
    const runs = parseInline("**[b](https://b.com)** and *[c](javascript:x)*, [d](mailto:d@x)");
    expect(plainText(runs)).toBe("b and c, d");
    expect(linksIn(runs)).toEqual(["https://b.com", "javascript:x", "mailto:d@x"]);
  });
});

describe("safeUrl", () => {
  it("allows only http, https and mailto links", () => {
    expect(safeUrl("https://example.com/a b")).toBe("https://example.com/a%20b");
    expect(safeUrl("mailto:desk@example.com")).toBe("mailto:desk@example.com");
    for (const bad of [
      "javascript:alert(1)",
      " JaVaScRiPt:alert(1)",
      "java\tscript:x",
      "data:text/html,x",
      "vbscript:x",
      "file:///etc/passwd",
      "/relative",
      "ftp://x",
    ]) {
      expect(safeUrl(bad)).toBeUndefined();
    }
  });
});

describe("withMarkup", () => {
  it("keeps a link a page must not follow as its text alone, for a brief nobody validated", () => {
    const marked = withMarkup(
      { summary: ["**[run](javascript:alert(1))** and [ok](https://x.com)"] },
      ["summary"],
    );
    const [runs] = marked.summary;
    expect(linksIn(runs ?? [])).toEqual(["https://x.com"]);
    expect(plainText(runs ?? [])).toBe("run and ok");
  });
});
