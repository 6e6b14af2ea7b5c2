import type { ClassificationLevel } from "./deck.js";

// The banner colour of a classification, read from its wording in the languages the desks brief
// in. Each level's words, highest first: a marking names its level once, and a higher one may
// contain a lower one's word ("1급비밀" holds "비밀", "совершенно секретно" holds "секретно").
const levels: [ClassificationLevel, RegExp][] = [
  // 1급비밀; 特定秘密, 極秘; 绝密; совершенно секретно, особой важности.
  [
    "top-secret",
    /\bTOP SECRET\b|1급\s*비밀|特定秘密|極秘|绝密|絕密|СОВЕРШЕННО СЕКРЕТНО|ОСОБОЙ ВАЖНОСТИ/u,
  ],
  // несекретно; 평문 (plain text), 일반 (general).
  ["unclassified", /\bUNCLASSIFIED\b|НЕСЕКРЕТНО|^평문$|^일반$/u],
  // 2급비밀, 비밀; 秘 (alone or with a mark); 机密; секретно.
  ["secret", /\bSECRET\b|2급\s*비밀|^비밀$|^秘$|機密|机密|СЕКРЕТНО/u],
  // 3급비밀; 秘密 (the PRC's lowest grade).
  ["confidential", /\bCONFIDENTIAL\b|3급\s*비밀|^秘密$/u],
  // 대외비 (not for outside), 部外秘, 取扱注意, 内部, ДСП (for official use).
  [
    "restricted",
    /\b(RESTRICTED|OFFICIAL|SENSITIVE|CUI|FOUO)\b|대외비|部外秘|取扱注意|内部|內部|ДСП|ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ/u,
  ],
];

/** The banner colour for a classification, read from its wording ("SECRET//NOFORN" → secret). */
export function classificationLevel(text: string): ClassificationLevel {
  const t = text.trim().toUpperCase();
  return levels.find(([, words]) => words.test(t))?.[0] ?? "other";
}
