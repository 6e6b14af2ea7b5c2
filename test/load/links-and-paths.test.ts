import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBrief } from "../../src/load/load-brief.js";
import { tempDir } from "../helpers/temp.js";

let dir: string;
let canary: string;

beforeAll(async () => {
  const root = await tempDir("paths");
  dir = path.join(root, "brief");
  mkdirSync(path.join(dir, "photos"), { recursive: true });
  canary = path.join(root, "canary.png");
  writeFileSync(canary, "CANARY-OUTSIDE-THE-BRIEF");
  writeFileSync(path.join(dir, "photos", "ok.png"), "not really a png");
  symlinkSync(canary, path.join(dir, "photos", "link-out.png"));
  symlinkSync(root, path.join(dir, "up"));
});

/** Writes a brief with `line` as the event's last line and returns its problems. */
async function problemsWith(line: string) {
  const file = path.join(dir, "brief.yaml");
  writeFileSync(
    file,
    `title: T\ndate: 2024-06-19\ntimeline:\n  events:\n    - date: 2024-06-18\n      title: E\n${line}\n`,
  );
  return (await loadBrief(file)).problems.map((p) => [p.code, p.pos.line]);
}

describe("links: only http, https and mailto", () => {
  const bad = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\\tscript:alert(1)",
    "&#106;avascript:alert(1)",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "file:///etc/passwd",
    "//evil.example/x",
    "/etc/passwd",
  ];
  for (const url of bad) {
    it(`refuses ${JSON.stringify(url)} in a detail link, with its line`, async () => {
      expect(await problemsWith(`      detail: "see [this](${url.replace(/"/g, '\\"')})"`)).toEqual(
        [["bad-url", 7]],
      );
    });
  }

  it("refuses a bad source URL and accepts good ones", async () => {
    const file = path.join(dir, "sources.yaml");
    writeFileSync(
      file,
      "title: T\ndate: 2024\ntimeline: { events: [{ date: 2024, title: E }] }\nsources:\n  - { id: a, title: A, url: 'javascript:alert(1)' }\n  - { id: b, title: B, url: 'https://example.com/a?b=c' }\n  - { id: c, title: C, url: 'mailto:desk@example.com' }\n",
    );
    expect((await loadBrief(file)).problems.map((p) => [p.code, p.pos.line])).toEqual([
      ["bad-url", 5],
    ]);
  });
});

describe("images: only files inside the brief's folder", () => {
  for (const ref of [
    "../canary.png",
    "photos/../../canary.png",
    "/etc/passwd.png",
    "file:///etc/passwd.png",
    "https://example.com/x.png",
    "up/canary.png",
    "photos/link-out.png",
  ]) {
    it(`refuses ${ref}`, async () => {
      expect(await problemsWith(`      image: "${ref}"`)).toEqual([["bad-path", 7]]);
    });
  }

  it(`refuses the canary by its absolute path`, async () => {
    expect(await problemsWith(`      image: "${canary}"`)).toEqual([["bad-path", 7]]);
  });

  it("refuses a path that names a folder, with a trailing slash or without", async () => {
    mkdirSync(path.join(dir, "photos", "album.png"), { recursive: true });
    expect(await problemsWith("      image: photos/ok.png/")).toEqual([["not-a-file", 7]]);
    expect(await problemsWith("      image: photos/album.png")).toEqual([["not-a-file", 7]]);
    expect(await problemsWith("      image: photos/album.png/")).toEqual([["not-a-file", 7]]);
    // A file taken for a folder on the way is simply not there.
    expect(await problemsWith("      image: photos/ok.png/x.png")).toEqual([["missing-file", 7]]);
  });

  it("accepts an image inside the folder, and refuses what is not an image", async () => {
    expect(await problemsWith(`      image: photos/ok.png`)).toEqual([]);
    expect(await problemsWith(`      image: brief.yaml`)).toEqual([["bad-path", 7]]);
  });
});

describe("links in every field that takes markup", () => {
  it("refuses a javascript: link in a summary, a section or a note, at its line and column", async () => {
    const file = path.join(dir, "markup.yaml");
    const bad = "[x](javascript:alert(1))";
    writeFileSync(
      file,
      [
        "title: T",
        "date: 2024-06-19",
        "summary:",
        "  - fine",
        `  - see ${bad}`, // 5:5
        "timeline:",
        "  events:",
        `    - { date: 2024, title: E, notes: "**${bad}**" }`, // 8:38
        "sections:",
        "  - type: watch",
        "    title: W",
        `    items: [ok, "*${bad}*"]`, // 12:17
        "  - type: judgments",
        "    title: J",
        "    items:",
        `      - statement: "[**bold**](javascript:x)"`, // 16:20
        "        confidence: low",
        "  - type: image",
        "    src: photos/ok.png",
        `    caption: "${bad}"`, // 20:14
        "  - type: actors",
        "    title: A",
        `    people: [{ name: N, role: "${bad}" }]`, // 23:31
        "  - type: quote",
        `    text: "${bad}"`, // 25:11
        "    attribution: Q",
        `    notes: '[t](javascript:x "a title")'`, // 27:12
      ].join("\n"),
    );
    const problems = (await loadBrief(file)).problems;
    expect(problems.map((p) => [p.code, p.pos.line, p.pos.col])).toEqual([
      ["bad-url", 5, 5],
      ["bad-url", 8, 38],
      ["bad-url", 12, 17],
      ["bad-url", 16, 20],
      ["bad-url", 20, 14],
      ["bad-url", 23, 31],
      ["bad-url", 25, 11],
      ["bad-url", 27, 12],
    ]);
  });

  it("accepts a link with a title, and a link inside bold", async () => {
    expect(
      await problemsWith(`      detail: '**[b](https://b.com)** and [t](https://x.com "title")'`),
    ).toEqual([]);
  });
});
