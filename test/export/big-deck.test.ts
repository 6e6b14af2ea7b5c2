import { describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { loadBrief } from "../../src/load/load-brief.js";
import { buildDeck } from "../../src/model/build-deck.js";
import type { NormalBrief } from "../../src/normalize/normal-brief.js";
import { writeBigBrief } from "../helpers/big-brief.js";
import { pdfInfo, pdfOutline, pdfPages } from "../helpers/pdf.js";
import { tempDir } from "../helpers/temp.js";

// 1,900 events make a 2,017-page deck; `npm run bench:big` builds that one (2 min on a busy
// 2-core machine). The test suite builds a 400-page one, which takes the same path.
const events = Number(process.env.BRIEFING_BIG_EVENTS ?? 364);

describe(`a big deck (${events} events)`, () => {
  it("prints without timing out, with every page present and bookmarked", async () => {
    const folder = await tempDir("big");
    const file = await writeBigBrief(folder, events);
    const started = Date.now();
    const [result] = await build([file], { outDir: folder, pdf: true });
    const seconds = (Date.now() - started) / 1000;
    expect(result?.problems).toEqual([]);
    const pdf = result?.pdf as string;
    const pages = pdfPages(pdf);
    const deck = buildDeck((await loadBrief(file)).brief as NormalBrief, "big");
    expect(pages.length).toBe(deck.total);
    expect(pages.length).toBeGreaterThan(events);
    expect(Number(pdfInfo(pdf).Pages)).toBe(pages.length);
    // Every page is the one it should be: its own number, and every event on its page.
    pages.forEach((page, i) => {
      expect(page).toContain(`${i + 1} / ${pages.length}`);
    });
    const text = pages.join("\n");
    for (const n of [1, Math.ceil(events / 2), events])
      expect(text).toContain(`Event number ${n}\n`);
    const timeline = pdfOutline(pdf).find((b) => b.title === "Timeline");
    expect(timeline?.children).toHaveLength(events);
    console.info(`big deck: ${pages.length} pages built in ${seconds.toFixed(1)} s`);
  }, 300_000);
});
