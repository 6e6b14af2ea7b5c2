// Limits that stop hostile or broken files before the YAML parser spends seconds on them. A real
// brief is far inside each: the 1,000-event test brief is about 100 KB and four levels deep.

/** The largest brief read, in bytes. */
export const maxBytes = 1024 * 1024;

export const tooLarge = `the file is larger than ${maxBytes / 1024 / 1024} MB, too large for a brief`;

const maxFlowDepth = 64;
const maxIndent = 256;

/**
 * Why `text` is refused before parsing, or undefined. Looks at nesting of [ ] and { } outside
 * quotes, and at how far lines are indented (block nesting, "- - - …" included).
 */
export function refuseBeforeParsing(text: string): { message: string; offset: number } | undefined {
  if (Buffer.byteLength(text, "utf8") > maxBytes) {
    return { message: tooLarge, offset: 0 };
  }
  let depth = 0;
  let quote: string | undefined;
  let indent = 0;
  let inIndent = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") {
      indent = 0;
      inIndent = true;
      continue;
    }
    if (inIndent) {
      // A "-" nests only as a list item's "- "; a line of dashes in a text is text.
      const item = ch === "-" && /[ \t\n]/.test(text[i + 1] ?? "\n");
      if (ch === " " || ch === "\t" || item) {
        indent++;
        if (indent > maxIndent) {
          const message = `indented more than ${maxIndent} columns: no brief is nested this deep`;
          return { message, offset: i };
        }
        continue;
      }
      inIndent = false;
    }
    if (quote) {
      if (ch === "\\" && quote === '"') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "#" && (i === 0 || /\s/.test(text[i - 1] as string))) {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end - 1;
    } else if (ch === "[" || ch === "{") {
      depth++;
      if (depth > maxFlowDepth) {
        const message = `[ and { nested more than ${maxFlowDepth} deep: no brief needs this; is a closing bracket missing?`;
        return { message, offset: i };
      }
    } else if ((ch === "]" || ch === "}") && depth > 0) depth--;
  }
  return undefined;
}
