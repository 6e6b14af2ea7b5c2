import { countText } from "../labels/catalogue.js";
import type { Labels } from "../labels/labels.js";
import { fill, fillText } from "../labels/phrase.js";
import type { InlineRun } from "../markup/inline.js";
import type { BriefPath } from "../normalize/normal-brief.js";
import { placeOnAxis } from "../timeline/axis.js";
import { endOf, type PartialDate, startOf } from "../timeline/date.js";
import { durationBetween, formatDuration } from "../timeline/duration.js";
import { locationFits, textWidth, wrap } from "../timeline/labels.js";
import {
  type LaneSetup,
  lanesWith,
  layoutOverview,
  type OverviewPage,
  plot,
  type TimelineItem,
} from "../timeline/overview.js";
import { periodRows, type TimelinePeriod, touches, xAtTime } from "../timeline/periods.js";
import type { Category, EventView, OverviewPlot, SlideDraft, TimelineStrip } from "./deck.js";
import { type LineBreaks, lineBreaksOf } from "./line-breaks.js";
import { textWidth as wordsWidth } from "./measure-text.js";

/** What the timeline's slides are made from: events in time order, twice over. */
export interface TimelineInput {
  title: string;
  /** The events as slides show them, in time order. */
  events: EventView[];
  /** The same events as the layout needs them, in the same order. */
  items: TimelineItem[];
  /** Where each of them is written in the brief, in the same order. */
  paths: BriefPath[];
  categories: Category[];
  /** The brief's periods, in the order written. */
  periods: PeriodInput[];
  asOf: PartialDate;
  asOfText: string;
  /** "Times in KST": the one zone every time is shown in, said once on each overview page. */
  timesNote?: string;
  language: string;
  labels: Labels;
  /** `timeline.lanes`: a row of its own for each category. */
  lanes?: "category";
}

/** The rows of a timeline with lanes: their categories, and the size of each one's name. */
interface Lanes {
  setup: LaneSetup;
  /** Each row's category, in the legend's order; undefined for the row of events with none. */
  categories: (Category | undefined)[];
  names: { width: number; height: number }[];
}

// The rows' names, as .tl__lane-name sets them: 14 px bold, 17 px lines, and a safe width of a
// character; the gutter they sit in, between these widths, with 16 px before the axis.
const laneName = { charWidth: 8.2, line: 17, minGutter: 90, maxGutter: 200, space: 16 };

/**
 * The lanes of a timeline: one for each category its events use, in the legend's order, and a
 * last one, unnamed, for events with no category; the gutter as wide as the longest name needs.
 */
function lanesOf(input: TimelineInput): Lanes {
  const used = new Set(input.items.map((item) => item.category));
  const categories: (Category | undefined)[] = input.categories.filter((c) => used.has(c.key));
  if (input.items.some((item) => !categories.some((c) => c?.key === item.category))) {
    categories.push(undefined);
  }
  const widest = Math.max(0, ...categories.map((c) => (c ? textWidth(c.label) : 0)));
  const rows = lanesWith(categories.length, periodsOf(input));
  const breaks = lineBreaksOf(input.language);
  // Each name's box is the room over its line, and it is set from the foot up; a name that
  // would need more lines than that room holds gets the widest gutter.
  const room = (rows[0]?.laneHeight ?? plot.laneHeight) + plot.rows.labelGap;
  let gutter = Math.min(
    laneName.maxGutter,
    Math.max(laneName.minGutter, widest * laneName.charWidth + laneName.space),
  );
  const tooTall = categories.some(
    (c) =>
      c &&
      wrap(c.label, (gutter - laneName.space) / laneName.charWidth, breaks) * laneName.line > room,
  );
  if (tooTall) gutter = laneName.maxGutter;
  const names = categories.map(() => ({ width: gutter - laneName.space, height: room }));
  return {
    setup: { keys: categories.map((c) => c?.key), gutter },
    categories,
    names,
  };
}

/** A period of the timeline as the brief gives it. */
export interface PeriodInput {
  start: PartialDate;
  /** Absent for a period that runs to the as-of date. */
  end?: PartialDate;
  label: string;
  color?: string;
}

/** A period's colour when the brief gives none: the theme's muted grey (`--muted`). */
export const periodColor = "#5a6472";

// A period label's type, as `.tl__period-label` sets it.
const periodLabelStyle = { size: 13, weight: 600 } as const;

/** The periods as the layout needs them: instants, and their labels' widths. */
function periodsOf(input: TimelineInput): TimelinePeriod[] {
  // An open period runs to the end of the as-of date, where its line is.
  const asOf = endOf(input.asOf);
  return input.periods.map((period) => ({
    start: startOf(period.start),
    end: period.end ? endOf(period.end) : asOf,
    labelWidth: Math.ceil(wordsWidth(period.label, periodLabelStyle)),
  }));
}

const stripWidth = 1136;
// Beyond this many events the strip shows only where this event is, not every other one.
const stripMaxDots = 150;

/**
 * The timeline's slides as reveal.js columns: each overview page, then the slides of the
 * events on it, so the presenter can go down into an era and the PDF reads in time order.
 */
export function timelineColumns(input: TimelineInput): SlideDraft[][] {
  const { events, items, language } = input;
  events.forEach((event, i) => {
    const item = items[i] as TimelineItem;
    const prev = findPrevious(items, i);
    if (prev < 0) return;
    const duration = durationBetween((items[prev] as TimelineItem).date, item.date);
    if (duration.count === 0) return;
    const before = events[prev] as EventView;
    const text = formatDuration(duration, language);
    event.previous = {
      duration: text,
      title: before.title,
      dateText: before.dateText,
      text: fill(input.labels.previousEvent, {
        duration: text,
        title: before.title,
        date: before.dateText,
      }),
    };
  });
  const strip = stripFor(input);
  const lanes = input.lanes === "category" ? lanesOf(input) : undefined;
  // With lanes each row is named: no legend.
  const legendOf = (page: readonly TimelineItem[]) => {
    if (lanes) return [];
    const used = new Set(page.map((item) => item.category));
    return input.categories.filter((c) => used.has(c.key));
  };
  // The note of labels left out shares the legend's row, as the note of the zone does.
  const noteOf = (unlabelled: number) =>
    unlabelled > 0 ? countText(input.labels.unlabelled, unlabelled, language) : undefined;
  const pages = balancedPages(
    items,
    input.asOf,
    (page, unlabelled) => legendFits(legendOf(page), noteOf(unlabelled), input.timesNote),
    lineBreaksOf(language),
    { lanes: lanes?.setup, periods: periodsOf(input) },
  );
  return pages.map((page, p) => {
    const shown = page.events.map((placed) => events[placed.index] as EventView);
    const plotted = plotView(page, input, lanes);
    const categories = legendOf(page.events.map((placed) => items[placed.index] as TimelineItem));
    const overview: SlideDraft = {
      kind: "overview",
      id: p === 0 ? "timeline" : `timeline-${p + 1}`,
      title: input.title,
      part: pages.length > 1 ? `${p + 1}/${pages.length}` : undefined,
      plot: plotted,
      categories,
      timesNote: input.timesNote,
      legend:
        categories.length > 0 || plotted.unlabelled !== undefined || input.timesNote !== undefined,
      notes: notesOf(
        shown.filter((event) => !event.hasSlide),
        page.events.flatMap((placed) => (placed.label ? [] : [events[placed.index] as EventView])),
        input.labels,
      ),
      refs: [],
      from: ["timeline"],
    };
    const eventSlides = page.events
      .filter((placed) => (events[placed.index] as EventView).hasSlide)
      .map((placed): SlideDraft => {
        const event = events[placed.index] as EventView;
        return {
          kind: "event",
          id: event.slideId as string,
          title: event.title,
          event,
          strip: strip(placed.index),
          notes: event.notes,
          refs: event.refs,
          from: input.paths[placed.index] as BriefPath,
        };
      });
    return [overview, ...eventSlides];
  });
}

/**
 * The overview pages, each holding what fits, but as even as they can be: twelve events come
 * out 6 and 6, not 9 and 3. Pages are capped at the fewest events that need no more pages
 * than with no cap (a page of a crowded stretch of time may hold fewer labels than its share).
 */
function balancedPages(
  items: readonly TimelineItem[],
  asOf: PartialDate,
  fits: (page: readonly TimelineItem[], unlabelled: number) => boolean,
  breaks: LineBreaks,
  layout: Parameters<typeof layoutOverview>[4],
): OverviewPage[] {
  let best = layoutOverview(items, asOf, fits, breaks, layout);
  const count = best.length;
  if (count < 2) return best;
  // The least cap that needs no more pages, found by halving: with the largest page's size as
  // the cap, the pages are those with no cap.
  let low = Math.ceil(items.length / count);
  let high = Math.max(...best.map((page) => page.events.length));
  while (low < high) {
    const cap = Math.floor((low + high) / 2);
    const pages = layoutOverview(
      items,
      asOf,
      (page, unlabelled) => page.length <= cap && fits(page, unlabelled),
      breaks,
      layout,
    );
    if (pages.length <= count) {
      best = pages;
      high = cap;
    } else {
      low = cap + 1;
    }
  }
  return best;
}

/**
 * The overview's speaker notes: those of the events on it that have no slide of their own, and
 * the list of events it draws without labels, so that no event goes unnamed.
 */
function notesOf(
  events: readonly EventView[],
  unlabelled: readonly EventView[],
  labels: Labels,
): InlineRun[] | undefined {
  const noted = events.filter((event) => event.notes !== undefined);
  const runs = noted.flatMap((event, i): InlineRun[] => [
    {
      text: `${i > 0 ? "\n\n" : ""}${fillText(labels.overviewNote, { date: datePlace(event, labels), title: event.title })}`,
    },
    ...(event.notes as InlineRun[]),
  ]);
  if (unlabelled.length > 0) {
    // Each event as the notes of others begin, without the colon that leads into their notes.
    const lines = unlabelled.map((event) =>
      fillText(labels.overviewNote, { date: event.dateText, title: event.title }).replace(
        /\s*[:：]\s*$/u,
        "",
      ),
    );
    const text = [labels.unlabelledNote, ...lines].join("\n");
    runs.push({ text: `${runs.length > 0 ? "\n\n" : ""}${text}` });
  }
  return runs.length > 0 ? runs : undefined;
}

/** "19 June 2024 · Pyongyang": an event's date and, when it has one, its location. */
export function datePlace(event: EventView, labels: Labels): string {
  return event.location ? `${event.dateText}${labels.separator}${event.location}` : event.dateText;
}

function findPrevious(items: readonly TimelineItem[], i: number): number {
  const category = (items[i] as TimelineItem).category;
  if (!category) return -1;
  for (let j = i - 1; j >= 0; j--) if ((items[j] as TimelineItem).category === category) return j;
  return -1;
}

// The legend's one row under the plot, as templates/theme/theme.css sets it: 18 px labels
// after a 12 px dot, 28 px apart, and the note of the times' zone in 16 px type after them
// (`note` per character, and no dot). One row is what is left below the tallest plot when the
// slide carries classification banners.
// The notes after it (labels left out, the zone of the times) are 16 px: `note` is their
// safe width of a character.
const legend = { width: 1136, charWidth: 9.6, item: 20, gap: 28, note: 8.6 };

/**
 * True when the legend of these categories, and the notes after them (how many events are
 * shown without labels, the zone times are shown in), fit its one row. Each overview page's
 * legend names the categories of its own events, and a page ends before its legend would need
 * a second row.
 */
export function legendFits(
  categories: readonly Category[],
  ...notes: readonly (string | undefined)[]
): boolean {
  const items = categories.reduce(
    (sum, c, i) =>
      sum + (i > 0 ? legend.gap : 0) + legend.item + textWidth(c.label) * legend.charWidth,
    0,
  );
  let width = items;
  for (const note of notes) {
    if (note !== undefined) width += (width > 0 ? legend.gap : 0) + textWidth(note) * legend.note;
  }
  return width <= legend.width;
}

const r = (n: number) => Math.round(n * 10) / 10;

/**
 * The page's picture for the template. The plot is cropped to what the page uses, so a page
 * with no labels in the outer lanes does not carry their empty space.
 */
function plotView(page: OverviewPage, input: TimelineInput, lanes?: Lanes): OverviewPlot {
  const labelled = page.events.flatMap((e) => (e.label ? [e.label] : []));
  const tops = labelled.map((label) => label.top);
  const bottoms = labelled.map((label) => label.top + label.height);
  const firstRow = page.rows[0] as number;
  const lastRow = page.rows[page.rows.length - 1] as number;
  // Lanes keep every row, and the first one's name over its line, whole.
  const top = lanes ? 0 : Math.min(page.asOf === undefined ? firstRow - 20 : 0, ...tops);
  const bottom = Math.max(
    lastRow + 20,
    ...bottoms,
    ...page.intervals.map((i) => plot.band.top + (i.row + 1) * plot.band.row),
    ...page.periods.map((p) => p.label.top + periodRows.row),
  );
  const y = (n: number) => r(n - top);
  const unlabelled = page.events.length - labelled.length;
  return {
    width: plot.width,
    height: r(bottom - top),
    axisY: y(lastRow),
    rows: page.rows.map((line, i) => {
      const category = lanes?.categories[i];
      if (!category || !lanes) return { y: y(line) };
      const name = lanes.names[i] as { width: number; height: number };
      return {
        y: y(line),
        name: {
          text: category.label,
          color: category.color,
          // Set on its line, as a label over it is: its foot 2 px above.
          top: y(line - 2 - name.height),
          width: name.width,
        },
      };
    }),
    unlabelled:
      unlabelled > 0 ? countText(input.labels.unlabelled, unlabelled, input.language) : undefined,
    segments: page.segments.map((s) => ({ left: r(s.left), width: r(s.right - s.left) })),
    breaks: page.breaks.map((b) => ({
      x: r(b.x),
      text: formatDuration(b.duration, input.language),
    })),
    events: page.events.map((placed) => {
      const { label, leader } = placed;
      const event = input.events[placed.index] as EventView;
      const { location } = event;
      return {
        event,
        location:
          label !== undefined &&
          location !== undefined &&
          locationFits(label.width, event.dateText, event.badge, location)
            ? location
            : undefined,
        x: r(placed.x),
        y: y(placed.y),
        span:
          placed.xEnd !== undefined && placed.xEnd > placed.x
            ? { left: r(placed.x), width: r(placed.xEnd - placed.x) }
            : undefined,
        label: label && {
          left: r(label.left),
          top: y(label.top),
          width: r(label.width),
          height: r(label.height),
          side: label.lane.side,
        },
        leader: leader && {
          x: r(leader.x),
          top: y(leader.top),
          height: r(leader.bottom - leader.top),
        },
      };
    }),
    intervals: page.intervals.map((i) => ({
      left: r(i.x1),
      width: r(i.x2 - i.x1),
      top: y(plot.band.top + i.row * plot.band.row),
      text: formatDuration(i.duration, input.language),
    })),
    asOf:
      page.asOf === undefined
        ? undefined
        : {
            x: r(page.asOf),
            top: y(0),
            text: fillText(input.labels.asOf, { date: input.asOfText }),
            side: page.asOf > plot.width / 3 ? "left" : "right",
          },
    periods: page.periods.map((placed) => {
      const period = input.periods[placed.index] as PeriodInput;
      return {
        left: r(placed.left),
        width: r(placed.right - placed.left),
        color: period.color ?? periodColor,
        label: {
          text: period.label,
          left: r(placed.label.left),
          top: y(placed.label.top),
          width: r(placed.label.width),
        },
      };
    }),
  };
}

/** The strip for each event slide, from one layout of the whole timeline. */
function stripFor(input: TimelineInput): (index: number) => TimelineStrip {
  const { events, items } = input;
  const times = items.map((item) => startOf(item.date));
  const minGap = Math.min(6, stripWidth / (2 * Math.max(1, times.length)));
  const layout =
    placeOnAxis(
      times.map((time) => ({ time, minGap })),
      stripWidth,
    ) ??
    (placeOnAxis(
      times.map((time) => ({ time, minGap: 0 })),
      stripWidth,
    ) as NonNullable<ReturnType<typeof placeOnAxis>>);
  const xs = layout.xs.map(r);
  const strip = { left: 0, right: stripWidth };
  const marks = times.map((time, i) => ({ time, x: layout.xs[i] as number }));
  const first = times[0] as number;
  const last = times[times.length - 1] as number;
  const periods = periodsOf(input).flatMap((period, i) => {
    if (!touches(period, first, last)) return [];
    const left = xAtTime(marks, strip, period.start);
    const right = Math.max(xAtTime(marks, strip, period.end, "last"), left + periodRows.minBand);
    const color = (input.periods[i] as PeriodInput).color ?? periodColor;
    return [{ left: r(left), width: r(Math.min(right, stripWidth) - left), color }];
  });
  const firstText = events[0]?.dateText ?? "";
  const lastText = events[events.length - 1]?.dateText ?? "";
  return (index) => ({
    dots:
      events.length > stripMaxDots
        ? []
        : events.map((event, i) => ({
            x: xs[i] as number,
            color: event.category?.color,
            current: i === index,
            ...(event.importance === "high" ? { high: true as const } : {}),
          })),
    marker: xs[index] as number,
    breaks: layout.breaks.map((b) => r(b.x)),
    periods,
    firstText,
    lastText,
  });
}
