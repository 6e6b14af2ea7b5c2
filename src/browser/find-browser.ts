import { accessSync, constants, existsSync } from "node:fs";
import path from "node:path";
import { BriefingError } from "../errors.js";

/** Where a browser was found, and which rule found it (for messages). */
export interface FoundBrowser {
  executablePath: string;
  from: string;
}

const systemNames = [
  "chromium",
  "chromium-browser",
  "google-chrome",
  "google-chrome-stable",
  "chrome",
  "microsoft-edge",
];

const systemPaths = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
  "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
];

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, envPath: string): string | undefined {
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    if (executable(file)) return file;
  }
  return undefined;
}

/**
 * Finds Chrome or Chromium: `--browser`, then BRIEFING_BROWSER, PUPPETEER_EXECUTABLE_PATH,
 * CHROME_PATH, a browser Puppeteer installed itself, then the usual names and places.
 */
export async function findBrowser(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<FoundBrowser> {
  const named: [string, string | undefined][] = [
    ["--browser", flag],
    ["BRIEFING_BROWSER", env.BRIEFING_BROWSER],
    ["PUPPETEER_EXECUTABLE_PATH", env.PUPPETEER_EXECUTABLE_PATH],
    ["CHROME_PATH", env.CHROME_PATH],
  ];
  for (const [from, value] of named) {
    if (!value) continue;
    if (!executable(value)) {
      throw new BriefingError(
        "environment",
        `${from} names ${value}, but no browser can be run there`,
      );
    }
    return { executablePath: value, from };
  }
  const own = await puppeteerBrowser();
  if (own) return { executablePath: own, from: "Puppeteer's own download" };
  for (const name of systemNames) {
    const found = onPath(name, env.PATH ?? "");
    if (found) return { executablePath: found, from: "PATH" };
  }
  for (const file of systemPaths) {
    if (existsSync(file) && executable(file)) return { executablePath: file, from: "system" };
  }
  throw new BriefingError(
    "environment",
    [
      "no Chrome or Chromium found to print the PDF.",
      "  Install one (Debian/Ubuntu: sudo apt-get install chromium; macOS: install Google Chrome),",
      "  or point to it with --browser PATH or BRIEFING_BROWSER=PATH,",
      "  or build the HTML alone with --no-pdf.",
    ].join("\n"),
  );
}

async function puppeteerBrowser(): Promise<string | undefined> {
  try {
    const { default: puppeteer } = await import("puppeteer");
    const file = puppeteer.executablePath();
    return file && existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}
