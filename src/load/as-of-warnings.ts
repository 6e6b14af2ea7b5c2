import type { Problem } from "../errors.js";
import type { NormalBrief } from "../normalize/normal-brief.js";
import { endOf, startOf } from "../timeline/date.js";

/**
 * Warnings for events dated after the brief's as-of date: a slip of the year or month more
 * often than news from the future, but a planned event can be meant, so the brief still builds.
 * An event counts only when it must start after the as-of period ends ("early July" with an
 * as-of date in June does; a day in June with an as-of month of June does not).
 */
export function eventsAfterAsOf(
  file: string,
  brief: NormalBrief,
  positionOf: (path: readonly (string | number)[]) => Problem["pos"],
): Problem[] {
  const last = endOf(brief.date);
  const { written } = brief;
  const warnings: Problem[] = [];
  brief.timeline.events.forEach((event, i) => {
    if (startOf(event.date) <= last) return;
    const path = [...event.path, "date"];
    const date = written.timeline.events[i]?.date;
    warnings.push({
      code: "event-after-as-of",
      message: `this event (${String(date)}) is dated after the brief's as-of date (${String(written.date)})`,
      file,
      pos: positionOf(path),
      path,
    });
  });
  return warnings;
}
