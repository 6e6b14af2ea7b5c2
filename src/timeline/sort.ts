import { type PartialDate, startOf } from "./date.js";

/**
 * Sorts items by date, earliest first; items with equal start times keep their order in the
 * file. Returns a new array.
 */
export function sortByDate<T>(items: readonly T[], dateOf: (item: T) => PartialDate): T[] {
  return items
    .map((item, index) => ({ item, index, key: startOf(dateOf(item)) }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map((entry) => entry.item);
}
