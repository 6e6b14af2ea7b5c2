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
  /** "Z" or "+09:00" as written; absent for dates and for times without an offset. */
  offset?: string;
  approx?: Approx;
}

// The offset may be written as ISO 8601 allows: +09:00, +0900 or +09.
const datePattern =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/;

/** The forms a date may take, for messages and documentation. */
export const dateForms =
  "YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM (or HH:MM:SS) with an optional offset";

/**
 * Reads a date as YAML gives it: a string, or a number for a bare year (YAML 1.2 reads `1961`
 * as an integer). Returns a message instead when the text is not a real date.
 */
export function parseDate(value: unknown): PartialDate | { error: string } {
  const text =
    typeof value === "number" && Number.isInteger(value) && value > 0
      ? String(value).padStart(4, "0")
      : value;
  if (typeof text !== "string") return { error: `a date must be text like ${dateForms}` };
  const match = datePattern.exec(text.trim());
  if (!match) return { error: `"${text}" is not a date: use ${dateForms}${notDateHint(text)}` };
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

// Time zones briefs on the region are written in, by their abbreviation: the offset to write.
const zones: Record<string, string> = {
  KST: "+09:00",
  JST: "+09:00",
  PYT: "+09:00",
  MSK: "+03:00",
  HKT: "+08:00",
  SGT: "+08:00",
  UTC: "Z",
  GMT: "Z",
};

/** What to write instead, for the two mistakes a date most often has: a zone's name, a "mid". */
function notDateHint(text: string): string {
  const trimmed = text.trim();
  const zone = /^(\S+)\s*([A-Za-z]{3})$/.exec(trimmed);
  const offset = zone && zones[(zone[2] as string).toUpperCase()];
  if (zone && offset) {
    return `; write the zone as an offset: "${zone[1]}${offset}" for ${(zone[2] as string).toUpperCase()}`;
  }
  const approx = /^(early|mid|late|circa|c\.|about)\s+(.+)$/i.exec(trimmed);
  if (approx) {
    const word = (approx[1] as string).toLowerCase();
    const kind = word === "c." || word === "about" ? "circa" : word;
    return `; write "${approx[2]}" as the date and "approx: ${kind}" beside it`;
  }
  return "";
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
 * read as UTC. "Late May" starts on the 21st, "mid-2024" in May: a rough date sorts where it
 * most likely falls, not at the start of the whole month or year.
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
  return moment.getTime() - offsetMinutes(date.offset) * 60_000;
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
