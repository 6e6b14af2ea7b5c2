import type { BriefPath } from "../normalize/normal-brief.js";

/** An item of either brief as matching sees it. */
export interface Matchable {
  path: BriefPath;
  id?: string;
  /** Its wording, for items without an id on both sides: date and title, or statement. */
  key: string;
}

/** How the items of two versions of a list pair up. */
export interface Matching<T extends Matchable> {
  pairs: { old: T; now: T }[];
  added: T[];
  dropped: T[];
  /** Items that matched by wording with more than one item on one side or the other. */
  ambiguous: { now: T; candidates: T[]; rivals: T[]; matched?: T }[];
}

/**
 * Pairs items by id, then the rest by wording, in the order they are written. Two items that
 * both carry ids are the same only when their ids are; an id on one side alone falls back to
 * the wording, so that ids can be added to a brief without every item counting as new.
 */
export function matchItems<T extends Matchable>(old: readonly T[], now: readonly T[]): Matching<T> {
  const pairs: { old: T; now: T }[] = [];
  const oldById = new Map(old.filter((o) => o.id !== undefined).map((o) => [o.id, o]));
  const paired = new Set<T>();
  for (const item of now) {
    const match = item.id === undefined ? undefined : oldById.get(item.id);
    if (match) {
      pairs.push({ old: match, now: item });
      paired.add(match).add(item);
    }
  }
  const oldLeft = old.filter((o) => !paired.has(o));
  const nowLeft = now.filter((n) => !paired.has(n));
  const ambiguous: Matching<T>["ambiguous"] = [];
  for (const [key, group] of groupBy(nowLeft)) {
    const candidates = oldLeft.filter((o) => o.key === key && group.some((n) => byWording(o, n)));
    group.forEach((item, i) => {
      const match = candidates.find((o) => !paired.has(o) && byWording(o, item));
      if (match) {
        pairs.push({ old: match, now: item });
        paired.add(match).add(item);
      }
      if (candidates.length > 0 && (candidates.length > 1 || group.length > 1)) {
        const rivals = group.filter((_, j) => j !== i);
        ambiguous.push({ now: item, candidates, rivals, matched: match });
      }
    });
  }
  return {
    pairs,
    added: now.filter((n) => !paired.has(n)),
    dropped: old.filter((o) => !paired.has(o)),
    ambiguous,
  };
}

/** Two items may be the same by their wording unless both have ids (which then differ). */
function byWording(a: Matchable, b: Matchable): boolean {
  return a.id === undefined || b.id === undefined;
}

function groupBy<T extends Matchable>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.key, [...(groups.get(item.key) ?? []), item]);
  return groups;
}

/** Wording as matching compares it: Unicode-normalized, spaces collapsed, any case. */
export function wordingKey(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim().toLowerCase();
}
