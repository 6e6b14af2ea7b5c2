import { type InlineRun, plainText } from "../markup/inline.js";
import type { BriefPath, NormalBrief, NormalEvent } from "../normalize/normal-brief.js";
import type { Assessment, BriefChanges } from "./changes.js";
import { type Matchable, type Matching, matchItems, wordingKey } from "./match-items.js";

/**
 * What changed from the earlier version of a brief to this one: new events, judgments whose
 * likelihood or confidence moved, judgments new and dropped, new sources. Items are matched by
 * their `id`, else events by date and title and judgments by their statement. Pure.
 */
export function compareBriefs(earlier: NormalBrief, now: NormalBrief): BriefChanges {
  const events = matchItems(
    earlier.timeline.events.map(eventItem),
    now.timeline.events.map(eventItem),
  );
  const judgments = matchItems(judgmentsOf(earlier), judgmentsOf(now));
  const moved = judgments.pairs.filter(({ old, now }) => assessmentMoved(old, now));
  return {
    since: earlier.date,
    newEvents: events.added.map((e) => e.path),
    movedJudgments: moved.map(({ old, now }) => ({
      path: now.path,
      was: { likelihood: old.likelihood, confidence: old.confidence },
    })),
    newJudgments: judgments.added.map((j) => j.path),
    droppedJudgments: judgments.dropped.map(({ statement, likelihood, confidence, path }) => ({
      statement,
      likelihood,
      confidence,
      path,
    })),
    newSources: newSources(earlier, now),
    ambiguous: [...ambiguities("event", events), ...ambiguities("judgment", judgments)],
  };
}

function eventItem(event: NormalEvent): Matchable {
  // The date as it is written matters, not only its day: "2024-06" refined to "2024-06-19" is
  // a different wording, to be matched by an id.
  const { precision, year, month, day, hour, minute, second, offset } = event.date;
  const date = [precision, year, month, day, hour, minute, second ?? "", offset ?? ""].join(" ");
  return { path: event.path, id: event.id, key: `${date}\0${wordingKey(event.title)}` };
}

type JudgmentItem = Matchable & Assessment & { statement: InlineRun[] };

/** Every judgment of the brief, in every judgments section, with its path. */
function judgmentsOf(brief: NormalBrief): JudgmentItem[] {
  return (brief.sections ?? []).flatMap((section) =>
    section.type !== "judgments"
      ? []
      : section.items.map((item, j) => ({
          path: [...section.path, "items", j],
          id: item.id,
          key: wordingKey(plainText(item.statement)),
          statement: item.statement,
          likelihood: item.likelihood,
          confidence: item.confidence,
        })),
  );
}

function assessmentMoved(old: Assessment, now: Assessment): boolean {
  const likelihood = (a: Assessment) =>
    a.likelihood === undefined ? "" : wordingKey(a.likelihood);
  return likelihood(old) !== likelihood(now) || old.confidence !== now.confidence;
}

/** Sources of this brief that the earlier one had under none of its id, link or title. */
function newSources(earlier: NormalBrief, now: NormalBrief): BriefPath[] {
  const old = earlier.sources ?? [];
  const known = new Set([
    ...old.map((s) => `id\0${s.id}`),
    ...old.flatMap((s) => (s.url ? [`url\0${s.url}`] : [])),
    ...old.map((s) => `title\0${wordingKey(s.title)}`),
  ]);
  return (now.sources ?? [])
    .filter(
      (s) =>
        !known.has(`id\0${s.id}`) &&
        !(s.url && known.has(`url\0${s.url}`)) &&
        !known.has(`title\0${wordingKey(s.title)}`),
    )
    .map((s) => s.path);
}

function ambiguities<T extends Matchable>(
  what: "event" | "judgment",
  matching: Matching<T>,
): BriefChanges["ambiguous"] {
  return matching.ambiguous.map(({ now, candidates, rivals, matched }) => ({
    what,
    path: now.path,
    candidates: candidates.map((c) => c.path),
    rivals: rivals.map((r) => r.path),
    matched: matched?.path,
  }));
}
