/** A piece of a label filled in: the label's own words, or a value put into it (`slot`). */
export interface Piece {
  text: string;
  /** The placeholder this piece fills, e.g. "date"; absent for the label's own words. */
  slot?: string;
}

/**
 * A label with its `{name}` placeholders filled in, as pieces: the templates isolate each
 * value (`<bdi>`), so that an Arabic label around a Latin title, or a date next to a number,
 * keeps its order. A placeholder with no value is left as written.
 */
export function fill(pattern: string, values: Readonly<Record<string, string>>): Piece[] {
  const pieces: Piece[] = [];
  let rest = 0;
  for (const match of pattern.matchAll(/\{(\w+)\}/g)) {
    const value = values[match[1] as string];
    if (value === undefined) continue;
    if (match.index > rest) pieces.push({ text: pattern.slice(rest, match.index) });
    pieces.push({ text: value, slot: match[1] });
    rest = match.index + match[0].length;
  }
  if (rest < pattern.length) pieces.push({ text: pattern.slice(rest) });
  return pieces;
}

/** The label filled in, as one string: for bookmarks, titles and dates. */
export function fillText(pattern: string, values: Readonly<Record<string, string>>): string {
  return fill(pattern, values)
    .map((piece) => piece.text)
    .join("");
}

/**
 * Like `fill`, for a label with optional parts: "{title}[. {publisher}][, {date}]." leaves out
 * ". {publisher}" when there is no publisher, so each language places its own marks around
 * only the values a source has.
 */
export function fillOptional(
  pattern: string,
  values: Readonly<Record<string, string | undefined>>,
): Piece[] {
  const given = Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const kept = pattern.replace(/\[([^[\]]*)\]/g, (part, inner: string) => {
    const names = [...inner.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
    if (names.length === 0) return part;
    return names.every((name) => given[name] !== undefined) ? inner : "";
  });
  return fill(kept, given);
}
