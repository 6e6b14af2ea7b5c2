import { beforeAll, describe, expect, it } from "vitest";
import { loadBrief } from "../../src/load/load-brief.js";
import type { Deck, Slide } from "../../src/model/deck.js";
import { pdfExtras } from "../../src/model/pdf-info.js";
import type { NormalBrief } from "../../src/normalize/normal-brief.js";
import { writePptx } from "../../src/pptx/write-pptx.js";
import { renderBrief } from "../../src/render/render-brief.js";
import { type PptxParts, paragraphTexts, readPptx } from "../helpers/pptx.js";

type Of<K extends Slide["kind"]> = Extract<Slide, { kind: K }>;

let deck: Deck;
let parts: PptxParts;

beforeAll(async () => {
  const loaded = await loadBrief("briefings/putin-kim-summit-2024.yaml");
  const brief = loaded.brief as NormalBrief;
  const rendered = renderBrief(brief, loaded.name, {}, {});
  deck = rendered.deck;
  const { metadata } = pdfExtras(brief, deck, rendered.html);
  parts = await readPptx(await writePptx({ deck, images: new Map(), metadata }));
});

const xmlOf = (slide: Slide) => parts.xml.get(`ppt/slides/slide${slide.number}.xml`) as string;

/** Each shape of a slide: its XML, its box in px, and its fill with the alpha PowerPoint reads. */
function shapes(xml: string) {
  const emu = 914400 / 96;
  return [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].map(([sp]) => {
    const off = /<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"/.exec(sp);
    const fill =
      /<p:spPr>[\s\S]*?<a:solidFill><a:srgbClr val="([0-9A-F]{6})"(?:><a:alpha val="(\d+)"\/>)?/.exec(
        sp,
      );
    return {
      sp,
      box: off ? off.slice(1).map((n) => Number(n) / emu) : [],
      colour: fill?.[1],
      alpha: fill?.[2] === undefined ? undefined : Number(fill[2]) / 1000,
    };
  });
}

describe("periods in the PowerPoint file", () => {
  it("draws each band as a see-through rectangle behind the axis, the plot's full height", () => {
    const overview = deck.slides.find((s): s is Of<"overview"> => s.kind === "overview");
    if (!overview) throw new Error("no overview");
    expect(overview.plot.periods.map((p) => p.label.text)).toEqual([
      "Kim Jong-un in power",
      "Since the summit in the Far East",
    ]);
    const all = shapes(xmlOf(overview));
    const bands = all.filter((s) => s.alpha !== undefined);
    expect(bands.map((b) => [b.colour, b.alpha])).toEqual([
      ["5A6472", 8],
      ["C05621", 8],
    ]);
    const axis = all.findIndex((s) => s.colour === "1B2430");
    for (const [i, band] of bands.entries()) {
      const period = overview.plot.periods[i] as Of<"overview">["plot"]["periods"][number];
      expect(all.indexOf(band)).toBeLessThan(axis);
      const [, , w, h] = band.box as number[];
      expect(w).toBeCloseTo(period.width, 0);
      expect(h).toBeCloseTo(overview.plot.height, 0);
    }
    // The left edges keep their distance from each other, as on the deck's plot.
    const [a, b] = bands.map((band) => band.box[0] as number);
    const [first, second] = overview.plot.periods;
    expect((b as number) - (a as number)).toBeCloseTo(
      (second?.left as number) - (first?.left as number),
      0,
    );
  });

  it("writes each period's label as a text box of its own, at its place on the plot", () => {
    const overview = deck.slides.find((s): s is Of<"overview"> => s.kind === "overview");
    if (!overview) throw new Error("no overview");
    const boxes = shapes(xmlOf(overview));
    for (const period of overview.plot.periods) {
      const box = boxes.find((s) => paragraphTexts(s.sp).join("") === period.label.text);
      expect(box, period.label.text).toBeDefined();
      expect(box?.box[2]).toBeCloseTo(period.label.width - 8, 0);
    }
    const [one, two] = overview.plot.periods.map(
      (p) => boxes.find((s) => paragraphTexts(s.sp).join("") === p.label.text)?.box as number[],
    );
    // Two rows: the labels of the overlapping periods do not share one.
    expect((two?.[1] as number) - (one?.[1] as number)).toBeCloseTo(18, 0);
  });

  it("tints the strip of an event slide where a period runs", () => {
    const late = deck.slides.filter((s): s is Of<"event"> => s.kind === "event").at(-1);
    if (!late) throw new Error("no event slide");
    expect(late.strip.periods).toHaveLength(2);
    const tints = shapes(xmlOf(late)).filter((s) => s.alpha !== undefined);
    expect(tints.map((t) => [t.colour, t.alpha])).toEqual([
      ["5A6472", 12],
      ["C05621", 12],
    ]);
  });
});
