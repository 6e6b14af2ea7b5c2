import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { build } from "../../src/build.js";
import { openDeck, startBrowser } from "../helpers/browser.js";
import { overflowingSlides, overviewProblems } from "../helpers/layout.js";
import { tempDir } from "../helpers/temp.js";

const korean = "평양에서 열린 정상회담에서 양측은 포괄적 전략 동반자 관계 조약에 서명했다. ";
const english = "Envoys met again in the capital to settle the terms of the ceasefire. ";
const hash = Array.from({ length: 120 }, (_, i) => "0123456789abcdef"[(i * 7 + 3) % 16]).join("");
const varied = (text: string, count: number) =>
  Array.from({ length: count }, (_, i) => text.repeat(1 + (i % 3)).slice(0, 20 + ((i * 37) % 150)));

// Short titles under long dates: the date and its badge are the widest line of each label.
const days = Array.from({ length: 24 }, (_, i) => ({
  date: `2024-09-${String(i + 1).padStart(2, "0")}`,
  title: i % 6 === 5 ? hash.slice(0, 40) : ["Talks", "Hi", "회담", "Вывод"][i % 4],
}));

const statements = [...varied(english, 8), ...varied(korean, 4)].map((s, i) => `${i + 1}. ${s}`);

function briefs(language: string, classification?: string) {
  const judgments = (likelihood: string, confidence: string) =>
    statements.map((statement) => ({ statement, likelihood, confidence }));
  const common = { title: "Fitting", language, ...(classification ? { classification } : {}) };
  const earlier = {
    ...common,
    date: "2024-08-31",
    timeline: { events: [{ date: "2024-08-01", title: "Before" }] },
    sections: [
      { type: "judgments", title: "Judgments", items: judgments("unlikely", "low") },
      {
        type: "judgments",
        title: "Dropped",
        items: varied(english, 6).map((s) => ({ statement: `Old: ${s}`, confidence: "low" })),
      },
    ],
  };
  const later = {
    ...common,
    date: "2024-09-30",
    timeline: { events: [{ date: "2024-08-01", title: "Before" }, ...days] },
    sections: [
      {
        type: "judgments",
        title: "Judgments",
        items: judgments("roughly even chance", "moderate"),
      },
    ],
    sources: Array.from({ length: 12 }, (_, i) => ({
      id: `s${i}`,
      title: i % 4 === 0 ? korean : `Joint statement on the talks, part ${i + 1}`,
      publisher: "Yonhap",
      url: i % 5 === 0 ? `https://example.com/${hash}` : undefined,
    })),
  };
  return { earlier: stringify(earlier), later: stringify(later) };
}

let browser: Browser;
const decks: string[] = [];

beforeAll(async () => {
  const work = await tempDir("change-layout");
  browser = await startBrowser();
  for (const [language, classification] of [
    ["en", undefined],
    ["de", "SECRET//NOFORN"],
    ["ko", "UNCLASSIFIED"],
  ] as const) {
    const { earlier, later } = briefs(language, classification);
    const old = path.join(work, `${language}-old.yaml`);
    const now = path.join(work, `${language}.yaml`);
    await writeFile(old, earlier);
    await writeFile(now, later);
    const [result] = await build([now], { outDir: path.join(work, "out"), pdf: true, since: old });
    expect(result?.failure).toBeUndefined();
    // The layout check of the print, as `check` makes it: nothing overflows or is cut off.
    expect(result?.warnings).toEqual([]);
    decks.push(result?.html as string);
  }
});

afterAll(async () => {
  await browser?.close();
});

describe("the slides of changes and the badges, laid out in Chromium", () => {
  it("continue over several slides without any overflowing", async () => {
    for (const html of decks) {
      await openDeck(
        browser,
        html,
        async (page) => {
          expect(await page.$$eval("section.slide--changes", (s) => s.length)).toBeGreaterThan(2);
          expect(await overflowingSlides(page)).toEqual([]);
        },
        { print: true },
      );
    }
  });

  it("keep each overview label's date and badge inside its box, overlapping nothing", async () => {
    for (const html of decks) {
      await openDeck(
        browser,
        html,
        async (page) => {
          expect(await page.$$eval(".tl__badge", (b) => b.length)).toBe(days.length);
          expect(await overviewProblems(page)).toEqual([]);
          const spilled = await page.$$eval(".tl__date", (dates) =>
            dates.flatMap((date) => {
              const box = (date.parentElement as HTMLElement).getBoundingClientRect();
              const badge = date.querySelector(".tl__badge")?.getBoundingClientRect();
              const right = Math.max(date.getBoundingClientRect().right, badge?.right ?? 0);
              return right > box.right + 1 ? [date.textContent] : [];
            }),
          );
          expect(spilled).toEqual([]);
        },
        { print: true },
      );
    }
  });
});
