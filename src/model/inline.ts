/** A run of text in a detail line: plain, bold, italic, or a link. */
export interface InlineRun {
  text: string;
  strong?: true;
  em?: true;
  href?: string;
}

/**
 * Reads the little markup a detail may carry: **bold**, *italic* and [text](url). Anything else,
 * HTML included, stays literal text; a backslash makes the next markup character literal.
 */
export function parseInline(source: string): InlineRun[] {
  const runs: InlineRun[] = [];
  let plain = "";
  const flush = () => {
    if (plain) runs.push({ text: plain });
    plain = "";
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === "\\" && i + 1 < source.length && "*[]()\\".includes(source[i + 1] as string)) {
      plain += source[i + 1];
      i += 2;
      continue;
    }
    if (source.startsWith("**", i)) {
      const close = source.indexOf("**", i + 2);
      if (close > i + 2) {
        flush();
        runs.push({ text: source.slice(i + 2, close), strong: true });
        i = close + 2;
        continue;
      }
    } else if (ch === "*") {
      const close = source.indexOf("*", i + 1);
      if (close > i + 1 && source[i + 1] !== " ") {
        flush();
        runs.push({ text: source.slice(i + 1, close), em: true });
        i = close + 1;
        continue;
      }
    } else if (ch === "[") {
      const middle = source.indexOf("](", i + 1);
      const close = middle < 0 ? -1 : closingParen(source, middle + 2);
      if (middle > i + 1 && close > middle + 2 && !source.slice(i + 1, middle).includes("[")) {
        flush();
        runs.push({
          text: source.slice(i + 1, middle),
          href: source.slice(middle + 2, close).trim(),
        });
        i = close + 1;
        continue;
      }
    }
    plain += ch;
    i++;
  }
  flush();
  return runs;
}

/** The index of the ")" that closes a link's URL, allowing balanced parentheses inside it. */
function closingParen(source: string, from: number): number {
  let depth = 0;
  for (let i = from; i < source.length; i++) {
    if (source[i] === "(") depth++;
    else if (source[i] === ")") {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
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
