import type { ClassificationLevel, MarkingFamily } from "./deck.js";

// The family and level of a marking, read from its wording in the languages the desks brief in.
// Each level's words, highest first: a marking names its level once, and a higher one may
// contain a lower one's word ("1급비밀" holds "비밀", "совершенно секретно" holds "секретно",
// "CONTROLLED UNCLASSIFIED" holds "UNCLASSIFIED").
const levels: [ClassificationLevel, RegExp][] = [
  // 1급비밀; 特定秘密, 極秘; 绝密; совершенно секретно, особой важности.
  [
    "top-secret",
    /\bTOP SECRET\b|1급\s*비밀|特定秘密|極秘|绝密|絕密|СОВЕРШЕННО СЕКРЕТНО|ОСОБОЙ ВАЖНОСТИ/u,
  ],
  ["cui", /\bCUI\b|\bCONTROLLED UNCLASSIFIED\b/u],
  // несекретно; 평문 (plain text), 일반 (general).
  ["unclassified", /\bUNCLASSIFIED\b|НЕСЕКРЕТНО|^평문$|^일반$/u],
  // 2급비밀, 비밀; 秘 (alone or with a mark); 机密; секретно.
  ["secret", /\bSECRET\b|2급\s*비밀|^비밀$|^秘$|機密|机密|СЕКРЕТНО/u],
  // 3급비밀; 秘密 (the PRC's lowest grade).
  ["confidential", /\bCONFIDENTIAL\b|3급\s*비밀|^秘密$/u],
  // 대외비 (not for outside), 部外秘, 取扱注意, 内部, ДСП (for official use).
  [
    "restricted",
    /\b(RESTRICTED|SENSITIVE|FOUO|FOR OFFICIAL USE)\b|대외비|部外秘|取扱注意|内部|內部|ДСП|ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ/u,
  ],
];

// The US's words; the same level in another language's words keeps its colour but is a
// national marking, and in other English words (RESTRICTED) is another family's.
const usWords =
  /\b(TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|CUI|FOUO|FOR OFFICIAL USE)\b|CONTROLLED UNCLASSIFIED/u;
const latin = /^[\p{Script=Latin}\P{L}]*$/u;

// SCI is marked by its control systems after TOP SECRET: SI, TK, HCS or SCI itself.
const sci = /^TOP SECRET\s*\/\/.*\b(SCI|SI|TK|HCS)\b/u;

// TLP 2.0's labels, and 1.0's WHITE, which 2.0 renamed CLEAR.
const tlpLabel = /\bTLP\s*:\s*(CLEAR|WHITE|GREEN|AMBER\s*\+\s*STRICT|AMBER|RED)\b/u;
const tlpLevels: Record<string, ClassificationLevel> = {
  CLEAR: "tlp-clear",
  WHITE: "tlp-clear",
  GREEN: "tlp-green",
  AMBER: "tlp-amber",
  "AMBER+STRICT": "tlp-amber-strict",
  RED: "tlp-red",
};

// The UK's Government Security Classifications: OFFICIAL and its SENSITIVE caveat, and SECRET
// and TOP SECRET where the marking says it is the UK's (plain SECRET is read as the US's).
const ukOfficial = /\bOFFICIAL(?:[\s-]+(SENSITIVE))?\b/u;
const ukOwn = /\bUK\b/u;
// The US's FOR OFFICIAL USE ONLY (FOUO) is no UK marking.
const forOfficialUse = /\bFOR OFFICIAL USE\b/u;

/** What a classification marking is: its family, its level, and the text its banner shows. */
export interface ReadMarking {
  family: MarkingFamily;
  level: ClassificationLevel;
  /** As written, with a TLP label in its one spelling ("tlp: amber" → "TLP:AMBER"). */
  text: string;
  /** It holds a TLP label, which FIRST asks to be set at 12 pt or more. */
  tlp: boolean;
}

/** Reads a marking's family and level from its wording ("SECRET//NOFORN" → US, secret). */
export function readMarking(written: string): ReadMarking {
  const t = written.trim().toUpperCase().replace(/\s+/gu, " ");
  const label = tlpLabel.exec(t);
  const text = label ? written.trim().replace(new RegExp(tlpLabel.source, "iu"), tlpText) : written;
  const tlp = label !== null;
  const official = forOfficialUse.test(t) ? null : ukOfficial.exec(t);
  if (official) {
    return { family: "uk", level: official[1] ? "official-sensitive" : "official", text, tlp };
  }
  const level = levels.find(([, words]) => words.test(t))?.[0];
  if (level && ukOwn.test(t) && (level === "secret" || level === "top-secret")) {
    return { family: "uk", level: `uk-${level}`, text, tlp };
  }
  if (level === "top-secret" && sci.test(t)) {
    return { family: "us", level: "top-secret-sci", text, tlp };
  }
  if (level) {
    const family = usWords.test(t) ? "us" : latin.test(t) ? "other" : "national";
    return { family, level, text, tlp };
  }
  if (label)
    return { family: "tlp", level: tlpLevels[tlpName(label[1] as string)] ?? "other", text, tlp };
  return { family: "other", level: "other", text, tlp };
}

/** The level of a classification, from its wording ("SECRET//NOFORN" → secret). */
export function classificationLevel(text: string): ClassificationLevel {
  return readMarking(text).level;
}

/** The marking each level is known by: a config file's `markings` names a level by it. */
export const levelNames: Record<Exclude<ClassificationLevel, "other">, string> = {
  unclassified: "UNCLASSIFIED",
  cui: "CUI",
  restricted: "RESTRICTED",
  confidential: "CONFIDENTIAL",
  secret: "SECRET",
  "top-secret": "TOP SECRET",
  "top-secret-sci": "TOP SECRET//SCI",
  "tlp-clear": "TLP:CLEAR",
  "tlp-green": "TLP:GREEN",
  "tlp-amber": "TLP:AMBER",
  "tlp-amber-strict": "TLP:AMBER+STRICT",
  "tlp-red": "TLP:RED",
  official: "OFFICIAL",
  "official-sensitive": "OFFICIAL-SENSITIVE",
  "uk-secret": "UK SECRET",
  "uk-top-secret": "UK TOP SECRET",
};

function tlpName(colour: string): string {
  return colour.toUpperCase().replace(/\s+/gu, "");
}

function tlpText(_match: string, colour: string): string {
  return `TLP:${tlpName(colour)}`;
}
