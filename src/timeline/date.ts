import {
  abbreviatedZone,
  abbreviationChoices,
  canonicalZone,
  localTime,
  offsetAt,
  offsetText,
  zoneSuggestion,
} from "./zone.js";

/** How exactly a date was written: a whole year, a month, a day, or a time on a day ("minute"). */
export type Precision = "year" | "month" | "day" | "minute";

/** A qualifier for a date known only roughly. */
export type Approx = "early" | "mid" | "late" | "circa";

/** A date as written in a brief: as precise as its author knew it, no more. */
export interface PartialDate {
  precision: Precision;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** Set when the time was written with seconds, which then order and show too. */
  second?: number;
  /**
   * "Z" or "+09:00" as written, or as the zone's rules give it on that date; absent for dates
   * and for times without an offset or zone.
   */
  offset?: string;
  /**
   * The IANA zone a time was written in ("Europe/Amsterdam"), its canonical name; `offset` is
   * its offset then. On a date without a time, the brief's `timeline.timezone`: the year, month
   * or day is that zone's, from its midnight (see `startOf`), and has no `offset`.
   */
  zone?: string;
  approx?: Approx;
}

// The offset may be written as ISO 8601 allows: +09:00, +0900 or +09.
const datePattern =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/;

// A time and the zone it was written in: "2025-03-03T02:14 Europe/Amsterdam". A "Z" before a
// space is the time's offset ("02:14Z Europe/Amsterdam"), not the start of the zone's name.
const zonedPattern = /^(.*?\d(?:Z(?=\s))?)\s*([A-Za-z][\w+\-/ ]*)$/;

/** The forms a date may take, for messages and documentation. */
export const dateForms =
  "YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM (or HH:MM:SS) with an optional offset or time zone";

/**
 * Reads a date as YAML gives it: a string, or a number for a bare year (YAML 1.2 reads `1961`
 * as an integer). Returns a message instead when the text is not a real date. A time may be
 * followed by an IANA zone ("2025-03-03T02:14 Europe/Amsterdam"): its offset is the zone's on
 * that date. `timezone` is the brief's `timeline.timezone` (its canonical name), in which a
 * time written with neither offset nor zone is read, and a date without a time is that zone's.
 */
export function parseDate(value: unknown, timezone?: string): PartialDate | { error: string } {
  const text =
    typeof value === "number" && Number.isInteger(value) && value > 0
      ? String(value).padStart(4, "0")
      : value;
  if (typeof text !== "string") return { error: `a date must be text like ${dateForms}` };
  const date = plainDate(text);
  if ("error" in date || date.offset || !timezone) return date;
  if (date.precision !== "minute") return { ...date, zone: timezone };
  return withZone(date, timezone, text, true);
}

/** The date as written, its zone (if any) read. */
function plainDate(text: string): PartialDate | { error: string } {
  const date = offsetDate(text);
  if (!("error" in date) || !date.unmatched) return date;
  const zoned = zonedPattern.exec(text.trim());
  const head = zoned && offsetDate(zoned[1] as string);
  if (!zoned || !head || "error" in head) return { error: date.error };
  const written = (zoned[2] as string).trim();
  const zone = canonicalZone(written);
  const abbreviation = abbreviatedZone(written);
  if (head.precision !== "minute") {
    if (!zone && !abbreviation && !written.includes("/")) return { error: date.error };
    return {
      error: `"${text}" gives a time zone but no time: a date without a time reads the same in every zone; leave "${written}" out, or give the time (YYYY-MM-DDTHH:MM ${zone ?? abbreviation?.[0]?.zone ?? written})`,
    };
  }
  if (head.offset) {
    return {
      error: `"${text}" gives both an offset and a time zone: write one, the offset (${zoned[1]}) or the zone (${zoned[1]?.replace(/(Z|[+-][\d:]+)$/, "")} ${written})`,
    };
  }
  if (!zone) return { error: unknownZone(text, written) };
  return withZone(head, zone, text, false);
}

/** The message for a zone name Intl does not know, with what it most likely meant. */
function unknownZone(text: string, written: string): string {
  const abbreviation = abbreviatedZone(written);
  const [likely] = abbreviation ?? [];
  if (abbreviation && likely) {
    const offset = offsetText(likely.offset);
    const time = text
      .trim()
      .slice(0, text.trim().length - written.length)
      .trim();
    const name = written.toUpperCase();
    const which = abbreviation.length > 1 ? `, which is ${abbreviationChoices(abbreviation)}` : "";
    return `"${text}" names its zone by the abbreviation ${name}${which}: write the zone's IANA name ("${time} ${likely.zone}") or its offset ("${time}${offset}")`;
  }
  return `"${text}" names no time zone "${written}"${zoneSuggestion(written) || ": write an IANA name (Area/City, like Asia/Seoul or Europe/Amsterdam), UTC, or an offset (+09:00)"}`;
}

/**
 * The time as the zone's clocks showed it, with the zone's offset then. A time the clocks
 * skipped is refused; one they showed twice (when they went back) is the earlier of the two.
 */
function withZone(
  date: PartialDate,
  zone: string,
  text: string,
  implicit: boolean,
): PartialDate | { error: string } {
  const wall = startOf(date);
  const local = localTime(zone, wall);
  if ("instant" in local) {
    return { ...date, offset: offsetText(Math.round((wall - local.instant) / 60_000)), zone };
  }
  const { before, after } = local.gap;
  const shift = after - before;
  const by = shift % 60 === 0 ? `${shift / 60} hour${shift === 60 ? "" : "s"}` : `${shift} minutes`;
  const later = new Date(wall + shift * 60_000);
  const clock = `${pad(later.getUTCHours())}:${pad(later.getUTCMinutes())}`;
  const where = implicit ? `${zone} (the brief's timeline.timezone)` : zone;
  return {
    error: `"${text}" is a time that never happened in ${where}: its clocks went forward ${by} that night (UTC${offsetText(before).replace("Z", "")} to UTC${offsetText(after).replace("Z", "")}); write ${clock}, the same moment on the clocks after the change, or the time with its offset`,
  };
}

/** The date with an offset or none; `unmatched` when it is not of that form at all. */
function offsetDate(text: string): PartialDate | { error: string; unmatched?: boolean } {
  const match = datePattern.exec(text.trim());
  if (!match) {
    return {
      error: `"${text}" is not a date: use ${dateForms}${notDateHint(text)}`,
      unmatched: true,
    };
  }
  const [, y, mo, d, h, mi, sec, fraction, written] = match;
  const year = Number(y);
  const month = mo ? Number(mo) : 1;
  const day = d ? Number(d) : 1;
  const hour = h ? Number(h) : 0;
  const minute = mi ? Number(mi) : 0;
  if (year < 1) return { error: `"${text}" has no year 0` };
  if (month < 1 || month > 12) return { error: `"${text}" has no month ${month}` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return { error: `"${text}" is not a day of that month` };
  }
  if (hour > 23 || minute > 59 || Number(sec ?? 0) > 59) {
    return { error: `"${text}" is not a time of day` };
  }
  if (fraction) {
    return { error: `"${text}" has a fraction of a second: write whole seconds (HH:MM:SS)` };
  }
  const offset = written && written !== "Z" ? normalOffset(written) : written;
  if (offset && (Math.abs(offsetMinutes(offset)) > 14 * 60 || Number(offset.slice(4)) > 59)) {
    return { error: `"${text}" has an offset beyond ±14:00` };
  }
  const precision: Precision = h ? "minute" : d ? "day" : mo ? "month" : "year";
  const date: PartialDate = { precision, year, month, day, hour, minute };
  if (sec) date.second = Number(sec);
  if (offset) date.offset = offset;
  return date;
}

/** What to write instead, for a mistake a date often has: "mid" before it. */
function notDateHint(text: string): string {
  const trimmed = text.trim();
  const approx = /^(early|mid|late|circa|c\.|about)\s+(.+)$/i.exec(trimmed);
  if (approx) {
    const word = (approx[1] as string).toLowerCase();
    const kind = word === "c." || word === "about" ? "circa" : word;
    return `; write "${approx[2]}" as the date and "approx: ${kind}" beside it`;
  }
  return "";
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** "+0900" and "+09" as "+09:00", the one form the rest of the tool reads and shows. */
function normalOffset(written: string): string {
  const digits = written.slice(1).replace(":", "");
  return `${written[0]}${digits.slice(0, 2)}:${digits.slice(2) || "00"}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function offsetMinutes(offset: string | undefined): number {
  if (!offset || offset === "Z") return 0;
  const sign = offset.startsWith("-") ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4)));
}

/**
 * The instant (ms, UTC) at which a date's period starts; dates and times without an offset are
 * read as UTC, a date with a `zone` (the brief's timeline.timezone) from midnight there, or
 * the first instant of its day where the clocks skipped midnight. "Late May" starts on the
 * 21st, "mid-2024" in May: a rough date sorts where it most likely falls, not at the start of
 * the whole month or year.
 */
export function startOf(date: PartialDate): number {
  let { month, day } = date;
  if (date.approx && date.approx !== "circa") {
    const step = { early: 0, mid: 1, late: 2 }[date.approx];
    if (date.precision === "year") month = 1 + step * 4;
    if (date.precision === "month") day = 1 + step * 10;
  }
  // Date.UTC reads years 0–99 as 1900–1999, so count from 2000 and move the year after; days
  // past the end of a month roll over into the next, as `endOf` relies on.
  const moment = new Date(Date.UTC(2000, month - 1, day, date.hour, date.minute, date.second ?? 0));
  moment.setUTCFullYear(moment.getUTCFullYear() - 2000 + date.year);
  const wall = moment.getTime();
  if (date.zone !== undefined && date.precision !== "minute") {
    const local = localTime(date.zone, wall);
    return "instant" in local ? local.instant : wall - local.gap.before * 60_000;
  }
  return wall - offsetMinutes(date.offset) * 60_000;
}

/** The instant (ms, UTC) at which a date's period ends: the end of the year, month or day. */
export function endOf(date: PartialDate): number {
  const next = { ...date, approx: undefined };
  if (date.precision === "year") next.year += 1;
  else if (date.precision === "month") next.month += 1;
  else if (date.precision === "day") next.day += 1;
  else if (date.second !== undefined) next.second = date.second + 1;
  else next.minute += 1;
  return startOf(next) - 1;
}

/** Orders dates by the start of their period. */
export function compareDates(a: PartialDate, b: PartialDate): number {
  return startOf(a) - startOf(b);
}

/**
 * A timed date as the clocks of `zone` showed it at the same instant, with the zone's offset
 * then: 2024-06-19T02:50+09:00 in UTC is 2024-06-18T17:50Z. Other dates are returned as they are.
 */
export function inZone(date: PartialDate, zone: string): PartialDate {
  if (date.precision !== "minute") return date;
  const instant = startOf(date);
  const offset = offsetAt(zone, instant);
  const wall = new Date(instant + offset * 60_000);
  const shifted: PartialDate = {
    ...date,
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    offset: offsetText(offset),
    zone,
  };
  if (date.second !== undefined) shifted.second = wall.getUTCSeconds();
  return shifted;
}
