import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { build } from "../../src/build.js";
import type { Brief, BriefEvent } from "../../src/load/schema.js";
import { buildDeck } from "../../src/model/build-deck.js";
import { openDeck, startBrowser } from "../helpers/browser.js";
import { overviewProblems } from "../helpers/layout.js";
import { tempDir } from "../helpers/temp.js";

// An event's place after its date: on its slide always, on the overview's label only where
// the label's date line has room for it, measured in Chromium in English, Korean and Arabic.

/** Each title with a place that grows a word at a time: some fit its label, some do not. */
const cases: Record<string, { titles: string[]; place: string[] }> = {
  en: {
    titles: [
      "Putin arrives",
      "Summit talks begin at the Kumsusan Palace of the Sun before the two delegations",
      "Kim travels to Russia's Far East for a summit with Putin",
    ],
    place: ["Vostochny", "Cosmodrome,", "Amur", "Oblast,", "Russian", "Federation"],
  },
  ko: {
    titles: [
      "푸틴 도착",
      "금수산태양궁전에서 양측 대표단이 참석한 가운데 정상회담 시작",
      "김정은 국무위원장과 푸틴 대통령이 금수산태양궁전에서 양측 대표단이 참석한 가운데 포괄적 전략적 동반자 관계 조약에 서명",
    ],
    place: ["러시아", "연방", "아무르주", "치올콥스키", "보스토치니", "우주기지", "제1발사장"],
  },
  ar: {
    titles: [
      "وصول بوتين",
      "بدء محادثات القمة في قصر كومسوسان للشمس بحضور وفدي البلدين",
      "كيم يزور الشرق الأقصى الروسي لعقد قمة مع بوتين",
    ],
    place: ["قصر", "كومسوسان", "للشمس،", "بيونغ", "يانغ،", "كوريا", "الشمالية"],
  },
};

function briefOf(language: string): Brief {
  const { titles, place } = cases[language] as (typeof cases)[string];
  const events: BriefEvent[] = [];
  titles.forEach((title, t) => {
    place.forEach((_, p) => {
      const day = 1 + t * place.length + p;
      events.push({
        date: `2024-05-${String(day).padStart(2, "0")}`,
        title,
        location: place.slice(0, p + 1).join(" "),
        importance: p === 0 ? "high" : "normal",
        ...(p === 0 ? { detail: "Its own slide." } : {}),
      });
    });
  });
  return { title: "Locations", date: "2024-06-19", language, timeline: { events } };
}

let browser: Browser;
const decks: Record<string, string> = {};

beforeAll(async () => {
  const out = await tempDir("event-location");
  const files = await Promise.all(
    Object.keys(cases).map(async (language) => {
      const file = path.join(out, `${language}.yaml`);
      await writeFile(file, stringify(briefOf(language)));
      return file;
    }),
  );
  const results = await build(files, { outDir: path.join(out, "dist"), pdf: false });
  for (const [i, language] of Object.keys(cases).entries()) {
    expect(results[i]?.problems).toEqual([]);
    decks[language] = path.join(out, "dist", language, "index.html");
  }
  browser = await startBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe.each(Object.keys(cases))("the places of a brief in %s", (language) => {
  it("stay inside their overview labels, shown where the model found room", async () => {
    const deck = buildDeck(briefOf(language), language);
    const shown = deck.slides.flatMap((s) =>
      s.kind === "overview" ? s.plot.events.flatMap((e) => (e.location ? [e.location] : [])) : [],
    );
    // Some fit and some do not, so both cases are measured.
    expect(shown.length).toBeGreaterThan(2);
    expect(shown.length).toBeLessThan(briefOf(language).timeline.events.length - 2);
    const measured = await openDeck(
      browser,
      decks[language] as string,
      async (page) => ({
        problems: await overviewProblems(page),
        places: await page.$$eval(".tl__location", (els) => els.map((el) => el.textContent)),
        // Each date line's own extent against its box, in both directions.
        outside: await page.$$eval(".tl__label", (labels) =>
          labels.flatMap((label) => {
            const box = label.getBoundingClientRect();
            const line = (label.querySelector(".tl__date") as HTMLElement).getBoundingClientRect();
            return line.left < box.left - 0.5 || line.right > box.right + 0.5
              ? [`${label.textContent?.slice(0, 60)}: ${line.right - box.right} px over`]
              : [];
          }),
        ),
        high: await page.$$eval(".tl__event--high .tl__dot", (dots) =>
          dots.map((dot) => dot.getBoundingClientRect().width),
        ),
        normal: await page.$$eval(".tl__event--normal .tl__dot", (dots) =>
          dots.map((dot) => dot.getBoundingClientRect().width),
        ),
      }),
      { print: true },
    );
    expect(measured.problems).toEqual([]);
    expect(measured.outside).toEqual([]);
    expect(measured.places).toEqual(shown);
    expect(measured.high).toHaveLength(3);
    expect(Math.min(...measured.high)).toBeGreaterThan(Math.max(...measured.normal));
  });

  it("follow the date on the event's slide", async () => {
    const deck = buildDeck(briefOf(language), language);
    const separator = deck.labels.separator;
    const expected = deck.slides.flatMap((s) =>
      s.kind === "event" ? [`${s.event.dateText}${separator}${s.event.location}`] : [],
    );
    const written = await openDeck(browser, decks[language] as string, (page) =>
      page.$$eval(".event__date", (els) => els.map((el) => el.textContent?.trim())),
    );
    expect(written).toEqual(expected);
  });
});
