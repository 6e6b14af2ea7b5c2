import type { LabelOverrides, Labels, PluralText } from "./labels.js";
import { ar } from "./languages/ar.js";
import { de } from "./languages/de.js";
import { en } from "./languages/en.js";
import { es } from "./languages/es.js";
import { fr } from "./languages/fr.js";
import { he } from "./languages/he.js";
import { hi } from "./languages/hi.js";
import { ja } from "./languages/ja.js";
import { ko } from "./languages/ko.js";
import { ru } from "./languages/ru.js";
import { th } from "./languages/th.js";
import { zhHans } from "./languages/zh-hans.js";
import { zhHant } from "./languages/zh-hant.js";

/** The catalogue: each language the tool writes its own words in, by its BCP 47 tag. */
export const catalogue: Readonly<Record<string, Labels>> = {
  en,
  ko,
  ja,
  "zh-Hans": zhHans,
  "zh-Hant": zhHant,
  ru,
  de,
  fr,
  es,
  ar,
  he,
  hi,
  th,
};

// Regions that write Chinese in traditional characters when the tag names no script.
const traditionalRegions = new Set(["TW", "HK", "MO"]);

/**
 * The catalogue's language for a BCP 47 tag, matched as people write tags: `ko-KR` is `ko`,
 * `zh-TW` and `zh-Hant-HK` are `zh-Hant`, `zh` and `zh-CN` are `zh-Hans`; `iw` is `he`.
 * Undefined when the catalogue has no such language.
 */
export function catalogueLanguage(tag: string): string | undefined {
  const [first = "", ...rest] = tag.split(/[-_]/);
  const language = first.toLowerCase() === "iw" ? "he" : first.toLowerCase();
  if (language !== "zh") return Object.hasOwn(catalogue, language) ? language : undefined;
  const script = rest.find((s) => s.length === 4)?.toLowerCase();
  if (script === "hant") return "zh-Hant";
  if (script === "hans") return "zh-Hans";
  return rest.some((s) => traditionalRegions.has(s.toUpperCase())) ? "zh-Hant" : "zh-Hans";
}

/**
 * The words a deck in `language` is written with: the catalogue's (English for a language it
 * lacks), under the config file's labels, under the brief's own.
 */
export function labelsFor(language: string, ...overrides: (LabelOverrides | undefined)[]): Labels {
  const base = catalogue[catalogueLanguage(language) ?? "en"] as Labels;
  const labels = { ...base };
  for (const layer of overrides) {
    for (const [key, value] of Object.entries(layer ?? {})) {
      if (value !== undefined) (labels as Record<string, unknown>)[key] = value;
    }
  }
  return labels;
}

// Scripts and languages written right to left.
const rtlScripts = new Set(["arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"]);
const rtlLanguages = new Set(["ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"]);

/** "rtl" for a language written right to left (Arabic, Hebrew, Persian, Urdu, …), else "ltr". */
export function direction(tag: string): "ltr" | "rtl" {
  const [first = "", ...rest] = tag.toLowerCase().split(/[-_]/);
  const script = rest.find((s) => s.length === 4);
  if (script) return rtlScripts.has(script) ? "rtl" : "ltr";
  return rtlLanguages.has(first) ? "rtl" : "ltr";
}

// The scripts with capitals: Latin, Cyrillic, Greek and Armenian. Only they are set in capitals
// spaced apart; the rest (Devanagari and the other Indic scripts, Thai, Lao, Khmer, Myanmar,
// Tibetan, Hangul, Han, kana, Arabic, Hebrew…) have no capitals to space, and spaced out their
// letters come apart: the line along Devanagari's top breaks, Thai's vowels and tone marks lose
// their letters, Arabic's joins break, Hangul and Han read as letters apart.
const casedScripts = new Set(["Latn", "Cyrl", "Grek", "Armn"]);

/**
 * Whether `tag`'s language is written in a script with capitals, by its script subtag or the
 * one CLDR gives the language (hi: Deva, th: Thai, sr: Cyrl). A language CLDR does not know is
 * taken to have none: tracking left off costs an all-caps label a little air, where tracking
 * put on a script without capitals takes its words apart.
 */
export function hasCapitals(tag: string): boolean {
  try {
    return casedScripts.has(new Intl.Locale(tag).maximize().script ?? "");
  } catch {
    return false;
  }
}

/** A count in words: "1 event", "5 событий", by the language's plural rules. */
export function countText(words: PluralText | string, count: number, language: string): string {
  const forms = typeof words === "string" ? { other: words } : words;
  const category = Object.keys(forms).length > 1 ? pluralRules(language).select(count) : "other";
  const pattern = forms[category] ?? forms.other;
  return pattern.replaceAll("{count}", String(count));
}

const rules = new Map<string, Intl.PluralRules>();

function pluralRules(language: string): Intl.PluralRules {
  let found = rules.get(language);
  if (!found) {
    found = new Intl.PluralRules(language);
    rules.set(language, found);
  }
  return found;
}
