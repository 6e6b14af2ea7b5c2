import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { endOf, inZone, type PartialDate, parseDate, startOf } from "../../src/timeline/date.js";
import { durationBetween } from "../../src/timeline/duration.js";
import { formatDate, formatSpan } from "../../src/timeline/format-date.js";
import { sortByDate } from "../../src/timeline/sort.js";
import {
  canonicalZone,
  offsetAt,
  zoneAbbreviation,
  zoneNames,
  zoneSuggestion,
} from "../../src/timeline/zone.js";

function date(value: string, timezone?: string): PartialDate {
  const parsed = parseDate(value, timezone);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed;
}

function error(value: string, timezone?: string): string {
  const parsed = parseDate(value, timezone);
  return "error" in parsed ? parsed.error : "(no error)";
}

const iso = (d: PartialDate) => new Date(startOf(d)).toISOString();

describe("a time written with an IANA zone", () => {
  it("takes the zone's offset on that date, summer time included", () => {
    expect(date("2025-03-03T02:14 Europe/Amsterdam")).toMatchObject({
      precision: "minute",
      hour: 2,
      minute: 14,
      offset: "+01:00",
      zone: "Europe/Amsterdam",
    });
    expect(date("2025-07-03T02:14 Europe/Amsterdam").offset).toBe("+02:00");
    expect(date("2025-01-10T09:00 America/New_York").offset).toBe("-05:00");
    expect(date("2025-07-10T09:00 America/New_York").offset).toBe("-04:00");
    expect(date("2024-06-19T02:50 Asia/Seoul").offset).toBe("+09:00");
    expect(date("2024-06-19T02:50 UTC")).toMatchObject({ offset: "Z", zone: "UTC" });
    expect(iso(date("2025-03-03T02:14 Europe/Amsterdam"))).toBe("2025-03-03T01:14:00.000Z");
  });

  it("names the zone by its canonical name, whatever its case", () => {
    expect(date("2024-06-19T02:50 asia/seoul").zone).toBe("Asia/Seoul");
    expect(date("2024-06-19T02:50 GMT").zone).toBe("UTC");
    expect(date("2024-06-19 02:50 Asia/Tokyo").zone).toBe("Asia/Tokyo");
  });

  it("keeps its seconds", () => {
    const d = date("2025-03-03T02:14:09 Europe/Amsterdam");
    expect(d.second).toBe(9);
    expect(iso(d)).toBe("2025-03-03T01:14:09.000Z");
  });

  it("refuses a time the clocks skipped going forward, and says what to write", () => {
    // Amsterdam: 02:00 CET became 03:00 CEST on 30 March 2025; New York: 02:00 EST became 03:00 EDT on 9 March.
    expect(error("2025-03-30T02:30 Europe/Amsterdam")).toBe(
      '"2025-03-30T02:30 Europe/Amsterdam" is a time that never happened in Europe/Amsterdam: its clocks went forward 1 hour that night (UTC+01:00 to UTC+02:00); write 03:30, the same moment on the clocks after the change, or the time with its offset',
    );
    expect(error("2025-03-09T02:00 America/New_York")).toContain("never happened");
    expect(error("2025-03-09T02:59 America/New_York")).toContain("write 03:59");
    expect(date("2025-03-09T03:00 America/New_York").offset).toBe("-04:00");
    expect(date("2025-03-09T01:59 America/New_York").offset).toBe("-05:00");
  });

  it("reads a time the clocks showed twice going back as the first of them", () => {
    // Amsterdam went from 03:00 CEST back to 02:00 CET on 26 October 2025; New York from 02:00 EDT to 01:00 EST on 2 November.
    expect(date("2025-10-26T02:30 Europe/Amsterdam").offset).toBe("+02:00");
    expect(iso(date("2025-10-26T02:30 Europe/Amsterdam"))).toBe("2025-10-26T00:30:00.000Z");
    expect(date("2025-10-26T03:00 Europe/Amsterdam").offset).toBe("+01:00");
    expect(date("2025-11-02T01:30 America/New_York").offset).toBe("-04:00");
    expect(date("2025-11-02T02:00 America/New_York").offset).toBe("-05:00");
  });

  it("refuses an unknown zone, with the one it most likely meant", () => {
    expect(error("2025-03-03T02:14 Europe/Amsterdm")).toBe(
      '"2025-03-03T02:14 Europe/Amsterdm" names no time zone "Europe/Amsterdm"; did you mean "Europe/Amsterdam"?',
    );
    expect(error("2025-03-03T02:14 Seoul")).toContain('did you mean "Asia/Seoul"?');
    expect(error("2025-03-03T02:14 America/New York")).toContain(
      'did you mean "America/New_York"?',
    );
    expect(error("2025-03-03T02:14 Mars/Olympus")).toBe(
      '"2025-03-03T02:14 Mars/Olympus" names no time zone "Mars/Olympus": write an IANA name (Area/City, like Asia/Seoul or Europe/Amsterdam), UTC, or an offset (+09:00)',
    );
    expect(error("2025-03-03T02:14 Beijing")).toContain('did you mean "Asia/Shanghai"?');
    expect(error("2025-03-03T02:14 MSK")).toContain('"2025-03-03T02:14 Europe/Moscow"');
    expect(error("2025-07-03T02:14 EDT")).toContain('its offset ("2025-07-03T02:14-04:00")');
    expect(error("2025-03-03T02:14 UTC+9")).toContain(
      "write it as an offset straight after the time: +09:00",
    );
    expect(error("2024-06-19T07:10 KST")).toBe(
      '"2024-06-19T07:10 KST" names its zone by the abbreviation KST: write the zone\'s IANA name ("2024-06-19T07:10 Asia/Seoul") or its offset ("2024-06-19T07:10+09:00")',
    );
  });

  it("refuses a zone on a date without a time, and a zone beside an offset", () => {
    expect(error("2025-03-03 Europe/Amsterdam")).toBe(
      '"2025-03-03 Europe/Amsterdam" gives a time zone but no time: a date without a time reads the same in every zone; leave "Europe/Amsterdam" out, or give the time (YYYY-MM-DDTHH:MM Europe/Amsterdam)',
    );
    expect(error("2025-03 KST")).toContain("gives a time zone but no time");
    expect(error("2025-07-03 BST")).toContain("(YYYY-MM-DDTHH:MM Europe/London)");
    expect(error("2025-03-03T02:14+01:00 Europe/Amsterdam")).toBe(
      '"2025-03-03T02:14+01:00 Europe/Amsterdam" gives both an offset and a time zone: write one, the offset (2025-03-03T02:14+01:00) or the zone (2025-03-03T02:14 Europe/Amsterdam)',
    );
    // The "Z" is the time's offset, not part of the zone's name.
    expect(error("2025-03-03T02:14Z Europe/Amsterdam")).toBe(
      '"2025-03-03T02:14Z Europe/Amsterdam" gives both an offset and a time zone: write one, the offset (2025-03-03T02:14Z) or the zone (2025-03-03T02:14 Europe/Amsterdam)',
    );
    // Words that are no zone after a date stay a plain "not a date".
    expect(error("2024 early")).toContain("is not a date");
  });
});

describe("an abbreviation is no zone, though ICU reads many", () => {
  it("refuses BST, which ICU reads as Asia/Dhaka, with London's summer time first", () => {
    expect(canonicalZone("BST")).toBeUndefined();
    expect(error("2025-07-03T10:00 BST")).toBe(
      '"2025-07-03T10:00 BST" names its zone by the abbreviation BST, which is Europe/London (+01:00) or Asia/Dhaka (+06:00): write the zone\'s IANA name ("2025-07-03T10:00 Europe/London") or its offset ("2025-07-03T10:00+01:00")',
    );
  });

  it("names the choices of an abbreviation that stands for more than one zone", () => {
    expect(error("2025-03-03T10:00 CST")).toContain(
      "CST, which is Asia/Shanghai (+08:00) or America/Chicago (-06:00):",
    );
    expect(error("2025-03-03T10:00 IST")).toContain(
      "IST, which is Asia/Kolkata (+05:30), Europe/Dublin (+01:00) or Asia/Jerusalem (+02:00):",
    );
    expect(error("2025-03-03T10:00 PST")).toContain("America/Los_Angeles (-08:00) or Asia/Manila");
    expect(error("2025-03-03T10:00 SST")).toContain("Asia/Singapore (+08:00) or Pacific/Pago_Pago");
  });

  it("refuses every abbreviation ICU knows, in any case, with the zone and offset to write", () => {
    const meant: Record<string, string> = {
      EST: '("2025-01-10T09:00 America/New_York") or its offset ("2025-01-10T09:00-05:00")',
      CET: '("2025-01-10T09:00 Europe/Berlin") or its offset ("2025-01-10T09:00+01:00")',
      JST: '("2025-01-10T09:00 Asia/Tokyo") or its offset ("2025-01-10T09:00+09:00")',
      MST: '("2025-01-10T09:00 America/Denver") or its offset ("2025-01-10T09:00-07:00")',
      HST: '("2025-01-10T09:00 Pacific/Honolulu") or its offset ("2025-01-10T09:00-10:00")',
      EET: '("2025-01-10T09:00 Europe/Athens") or its offset ("2025-01-10T09:00+02:00")',
      cst: '("2025-01-10T09:00 Asia/Shanghai") or its offset ("2025-01-10T09:00+08:00")',
    };
    for (const [name, write] of Object.entries(meant)) {
      expect(canonicalZone(name)).toBeUndefined();
      expect(error(`2025-01-10T09:00 ${name}`)).toContain(
        `names its zone by the abbreviation ${name.toUpperCase()}`,
      );
      expect(error(`2025-01-10T09:00 ${name}`)).toContain(write);
    }
  });

  it("keeps UTC and GMT in any case, and the old names of countries written as words", () => {
    expect(canonicalZone("UTC")).toBe("UTC");
    expect(canonicalZone("utc")).toBe("UTC");
    expect(canonicalZone("GMT")).toBe("UTC");
    expect(canonicalZone("Japan")).toBe("Asia/Tokyo");
    expect(canonicalZone("Asia/Seoul")).toBe("Asia/Seoul");
    expect(date("2025-01-10T09:00 utc")).toMatchObject({ offset: "Z", zone: "UTC" });
  });

  it("suggests the zone for a country's code and an abbreviation", () => {
    expect(canonicalZone("PRC")).toBeUndefined();
    expect(zoneSuggestion("PRC")).toBe('; did you mean "Asia/Shanghai"?');
    expect(zoneSuggestion("GB")).toBe('; did you mean "Europe/London"?');
    expect(zoneSuggestion("japan")).toBe('; did you mean "Asia/Tokyo"?');
    expect(zoneSuggestion("JST")).toBe('; did you mean "Asia/Tokyo"?');
    expect(zoneSuggestion("CST")).toBe(
      '; did you mean "Asia/Shanghai" (+08:00) or "America/Chicago" (-06:00)?',
    );
  });

  it("refuses London's summer time as the tool itself writes it", () => {
    const summer = date("2025-07-03T10:00 Europe/London");
    const shown = formatDate(summer, "en");
    expect(shown).toBe("3 July 2025, 10:00 BST");
    expect(error(`2025-07-03T10:00 ${shown.split(" ").at(-1)}`)).toContain(
      '"2025-07-03T10:00+01:00"',
    );
  });
});

describe("a date without a time in a brief with timeline.timezone", () => {
  it("is the zone's day, from its midnight to the next", () => {
    const day = date("2024-06-19", "Asia/Seoul");
    expect(day).toMatchObject({ precision: "day", zone: "Asia/Seoul" });
    expect(day.offset).toBeUndefined();
    expect(iso(day)).toBe("2024-06-18T15:00:00.000Z");
    expect(new Date(endOf(day)).toISOString()).toBe("2024-06-19T14:59:59.999Z");
    const month = date("2024-06", "Asia/Seoul");
    expect(iso(month)).toBe("2024-05-31T15:00:00.000Z");
    expect(new Date(endOf(month)).toISOString()).toBe("2024-06-30T14:59:59.999Z");
    expect(iso(date("2024", "Asia/Seoul"))).toBe("2023-12-31T15:00:00.000Z");
    // A rough date from its likely start, in the zone too: late May from the 21st.
    expect(iso({ ...date("2024-05", "Asia/Seoul"), approx: "late" })).toBe(
      "2024-05-20T15:00:00.000Z",
    );
  });

  it("sorts before the zone's times of that day", () => {
    const events = [
      { name: "06:00 in Seoul", date: date("2024-06-19T06:00", "Asia/Seoul") },
      { name: "the day", date: date("2024-06-19", "Asia/Seoul") },
      { name: "the day before, 23:00", date: date("2024-06-18T23:00 Asia/Seoul") },
    ];
    expect(sortByDate(events, (e) => e.date).map((e) => e.name)).toEqual([
      "the day before, 23:00",
      "the day",
      "06:00 in Seoul",
    ]);
  });

  it("starts at the offset of its own midnight, summer time included", () => {
    // Amsterdam's clocks went forward at 02:00 on 30 March 2025: a day of 23 hours.
    const spring = date("2025-03-30", "Europe/Amsterdam");
    expect(iso(spring)).toBe("2025-03-29T23:00:00.000Z");
    expect(new Date(endOf(spring)).toISOString()).toBe("2025-03-30T21:59:59.999Z");
    expect(new Date(endOf(date("2025-03", "Europe/Amsterdam"))).toISOString()).toBe(
      "2025-03-31T21:59:59.999Z",
    );
    expect(iso(date("2025-07-01", "America/New_York"))).toBe("2025-07-01T04:00:00.000Z");
  });

  it("starts at the first instant of its day where the clocks skipped midnight", () => {
    // Santiago's clocks went from 00:00 to 01:00 on 8 September 2024.
    expect(iso(date("2024-09-08", "America/Santiago"))).toBe("2024-09-08T04:00:00.000Z");
    expect(new Date(endOf(date("2024-09-07", "America/Santiago"))).toISOString()).toBe(
      "2024-09-08T03:59:59.999Z",
    );
  });

  it("is shown as written, and counts calendar days", () => {
    const day = date("2024-06-19", "Asia/Seoul");
    expect(formatDate(day, "en")).toBe("19 June 2024");
    expect(formatDate(day, "en", undefined, "Asia/Seoul")).toBe("19 June 2024");
    expect(formatDate(day, "en", undefined, "America/New_York")).toBe("19 June 2024");
    const spring = [date("2025-03-30", "Europe/Amsterdam"), date("2025-03-31", "Europe/Amsterdam")];
    expect(durationBetween(spring[0] as PartialDate, spring[1] as PartialDate)).toEqual({
      unit: "day",
      count: 1,
    });
  });

  it("is a UTC day in a brief without timeline.timezone, as before", () => {
    const day = date("2024-06-19");
    expect(day.zone).toBeUndefined();
    expect(iso(day)).toBe("2024-06-19T00:00:00.000Z");
  });
});

describe("the brief's timeline.timezone", () => {
  it("is the zone of a time written without offset or zone", () => {
    expect(date("2024-06-19T02:50", "Asia/Seoul")).toMatchObject({
      offset: "+09:00",
      zone: "Asia/Seoul",
    });
    expect(date("2024-06-19T02:50Z", "Asia/Seoul")).toMatchObject({ offset: "Z" });
    expect(date("2024-06-19T02:50", "Asia/Seoul").zone).toBe("Asia/Seoul");
    expect(date("2024-06-19", "Asia/Seoul").offset).toBeUndefined();
    expect(error("2025-03-30T02:30", "Europe/Amsterdam")).toContain(
      "never happened in Europe/Amsterdam (the brief's timeline.timezone)",
    );
  });
});

describe("ordering", () => {
  it("follows the instant, whatever zone each time is written in", () => {
    const events = [
      { name: "Amsterdam 02:14", date: date("2025-03-03T02:14 Europe/Amsterdam") }, // 01:14Z
      { name: "Seoul 09:00", date: date("2025-03-03T09:00 Asia/Seoul") }, // 00:00Z
      { name: "New York 19:30 the day before", date: date("2025-03-02T19:30 America/New_York") }, // 00:30Z
      { name: "UTC 01:00", date: date("2025-03-03T01:00Z") },
    ];
    expect(sortByDate(events, (e) => e.date).map((e) => e.name)).toEqual([
      "Seoul 09:00",
      "New York 19:30 the day before",
      "UTC 01:00",
      "Amsterdam 02:14",
    ]);
  });

  it("a time in its zone is the same instant as with the zone's offset written", () => {
    const zones = ["Europe/Amsterdam", "America/New_York", "Asia/Seoul", "Australia/Sydney"];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1990-01-01Z"),
          max: new Date("2035-12-31Z"),
          noInvalidDate: true,
        }),
        fc.constantFrom(...zones),
        (moment, zone) => {
          const instant = Math.floor(moment.getTime() / 60_000) * 60_000;
          const shown = inZone(date(`${new Date(instant).toISOString().slice(0, 16)}Z`), zone);
          const pad = (n: number) => String(n).padStart(2, "0");
          const text = `${shown.year}-${pad(shown.month)}-${pad(shown.day)}T${pad(shown.hour)}:${pad(shown.minute)}`;
          const written = parseDate(`${text} ${zone}`);
          // The hour the clocks show twice reads as its first: the later instant can differ.
          if ("error" in written) return false;
          expect(startOf(written)).toBeLessThanOrEqual(instant);
          if (offsetAt(zone, instant - 3 * 3_600_000) === offsetAt(zone, instant)) {
            expect(startOf(written)).toBe(instant);
          }
          return true;
        },
      ),
    );
  });
});

describe("times shown in the display zone", () => {
  it("convert the clock and the day, and leave out the per-event offset", () => {
    const written = date("2024-06-19T02:50+09:00");
    expect(formatDate(written, "en")).toBe("19 June 2024, 02:50 UTC+09:00");
    expect(formatDate(written, "en", undefined, "UTC")).toBe("18 June 2024, 17:50");
    expect(formatDate(written, "en", undefined, "Asia/Seoul")).toBe("19 June 2024, 02:50");
    expect(formatDate(written, "ko", undefined, "UTC")).toBe("2024년 6월 18일 17:50");
    expect(formatDate(date("2025-01-01T00:30 Europe/Amsterdam"), "en", undefined, "UTC")).toBe(
      "31 December 2024, 23:30",
    );
  });

  it("keep seconds where they are given", () => {
    const written = date("2024-06-19T02:50:07+09:00");
    expect(formatDate(written, "en", undefined, "Europe/Amsterdam")).toBe("18 June 2024, 19:50:07");
    expect(formatDate(date("2024-06-19T02:50:07 Asia/Seoul"), "en")).toBe(
      "19 June 2024, 02:50:07 KST",
    );
  });

  it("leave dates without a time as they are", () => {
    expect(formatDate(date("2024-06-19"), "en", undefined, "America/New_York")).toBe(
      "19 June 2024",
    );
    expect(
      formatSpan(date("2024-06-19"), date("2024-06-21"), "en", undefined, "Pacific/Kiritimati"),
    ).toBe("19\u2009–\u200921 June 2024");
  });

  it("write a span's day once when both ends fall on it there, its ends in any zones", () => {
    const start = date("2024-06-19T09:00 Asia/Seoul");
    const end = date("2024-06-19T03:30 Europe/Amsterdam");
    expect(formatSpan(start, end, "en")).toBe("19 June 2024, 09:00 KST – 19 June 2024, 03:30 CEST");
    expect(formatSpan(start, end, "en", undefined, "UTC")).toBe("19 June 2024, 00:00 – 01:30");
    expect(formatSpan(start, end, "en", undefined, "America/New_York")).toBe(
      "18 June 2024, 20:00 – 21:30",
    );
    expect(formatSpan(start, end, "en", undefined, "Asia/Seoul")).toBe(
      "19 June 2024, 09:00 – 10:30",
    );
  });
});

describe("a zone's name", () => {
  it("is the region's abbreviation, Intl's real one, or the offset", () => {
    const winter = Date.UTC(2025, 0, 15);
    const summer = Date.UTC(2025, 6, 15);
    expect(zoneAbbreviation("Asia/Seoul", winter)).toBe("KST");
    expect(zoneAbbreviation("Asia/Pyongyang", winter)).toBe("KST");
    expect(zoneAbbreviation("Asia/Tokyo", winter)).toBe("JST");
    expect(zoneAbbreviation("Europe/Moscow", winter)).toBe("MSK");
    expect(zoneAbbreviation("Europe/Amsterdam", winter)).toBe("CET");
    expect(zoneAbbreviation("Europe/Amsterdam", summer)).toBe("CEST");
    expect(zoneAbbreviation("America/New_York", winter)).toBe("EST");
    expect(zoneAbbreviation("America/New_York", summer)).toBe("EDT");
    expect(zoneAbbreviation("Europe/London", summer)).toBe("BST");
    expect(zoneAbbreviation("Asia/Shanghai", winter)).toBe("UTC+08:00");
    expect(zoneAbbreviation("Asia/Kathmandu", winter)).toBe("UTC+05:45");
    expect(zoneAbbreviation("UTC", winter)).toBe("UTC");
    // Pyongyang's own time of 2015–18 was half an hour behind Seoul's: not "KST".
    expect(zoneAbbreviation("Asia/Pyongyang", Date.UTC(2016, 0, 1))).toBe("UTC+08:30");
  });

  it("over a brief's times names each of the zone's clocks, standard time first", () => {
    const times = ["2025-07-01T10:00Z", "2025-01-01T10:00Z", "2025-08-01T10:00Z"].map((t) =>
      Date.parse(t),
    );
    expect(zoneNames("Europe/Amsterdam", times)).toBe("CET/CEST");
    expect(zoneNames("Asia/Seoul", times)).toBe("KST");
    expect(zoneNames("UTC", times)).toBe("UTC");
    expect(zoneNames("UTC", [])).toBeUndefined();
  });
});
