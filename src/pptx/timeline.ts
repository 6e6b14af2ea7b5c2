// The timeline drawn as shapes, from the layout the deck draws it from (`OverviewPlot`,
// `TimelineStrip`), at the places templates/theme/timeline.css puts each part: every label a
// text box of its own, so that a user can move it and it is still a label.
import type { Category, EventView, OverviewPlot, TimelineStrip } from "../model/deck.js";
import { lineBreaksOf } from "../model/line-breaks.js";
import { lineCount, textWidth } from "../model/measure-text.js";
import { colours, hex, mixWithWhite, place, points } from "./geometry.js";
import { addBadge, overviewBadgeSize } from "./marks.js";
import { spacedCapitals } from "./master.js";
import type { PptxSlide, TextRun } from "./pptxgenjs.js";
import { linkedRuns, plainRun } from "./runs.js";
import type { SlideContext } from "./slide-context.js";

const none = { type: "none" } as const;

/** The overview's plot with its top left corner at (`left`, `top`), in pixels. */
export function addPlot(context: SlideContext, plot: OverviewPlot, left: number, top: number) {
  const { slide, text, deck } = context;
  const axis = top + plot.axisY;
  addPeriods(context, plot, left, top);
  for (const row of plot.rows) {
    for (const segment of plot.segments) {
      slide.addShape("rect", {
        ...place({ x: left + segment.left, y: top + row.y - 1.5, w: segment.width, h: 3 }),
        fill: { color: colours.ink },
        line: none,
      });
    }
    if (row.name) addLaneName(context, row.name, left, top, row.y);
  }
  for (const gap of plot.breaks) {
    slide.addText(`⋯ ${gap.text} ⋯`, {
      ...place({ x: left + gap.x - 80, y: axis - 11, w: 160, h: 22 }),
      ...text,
      align: "center",
      valign: "middle",
      margin: 0,
      fontSize: points(14),
      italic: true,
      color: colours.muted,
    });
  }
  if (plot.asOf) {
    const { x, top: from, text: words, side } = plot.asOf;
    slide.addShape("line", {
      ...place({ x: left + x, y: top + from, w: 0, h: plot.axisY + 20 - from }),
      line: { color: colours.asOf, width: points(2), dashType: "dash" },
    });
    const width = 400;
    slide.addText(words.toLocaleUpperCase(deck.language), {
      ...place({
        x: side === "left" ? left + x - 6 - width : left + x + 6,
        y: top + from - 4,
        w: width,
        h: 18,
      }),
      ...text,
      ...(spacedCapitals(deck.language) ? { charSpacing: points(13 * 0.04) } : {}),
      align: side === "left" ? "right" : "left",
      valign: "top",
      margin: 0,
      fontSize: points(13),
      bold: true,
      color: colours.asOf,
    });
  }
  for (const interval of plot.intervals) addInterval(context, interval, left, top);
  for (const placed of plot.events) {
    const colour = hex(placed.event.category?.color ?? "#1d3557");
    const { leader, label, span } = placed;
    const line = top + placed.y;
    if (leader) {
      slide.addShape("line", {
        ...place({ x: left + leader.x, y: top + leader.top, w: 0, h: leader.height }),
        line: { color: mixWithWhite(colour, 0.55), width: points(1.5) },
      });
    }
    if (span) {
      slide.addShape("roundRect", {
        ...place({ x: left + span.left, y: line - 5, w: span.width, h: 10 }),
        rectRadius: 0.5,
        // No gradient in PowerPoint's shapes as pptxgenjs writes them: a rough span is paler.
        fill: { color: mixWithWhite(colour, placed.event.approx ? 0.25 : 0.45) },
        line: none,
      });
    }
    addDot(
      slide,
      left + placed.x,
      line,
      colour,
      placed.event.approx,
      placed.event.importance,
      label !== undefined,
    );
    if (!label) continue;
    const slideNumber = placed.event.slideId && context.slideNumber(placed.event.slideId);
    // The place after the date where the layout found it room (`.tl__date`).
    const dateLine = placed.location
      ? `${placed.event.dateText}${deck.labels.separator}${placed.location}`
      : placed.event.dateText;
    const title = plainRun(placed.event.title, {
      ...text,
      align: "left",
      fontSize: points(18),
      lineSpacing: points(22),
      color: colours.ink,
    });
    slide.addText(
      [
        {
          text: dateLine,
          options: {
            ...text,
            // Each line of a label starts at its leader, in every language (see the README).
            align: "left",
            fontSize: points(14),
            lineSpacing: points(18),
            bold: true,
            color: colour,
            breakLine: true,
          },
        },
        ...(slideNumber ? linkedRuns(title, { slide: slideNumber }, false) : title),
      ],
      {
        ...place({ x: left + label.left, y: top + label.top, w: label.width, h: label.height }),
        margin: points(2),
        valign: label.side === "above" ? "bottom" : "top",
        align: "left",
      },
    );
    if (placed.event.badge) {
      // After the date, on its 18 px line (`.tl__badge`), the label's 2 px padding in. A label
      // above the axis is set from its foot: its date line is over as many lines as its title
      // takes, which the layout's safe estimate may overcount.
      const x = left + label.left + 2 + textWidth(dateLine, { size: 14, weight: 700 }) + 6;
      const titleLines = lineCount(
        [{ text: placed.event.title, style: { size: 18, weight: 400 } }],
        label.width - 4,
        lineBreaksOf(deck.language),
      );
      const dateTop =
        label.side === "above"
          ? label.top + label.height - 2 - titleLines * 22 - 18
          : label.top + 2;
      const y = top + dateTop + (18 - overviewBadgeSize.line) / 2;
      addBadge(context, placed.event.badge, { x, y }, overviewBadgeSize, false);
    }
  }
}

/** A lane's name at the start of its line (at `line`), set on it as `.tl__lane-name` is. */
function addLaneName(
  context: SlideContext,
  name: NonNullable<OverviewPlot["rows"][number]["name"]>,
  left: number,
  top: number,
  line: number,
) {
  const { slide, text } = context;
  slide.addText(name.text, {
    ...place({ x: left, y: top + name.top, w: name.width, h: line - 2 - name.top }),
    ...text,
    align: "left",
    valign: "bottom",
    margin: 0,
    fontSize: points(14),
    lineSpacing: points(17),
    bold: true,
    color: hex(name.color),
  });
}

// A period's band, as `.tl__period` tints the paper: its colour at 8 %, overlapping ones adding.
const periodTransparency = 92;

/**
 * The periods behind the plot: each band a see-through rectangle the plot's full height, drawn
 * first so that everything else is on it; each label a text box of its own in its row.
 */
function addPeriods(context: SlideContext, plot: OverviewPlot, left: number, top: number) {
  const { slide, text } = context;
  for (const period of plot.periods) {
    slide.addShape("rect", {
      ...place({ x: left + period.left, y: top, w: period.width, h: plot.height }),
      fill: { color: hex(period.color), transparency: periodTransparency },
      line: none,
    });
  }
  for (const period of plot.periods) {
    const { label } = period;
    slide.addText(period.label.text, {
      // Its 4 px padding either side, as `.tl__period-label` has it.
      ...place({ x: left + label.left + 4, y: top + label.top, w: label.width - 8, h: 18 }),
      ...text,
      align: "left",
      valign: "middle",
      margin: 0,
      fontSize: points(13),
      bold: true,
      color: mixWithInk(hex(period.color), 0.7),
      fit: "none",
      wrap: false,
    });
  }
}

/** `color-mix(in srgb, colour share%, var(--ink))`: a period's colour darkened for its label. */
function mixWithInk(colour: string, share: number): string {
  const value = Number.parseInt(colour, 16);
  const ink = Number.parseInt(colours.ink, 16);
  return [16, 8, 0]
    .map((shift) => {
      const c = (value >> shift) & 0xff;
      const k = (ink >> shift) & 0xff;
      return Math.round(c * share + k * (1 - share))
        .toString(16)
        .padStart(2, "0");
    })
    .join("")
    .toUpperCase();
}

/**
 * A dot on the axis: filled and ringed, or hollow and dashed for a rough date; larger for an
 * event of high importance, as `.tl__event--high .tl__dot` (22 px with a 4 px gap and 2 px ring).
 */
function addDot(
  slide: PptxSlide,
  x: number,
  y: number,
  colour: string,
  approx: boolean,
  importance: EventView["importance"] = "normal",
  labelled = true,
) {
  const high = importance === "high";
  if (approx) {
    const r = high ? 10 : labelled ? 7 : 5;
    slide.addShape("ellipse", {
      ...place({ x: x - r, y: y - r, w: 2 * r, h: 2 * r }),
      fill: { color: colours.paper },
      line: { color: colour, width: points(2), dashType: "sysDash" },
    });
    return;
  }
  // The ring's centre line, and the filled centre inside the paper-coloured gap.
  // A dot the page left without its label is smaller, as `.tl__dot--unlabelled` (12 px).
  const ring = high ? 12 : labelled ? 8.75 : 6.5;
  const core = high ? 7 : labelled ? 5 : 3.5;
  slide.addShape("ellipse", {
    ...place({ x: x - ring, y: y - ring, w: 2 * ring, h: 2 * ring }),
    fill: { color: colours.paper },
    line: { color: colour, width: points(high ? 2 : 1.5) },
  });
  slide.addShape("ellipse", {
    ...place({ x: x - core, y: y - core, w: 2 * core, h: 2 * core }),
    fill: { color: colour },
    line: none,
  });
}

/** The bracket under the axis between two events of a category, with the time between them. */
function addInterval(
  context: SlideContext,
  interval: OverviewPlot["intervals"][number],
  left: number,
  top: number,
) {
  const { slide, text } = context;
  const x = left + interval.left;
  const y = top + interval.top;
  const line = { color: colours.faint, width: points(1.5) };
  slide.addShape("line", { ...place({ x, y, w: 0, h: 14 }), line });
  slide.addShape("line", { ...place({ x: x + interval.width, y, w: 0, h: 14 }), line });
  slide.addShape("line", { ...place({ x, y: y + 14, w: interval.width, h: 0 }), line });
  const width = textWidth(interval.text, { size: 13, weight: 400 }) + 14;
  slide.addText(interval.text, {
    ...place({ x: x + interval.width / 2 - width / 2, y: y + 1, w: width, h: 15 }),
    ...text,
    align: "center",
    valign: "middle",
    margin: 0,
    fontSize: points(13),
    color: colours.muted,
    fill: { color: colours.paper },
  });
}

/** The legend: one paragraph, each category's name after a dot in its colour. */
export function addLegend(
  context: SlideContext,
  categories: readonly Category[],
  y: number,
  note?: string,
) {
  const { slide, frame, text } = context;
  const runs = categories.flatMap((category, i): TextRun[] => [
    {
      text: i === 0 ? "● " : "      ● ",
      options: { ...text, fontSize: points(18), color: hex(category.color) },
    },
    { text: category.label, options: { ...text, fontSize: points(18), color: colours.muted } },
  ]);
  if (note !== undefined) {
    runs.push({
      text: `${runs.length > 0 ? "      " : ""}${note}`,
      options: { ...text, fontSize: points(16), italic: true, color: colours.muted },
    });
  }
  slide.addText(runs, {
    ...place({ x: frame.side, y, w: frame.content, h: 26 }),
    margin: 0,
    valign: "middle",
  });
}

/**
 * The note of the zone every time is shown in ("Times in KST"), on the legend's row at its far
 * end, as `.legend__note` sets it.
 */
export function addTimesNote(context: SlideContext, note: string, y: number) {
  const { slide, frame, text } = context;
  slide.addText(note, {
    ...place({ x: frame.side, y, w: frame.content, h: 26 }),
    ...text,
    margin: 0,
    valign: "middle",
    align: frame.rtl ? "left" : "right",
    fontSize: points(16),
    color: colours.muted,
  });
}

/** The "you are here" strip of an event slide, at `top`, in the event's category's colour. */
export function addStrip(
  context: SlideContext,
  strip: TimelineStrip,
  category: Category | undefined,
  top: number,
) {
  const { slide, frame, text } = context;
  const left = frame.side;
  const line = top + 9;
  // Behind the line, as `.strip__period` tints the paper under it.
  for (const period of strip.periods) {
    slide.addShape("rect", {
      ...place({ x: left + period.left, y: top + 4, w: period.width, h: 10 }),
      fill: { color: hex(period.color), transparency: 88 },
      line: none,
    });
  }
  slide.addShape("rect", {
    ...place({ x: left, y: line - 1, w: frame.content, h: 2 }),
    fill: { color: colours.faint },
    line: none,
  });
  for (const x of strip.breaks) {
    slide.addShape("rect", {
      ...place({ x: left + x - 3, y: top + 3, w: 6, h: 12 }),
      fill: { color: colours.paper },
      line: none,
    });
    for (const dx of [-3, 3]) {
      slide.addShape("line", {
        ...place({ x: left + x + dx - 2, y: top + 3, w: 4, h: 12 }),
        flipH: true,
        line: { color: colours.faint, width: points(1.5) },
      });
    }
  }
  for (const dot of strip.dots) {
    if (dot.current) continue;
    // A high event's dot is larger (`.strip__dot--high`).
    const r = dot.high ? 6 : 4;
    slide.addShape("ellipse", {
      ...place({ x: left + dot.x - r, y: line - r, w: 2 * r, h: 2 * r }),
      fill: { color: mixWithWhite(dot.color ? hex(dot.color) : colours.muted, 0.5) },
      line: none,
    });
  }
  addDot(slide, left + strip.marker, line, category ? hex(category.color) : colours.accent, false);
  const ends = {
    ...text,
    margin: 0,
    fontSize: points(14),
    color: colours.muted,
    valign: "top",
  } as const;
  slide.addText(strip.firstText, {
    ...place({ x: left, y: top + 18, w: frame.content / 2, h: 20 }),
    ...ends,
    align: "left",
  });
  slide.addText(strip.lastText, {
    ...place({ x: left + frame.content / 2, y: top + 18, w: frame.content / 2, h: 20 }),
    ...ends,
    align: "right",
  });
}
