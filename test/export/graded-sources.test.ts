import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { pdfAltTexts, pdfPages, pdfStructText } from "../helpers/pdf.js";
import { tempDir } from "../helpers/temp.js";

const fixture = "test/fixtures/valid/graded-sources.yaml";
let html: string;
let pages: string[];
let pdf: string;
let handout: string[];

beforeAll(async () => {
  const [result] = await build([fixture], {
    outDir: await tempDir("graded"),
    pdf: true,
    handout: true,
  });
  if (!result?.pdf || !result.html || !result.handout) throw result?.failure ?? new Error("no PDF");
  expect(result.warnings).toEqual([]);
  html = readFileSync(result.html, "utf8");
  pdf = result.pdf;
  pages = pdfPages(pdf).map((page) => page.replace(/\s+/g, " "));
  handout = pdfPages(result.handout).map((page) => page.replace(/\s+/g, " "));
}, 120_000);

const sourcesPage = () => pages.find((page) => / Sources \[1\]/.test(page)) ?? "";

describe("graded sources in the PDF", () => {
  it("show each grade beside its source, in capitals however it was written", () => {
    expect(sourcesPage()).toContain("[1] B2 Putin, Kim start summit talks. Yonhap, 19 June 2024.");
    expect(sourcesPage()).toContain("[2] E5 Statement. KCNA.");
    expect(sourcesPage()).toContain("[3] Ungraded.");
  });

  it("put the key of the scale on the sources slide, in the catalogue's words", () => {
    expect(sourcesPage()).toContain(
      "Reliability A completely reliable · B usually reliable · C fairly reliable · D not usually reliable · E unreliable · F cannot be judged",
    );
    expect(sourcesPage()).toContain(
      "Credibility 1 confirmed · 2 probably true · 3 possibly true · 4 doubtful · 5 improbable · 6 cannot be judged",
    );
  });

  it("show the access date after the url", () => {
    expect(sourcesPage()).toContain("accessed 20 June 2024");
    expect(pdfPages(pdf).join("\n")).toContain("https://en.yna.co.kr/");
  });

  it("carry the grade beside each citation number, and none beside an ungraded one", () => {
    const event = pages.find((page) => page.includes("Some detail text")) ?? "";
    // pdftotext puts the text of links after the rest of the page's.
    expect(event).toContain("Sources:");
    expect(event).toContain("[1 B2] [2 E5]");
    const actors = pages.find((page) => page.includes("A Person")) ?? "";
    expect(actors).toContain("[2 E5] [3]");
  });

  it("carry grades and access dates into the handout's sources", () => {
    const text = handout.join(" ");
    expect(text).toContain("[1] B2 Putin, Kim start summit talks");
    expect(text).toContain("accessed 20 June 2024");
  });
});

describe("images described in words", () => {
  it("have their alt in the deck: event image, image section and actor's photo", () => {
    const alts = [...html.matchAll(/<img [^>]*alt="([^"]*)"/g)].map((m) => m[1]);
    expect(alts).toEqual([
      "A white dot on a blue square",
      "The same white dot, larger",
      "Portrait of A Person",
    ]);
    // The caption stays apart from the description.
    expect(html).toContain(
      '<figcaption class="picture__caption" dir="auto">A caption for the picture',
    );
  });

  it("have their alt in the tagged PDF's structure, on its figures", async () => {
    expect(await pdfAltTexts(pdf)).toEqual(
      expect.arrayContaining([
        "A white dot on a blue square",
        "The same white dot, larger",
        "Portrait of A Person",
      ]),
    );
    expect(pdfStructText(pdf)).toMatch(/Figure/);
  });

  it("have their alt in the handout", async () => {
    const file = path.join(path.dirname(pdf), "graded-sources-handout.pdf");
    expect(await pdfAltTexts(file)).toEqual(
      expect.arrayContaining(["A white dot on a blue square", "Portrait of A Person"]),
    );
  });
});
