/** A string in the brief and the path to it, e.g. ["sections", 1, "items", 3]. */
interface Leaf {
  path: (string | number)[];
  text: string;
}

/** Every string in `data`, in the order the brief writes them. */
function leaves(data: unknown, path: (string | number)[] = []): Leaf[] {
  if (typeof data === "string") return [{ path, text: data }];
  if (Array.isArray(data)) return data.flatMap((item, i) => leaves(item, [...path, i]));
  if (data && typeof data === "object") {
    return Object.entries(data).flatMap(([key, value]) => leaves(value, [...path, key]));
  }
  return [];
}

function at(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const key of path) value = (value as Record<string | number, unknown> | undefined)?.[key];
  return value;
}

/**
 * Where in the brief a text drawn on a slide comes from: the string under the slide's own path
 * (`from`) that holds it, or else any string of the brief that does (the footer shows the
 * title on every slide). A drawn text is a field's text without its markup ("*x*" draws "x"),
 * or several short fields joined (a source's ". Publisher, 19 June 2024."); the longest
 * string that either holds or is held by the text wins. Undefined when none does.
 */
export function textSource(
  brief: unknown,
  from: readonly (string | number)[],
  drawn: string,
): (string | number)[] | undefined {
  const text = drawn.trim();
  if (text.length < 2) return undefined;
  const matches = (leaf: Leaf) =>
    leaf.text.includes(text) || (leaf.text.length >= 4 && text.includes(leaf.text.trim()));
  for (const scope of [from, []]) {
    const found = leaves(at(brief, scope), [...scope]).filter(matches);
    const best = found.sort((a, b) => b.text.length - a.text.length)[0];
    if (best) return best.path;
  }
  return undefined;
}

/** Where in the brief a character is first written, under the slide's own path if it is there. */
export function charSource(
  brief: unknown,
  from: readonly (string | number)[],
  text: string,
  char: string,
): (string | number)[] | undefined {
  const inText = textSource(brief, from, text);
  if (inText && String(at(brief, inText)).includes(char)) return inText;
  for (const scope of [from, []]) {
    const found = leaves(at(brief, scope), [...scope]).find((leaf) => leaf.text.includes(char));
    if (found) return found.path;
  }
  return undefined;
}
