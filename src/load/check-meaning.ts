import type { Problem, ProblemCode } from "../errors.js";
import { linksIn, parseInline, safeUrl } from "../markup/inline.js";
import { endOf, parseDate, startOf } from "../timeline/date.js";
import { plot } from "../timeline/overview.js";
import { canonicalZone, zoneSuggestion } from "../timeline/zone.js";
import { checkLikelihoods } from "./check-likelihoods.js";
import { markupFields } from "./markup-fields.js";
import type { YamlSource } from "./read-yaml.js";
import { didYouMean } from "./suggest.js";
import type { YardstickName } from "./yardsticks.js";

type Path = (string | number)[];
type Dict = Record<string, unknown>;

/** What a project sets for every brief that a brief's meaning depends on. */
export interface MeaningDefaults {
  /** The config file's yardstick, for briefs that name none. */
  yardstick?: YardstickName;
}

/**
 * Checks what the schema cannot: dates are real dates, spans end after they start, every id
 * refers to something defined, colours, languages, links and likelihoods are valid. Works on
 * data the schema may have rejected, so it looks before it trusts any value.
 */
export function checkMeaning(source: YamlSource, defaults: MeaningDefaults = {}): Problem[] {
  const problems: Problem[] = [];
  const report = (code: ProblemCode, path: Path, message: string) =>
    problems.push({ code, message, file: source.file, pos: source.positionOf(path), path });
  const root = asDict(source.data);
  if (!root) return problems;

  const timeline = asDict(root.timeline);
  const timezone = checkTimezone(timeline?.timezone, (message) =>
    report("bad-value", ["timeline", "timezone"], message),
  );
  const checkDate = (path: Path, value: unknown) => {
    if (value === undefined || (typeof value !== "string" && typeof value !== "number"))
      return undefined;
    const date = parseDate(value, timezone);
    if ("error" in date) {
      report("bad-date", path, date.error);
      return undefined;
    }
    return date;
  };

  const asOf = checkDate(["date"], root.date);
  if (typeof root.language === "string") {
    try {
      Intl.getCanonicalLocales(root.language);
    } catch {
      report(
        "bad-language",
        ["language"],
        `"${root.language}" is not a BCP 47 language tag (like en, ko, en-US)`,
      );
    }
  }

  const sourceIds = new Set<string>();
  list(root.sources).forEach((item, i) => {
    const s = asDict(item);
    if (!s) return;
    if (typeof s.id === "string") {
      if (sourceIds.has(s.id))
        report("duplicate-id", ["sources", i, "id"], `source id "${s.id}" is used twice`);
      sourceIds.add(s.id);
    }
    checkDate(["sources", i, "date"], s.date);
    checkDate(["sources", i, "accessed"], s.accessed);
    // An access date is shown after its URL: without one, it would be shown nowhere.
    if (s.accessed !== undefined && s.url === undefined) {
      report(
        "missing-key",
        ["sources", i, "accessed"],
        'this source has "accessed" but no "url": "accessed" is the date the url was read, shown after it; add the url, or remove "accessed"',
      );
    }
    if (typeof s.url === "string" && !safeUrl(s.url)) {
      report("bad-url", ["sources", i, "url"], badUrl(s.url));
    }
  });
  const checkSourceId = (path: Path, id: unknown) => {
    if (typeof id === "string" && !sourceIds.has(id)) {
      report("unknown-source", path, `no source has the id "${id}"${didYouMean(id, sourceIds)}`);
    }
  };
  const checkSourceList = (path: Path, ids: unknown) => {
    list(ids).forEach((id, i) => {
      checkSourceId([...path, i], id);
    });
  };
  const checkText = (path: Path, text: unknown) => {
    if (typeof text !== "string") return;
    for (const href of linksIn(parseInline(text))) {
      if (!safeUrl(href)) report("bad-url", path, badUrl(href));
    }
  };
  // The links in every field that takes markup, each at its own line and column.
  const checkMarkup = (path: Path, value: Dict | undefined, keys: readonly string[]) => {
    for (const key of keys) {
      const field = value?.[key];
      if (!Array.isArray(field)) checkText([...path, key], field);
      else
        field.forEach((item, i) => {
          checkText([...path, key, i], item);
        });
    }
  };
  checkMarkup([], root, markupFields.brief);
  checkLikelihoods(root, report, defaults.yardstick);

  const categories = asDict(timeline?.categories) ?? {};
  const checkColor = (path: Path, color: unknown) => {
    if (typeof color === "string" && !/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color)) {
      report("bad-color", path, `"${color}" is not a colour: write it as #rgb or #rrggbb`);
    }
  };
  for (const [key, value] of Object.entries(categories)) {
    checkColor(["timeline", "categories", key, "color"], asDict(value)?.color);
  }
  list(timeline?.periods).forEach((item, i) => {
    const period = asDict(item);
    if (!period) return;
    const at = ["timeline", "periods", i];
    const start = checkDate([...at, "start"], period.start);
    const end = checkDate([...at, "end"], period.end);
    if (start && end && endOf(end) < startOf(start)) {
      report(
        "date-order",
        [...at, "end"],
        `the period ends (${String(period.end)}) before it starts (${String(period.start)})`,
      );
    }
    // An open period runs to the as-of date, so it must start by then.
    if (start && period.end === undefined && asOf && endOf(asOf) < startOf(start)) {
      report(
        "date-order",
        [...at, "start"],
        `the period starts (${String(period.start)}) after the brief's date (${String(root.date)}), to which it runs with no "end"; give it an end, or start it earlier`,
      );
    }
    checkColor([...at, "color"], period.color);
  });
  // An id names an item across versions of the brief (`--since`): one item each.
  const eventIds = new Set<string>();
  const judgmentIds = new Set<string>();
  const checkItemId = (ids: Set<string>, what: string, path: Path, id: unknown) => {
    if (typeof id !== "string") return;
    if (ids.has(id)) report("duplicate-id", path, `${what} id "${id}" is used twice`);
    ids.add(id);
  };
  list(timeline?.events).forEach((item, i) => {
    const event = asDict(item);
    if (!event) return;
    const at = ["timeline", "events", i];
    checkItemId(eventIds, "event", [...at, "id"], event.id);
    const start = checkDate([...at, "date"], event.date);
    const end = checkDate([...at, "end"], event.end);
    if (start && end && endOf(end) < startOf(start)) {
      report(
        "date-order",
        [...at, "end"],
        `the event ends (${String(event.end)}) before it starts (${String(event.date)})`,
      );
    }
    if (
      start &&
      typeof event.approx === "string" &&
      event.approx !== "circa" &&
      (start.precision === "day" || start.precision === "minute")
    ) {
      report(
        "bad-value",
        [...at, "approx"],
        `"${event.approx}" needs a year or a month as its date (like 2024-05), not a day`,
      );
    }
    if (typeof event.category === "string" && !Object.hasOwn(categories, event.category)) {
      const known = Object.keys(categories);
      const hint = known.length
        ? didYouMean(event.category, known)
        : "; define it under timeline.categories";
      report("unknown-category", [...at, "category"], `no category "${event.category}"${hint}`);
    }
    checkSourceList([...at, "sources"], event.sources);
    checkMarkup(at, event, markupFields.event);
  });

  checkLanes(timeline, report);

  list(root.sections).forEach((item, i) => {
    const section = asDict(item);
    if (!section) return;
    checkSourceList(["sections", i, "sources"], section.sources);
    checkSourceId(["sections", i, "source"], section.source);
    const at = ["sections", i];
    checkMarkup(at, section, markupFields.section);
    const type = typeof section.type === "string" ? section.type : "";
    if (type === "judgments") {
      list(section.items).forEach((judgment, j) => {
        checkItemId(judgmentIds, "judgment", [...at, "items", j, "id"], asDict(judgment)?.id);
      });
    }
    checkMarkup(at, section, own(markupFields.sections, type) ?? []);
    for (const [key, keys] of Object.entries(own(markupFields.items, type) ?? {})) {
      list(section[key]).forEach((part, j) => {
        checkMarkup([...at, key, j], asDict(part), keys);
      });
    }
  });
  return problems;
}

/** The brief's display zone, canonical, if it names a real one; a message if it does not. */
function checkTimezone(value: unknown, report: (message: string) => void): string | undefined {
  if (typeof value !== "string") return undefined;
  const zone = canonicalZone(value.trim());
  if (!zone) {
    // An offset is not a zone here: the note on the overview names a place's clocks.
    const offset = /^(?:UTC|GMT)?\s*[+-]\d/i.test(value.trim());
    const hint = offset
      ? ": name the zone by its place (Area/City, like Asia/Seoul), or UTC; an offset is written after each time instead"
      : zoneSuggestion(value) ||
        ": write an IANA name (Area/City, like Asia/Seoul or Europe/Amsterdam), or UTC";
    report(`"${value}" is not a time zone${hint}`);
  }
  return zone;
}

/** `table[key]` if the table has that key of its own (not "constructor", say). */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function asDict(value: unknown): Dict | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Dict)
    : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function badUrl(url: string): string {
  return `"${url}" is not an http, https or mailto link`;
}

/** `timeline.lanes`: as many rows as a slide holds, each with room for a label of one line. */
function checkLanes(
  timeline: Dict | undefined,
  report: (code: ProblemCode, path: Path, message: string) => void,
): void {
  if (timeline?.lanes !== "category") return;
  const used = new Set(list(timeline.events).map((event) => asDict(event)?.category));
  const count = used.size;
  const most = plot.rows.maxRows;
  if (count > most) {
    report(
      "bad-value",
      ["timeline", "lanes"],
      `the events use ${count} lanes (${count - (used.has(undefined) ? 1 : 0)} categories${used.has(undefined) ? " and one for events without a category" : ""}), and an overview holds at most ${most}: merge categories, or leave out \`lanes\``,
    );
  }
}
