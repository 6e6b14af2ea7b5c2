import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { attachment, type MadeOutput } from "./outputs.js";
import { type PageContent, type PageTemplate, pagePolicy } from "./pages.js";
import { openContained, type ServedFile } from "./served-file.js";

// How the preview server answers: its refusals, its pages, the deck's files and the downloads.

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".svg": "image/svg+xml",
};

/** Refuses with a status and why; a refusal after the headers went out cuts the answer. */
export function fail(res: ServerResponse, status: number, why?: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const reason =
    why ??
    { 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed" }[status] ??
    "Internal Server Error";
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  res.end(`${status} ${reason}\n`);
}

export function redirect(res: ServerResponse, to: string): void {
  res.writeHead(302, { Location: to });
  res.end();
}

export function sendHtml(res: ServerResponse, html: string): void {
  res.writeHead(200, { "Content-Type": types[".html"] as string });
  res.end(html);
}

/** The preview's own page, under its own policy (a deck carries its policy in itself). */
export function sendPage(
  res: ServerResponse,
  page: PageTemplate,
  content: PageContent,
  policy = pagePolicy(),
): void {
  res.setHeader("Content-Security-Policy", policy);
  sendHtml(res, page(content));
}

/** An output made for download, named as `build` names it; unchanged bytes answer 304. */
export function sendOutput(req: IncomingMessage, res: ServerResponse, output: MadeOutput): void {
  const headers = { ETag: output.etag, "Content-Disposition": attachment(output.fileName) };
  if (req.headers["if-none-match"] === output.etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, {
    ...headers,
    "Content-Type": output.type,
    "Content-Length": output.bytes.byteLength,
  });
  res.end(req.method === "HEAD" ? undefined : output.bytes);
}

/** Sends a file only if it is still where it may be (see `openContained`); 404 if not. */
export async function sendFile(res: ServerResponse, served: ServedFile): Promise<void> {
  const opened = await openContained(served.file, served.within);
  if (!opened) return fail(res, 404);
  const { handle } = opened;
  const type = types[path.extname(served.file).toLowerCase()] ?? "application/octet-stream";
  try {
    res.writeHead(200, { "Content-Type": type, "Content-Length": opened.size });
  } catch (error) {
    await handle.close();
    throw error;
  }
  if (res.req.method === "HEAD") {
    await handle.close();
    res.end();
    return;
  }
  // A page reloaded while an image is on its way goes away mid-file, which is routine: the
  // pipeline destroys the read stream then, and the stream closes the file (autoClose), where
  // `pipe` would leave it open until garbage collection. A read that fails ends the answer.
  await pipeline(handle.createReadStream(), res).catch(() => {});
}
