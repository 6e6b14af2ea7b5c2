import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBrief } from "../../src/load/load-brief.js";
import { pdfExtras } from "../../src/model/pdf-info.js";
import type { NormalBrief } from "../../src/normalize/normal-brief.js";
import { writePptx } from "../../src/pptx/write-pptx.js";
import { renderBrief } from "../../src/render/render-brief.js";
import { paragraphTexts, readPptx } from "../helpers/pptx.js";
import { tempDir } from "../helpers/temp.js";

const brief = `title: One clock
date: 2025-03-04
timeline:
  timezone: Asia/Seoul
  events:
    - date: 2025-03-03T02:14 Europe/Amsterdam
      title: Statement in The Hague
    - date: 2025-03-02T19:30 America/New_York
      title: Council meets
`;

describe("the PowerPoint overview", () => {
  it("says the zone once, with no legend, and its dates have no zone of their own", async () => {
    const file = path.join(await tempDir("pptx-times"), "brief.yaml");
    await writeFile(file, brief);
    const loaded = await loadBrief(file);
    expect(loaded.problems).toEqual([]);
    const { deck, html } = renderBrief(loaded.brief as NormalBrief, loaded.name, {});
    const { metadata } = pdfExtras(loaded.brief as NormalBrief, deck, html);
    const parts = await readPptx(await writePptx({ deck, images: new Map(), metadata }));
    const overview = deck.slides.find((slide) => slide.kind === "overview");
    const texts = paragraphTexts(parts.xml.get(`ppt/slides/slide${overview?.number}.xml`) ?? "");
    expect(texts.filter((t) => t === "Times in KST")).toHaveLength(1);
    expect(texts).toContain("3 March 2025, 09:30");
    expect(texts).toContain("3 March 2025, 10:14");
    expect(texts.join("\n")).not.toMatch(/CET|EST|UTC/);
  });
});
