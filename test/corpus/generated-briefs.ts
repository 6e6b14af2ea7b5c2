import { writeFile } from "node:fs/promises";
import path from "node:path";

// Two briefs of the corpus are too long to keep as files: they are written at test time, the
// way an analyst's export script would write them, with deterministic content.

const pad = (n: number) => String(n).padStart(2, "0");
const areas = ["Yeonpyeong", "Baengnyeong", "Paju", "Cheorwon", "Goseong", "Ganghwa", "Gimpo"];
const kinds = [
  ["artillery", "Artillery fire into the buffer zone"],
  ["nll", "Patrol boat crosses the Northern Limit Line"],
  ["drone", "Small drone crosses the MDL"],
  ["balloon", "Leaflet or refuse balloons cross the border"],
  ["gps", "GPS jamming reported by ships and aircraft"],
  ["defector", "Soldier or civilian defects across the MDL"],
  ["mine", "Mine or construction work near the MDL"],
  ["loudspeaker", "Loudspeaker broadcasts resume or stop"],
] as const;

/**
 * A log of 2,000 incidents along the Korean DMZ and NLL, 1990–2024: every date precision, spans
 * and rough dates, and one incident in ten with a detail (so a slide of its own).
 */
export async function writeIncidentLog(folder: string, events = 2000): Promise<string> {
  const lines = [
    "# Every reported incident along the DMZ and the Northern Limit Line, 1990–2024, exported",
    "# from the desk's incident database.",
    "title: DMZ and NLL incident log, 1990–2024",
    "subtitle: 2,000 incidents from the desk's database",
    "date: 2024-12-31",
    "author: Korea desk, incidents database",
    "classification: UNCLASSIFIED",
    "language: en",
    "summary:",
    `  - ${events} incidents in 35 years; artillery and NLL crossings cluster around elections and exercises.`,
    "  - The 2018 Comprehensive Military Agreement brought the quietest two years on record; it was voided in November 2023.",
    "timeline:",
    "  title: Incidents",
    "  categories:",
  ];
  const colours = [
    "#a32020",
    "#1f4e8c",
    "#6b46c1",
    "#b7791f",
    "#2f855a",
    "#c05621",
    "#4a5568",
    "#975a16",
  ];
  kinds.forEach(([key, label], i) => {
    lines.push(
      `    ${key}: { label: "${label.split(" ").slice(0, 2).join(" ")}", color: "${colours[i]}" }`,
    );
  });
  lines.push("  events:");
  for (let i = 0; i < events; i++) {
    const day = Math.floor((i * 35 * 365) / events);
    const at = new Date(Date.UTC(1990, 0, 1) + day * 86_400_000);
    const ymd = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
    const [key, label] = kinds[i % kinds.length] as (typeof kinds)[number];
    const area = areas[i % areas.length] as string;
    const precision = i % 10;
    const date =
      precision === 3
        ? ymd.slice(0, 7)
        : precision === 7
          ? `${ymd}T${pad((i * 7) % 24)}:${pad((i * 13) % 60)}+09:00`
          : ymd;
    lines.push(`    - date: ${date}`);
    if (precision === 3) lines.push(`      approx: ${["early", "mid", "late"][i % 3]}`);
    if (i % 50 === 5) {
      const end = new Date(at.getTime() + (3 + (i % 17)) * 86_400_000).toISOString().slice(0, 10);
      lines.push(`      end: ${end}`);
    }
    lines.push(`      title: "${label} near ${area} (#${i + 1})"`, `      category: ${key}`);
    if (i % 10 === 0) {
      lines.push(
        `      detail: Incident ${i + 1} of the log, reported by the *Joint Chiefs of Staff*; **${area}** sector.`,
        `      sources: [jcs, ${i % 20 === 0 ? "yonhap" : "nknews"}]`,
      );
    }
  }
  lines.push(
    "sources:",
    "  - id: jcs",
    "    title: Press briefings of the Joint Chiefs of Staff",
    "    publisher: Republic of Korea Joint Chiefs of Staff",
    "    url: https://www.jcs.mil.kr/",
    "  - id: yonhap",
    "    title: North Korea news",
    "    publisher: Yonhap News Agency",
    "    url: https://en.yna.co.kr/nk/index",
    "  - id: nknews",
    "    title: Incident reports",
    "    publisher: NK News",
    "    url: https://www.nknews.org/",
  );
  const file = path.join(folder, "dmz incident log (2,000 events).yaml");
  await writeFile(file, `${lines.join("\n")}\n`);
  return file;
}

const outlets = [
  ["연합뉴스", "https://www.yna.co.kr/view/AKR"],
  ["KBS 뉴스", "https://news.kbs.co.kr/news/view.do?ncd="],
  ["조선일보", "https://www.chosun.com/politics/north_korea/"],
  ["NHK ニュース", "https://www3.nhk.or.jp/news/html/"],
  ["共同通信", "https://www.kyodo.co.jp/news/"],
  ["Reuters", "https://www.reuters.com/world/asia-pacific/"],
  ["NK News", "https://www.nknews.org/"],
  ["38 North", "https://www.38north.org/"],
] as const;
const missiles = [
  "화성-17형",
  "화성-18형",
  "KN-23",
  "KN-25",
  "순항미사일",
  "화성-19형",
  "北朝鮮弾道ミサイル",
];

/**
 * A Korean press review of North Korea's missile launches, 2022–2024, with 160 sources: each of
 * 40 launches cited by four outlets.
 */
export async function writePressReview(folder: string, launches = 40): Promise<string> {
  const lines = [
    "title: 북한 미사일 발사 언론 보도 모음",
    "subtitle: 2022–2024년 발사 40건, 출처 160건",
    "date: 2024-12-31",
    "author: 북한정보분석과",
    "classification: 대외비",
    "language: ko",
    "summary:",
    "  - 2022년 이후 북한은 ICBM 시험을 재개했고, 고체연료 *화성-18형*과 *화성-19형*을 처음 공개했다.",
    "  - 발사 한 건마다 한국·일본·영문 매체 네 곳의 보도를 출처로 붙였다.",
    "timeline:",
    "  title: 발사 일지",
    "  categories:",
    '    icbm: { label: ICBM, color: "#a32020" }',
    '    srbm: { label: 단거리, color: "#1f4e8c" }',
    '    cruise: { label: 순항미사일, color: "#2f855a" }',
    "  events:",
  ];
  const sources: string[] = [];
  for (let i = 0; i < launches; i++) {
    const at = new Date(Date.UTC(2022, 0, 5) + Math.floor((i * 1080) / launches) * 86_400_000);
    const ymd = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
    const missile = missiles[i % missiles.length] as string;
    const category = /화성/.test(missile) ? "icbm" : missile === "순항미사일" ? "cruise" : "srbm";
    const ids = [0, 1, 2, 3].map((k) => `r${i * 4 + k + 1}`);
    lines.push(
      `    - date: ${ymd}T${pad(5 + (i % 12))}:${pad((i * 17) % 60)}+09:00`,
      `      title: ${missile} 발사 (${i + 1}번째)`,
      `      detail: 합동참모본부 발표 기준 비행거리 약 **${300 + ((i * 137) % 900)}km**.`,
      `      category: ${category}`,
      `      sources: [${ids.join(", ")}]`,
    );
    ids.forEach((id, k) => {
      const [publisher, url] = outlets[(i + k) % outlets.length] as (typeof outlets)[number];
      sources.push(
        `  - id: ${id}`,
        `    title: "북한, ${missile} 발사 — ${publisher} 보도 (${ymd})"`,
        `    publisher: ${publisher}`,
        `    date: ${ymd}`,
        `    url: ${url}${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}${String(i * 4 + k).padStart(6, "0")}`,
      );
    });
  }
  lines.push("sources:", ...sources);
  const file = path.join(folder, "북한 미사일 보도 모음 (출처 160건).yaml");
  await writeFile(file, `${lines.join("\n")}\n`);
  return file;
}
