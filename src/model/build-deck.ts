import path from "node:path/posix";
import { markupFields } from "../load/markup-fields.js";
import type { Brief, BriefEvent, BriefSection } from "../load/schema.js";
import { type PartialDate, parseDate } from "../timeline/date.js";
import { formatDate, formatSpan } from "../timeline/format-date.js";
import { sortByDate } from "../timeline/sort.js";
import { classificationLevel } from "./classification.js";
import type { Category, Deck, EventView, NumberedSource, Slide, SlideDraft } from "./deck.js";
import {
  actorStacking,
  fitPages,
  judgmentStacking,
  listStacking,
  type Stacking,
  sourceStacking,
} from "./fit.js";
import { plainText, withMarkup } from "./inline.js";
import { type LineBreaks, lineBreaksOf } from "./line-breaks.js";
import { slideSource } from "./slide-source.js";
import { timelineColumns } from "./timeline-slides.js";

/** Where an image named in a brief is placed in the built deck. */
export function assetPath(ref: string): string {
  return path.join("assets", path.normalize(ref.replace(/\\/g, "/")));
}

/**
 * The URL by which the deck's pages refer to an image: its place in the deck, each part
 * percent-encoded, so that a `#`, `?` or `%` in a file name stays part of the name.
 */
export function assetUrl(ref: string): string {
  return assetPath(ref).split(path.sep).map(encodeURIComponent).join("/");
}

function dateOf(value: string | number): PartialDate {
  const date = parseDate(value);
  if ("error" in date) throw new Error(`unvalidated date ${value}`);
  return date;
}

/**
 * Builds the deck model from a validated brief: the slides in presenting order, with dates
 * written out, sources numbered and long lists split over several slides. Pure.
 */
export function buildDeck(brief: Brief, name: string): Deck {
  const language = brief.language ?? "en";
  const sources: NumberedSource[] = (brief.sources ?? []).map((s, i) => ({
    number: i + 1,
    id: s.id,
    title: s.title,
    publisher: s.publisher,
    dateText: s.date === undefined ? undefined : formatDate(dateOf(s.date), language),
    url: s.url,
  }));
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

  const sorted = sortByDate(brief.timeline.events, (e) => withApprox(e));
  const events = sorted.map((e, i): EventView => {
    // Notes alone make no slide: they go on the notes of the overview that shows the event.
    const hasSlide = e.detail !== undefined || e.image !== undefined;
    const marked = withMarkup(e, markupFields.event);
    return {
      title: e.title,
      dateText: eventDateText(e, language),
      detail: marked.detail,
      category: e.category === undefined ? undefined : categoryOf.get(e.category),
      image: e.image === undefined ? undefined : assetUrl(e.image),
      notes: marked.notes,
      refs: refs(e.sources),
      hasSlide,
      slideId: hasSlide ? `event-${i + 1}` : undefined,
      approx: e.approx !== undefined,
    };
  });

  const columns: SlideDraft[][] = [];
  const classified = Boolean(brief.classification);
  const lineBreaks = lineBreaksOf(language);
  const asOf = dateOf(brief.date);
  const dateText = formatDate(asOf, language);
  columns.push([
    {
      kind: "title",
      id: "title",
      title: brief.title,
      subtitle: brief.subtitle,
      author: brief.author,
      dateText,
      refs: [],
    },
  ]);
  const summary = withMarkup(brief, markupFields.brief).summary;
  if (summary?.length) {
    columns.push(
      ...parts(
        "summary",
        "Bottom line up front",
        summary,
        (items) => ({ kind: "summary", items }),
        listStacking(27),
        { refs: [], classified, lineBreaks },
      ).map((s) => [s]),
    );
  }
  columns.push(
    ...timelineColumns({
      title: brief.timeline.title ?? "Timeline",
      events,
      items: sorted.map((e, i) => ({
        date: withApprox(e),
        end: e.end === undefined ? undefined : dateOf(e.end),
        title: e.title,
        dateText: (events[i] as EventView).dateText,
        category: e.category,
      })),
      categories,
      asOf,
      asOfText: dateText,
      language,
    }),
  );
  const slides: SlideDraft[] = [];
  (brief.sections ?? []).forEach((section, i) => {
    slides.push(...sectionSlides(section, `section-${i + 1}`, refs, classified, lineBreaks));
  });
  if (sources.length > 0) {
    const pages = fitPages(sources, sourceStacking, {
      title: "Sources",
      longTitle: false,
      refs: [],
      classified,
      lineBreaks,
    });
    pages.forEach((page, i) => {
      slides.push({
        kind: "sources",
        id: i === 0 ? "sources" : `sources-${i + 1}`,
        title: "Sources",
        part: pages.length > 1 ? `${i + 1}/${pages.length}` : undefined,
        sources: page,
        refs: [],
      });
    });
  }

  columns.push(...slides.map((slide) => [slide]));

  let number = 0;
  const written = new Map(
    sorted.map((e, i) => [`event-${i + 1}`, brief.timeline.events.indexOf(e)] as const),
  );
  const numberedColumns = columns.map((column) => ({
    stacked: column.length > 1,
    slides: column.map(
      (slide) =>
        ({
          ...slide,
          longTitle: isLongTitle(slide) || undefined,
          number: ++number,
          from: slideSource(slide.id, written),
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
    classificationLevel: classificationLevel(brief.classification ?? ""),
    language,
    dateText,
    keywords: categories.map((c) => c.label),
    slides: numbered,
    columns: numberedColumns,
    total: numbered.length,
  };
}

// Past about two lines at the full size (64 px on the cover, 44 px for headings), a title is
// set smaller: a long name or a hash in it would otherwise crowd out the slide's content.
function isLongTitle(slide: { title: string; kind?: string }): boolean {
  return slide.title.length > (slide.kind === "title" ? 60 : 90);
}

function withApprox(event: BriefEvent): PartialDate {
  const date = dateOf(event.date);
  if (event.approx) date.approx = event.approx;
  return date;
}

function eventDateText(event: BriefEvent, language: string): string {
  const start = withApprox(event);
  if (event.end === undefined) return formatDate(start, language);
  return formatSpan(start, dateOf(event.end), language);
}

function sectionSlides(
  section: BriefSection,
  id: string,
  refsOf: (ids?: readonly string[]) => number[],
  classified: boolean,
  lineBreaks: LineBreaks,
): SlideDraft[] {
  const base = {
    notes: withMarkup(section, markupFields.section).notes,
    refs: refsOf(section.sources),
  };
  const frame = { refs: base.refs, classified, lineBreaks };
  switch (section.type) {
    case "points":
    case "watch": {
      const kind = section.type;
      const { items } = withMarkup(section, markupFields.sections[kind]);
      return parts(
        id,
        section.title,
        items,
        (page) => ({ kind, items: page, ...base }),
        listStacking(kind === "watch" ? 26 : 27),
        frame,
      );
    }
    case "judgments":
      return parts(
        id,
        section.title,
        section.items.map((j) => ({
          ...withMarkup(j, markupFields.items.judgments.items),
          confidenceLabel: `${capitalize(j.confidence)} confidence`,
        })),
        (items) => ({ kind: "judgments", items, ...base }),
        judgmentStacking,
        frame,
      );
    case "actors":
      return parts(
        id,
        section.title,
        section.people.map((p) => ({
          ...withMarkup(p, markupFields.items.actors.people),
          image: p.image === undefined ? undefined : assetUrl(p.image),
        })),
        (people) => ({ kind: "actors", people, ...base }),
        actorStacking,
        frame,
      );
    case "quote": {
      const refs = [
        ...new Set([...base.refs, ...refsOf(section.source ? [section.source] : [])]),
      ].sort((a, b) => a - b);
      return [
        {
          kind: "quote",
          id,
          title: section.attribution,
          text: withMarkup(section, markupFields.sections.quote).text,
          attribution: section.attribution,
          ...base,
          refs,
        },
      ];
    }
    case "image": {
      const { caption, credit } = withMarkup(section, markupFields.sections.image);
      const alt = caption === undefined ? "" : plainText(caption);
      return [
        {
          kind: "image",
          id,
          title: alt,
          src: assetUrl(section.src),
          alt,
          caption,
          credit,
          ...base,
        },
      ];
    }
  }
}

/** One slide per page of items; titles of continued slides carry "(n/m)". */
function parts<T>(
  id: string,
  title: string,
  items: readonly T[],
  make: (items: T[]) => Omit<SlideDraft, "id" | "title" | "part" | "refs"> & { refs?: number[] },
  stacking: Stacking<T>,
  frame: { refs: readonly number[]; classified: boolean; lineBreaks: LineBreaks },
): SlideDraft[] {
  const pages = fitPages(items, stacking, { ...frame, title, longTitle: isLongTitle({ title }) });
  return pages.map(
    (page, i) =>
      ({
        refs: [],
        ...make(page),
        id: i === 0 ? id : `${id}-${i + 1}`,
        title,
        part: pages.length > 1 ? `${i + 1}/${pages.length}` : undefined,
      }) as SlideDraft,
  );
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
