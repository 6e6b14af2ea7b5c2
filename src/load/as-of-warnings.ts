import type { Problem } from "../errors.js";
import { endOf, parseDate, startOf } from "../timeline/date.js";
import type { Brief } from "./schema.js";

/**
 * Warnings for events dated after the brief's as-of date: a slip of the year or month more
 * often than news from the future, but a planned event can be meant, so the brief still builds.
 * An event counts only when it must start after the as-of period ends ("early July" with an
 * as-of date in June does; a day in June with an as-of month of June does not).
 */
export function eventsAfterAsOf(
  file: string,
  brief: Brief,
  positionOf: (path: readonly (string | number)[]) => Problem["pos"],
): Problem[] {
  const asOf = parseDate(brief.date);
  if ("error" in asOf) return [];
  const last = endOf(asOf);
  const warnings: Problem[] = [];
  brief.timeline.events.forEach((event, i) => {
    const date = parseDate(event.date);
    if ("error" in date || startOf(date) <= last) return;
    const path = ["timeline", "events", i, "date"];
    warnings.push({
      code: "event-after-as-of",
      message: `this event (${String(event.date)}) is dated after the brief's as-of date (${String(brief.date)})`,
      file,
      pos: positionOf(path),
      path,
    });
  });
  return warnings;
}
