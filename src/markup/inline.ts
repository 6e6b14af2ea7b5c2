/** A piece of text with inline markup: plain text, or bold, italic or a link around more runs. */
export type InlineRun =
  | { text: string }
  | { strong: true; runs: InlineRun[] }
  | { em: true; runs: InlineRun[] }
  | { href: string; title?: string; runs: InlineRun[] };

// A backslash before one of these keeps it literal.
const escapable = "*[]()\\";

// Bold and italic nest at most this deep; deeper marks stay literal, so that no brief can make
// the templates recurse without end.
const maxDepth = 8;

/**
 * Reads the little markup a text field may carry: **bold**, *italic* and [text](url "title"),
 * nested in one another (a link inside bold, bold inside a link's text; links do not nest).
 * Anything else, HTML included, stays literal text, and so does a mark that is not closed. A
 * mark opens before a non-space and closes after one, so "2 * 3 * 4" is plain, and a closing
 * mark closes the nearest open one, as in CommonMark. A backslash keeps the next `*[]()\`
 * literal. Takes time linear in the text's length, whatever the text. Pure.
 */
export function parseInline(source: string): InlineRun[] {
  return parseRange(source, 0, source.length, matchingParens(source));
}

/** An open bold or italic: its stars not yet closed, and what it holds so far. */
interface Frame {
  stars: number;
  runs: InlineRun[];
}

function parseRange(source: string, from: number, to: number, closeOf: Int32Array): InlineRun[] {
  const root: Frame = { stars: 0, runs: [] };
  const open: Frame[] = [root];
  const top = () => open[open.length - 1] as Frame;
  let plainFrom = from;
  const flush = (upTo: number) => {
    if (upTo > plainFrom) addText(top().runs, source.slice(plainFrom, upTo));
  };
  let i = from;
  while (i < to) {
    const ch = source[i] as string;
    if (isEscape(source, i, to)) {
      flush(i);
      addText(top().runs, source[i + 1] as string);
      i += 2;
      plainFrom = i;
      continue;
    }
    const link = ch === "[" ? linkAt(source, i, to, closeOf) : undefined;
    if (link) {
      flush(i);
      top().runs.push(link.run);
      i = link.end;
      plainFrom = i;
      continue;
    }
    if (ch !== "*") {
      i++;
      continue;
    }
    flush(i);
    let end = i;
    while (end < to && source[end] === "*") end++;
    let stars = end - i;
    const canOpen = end < to && !/\s/.test(source[end] as string);
    const canClose = i > from && !/\s/.test(source[i - 1] as string);
    while (canClose && stars > 0 && open.length > 1) {
      const frame = top();
      const width = stars >= 2 && frame.stars >= 2 ? 2 : 1;
      const run: InlineRun =
        width === 2 ? { strong: true, runs: frame.runs } : { em: true, runs: frame.runs };
      stars -= width;
      frame.stars -= width;
      if (frame.stars > 0) frame.runs = [run];
      else {
        open.pop();
        top().runs.push(run);
      }
    }
    if (stars > 0) {
      if (canOpen && open.length <= maxDepth) open.push({ stars, runs: [] });
      else addText(top().runs, "*".repeat(stars));
    }
    i = end;
    plainFrom = i;
  }
  flush(to);
  // What was never closed is literal: its stars, then what it held.
  for (const frame of open.slice(1)) {
    addText(root.runs, "*".repeat(frame.stars));
    for (const run of frame.runs) addRun(root.runs, run);
  }
  return root.runs;
}

function addText(runs: InlineRun[], text: string): void {
  const last = runs[runs.length - 1];
  if (last && "text" in last) last.text += text;
  else runs.push({ text });
}

function addRun(runs: InlineRun[], run: InlineRun): void {
  if ("text" in run) addText(runs, run.text);
  else runs.push(run);
}

function isEscape(source: string, i: number, to: number): boolean {
  return source[i] === "\\" && i + 1 < to && escapable.includes(source[i + 1] as string);
}

/** The link `[text](url)` or `[text](url "title")` that starts at `i`, if there is one. */
function linkAt(
  source: string,
  i: number,
  to: number,
  closeOf: Int32Array,
): { run: InlineRun; end: number } | undefined {
  // The text runs to the first "]" and holds no "[": each "[" looks no further than the next.
  let middle = i + 1;
  while (middle < to && source[middle] !== "]") {
    if (source[middle] === "[") return undefined;
    middle += isEscape(source, middle, to) ? 2 : 1;
  }
  if (middle === i + 1 || source[middle + 1] !== "(") return undefined;
  const close = closeOf[middle + 1] as number;
  if (close < 0 || close >= to) return undefined;
  const target = source.slice(middle + 2, close).trim();
  if (!target) return undefined;
  const titled = /^(\S+)\s+(?:"([^"]*)"|'([^']*)')$/s.exec(target);
  const href = titled ? (titled[1] as string) : target;
  const title = titled ? (titled[2] ?? titled[3]) : undefined;
  const runs = parseRange(source, i + 1, middle, closeOf);
  return { run: title ? { href, title, runs } : { href, runs }, end: close + 1 };
}

/**
 * For each "(", the index of the ")" that closes it, so that a URL may hold balanced
 * parentheses; -1 when none does. One pass, so no text makes finding links slow.
 */
function matchingParens(source: string): Int32Array {
  const closeOf = new Int32Array(source.length).fill(-1);
  const opened: number[] = [];
  for (let i = 0; i < source.length; i++) {
    if (source[i] === "(") opened.push(i);
    else if (source[i] === ")") {
      const start = opened.pop();
      if (start !== undefined) closeOf[start] = i;
    }
  }
  return closeOf;
}

/** The text of runs as read aloud: no marks, no URLs. For bookmarks, alt text and measuring. */
export function plainText(runs: readonly InlineRun[]): string {
  return runs.map((run) => ("text" in run ? run.text : plainText(run.runs))).join("");
}

/** Every link target in runs, however deeply nested, in reading order. */
export function linksIn(runs: readonly InlineRun[]): string[] {
  return runs.flatMap((run) => {
    if ("text" in run) return [];
    return "href" in run ? [run.href, ...linksIn(run.runs)] : linksIn(run.runs);
  });
}

const allowedSchemes = new Set(["http:", "https:", "mailto:"]);

/** The link as the page will use it, or undefined unless it is an http, https or mailto URL. */
export function safeUrl(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  return allowedSchemes.has(url.protocol) ? url.href : undefined;
}

type WithRuns<V> = V extends string ? InlineRun[] : V extends readonly string[] ? InlineRun[][] : V;

/** `T` with the fields `K` (text or lists of text) read as inline markup. */
export type Marked<T, K extends PropertyKey> = {
  [P in keyof T]: P extends K ? WithRuns<T[P]> : T[P];
};

/** A copy of `value` with the fields named in `keys` read as inline markup. Pure. */
export function withMarkup<T extends object, K extends keyof T>(
  value: T,
  keys: readonly K[],
): Marked<T, K> {
  const copy = { ...value } as Record<PropertyKey, unknown>;
  for (const key of keys) {
    const field = value[key];
    if (typeof field === "string") copy[key] = safeLinks(parseInline(field));
    else if (Array.isArray(field)) {
      copy[key] = field.map((item: string) => safeLinks(parseInline(item)));
    }
  }
  return copy as Marked<T, K>;
}

/**
 * Runs whose links are all ones a page may follow: a link to anything else (`javascript:`) keeps
 * its text and loses its target. Validation refuses such a brief first; this holds for a
 * library caller who models a brief it never validated.
 */
export function safeLinks(runs: readonly InlineRun[]): InlineRun[] {
  return runs.flatMap((run): InlineRun[] => {
    if ("text" in run) return [run];
    const inner = safeLinks(run.runs);
    if (!("href" in run)) return [{ ...run, runs: inner }];
    return safeUrl(run.href) === undefined ? inner : [{ ...run, runs: inner }];
  });
}
