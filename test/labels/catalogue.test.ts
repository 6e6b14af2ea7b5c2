import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { resolveConfig } from "../../src/config.js";
import { BriefingError } from "../../src/errors.js";
import {
  catalogue,
  catalogueLanguage,
  countText,
  direction,
  hasCapitals,
  labelsFor,
} from "../../src/labels/catalogue.js";
import { labelKeys } from "../../src/labels/labels.js";
import { en } from "../../src/labels/languages/en.js";
import { fill } from "../../src/labels/phrase.js";
import { validateBrief } from "../../src/load/load-brief.js";
import { passesBriefSchema } from "../../src/load/quick-check.js";
import type { NormalBrief } from "../../src/normalize/normal-brief.js";
import { renderBrief } from "../../src/render/render-brief.js";
import { startCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

const sample = readFileSync("briefings/putin-kim-summit-2024.yaml", "utf8");

const placeholders = (value: unknown) =>
  [...JSON.stringify(value).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the label catalogue", () => {
  it("has every word in every language, with the placeholders the English has", async () => {
    expect(Object.keys(catalogue)).toEqual(
      expect.arrayContaining([
        "en",
        "ko",
        "ja",
        "zh-Hans",
        "zh-Hant",
        "ru",
        "de",
        "fr",
        "es",
        "ar",
      ]),
    );
    for (const [language, labels] of Object.entries(catalogue)) {
      expect(Object.keys(labels).sort(), language).toEqual([...labelKeys].sort());
      for (const key of labelKeys) {
        const value = labels[key];
        expect(JSON.stringify(value), `${language}.${key}`).not.toBe('""');
        if (key === "events") continue;
        expect(new Set(placeholders(value)), `${language}.${key}`).toEqual(
          new Set(placeholders(en[key])),
        );
      }
    }
  });

  it("matches BCP 47 tags to its languages as people write them", async () => {
    const cases: [string, string | undefined][] = [
      ["ko-KR", "ko"],
      ["KO", "ko"],
      ["ja-JP", "ja"],
      ["zh", "zh-Hans"],
      ["zh-CN", "zh-Hans"],
      ["zh-SG", "zh-Hans"],
      ["zh-Hans-HK", "zh-Hans"],
      ["zh-TW", "zh-Hant"],
      ["zh-HK", "zh-Hant"],
      ["zh-Hant", "zh-Hant"],
      ["en-US", "en"],
      ["de-CH", "de"],
      ["ar-EG", "ar"],
      ["iw", "he"],
      ["pt-BR", undefined],
    ];
    for (const [tag, language] of cases) expect(catalogueLanguage(tag), tag).toBe(language);
    expect(labelsFor("zh-TW").summary).toBe(catalogue["zh-Hant"]?.summary);
    expect(labelsFor("pt").summary).toBe("Bottom line up front");
  });

  it("knows which languages run right to left", async () => {
    expect(["ar", "he", "fa-IR", "ur", "az-Arab"].map(direction)).toEqual(Array(5).fill("rtl"));
    expect(["en", "ko", "az", "ku-Latn", "ar-Latn"].map(direction)).toEqual(Array(5).fill("ltr"));
  });

  it("knows which languages are written with capitals, and takes an unknown one to have none", () => {
    const cased = ["en", "de-DE", "ru-RU", "sr", "el", "hy", "vi", "az", "mn", "sr-Latn"];
    expect(cased.filter((tag) => !hasCapitals(tag))).toEqual([]);
    const caseless = ["hi-IN", "mr", "ne", "bn", "ta", "th-TH", "lo", "km", "my", "bo", "si"];
    const others = ["ko", "ja", "zh-Hans", "ar", "he", "fa", "ur", "am", "ka", "ru-Deva", "xx"];
    expect([...caseless, ...others].filter(hasCapitals)).toEqual([]);
  });

  it("counts with each language's plural forms", async () => {
    const ru = catalogue.ru?.events ?? "";
    expect([1, 2, 5, 21, 22, 25].map((n) => countText(ru, n, "ru"))).toEqual([
      "1 событие",
      "2 события",
      "5 событий",
      "21 событие",
      "22 события",
      "25 событий",
    ]);
    expect([1, 9].map((n) => countText(en.events, n, "en"))).toEqual(["1 event", "9 events"]);
    expect(countText(catalogue.ko?.events ?? "", 9, "ko")).toBe("사건 9건");
  });

  it("fills a label in pieces, each value marked, and leaves an unknown placeholder as written", async () => {
    expect(
      fill("{title}({date}) {duration} 후", { title: "T", date: "D", duration: "9개월" }),
    ).toEqual([
      { text: "T", slot: "title" },
      { text: "(" },
      { text: "D", slot: "date" },
      { text: ") " },
      { text: "9개월", slot: "duration" },
      { text: " 후" },
    ]);
    expect(fill("As of {date} {nope}", { date: "1961" })).toEqual([
      { text: "As of " },
      { text: "1961", slot: "date" },
      { text: " {nope}" },
    ]);
  });
});

describe("labels: in a brief and in the config file", () => {
  const withLabels = (labels: string) =>
    sample.replace("language: en", `language: en\nlabels:\n${labels}`);

  it("the brief's win over the config file's, which win over the catalogue's", async () => {
    const text = withLabels('  summary: Key judgments\n  asOf: "Current to {date}"');
    const loaded = await validateBrief("brief.yaml", text);
    expect(loaded.problems).toEqual([]);
    const { deck, html } = renderBrief(loaded.brief as NormalBrief, "brief", {
      labels: { summary: "From the config", kicker: "Desk note", timeline: "Chronology" },
    });
    expect(deck.labels.summary).toBe("Key judgments");
    expect(deck.labels.kicker).toBe("Desk note");
    expect(deck.labels.sources).toBe("Sources");
    expect(html).toContain(">Key judgments</bdi>");
    expect(html).toContain(">Desk note</p>");
    expect(html).toContain("Current to <bdi>19 June 2024</bdi>");
    expect(html).not.toContain("From the config");
    expect(html).not.toContain("Bottom line up front");
  });

  it("set the words of rough dates too, and pass the quick schema check", async () => {
    const text = withLabels(
      '  lateMonth: "the end of {date}"\n  events: { one: "{count} item", other: "{count} items" }',
    );
    const loaded = await validateBrief("brief.yaml", text);
    expect(loaded.problems).toEqual([]);
    expect(passesBriefSchema(parse(text))).toBe(true);
    const { deck } = renderBrief(loaded.brief as NormalBrief, "brief", {});
    const dates = deck.slides.flatMap((slide) =>
      slide.kind === "event" ? [slide.event.dateText] : [],
    );
    expect(dates).toContain("the end of May 2024");
  });

  it("are text: markup in a label is escaped", async () => {
    const loaded = await validateBrief(
      "brief.yaml",
      withLabels('  kicker: "<b>{{deck.title}}</b>"'),
    );
    const { html } = renderBrief(loaded.brief as NormalBrief, "brief", {});
    expect(html).toContain("&lt;b&gt;{{deck.title}}&lt;/b&gt;");
    expect(html).not.toContain("<b>");
  });

  it("a mistyped key in a brief is an error at its line, with a did-you-mean", async () => {
    const text = withLabels("  sumary: Key judgments");
    const line = text.split("\n").findIndex((l) => l.includes("sumary")) + 1;
    const [problem, ...rest] = (await validateBrief("brief.yaml", text)).problems;
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      code: "unknown-key",
      pos: { line, col: 3 },
      path: ["labels", "sumary"],
    });
    expect(problem?.message).toContain('did you mean "summary"?');
  });

  it("a mistyped key in the config file is refused, with a did-you-mean", async () => {
    const dir = await tempDir("labels-config");
    const config = path.join(dir, "briefing.config.yaml");
    writeFileSync(config, "labels:\n  asof: Stand {date}\n");
    const error = await resolveConfig({ config }, []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefingError);
    expect((error as BriefingError).kind).toBe("usage");
    expect((error as Error).message).toMatch(/briefing\.config\.yaml:2:3: .*did you mean "asOf"\?/);
    writeFileSync(config, "labels:\n  asOf: Stand {date}\n");
    expect((await resolveConfig({ config }, [])).labels).toEqual({ asOf: "Stand {date}" });
  });
});

describe("a language the catalogue lacks", () => {
  it("gets English words and one warning, at its language field", async () => {
    const text = sample.replace("language: en", "language: pt-BR");
    const line = text.split("\n").findIndex((l) => l.startsWith("language:")) + 1;
    const loaded = await validateBrief("brief.yaml", text);
    expect(loaded.problems).toEqual([]);
    expect(loaded.warnings.filter((w) => w.code === "unknown-language")).toEqual([
      expect.objectContaining({ pos: { line, col: 11 }, path: ["language"] }),
    ]);
    const { deck } = renderBrief(loaded.brief as NormalBrief, "brief", {});
    expect(deck.labels.summary).toBe("Bottom line up front");
    // Dates are still the language's own.
    expect(deck.dateText).toBe("19 de junho de 2024");
  });

  it("is not warned about when the brief gives every word", async () => {
    const labels = labelKeys
      .filter((key) => key !== "events")
      .map((key) => `  ${key}: "${String(en[key])}"`)
      .join("\n");
    const text = sample.replace(
      "language: en",
      `language: pt\nlabels:\n${labels}\n  events: { one: "{count} evento", other: "{count} eventos" }`,
    );
    const loaded = await validateBrief("brief.yaml", text);
    expect(loaded.problems).toEqual([]);
    expect(loaded.warnings.map((w) => w.code)).not.toContain("unknown-language");
  });

  it("is not warned about in the catalogue's languages", async () => {
    for (const language of ["en", "ko-KR", "zh-TW", "ar"]) {
      const text = sample.replace("language: en", `language: ${language}`);
      const loaded = await validateBrief("brief.yaml", text);
      expect(loaded.warnings.map((w) => w.code)).not.toContain("unknown-language");
    }
  });
});

describe("an event's line to the one before it", () => {
  /** What each event slide says of the event before it, in its brief's language. */
  async function previousLines(file: string): Promise<string[]> {
    const loaded = await validateBrief(file, readFileSync(file, "utf8"));
    const { deck } = renderBrief(loaded.brief as NormalBrief, "brief", {});
    return deck.slides.flatMap((slide) =>
      slide.kind === "event" && slide.event.previous
        ? [slide.event.previous.text.map((piece) => piece.text).join("")]
        : [],
    );
  }

  it("in Russian names the event it counts from, as «после» needs", async () => {
    expect(await previousLines("test/fixtures/languages/ru.yaml")).toEqual([
      // Intl's ranges put a narrow no-break space before «г.», its single dates a space.
      "Через 23 года после события: Первый визит Путина в Пхеньян (19–20 июля 2000\u00a0г.)",
      "Через 9 месяцев после события: Встреча на космодроме Восточный (13 сентября 2023 г.)",
    ]);
  });

  it("in French, après followed by the event's title in guillemets", async () => {
    expect(await previousLines("test/fixtures/languages/fr.yaml")).toEqual([
      "23 ans après «\u00a0Première visite de Poutine à Pyongyang\u00a0» (19–20 juillet 2000)",
      // As Intl writes it: "9\u00a0mois", but "23 ans".
      "9\u00a0mois après «\u00a0Sommet au cosmodrome de Vostotchny\u00a0» (13 septembre 2023)",
    ]);
  });

  it("in Spanish, «después de» followed by the event's title in quotes", async () => {
    expect(await previousLines("test/fixtures/languages/es.yaml")).toEqual([
      "23 años después de «Primera visita de Putin a Pyongyang» (19–20 de julio de 2000)",
      "9 meses después de «Cumbre en el cosmódromo de Vostochni» (13 de septiembre de 2023)",
    ]);
  });
});

describe("labels: through the command line", () => {
  it("build takes the config file's labels, under the brief's own", async () => {
    const dir = await tempDir("labels-cli");
    writeFileSync(
      path.join(dir, "briefing.config.yaml"),
      'labels:\n  kicker: Desk note\n  summary: From the config\n  asOf: "Current to {date}"\n',
    );
    const brief = sample.replace("language: en", "language: en\nlabels:\n  summary: Key judgments");
    writeFileSync(path.join(dir, "brief.yaml"), brief);
    const run = await startCli([
      "build",
      "--no-pdf",
      "--quiet",
      "--out",
      path.join(dir, "dist"),
      dir,
    ]).done;
    expect(run.status, run.stderr).toBe(0);
    const html = readFileSync(path.join(dir, "dist", "brief", "index.html"), "utf8");
    expect(html).toContain(">Desk note</p>");
    expect(html).toContain(">Key judgments</bdi>");
    expect(html).toContain("Current to <bdi>19 June 2024</bdi>");
    expect(html).not.toContain("From the config");
  });
});
