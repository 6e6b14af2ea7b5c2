import path from "node:path/posix";
import type { Brief, BriefEvent, BriefSection } from "../load/schema.js";
import { type PartialDate, parseDate } from "../timeline/date.js";
import { formatDate, formatSpan } from "../timeline/format-date.js";
import { sortByDate } from "../timeline/sort.js";
import type {
  Category,
  ClassificationLevel,
  Deck,
  EventView,
  NumberedSource,
  Slide,
} from "./deck.js";
import { linesFor, linesPerSlide, paginate } from "./fit.js";
import { parseInline } from "./inline.js";

type NewSlide = Slide extends infer S ? (S extends Slide ? Omit<S, "number"> : never) : never;

/** Where an image named in a brief is placed in the built deck. */
export function assetPath(ref: string): string {
  return path.join("assets", path.normalize(ref.replace(/\\/g, "/")));
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

  // Where each event was written, for slides to say which YAML line they come from.
  const written = new Map(brief.timeline.events.map((e, i) => [e, i]));
  const sorted = sortByDate(brief.timeline.events, (e) => withApprox(e));
  const events = sorted.map(
    (e, i): EventView => ({
      title: e.title,
      dateText: eventDateText(e, language),
      detail: e.detail === undefined ? undefined : parseInline(e.detail),
      category: e.category === undefined ? undefined : categoryOf.get(e.category),
      image: e.image === undefined ? undefined : assetPath(e.image),
      notes: e.notes,
      refs: refs(e.sources),
      hasSlide: e.detail !== undefined || e.image !== undefined || e.notes !== undefined,
      slideId: `event-${i + 1}`,
    }),
  );

  const slides: NewSlide[] = [];
  const dateText = formatDate(dateOf(brief.date), language);
  slides.push({
    kind: "title",
    id: "title",
    title: brief.title,
    subtitle: brief.subtitle,
    author: brief.author,
    dateText,
    refs: [],
    from: ["title"],
  });
  if (brief.summary?.length) {
    slides.push(
      ...parts("summary", "Bottom line up front", brief.summary, (items) => ({
        kind: "summary",
        items,
        from: ["summary"],
      })),
    );
  }
  const timelineTitle = brief.timeline.title ?? "Timeline";
  const legendLines = categories.length > 0 ? 1 : 0;
  const overviewPages = paginate(
    events,
    (e) => linesFor(e.title, 72),
    linesPerSlide - 2 - legendLines,
  );
  overviewPages.forEach((page, i) => {
    slides.push({
      kind: "overview",
      id: i === 0 ? "timeline" : `timeline-${i + 1}`,
      title: timelineTitle,
      part: overviewPages.length > 1 ? `${i + 1}/${overviewPages.length}` : undefined,
      events: page,
      categories,
      refs: [],
      from: ["timeline"],
    });
  });
  events.forEach((event, i) => {
    if (event.hasSlide) {
      slides.push({
        kind: "event",
        id: event.slideId as string,
        title: event.title,
        event,
        notes: event.notes,
        refs: event.refs,
        from: ["timeline", "events", written.get(sorted[i] as BriefEvent) as number],
      });
    } else delete event.slideId;
  });
  (brief.sections ?? []).forEach((section, i) => {
    slides.push(...sectionSlides(section, i, refs));
  });
  if (sources.length > 0) {
    const pages = paginate(
      sources,
      (s) =>
        linesFor(`${s.title} ${s.publisher ?? ""} ${s.dateText ?? ""}`, 60) + (s.url ? 1 : 0) + 0.4,
    );
    pages.forEach((page, i) => {
      slides.push({
        kind: "sources",
        id: i === 0 ? "sources" : `sources-${i + 1}`,
        title: "Sources",
        part: pages.length > 1 ? `${i + 1}/${pages.length}` : undefined,
        sources: page,
        refs: [],
        from: ["sources"],
      });
    });
  }

  const numbered = slides.map((slide, i) => ({ ...slide, number: i + 1 }) as Slide);
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
    total: numbered.length,
  };
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
  index: number,
  refsOf: (ids?: readonly string[]) => number[],
): NewSlide[] {
  const id = `section-${index + 1}`;
  const base = { notes: section.notes, refs: refsOf(section.sources), from: ["sections", index] };
  switch (section.type) {
    case "points":
    case "watch": {
      const kind = section.type;
      return parts(id, section.title, section.items, (items) => ({ kind, items, ...base }));
    }
    case "judgments":
      return parts(
        id,
        section.title,
        section.items.map((j) => ({
          ...j,
          confidenceLabel: `${capitalize(j.confidence)} confidence`,
        })),
        (items) => ({ kind: "judgments", items, ...base }),
        (j) => linesFor(j.statement) + 1.2,
      );
    case "actors":
      return parts(
        id,
        section.title,
        section.people.map((p) => ({
          ...p,
          image: p.image === undefined ? undefined : assetPath(p.image),
        })),
        (people) => ({ kind: "actors", people, ...base }),
        (p) => 1 + linesFor(p.role) + (p.note ? linesFor(p.note) : 0) + 0.6,
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
          text: section.text,
          attribution: section.attribution,
          ...base,
          refs,
        },
      ];
    }
    case "image":
      return [
        {
          kind: "image",
          id,
          title: section.caption ?? "",
          src: assetPath(section.src),
          caption: section.caption,
          credit: section.credit,
          ...base,
        },
      ];
  }
}

/** One slide per page of items; titles of continued slides carry "(n/m)". */
function parts<T>(
  id: string,
  title: string,
  items: readonly T[],
  make: (items: T[]) => Omit<NewSlide, "id" | "title" | "part" | "refs"> & { refs?: number[] },
  cost: (item: T) => number = (item) => linesFor(String(item)) + 0.4,
): NewSlide[] {
  const pages = paginate(items, cost);
  return pages.map(
    (page, i) =>
      ({
        refs: [],
        ...make(page),
        id: i === 0 ? id : `${id}-${i + 1}`,
        title,
        part: pages.length > 1 ? `${i + 1}/${pages.length}` : undefined,
      }) as NewSlide,
  );
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The banner colour for a classification, read from its wording ("SECRET//NOFORN" → secret). */
export function classificationLevel(text: string): ClassificationLevel {
  const t = text.toUpperCase();
  if (/\bTOP SECRET\b/.test(t)) return "top-secret";
  if (/\bUNCLASSIFIED\b/.test(t)) return "unclassified";
  if (/\bSECRET\b/.test(t)) return "secret";
  if (/\bCONFIDENTIAL\b/.test(t)) return "confidential";
  if (/\b(RESTRICTED|OFFICIAL|SENSITIVE|CUI|FOUO)\b/.test(t)) return "restricted";
  return "other";
}
