import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { type BuildResult, build } from "../../src/build.js";
import { labelsFor } from "../../src/labels/catalogue.js";
import { yardsticks } from "../../src/load/yardsticks.js";
import { likelihoodView } from "../../src/model/yardstick-slides.js";
import { pdfOutline, pdfPages } from "../helpers/pdf.js";
import { tempDir } from "../helpers/temp.js";

describe("a judgment's likelihood as its slide shows it", () => {
  it("is its band's term and range in the brief's language, with its band marked on the scale", () => {
    const en = likelihoodView(yardsticks.icd203, "probable", labelsFor("en"));
    expect(en.text).toBe("Likely · 55–80 %");
    expect(en.scale?.map((band) => band.current)).toEqual([
      false,
      false,
      false,
      false,
      true,
      false,
      false,
    ]);
    expect(en.scale?.[4]).toMatchObject({ left: 55, width: 25 });
    expect(likelihoodView(yardsticks.icd203, "Likely", labelsFor("ko")).text).toBe(
      "가능성 높음 · 55~80%",
    );
    // PHIA's bands leave gaps: its "likely" ends at 75 %, and the next starts at 80 %.
    const phia = likelihoodView(yardsticks.phia, "highly likely", labelsFor("en"));
    expect(phia.text).toBe("Highly likely · 80–90 %");
    expect(phia.scale?.slice(4, 6)).toEqual([
      { left: 55, width: 20, current: false },
      { left: 80, width: 10, current: true },
    ]);
  });

  it("is the text as written, with no scale, for a brief that skipped validation", () => {
    expect(likelihoodView(yardsticks.icd203, "maybe", labelsFor("en"))).toEqual({ text: "maybe" });
  });
});

describe("the judgments and the closing yardstick slide in every output", () => {
  const results = new Map<string, BuildResult>();
  beforeAll(async () => {
    const briefs = {
      en: "briefings/putin-kim-summit-2024.yaml",
      ko: "test/fixtures/languages/ko.yaml",
      none: "test/fixtures/yardstick/no-appendix.yaml",
    };
    const built = await build(Object.values(briefs), {
      outDir: await tempDir("yardstick"),
      pdf: true,
      handout: true,
      singleFile: true,
    });
    for (const [key, file] of Object.entries(briefs)) {
      const result = built.find((r) => r.file === file) as BuildResult;
      expect(result.problems).toEqual([]);
      expect(result.failure).toBeUndefined();
      results.set(key, result);
    }
  });
  const squeeze = (text: string) => text.replace(/\s+/g, " ");

  it("shows each judgment's term and range in the PDF, and explains the yardstick on the last page", () => {
    const pages = pdfPages(results.get("en")?.pdf as string).map(squeeze);
    const judgments = pages.find((page) => page.includes("Judgments")) as string;
    expect(judgments).toContain("Likely · 55–80 % Moderate confidence");
    expect(judgments).toContain("Unlikely · 20–45 % Low confidence");
    const last = pages[pages.length - 1] as string;
    expect(last).toContain("Reading the judgments");
    expect(last).toContain("ICD 203 estimative language");
    for (const band of [
      "Almost no chance 1–5 %",
      "Roughly even chance 45–55 %",
      "Almost certain 95–99 %",
    ]) {
      expect(last).toContain(band);
    }
    expect(last).toContain("Moderate confidence The information is credibly sourced and plausible");
    expect(last).toContain("not how likely the event is");
  });

  it("has a bookmark of its own, and is in the handout and the single file", () => {
    const result = results.get("en") as BuildResult;
    const outline = pdfOutline(result.pdf as string);
    const pages = pdfPages(result.pdf as string);
    expect(outline[outline.length - 1]).toMatchObject({
      title: "Reading the judgments",
      page: pages.length,
    });
    const handout = pdfPages(result.handout as string).map(squeeze);
    expect(handout[0]).toContain("Reading the judgments");
    expect(handout[handout.length - 1]).toContain("Roughly even chance 45–55 %");
    const single = readFileSync(result.singleFile as string, "utf8");
    expect(single).toContain("Reading the judgments");
    expect(single).toContain("Likely · 55–80 %");
  });

  it("is written in the brief's language", () => {
    const pages = pdfPages(results.get("ko")?.pdf as string).map(squeeze);
    expect(pages.some((page) => page.includes("가능성 높음 · 55~80% 신뢰도 보통"))).toBe(true);
    const last = pages[pages.length - 1] as string;
    expect(last).toContain("판단 읽는 법");
    expect(last).toContain("가능성 반반 45~55%");
    expect(last).toContain("신뢰도 높음");
  });

  it("is left out with appendix: false", () => {
    const result = results.get("none") as BuildResult;
    const pages = pdfPages(result.pdf as string).map(squeeze);
    // The title, the timeline and the judgments.
    expect(pages).toHaveLength(3);
    expect(pages[2]).toContain("Almost certain · 95–99 % High confidence");
    expect(pages.join(" ")).not.toContain("Reading the judgments");
    expect(pdfOutline(result.pdf as string).map((b) => b.title)).not.toContain(
      "Reading the judgments",
    );
  });
});
