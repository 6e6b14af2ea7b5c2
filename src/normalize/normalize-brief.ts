import { BriefingError } from "../errors.js";
import { markupFields } from "../load/markup-fields.js";
import type { Brief, BriefEvent, BriefSection } from "../load/schema.js";
import { withMarkup } from "../markup/inline.js";
import { type PartialDate, parseDate } from "../timeline/date.js";
import { canonicalZone } from "../timeline/zone.js";
import type { NormalBrief, NormalEvent, NormalSection } from "./normal-brief.js";

/**
 * Turns a valid brief into the form the later stages read: dates parsed, markup parsed, each
 * event, section and source with its path in the YAML. Pure. A brief that never passed
 * validation (a library caller's) is read the same way: a link a page must not follow keeps its
 * text and loses its target, and a date that is not one throws.
 */
export function normalizeBrief(brief: Brief): NormalBrief {
  const timezone = zoneOf(brief.timeline.timezone);
  const dateOf = (value: string | number) => readDate(value, timezone);
  return {
    ...withMarkup(brief, markupFields.brief),
    date: dateOf(brief.date),
    timeline: {
      ...brief.timeline,
      ...(timezone === undefined ? {} : { timezone }),
      events: brief.timeline.events.map((event, i) => normalEvent(event, i, dateOf)),
      periods: brief.timeline.periods?.map((period, i) => ({
        ...period,
        start: dateOf(period.start),
        end: period.end === undefined ? undefined : dateOf(period.end),
        path: ["timeline", "periods", i],
      })),
    },
    sections: brief.sections?.map((section, i) => normalSection(section, i)),
    sources: brief.sources?.map((source, i) => ({
      ...source,
      date: source.date === undefined ? undefined : dateOf(source.date),
      accessed: source.accessed === undefined ? undefined : dateOf(source.accessed),
      path: ["sources", i],
    })),
    written: brief,
  };
}

/** Whether a brief given to the model is normalized already, or still as written. */
export function isNormal(brief: Brief | NormalBrief): brief is NormalBrief {
  return "written" in brief;
}

function normalEvent(
  event: BriefEvent,
  i: number,
  dateOf: (value: string | number) => PartialDate,
): NormalEvent {
  return {
    ...withMarkup(event, markupFields.event),
    date: dateOf(event.date),
    end: event.end === undefined ? undefined : dateOf(event.end),
    path: ["timeline", "events", i],
  };
}

function normalSection(section: BriefSection, i: number): NormalSection {
  const path = ["sections", i];
  const common = markupFields.section;
  switch (section.type) {
    case "points":
    case "watch":
      return { ...withMarkup(section, [...common, ...markupFields.sections[section.type]]), path };
    case "quote":
      return { ...withMarkup(section, [...common, ...markupFields.sections.quote]), path };
    case "image":
      return { ...withMarkup(section, [...common, ...markupFields.sections.image]), path };
    case "judgments":
      return {
        ...withMarkup(section, common),
        items: section.items.map((item) => withMarkup(item, markupFields.items.judgments.items)),
        path,
      };
    case "actors":
      return {
        ...withMarkup(section, common),
        people: section.people.map((p) => withMarkup(p, markupFields.items.actors.people)),
        path,
      };
  }
}

function readDate(value: string | number, timezone: string | undefined): PartialDate {
  const date = parseDate(value, timezone);
  if ("error" in date) {
    // Only a library caller can get here, with a brief it never validated.
    throw new BriefingError(
      "usage",
      `the brief was never validated: "${value}" is not a date (validate it with validateBrief or loadBrief first)`,
    );
  }
  return date;
}

/** `timeline.timezone` by its canonical name ("asia/seoul" → "Asia/Seoul"). */
function zoneOf(written: string | undefined): string | undefined {
  if (written === undefined) return undefined;
  const zone = canonicalZone(written.trim());
  if (!zone) {
    throw new BriefingError(
      "usage",
      `the brief was never validated: "${written}" is not a time zone (validate it with validateBrief or loadBrief first)`,
    );
  }
  return zone;
}
