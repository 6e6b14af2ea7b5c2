import type { IncomingMessage, ServerResponse } from "node:http";
import type { Preview } from "./preview.js";

/** The reload channel of the index page; no deck has an empty name. */
export const indexChannel = "";

/**
 * The open pages of the preview, each listening on an event stream for its deck (or for the
 * index, on `indexChannel`), and what each is told when its deck changes: to swap in the new
 * slides ("update"), to load again ("reload"), or the problems of a save that cannot be shown.
 */
export class LiveReload {
  private readonly listeners = new Map<string, Set<ServerResponse>>();
  /** The version of the deck each open page shows. */
  private readonly shown = new WeakMap<ServerResponse, number>();

  /**
   * Answers a page's request for the events of `channel` with a stream that stays open, and
   * tells the page at once whether `preview` (its deck) has moved on from the `version` it shows.
   */
  listen(
    req: IncomingMessage,
    res: ServerResponse,
    channel: string,
    version: number,
    preview?: Preview,
  ): void {
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache",
      Connection: "keep-alive",
    });
    const open = this.listeners.get(channel) ?? new Set();
    this.listeners.set(channel, open);
    open.add(res);
    req.on("close", () => open.delete(res));
    this.shown.set(res, version);
    if (preview) this.tell(res, preview);
    else res.write("event: ok\ndata: \n\n");
  }

  /** Tells the pages of `preview` that it was read again. */
  announce(preview: Preview, how: "update" | "reload"): void {
    for (const res of this.listeners.get(preview.name) ?? []) this.tell(res, preview, how);
  }

  /** Tells the index page to load again: a brief came or went, or a template changed. */
  reloadIndex(): void {
    for (const res of this.listeners.get(indexChannel) ?? [])
      res.write("event: reload\ndata: 0\n\n");
  }

  /** Ends every open stream. */
  close(): void {
    for (const open of this.listeners.values()) for (const res of open) res.end();
  }

  /** Tells one open page what to do about its deck's current state. */
  private tell(res: ServerResponse, preview: Preview, how: "update" | "reload" = "reload"): void {
    if (preview.html && preview.version !== this.shown.get(res)) {
      this.shown.set(res, preview.version);
      res.write(`event: ${how}\ndata: ${preview.version}\n\n`);
    } else if (preview.problems.length > 0) {
      res.write(`event: problems\ndata: ${JSON.stringify(preview.problems)}\n\n`);
    } else res.write("event: ok\ndata: \n\n");
  }
}
