import { closest } from "../load/suggest.js";

// IANA time zones, read with Intl (Node's ICU carries the tz database): which names exist, the
// offset a zone had at an instant, and the short name a reader knows it by. Intl is asked only
// when a brief names a zone: the first formatter of a process costs ICU loading its data.

const minute = 60_000;
const day = 86_400_000;

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The zone's canonical name ("asia/seoul" → "Asia/Seoul", "GMT" → "UTC"), or undefined. An
 * abbreviation is no zone here, though ICU reads many: it takes "BST" for Asia/Dhaka, "CST"
 * for America/Chicago, "IST" for Asia/Calcutta, hours from what a brief most likely meant.
 */
export function canonicalZone(name: string): string | undefined {
  if (!/^[A-Za-z][\w+\-/]*$/.test(name) || isAbbreviation(name)) return undefined;
  try {
    return clockOf(name).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * Whether a bare name is an abbreviation or code (BST, CST, cet, PRC), not a zone: two to five
 * letters, except UTC and GMT in any case, and words of four or five (Japan, Cuba, Egypt: the
 * tz database's old names of countries, each one zone).
 */
function isAbbreviation(name: string): boolean {
  if (!/^[A-Za-z]{2,5}$/.test(name) || /^(?:utc|gmt)$/i.test(name)) return false;
  return !/^[A-Z][a-z]{3,4}$/.test(name);
}

/** The wall clock of a zone, to the second, in a form `offsetAt` reads back. */
function clockOf(zone: string): Intl.DateTimeFormat {
  let found = offsetFormats.get(zone);
  if (!found) {
    found = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    offsetFormats.set(found.resolvedOptions().timeZone, found);
    offsetFormats.set(zone, found);
  }
  return found;
}

/**
 * The zone's offset from UTC at an instant, in whole minutes (east positive). The local mean
 * time of a city before it took a standard zone (offsets like +08:27:52) is rounded to the minute.
 */
export function offsetAt(zone: string, instant: number): number {
  const at = Math.floor(instant / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const part of clockOf(zone).formatToParts(at)) parts[part.type] = part.value;
  const year = Number(parts.year) * (parts.era === "BC" ? -1 : 1) + (parts.era === "BC" ? 1 : 0);
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  wall.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
  return Math.round((wall.getTime() - at) / minute);
}

/** What a local time is in a zone: one instant, two (the clocks went back), or none (forward). */
export type LocalTime =
  | { instant: number; repeated: boolean }
  | { gap: { before: number; after: number } };

/**
 * The instant at which the zone's clocks showed `wall` (a local time, in ms as if it were UTC).
 * A time the clocks passed twice when they went back gives the earlier instant, `repeated`;
 * a time they skipped when they went forward gives the offsets before and after the change.
 */
export function localTime(zone: string, wall: number): LocalTime {
  // The offsets a day either side: a zone changes its clocks at most once within two days.
  const candidates = [...new Set([offsetAt(zone, wall - day), offsetAt(zone, wall + day)])];
  const instants = candidates
    .map((offset) => wall - offset * minute)
    .filter((instant) => offsetAt(zone, instant) === Math.round((wall - instant) / minute))
    .sort((a, b) => a - b);
  const [first] = instants;
  if (first !== undefined) return { instant: first, repeated: instants.length > 1 };
  const [before, after] = candidates.sort((a, b) => a - b) as [number, number];
  return { gap: { before, after: after ?? before } };
}

/** "+09:00", "-04:00", "Z": an offset in minutes as the rest of the tool writes it. */
export function offsetText(minutes: number): string {
  if (minutes === 0) return "Z";
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

// The abbreviations briefs on the region use, by zone and offset (minutes): Intl writes these
// zones only as "GMT+9". Asia/Shanghai and Asia/Taipei are left out on purpose: "CST" is also
// the United States' Central time, so they read as "UTC+08:00". An offset not listed (Seoul's
// +08:30 of the 1950s, Pyongyang's of 2015–18) reads as the offset, not a wrong name.
const regional: Record<string, Record<number, string>> = {
  "Asia/Seoul": { 540: "KST", 600: "KDT" },
  "Asia/Pyongyang": { 540: "KST" },
  "Asia/Tokyo": { 540: "JST" },
  "Europe/Moscow": { 180: "MSK" },
  "Asia/Hong_Kong": { 480: "HKT" },
  "Asia/Singapore": { 480: "SGT" },
  "Asia/Kolkata": { 330: "IST" },
  "Asia/Calcutta": { 330: "IST" },
};

const shortNames = new Map<string, Intl.DateTimeFormat>();

/**
 * The name a reader knows a zone's time by at an instant: the region's usual abbreviation
 * (KST, JST, MSK), Intl's where it is a real one (CET and CEST, EST and EDT, GMT and BST),
 * else the offset ("UTC+08:00", "UTC" for none).
 */
export function zoneAbbreviation(zone: string, instant: number): string {
  const offset = offsetAt(zone, instant);
  const own = regional[zone]?.[offset];
  if (own) return own;
  // en-GB names Europe's zones, en-US America's; each writes the other's as "GMT+1".
  for (const locale of ["en-GB", "en-US"]) {
    const key = `${locale}|${zone}`;
    let format = shortNames.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" });
      shortNames.set(key, format);
    }
    const name = format.formatToParts(instant).find((p) => p.type === "timeZoneName")?.value;
    if (name && /^[A-Z]{2,5}$/.test(name) && (name !== "GMT" || offset === 0)) return name;
  }
  return offset === 0 ? "UTC" : `UTC${offsetText(offset)}`;
}

/**
 * The zone's names over some instants, for the overview's note: "KST"; "CET/CEST" when its
 * clocks changed between them (in order of offset, standard time first). Undefined for none.
 */
export function zoneNames(zone: string, instants: readonly number[]): string | undefined {
  const byOffset = new Map<number, string>();
  for (const instant of instants) {
    const offset = offsetAt(zone, instant);
    if (!byOffset.has(offset)) byOffset.set(offset, zoneAbbreviation(zone, instant));
  }
  if (byOffset.size === 0) return undefined;
  const names = [...byOffset.entries()].sort((a, b) => a[0] - b[0]).map((entry) => entry[1]);
  return [...new Set(names)].join("/");
}

/** A zone an abbreviation may stand for, and the offset (minutes) it stands for there. */
export interface AbbreviatedZone {
  zone: string;
  offset: number;
}

// Abbreviations briefs write, which the tool does not read as zones (see `canonicalZone`): the
// zones that keep them and the offset each stands for, the most likely first. An abbreviation
// is a fixed offset; the zone follows its summer time too. Some stand for more than one zone.
const abbreviated: Record<string, AbbreviatedZone[]> = {
  KST: [{ zone: "Asia/Seoul", offset: 540 }],
  JST: [{ zone: "Asia/Tokyo", offset: 540 }],
  PYT: [{ zone: "Asia/Pyongyang", offset: 540 }],
  MSK: [{ zone: "Europe/Moscow", offset: 180 }],
  HKT: [{ zone: "Asia/Hong_Kong", offset: 480 }],
  SGT: [{ zone: "Asia/Singapore", offset: 480 }],
  IST: [
    { zone: "Asia/Kolkata", offset: 330 },
    { zone: "Europe/Dublin", offset: 60 },
    { zone: "Asia/Jerusalem", offset: 120 },
  ],
  PKT: [{ zone: "Asia/Karachi", offset: 300 }],
  ICT: [{ zone: "Asia/Bangkok", offset: 420 }],
  WIB: [{ zone: "Asia/Jakarta", offset: 420 }],
  PHT: [{ zone: "Asia/Manila", offset: 480 }],
  CST: [
    { zone: "Asia/Shanghai", offset: 480 },
    { zone: "America/Chicago", offset: -360 },
  ],
  SST: [
    { zone: "Asia/Singapore", offset: 480 },
    { zone: "Pacific/Pago_Pago", offset: -660 },
  ],
  GST: [{ zone: "Asia/Dubai", offset: 240 }],
  AST: [
    { zone: "Asia/Riyadh", offset: 180 },
    { zone: "America/Halifax", offset: -240 },
  ],
  BST: [
    { zone: "Europe/London", offset: 60 },
    { zone: "Asia/Dhaka", offset: 360 },
  ],
  WET: [{ zone: "Europe/Lisbon", offset: 0 }],
  WEST: [{ zone: "Europe/Lisbon", offset: 60 }],
  CET: [{ zone: "Europe/Berlin", offset: 60 }],
  MET: [{ zone: "Europe/Berlin", offset: 60 }],
  CEST: [{ zone: "Europe/Berlin", offset: 120 }],
  EET: [{ zone: "Europe/Athens", offset: 120 }],
  EEST: [{ zone: "Europe/Kyiv", offset: 180 }],
  WAT: [{ zone: "Africa/Lagos", offset: 60 }],
  CAT: [{ zone: "Africa/Maputo", offset: 120 }],
  EAT: [{ zone: "Africa/Nairobi", offset: 180 }],
  EST: [{ zone: "America/New_York", offset: -300 }],
  EDT: [{ zone: "America/New_York", offset: -240 }],
  CDT: [{ zone: "America/Chicago", offset: -300 }],
  MST: [{ zone: "America/Denver", offset: -420 }],
  MDT: [{ zone: "America/Denver", offset: -360 }],
  PST: [
    { zone: "America/Los_Angeles", offset: -480 },
    { zone: "Asia/Manila", offset: 480 },
  ],
  PDT: [{ zone: "America/Los_Angeles", offset: -420 }],
  HST: [{ zone: "Pacific/Honolulu", offset: -600 }],
  AWST: [{ zone: "Australia/Perth", offset: 480 }],
  ACST: [{ zone: "Australia/Darwin", offset: 570 }],
  AEST: [{ zone: "Australia/Sydney", offset: 600 }],
  AEDT: [{ zone: "Australia/Sydney", offset: 660 }],
  NZST: [{ zone: "Pacific/Auckland", offset: 720 }],
  NZDT: [{ zone: "Pacific/Auckland", offset: 780 }],
};

/** The zones an abbreviation ("KST", "CST") stands for, the most likely first, if it is one. */
export function abbreviatedZone(name: string): readonly AbbreviatedZone[] | undefined {
  const key = name.trim().toUpperCase();
  return Object.hasOwn(abbreviated, key) ? abbreviated[key] : undefined;
}

/**
 * "Asia/Shanghai (+08:00) or America/Chicago (-06:00)": what an abbreviation may mean, each
 * zone quoted by `quote`.
 */
export function abbreviationChoices(
  zones: readonly AbbreviatedZone[],
  quote: (zone: string) => string = (zone) => zone,
): string {
  const each = zones.map(
    ({ zone, offset }) => `${quote(zone)} (${offset ? offsetText(offset) : "+00:00"})`,
  );
  return each.length > 1 ? `${each.slice(0, -1).join(", ")} or ${each.at(-1)}` : (each[0] ?? "");
}

// Old names of countries in the tz database, in capitals, each one zone.
const countryCodes: Record<string, string> = {
  GB: "Europe/London",
  NZ: "Pacific/Auckland",
  PRC: "Asia/Shanghai",
  ROC: "Asia/Taipei",
  ROK: "Asia/Seoul",
  UCT: "UTC",
};

// Capitals whose zone is named after another city.
const capitals: Record<string, string> = {
  beijing: "Asia/Shanghai",
  washington: "America/New_York",
  delhi: "Asia/Kolkata",
  new_delhi: "Asia/Kolkata",
};

let known: string[] | undefined;

/** "; did you mean "Asia/Seoul"?" for a zone name that is close to a real one, else "". */
export function zoneSuggestion(name: string): string {
  known ??= ["UTC", ...Intl.supportedValuesOf("timeZone")];
  const spaced = name.trim().replaceAll(" ", "_");
  const offset = /^(?:UTC|GMT)\s*([+-]\d{1,2})(?::?(\d{2}))?$/i.exec(name.trim());
  if (offset) {
    const minutes = Number(offset[1]) * 60 + Math.sign(Number(offset[1])) * Number(offset[2] ?? 0);
    return `; write it as an offset straight after the time: ${offsetText(minutes)}`;
  }
  const abbreviation = abbreviatedZone(spaced);
  if (abbreviation && abbreviation.length > 1) {
    return `; did you mean ${abbreviationChoices(abbreviation, (zone) => `"${zone}"`)}?`;
  }
  const city = spaced.slice(spaced.lastIndexOf("/") + 1).toLowerCase();
  const upper = spaced.toUpperCase();
  const exact =
    canonicalZone(spaced) ??
    abbreviation?.[0]?.zone ??
    (Object.hasOwn(countryCodes, upper) ? countryCodes[upper] : undefined) ??
    // "japan": the old name of a country, written in lower case.
    canonicalZone(spaced.charAt(0).toUpperCase() + spaced.slice(1)) ??
    (Object.hasOwn(capitals, city) ? capitals[city] : undefined);
  let match = exact ?? closest(spaced, known);
  if (!match) {
    // A city alone, or misspelt: "Seoul", "Amsterdm".
    const cities = new Map(known.map((zone) => [zone.slice(zone.lastIndexOf("/") + 1), zone]));
    const near = closest(city, cities.keys());
    match = near && cities.get(near);
  }
  return match ? `; did you mean "${match}"?` : "";
}
