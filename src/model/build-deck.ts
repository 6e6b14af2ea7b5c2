import type { BriefChanges } from "../compare/changes.js";
import { direction, hasCapitals, labelsFor } from "../labels/catalogue.js";
import type { Labels } from "../labels/labels.js";
import { fill, fillOptional, fillText } from "../labels/phrase.js";
import type { Brief } from "../load/schema.js";
import { yardstickOf } from "../load/yardsticks.js";
import type { BriefPath, NormalBrief, NormalEvent } from "../normalize/normal-brief.js";
import { isNormal, normalizeBrief } from "../normalize/normalize-brief.js";
import { type PartialDate, startOf } from "../timeline/date.js";
import { formatDate, formatSpan } from "../timeline/format-date.js";
import { sortByDate } from "../timeline/sort.js";
import { zoneNames } from "../timeline/zone.js";
import { assetUrl } from "./asset-path.js";
import { changeSlides } from "./change-slides.js";
import type { Category, Deck, EventView, NumberedSource, Slide, SlideDraft } from "./deck.js";
import { fitPages, gradeKeyHeight, listStacking, sourceStacking } from "./fit.js";
import { lineBreaksOf } from "./line-breaks.js";
import { markingOf, type OwnMarkings } from "./marking.js";
import { isLongTitle, parts, sectionSlides } from "./section-slides.js";
import { partText } from "./slide-labels.js";
import { gradeKey, gradeView, linkPieces } from "./source-grades.js";
import { timelineColumns } from "./timeline-slides.js";
import { yardstickSlide } from "./yardstick-slides.js";

/**
 * Builds the deck model from a valid brief: the slides in presenting order, with dates
 * written out, sources numbered and long lists split over several slides. A brief as written
 * is normalized first; `markings` are the project's own banner colours. Pure.
 */
export function buildDeck(
  given: Brief | NormalBrief,
  name: string,
  markings?: OwnMarkings,
  /** What changed since an earlier version of the brief: a slide of its own, and badges. */
  changes?: BriefChanges,
): Deck {
  const brief = isNormal(given) ? given : normalizeBrief(given);
  const language = brief.language ?? "en";
  const labels = labelsFor(language, brief.labels);
  const { timezone } = brief.timeline;
  const sources: NumberedSource[] = (brief.sources ?? []).map((s, i) => {
    const dateText =
      s.date === undefined ? undefined : formatDate(s.date, language, labels, timezone);
    const accessed = s.accessed && formatDate(s.accessed, language, labels, timezone);
    return {
      number: i + 1,
      id: s.id,
      title: s.title,
      publisher: s.publisher,
      dateText,
      url: s.url,
      text: fillOptional(labels.source, { title: s.title, publisher: s.publisher, date: dateText }),
      ...(s.grade === undefined ? {} : gradeView(s.grade, labels)),
      link: s.url === undefined ? undefined : linkPieces(s.url, accessed, labels),
    };
  });
  const gradeMap = new Map(
    sources.flatMap((s) => (s.grade === undefined ? [] : [[s.number, s.grade] as const])),
  );
  const numberOf = new Map(sources.map((s) => [s.id, s.number]));
  const refs = (ids: readonly string[] | undefined) =>
    [...new Set((ids ?? []).map((id) => numberOf.get(id) as number))].sort((a, b) => a - b);

  const categories: Category[] = Object.entries(brief.timeline.categories ?? {}).map(
    ([key, c]) => ({
      key,
      label: c.label,
      color: c.color,
    }),
  );
  const categoryOf = new Map(categories.map((c) => [c.key, c]));

  const badges = badgesOf(changes, labels);
  const sorted = sortByDate(brief.timeline.events, withApprox);
  const events = sorted.map((e, i): EventView => {
    // Notes alone make no slide: they go on the notes of the overview that shows the event.
    const hasSlide = e.detail !== undefined || e.image !== undefined;
    return {
      title: e.title,
      dateText: eventDateText(e, language, labels, timezone),
      location: e.location?.trim() || undefined,
      importance: e.importance ?? "normal",
      detail: e.detail,
      category: e.category === undefined ? undefined : categoryOf.get(e.category),
      image: e.image === undefined ? undefined : assetUrl(e.image),
      alt: e.alt,
      notes: e.notes,
      refs: refs(e.sources),
      hasSlide,
      slideId: hasSlide ? `event-${i + 1}` : undefined,
      approx: e.approx !== undefined,
      badge: badges(e.path),
    };
  });

  const columns: SlideDraft[][] = [];
  const classified = Boolean(brief.classification);
  const lineBreaks = lineBreaksOf(language);
  const asOf = brief.date;
  const dateText = formatDate(asOf, language, labels, timezone);
  columns.push([
    {
      kind: "title",
      id: "title",
      title: brief.title,
      subtitle: brief.subtitle,
      author: brief.author,
      dateText,
      refs: [],
      from: ["title"],
    },
  ]);
  const { summary } = brief;
  if (summary?.length) {
    columns.push(
      ...parts(
        "summary",
        labels.summary,
        summary,
        (items) => ({ kind: "summary", items }),
        listStacking(27),
        { refs: [], classified, from: ["summary"], lineBreaks, labels },
      ).map((s) => [s]),
    );
  }
  if (changes) {
    const isNew = new Set(changes.newEvents.map(pathKey));
    const frame = { refs: [], classified, lineBreaks, labels };
    columns.push(
      ...changeSlides(changes, {
        brief,
        newEvents: events.filter((_, i) => isNew.has(pathKey((sorted[i] as NormalEvent).path))),
        sources,
        language,
        labels,
        frame,
      }).map((s) => [s]),
    );
  }
  columns.push(
    ...timelineColumns({
      title: brief.timeline.title ?? labels.timeline,
      events,
      items: sorted.map((e, i) => ({
        date: withApprox(e),
        end: e.end,
        title: e.title,
        dateText: (events[i] as EventView).dateText,
        category: e.category,
        badge: (events[i] as EventView).badge,
        location: (events[i] as EventView).location,
        importance: (events[i] as EventView).importance,
      })),
      paths: sorted.map((e) => e.path),
      categories,
      periods: (brief.timeline.periods ?? []).map((p) => ({
        start: p.start,
        end: p.end,
        label: p.label,
        color: p.color,
      })),
      asOf,
      asOfText: dateText,
      timesNote: timesNote(brief, labels),
      language,
      labels,
      lanes: brief.timeline.lanes,
    }),
  );
  const slides: SlideDraft[] = [];
  const yardstick = yardstickOf(brief.yardstick);
  (brief.sections ?? []).forEach((section, i) => {
    slides.push(
      ...sectionSlides(
        section,
        `section-${i + 1}`,
        refs,
        classified,
        labels,
        lineBreaks,
        yardstick,
        gradeMap,
        badges,
      ),
    );
  });
  if (sources.length > 0) {
    const key = gradeMap.size > 0 ? gradeKey(labels) : undefined;
    const pages = fitPages(sources, sourceStacking, {
      title: labels.sources,
      longTitle: false,
      refs: [],
      classified,
      lineBreaks,
      labels,
      below: key && gradeKeyHeight(key, lineBreaks),
    });
    pages.forEach((page, i) => {
      slides.push({
        kind: "sources",
        id: i === 0 ? "sources" : `sources-${i + 1}`,
        title: labels.sources,
        part: pages.length > 1 ? `${i + 1}/${pages.length}` : undefined,
        sources: page,
        gradeKey: key,
        refs: [],
        from: ["sources"],
      });
    });
  }

  // What the judgments' words mean, last, where a reader looks it up; a brief can leave it out.
  const judgments = brief.sections?.find((section) => section.type === "judgments");
  if (judgments && brief.appendix !== false) {
    slides.push(yardstickSlide(yardstick, labels, judgments.path));
  }

  columns.push(...slides.map((slide) => [slide]));

  let number = 0;
  const numberedColumns = columns.map((column) => ({
    stacked: column.length > 1,
    slides: column.map(
      (slide) =>
        ({
          ...slide,
          longTitle: isLongTitle(slide) || undefined,
          partText: slide.part && partText(slide.part, labels),
          number: ++number,
        }) as Slide,
    ),
  }));
  const numbered = numberedColumns.flatMap((column) => column.slides);
  return {
    name,
    title: brief.title,
    subtitle: brief.subtitle,
    author: brief.author,
    classification: brief.classification,
    marking: brief.classification ? markingOf(brief.classification, markings) : undefined,
    language,
    direction: direction(language),
    capitals: hasCapitals(language),
    labels,
    dateText,
    asOf: fill(labels.asOf, { date: dateText }),
    citedLine: fill(labels.citedLine, { cited: labels.cited, refs: "" }).map((piece) =>
      piece.slot === "refs" ? { refs: true } : { text: piece.text },
    ),
    grades: Object.fromEntries(gradeMap),
    keywords: categories.map((c) => c.label),
    slides: numbered,
    columns: numberedColumns,
    total: numbered.length,
  };
}

/** The badge of an event or judgment, by its path: new, or (a judgment) changed. */
function badgesOf(
  changes: BriefChanges | undefined,
  labels: Labels,
): (path: BriefPath) => string | undefined {
  if (!changes) return () => undefined;
  const badges = new Map<string, string>([
    ...[...changes.newEvents, ...changes.newJudgments].map((path): [string, string] => [
      pathKey(path),
      labels.badgeNew,
    ]),
    ...changes.movedJudgments.map(({ path }): [string, string] => [
      pathKey(path),
      labels.badgeChanged,
    ]),
  ]);
  return (path) => badges.get(pathKey(path));
}

const pathKey = (path: BriefPath) => path.join("\0");

/** The event's date as the timeline places and writes it: with its `approx`. */
function withApprox(event: NormalEvent): PartialDate {
  return event.approx ? { ...event.date, approx: event.approx } : event.date;
}

function eventDateText(
  event: NormalEvent,
  language: string,
  labels: Labels,
  timezone: string | undefined,
): string {
  const start = withApprox(event);
  if (event.end === undefined) return formatDate(start, language, labels, timezone);
  return formatSpan(start, event.end, language, labels, timezone);
}

/**
 * "Times in KST", for the overview, when the brief shows every time in one zone and its
 * timeline has a time to show: the zone's names over the times it shows ("CET/CEST").
 */
function timesNote(brief: NormalBrief, labels: Labels): string | undefined {
  const { timezone, events } = brief.timeline;
  if (timezone === undefined) return undefined;
  const dates = [brief.date, ...events.flatMap((e) => (e.end ? [e.date, e.end] : [e.date]))];
  const times = dates.filter((d) => d.precision === "minute").map(startOf);
  const zone = zoneNames(timezone, times);
  return zone === undefined ? undefined : fillText(labels.timesIn, { zone });
}
