import { writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Writes a brief with `events` events that each get a slide of their own, cycling through five
 * sources, and returns its path. With the overview pages, the deck has about 1.1 × `events` slides.
 */
export async function writeBigBrief(folder: string, events: number): Promise<string> {
  const lines = [
    "title: A brief too long for any meeting",
    "date: 2024-06-19",
    "classification: UNCLASSIFIED",
    "summary:",
    `  - ${events} events, each on a slide of its own.`,
    "timeline:",
    "  events:",
  ];
  for (let i = 0; i < events; i++) {
    const year = 1800 + Math.floor(i / 12);
    const month = String((i % 12) + 1).padStart(2, "0");
    lines.push(
      `    - date: ${year}-${month}`,
      `      title: Event number ${i + 1}`,
      `      detail: Something happened in month ${month} of ${year}.`,
      `      sources: [s${(i % 5) + 1}]`,
    );
  }
  lines.push("sources:");
  for (let i = 1; i <= 5; i++) {
    lines.push(`  - id: s${i}`, `    title: Source ${i}`, `    url: https://example.org/${i}`);
  }
  const file = path.join(folder, "big.yaml");
  await writeFile(file, `${lines.join("\n")}\n`);
  return file;
}
