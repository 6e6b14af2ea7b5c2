import { readdir, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { isBriefFileName } from "../config.js";
import { BriefingError } from "../errors.js";
import { isGitSince } from "../load/earlier-brief.js";
import { deckName } from "../load/load-brief.js";
import { ownMarkingStyles } from "../model/marking.js";
import type { LookSettings } from "../render/render-brief.js";
import { customThemePath } from "../render/render-deck.js";
import { loadRenderInputs } from "../render/render-inputs.js";
import { templatesDir } from "../render/templates.js";
import { indexChannel, LiveReload } from "./live-reload.js";
import { DeckOutputs, type MadeOutput, outputNamed } from "./outputs.js";
import { briefCard, loadPageTemplate, pageFiles, pagePolicy } from "./pages.js";
import {
  emptyPreview,
  liveScriptPath,
  type Preview,
  refreshPreview,
  templateFolders,
} from "./preview.js";
import { hostAllowed, originAllowed, requestPath } from "./request-refusals.js";
import { fail, redirect, sendFile, sendHtml, sendOutput, sendPage } from "./responses.js";
import type { ServedFile } from "./served-file.js";
import { Watcher } from "./watcher.js";

/** Settings for the preview server, already resolved. */
export interface ServeOptions {
  /** A brief, or a folder of briefs. */
  input: string;
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** How decks look: the project's default classification and theme. */
  look?: LookSettings;
  /** The browser that prints the PDFs asked for (else found as `build` finds it). */
  browserPath?: string;
  /** Dates those PDFs, in seconds since 1970, instead of the brief's as-of date. */
  sourceDateEpoch?: number;
  /** The earlier version each deck shows what changed since: a file, or `git:REV`. */
  since?: string;
  /** Told each time a brief has been read again after a change (for the terminal). */
  onRefresh?: (refresh: Refresh) => void;
}

/** What became of a brief read again after a save. */
export interface Refresh {
  file: string;
  /** Empty when the new version is shown; else the problems of the save, as `check` prints them. */
  problems: string[];
  /** From the change being noticed to the open pages being told. */
  ms: number;
}

/** A running preview server; `close` stops it, its watches and its open connections. */
export interface PreviewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves a brief (or each brief of a folder) as a deck rendered in memory, and reloads open
 * pages when the brief, an image it uses or a template changes.
 */
export async function startServer(options: ServeOptions): Promise<PreviewServer> {
  const info = await stat(options.input).catch(() => undefined);
  if (!info) throw new BriefingError("usage", `no such file or folder: ${options.input}`);
  const folder = info.isDirectory() ? options.input : undefined;
  // A brief that cannot be built under its name (its deck would be ".." or the like) cannot be
  // served under it either: refused as `build` refuses it.
  if (!folder) deckName(options.input);
  if (folder && options.since && !isGitSince(options.since)) {
    throw new BriefingError(
      "usage",
      `--since ${options.since} is one brief's earlier version: serve that brief alone, or use --since git:REV to compare each brief of ${folder} with its own file at a revision`,
    );
  }
  const look = options.look ?? {};
  const previews = new Map<string, Preview>();
  const live = new LiveReload();
  const outputs = new DeckOutputs(
    look,
    { browserPath: options.browserPath },
    options.sourceDateEpoch,
  );
  const ownFiles = pageFiles(look.theme);
  const customTheme = look.theme ? customThemePath : undefined;
  const policy = pagePolicy(ownMarkingStyles(look.markings));
  // What decks and the server's own page are rendered with: the templates as built, until one
  // of them is saved.
  let inputs = loadRenderInputs();
  let page = loadPageTemplate();
  let port = options.port;
  let queue = Promise.resolve();

  /** Renders one thing at a time, in the order asked, so that saves never interleave. */
  function serially(work: () => Promise<unknown>): Promise<void> {
    const done = queue.then(work).then(() => {});
    queue = done.catch(() => {});
    return done;
  }

  const watcher = new Watcher((changed) => {
    serially(() => onChange(changed)).catch(() => {});
  });
  // The folder itself too, so that the index sees a brief added or removed.
  const rewatch = () =>
    watcher.watch(
      [...previews.values()].flatMap((p) => p.sources),
      folder ? [...templateFolders, folder] : templateFolders,
    );

  async function onChange(changed: Set<string>): Promise<void> {
    const templatesChanged = [...changed].some((f) => f.startsWith(templatesDir));
    if (templatesChanged) {
      inputs = loadRenderInputs("files");
      page = loadPageTemplate();
    }
    const briefsChanged =
      folder !== undefined &&
      [...changed].some(
        (f) => path.dirname(f) === path.resolve(folder) && isBriefFileName(path.basename(f)),
      );
    for (const preview of previews.values()) {
      if (templatesChanged || preview.sources.some((s) => changed.has(s))) {
        const started = performance.now();
        await refreshPreview(preview, look, inputs, options.since);
        // When only the brief's text changed, open pages can swap their slides in place; an
        // image or a template needs the page loaded again.
        const onlyText = !templatesChanged && [...changed].every((f) => f === preview.sources[0]);
        live.announce(preview, onlyText ? "update" : "reload");
        const ms = performance.now() - started;
        options.onRefresh?.({ file: preview.file, problems: preview.problems, ms });
      }
    }
    rewatch();
    if (templatesChanged || briefsChanged) live.reloadIndex();
  }

  /** The names of the briefs this server shows, each → its file. */
  async function briefs(): Promise<Map<string, string>> {
    if (!folder) return new Map([[emptyPreview(options.input).name, options.input]]);
    const names = (await readdir(folder)).filter(isBriefFileName);
    return new Map(names.sort().map((f) => [f.replace(/\.ya?ml$/i, ""), path.join(folder, f)]));
  }

  /** Each preview's first rendering: a request for it waits for that, not just for the object. */
  const rendered = new Map<string, Promise<void>>();

  async function previewOf(name: string, file?: string): Promise<Preview | undefined> {
    if (!previews.has(name)) {
      file ??= (await briefs()).get(name);
      if (!file) return undefined;
      if (!previews.has(name)) {
        const preview = emptyPreview(file);
        previews.set(name, preview);
        rendered.set(
          name,
          serially(() => refreshPreview(preview, look, inputs, options.since)).then(rewatch),
        );
      }
    }
    await rendered.get(name);
    return previews.get(name);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Cache-Control", "no-cache");
    if (req.method !== "GET" && req.method !== "HEAD") return fail(res, 405);
    if (!hostAllowed(req.headers.host, port, options.host)) return fail(res, 403);
    const verdict = requestPath(req.url);
    if (!verdict.ok) return fail(res, verdict.status);
    const [first = "", ...rest] = verdict.path;

    if (first === "__briefing") {
      if (rest.join("/") === liveScriptPath.split("/").pop()) return sendFile(res, liveScript);
      if (rest.join("/") === "events") return events(req, res);
      const own = ownFiles.get(rest.join("/"));
      return own ? sendFile(res, own) : fail(res, 404);
    }
    if (first === "") {
      const all = await briefs();
      if (!folder) return redirect(res, `/${encodeURIComponent([...all.keys()][0] as string)}/`);
      const shown = (
        await Promise.all([...all].map(([name, file]) => previewOf(name, file)))
      ).filter((preview) => preview !== undefined);
      return sendPage(
        res,
        page,
        {
          title: `Briefs in ${folder}`,
          briefs: shown.map(briefCard),
          customTheme,
          live: { src: liveScriptPath, deck: indexChannel, version: 0 },
        },
        policy,
      );
    }
    const preview = await previewOf(first);
    if (!preview) return fail(res, 404);
    if (rest.length === 0) return redirect(res, `/${encodeURIComponent(first)}/`);
    if (rest.length === 1 && rest[0] === "") {
      if (preview.html) return sendHtml(res, preview.html);
      return sendPage(
        res,
        page,
        {
          title: preview.name,
          problems: preview.problems,
          customTheme,
          live: { src: liveScriptPath, deck: preview.name, version: preview.version },
        },
        policy,
      );
    }
    const output = rest.length === 1 ? outputNamed(preview.name, rest[0] as string) : undefined;
    if (output) {
      // Made only from a brief that is valid as saved: otherwise its page says what is wrong.
      if (!preview.good || preview.problems.length > 0) {
        return redirect(res, `/${encodeURIComponent(first)}/`);
      }
      let made: MadeOutput;
      try {
        made = await outputs.get(preview, output, inputs);
      } catch (error) {
        // No browser, or one that could not print in time: the machine's trouble, in words.
        if (error instanceof BriefingError) return fail(res, 503, error.message);
        throw error;
      }
      return sendOutput(req, res, made);
    }
    // Only the files the deck itself uses: nothing is looked up on disk by the request's path.
    const file = preview.files.get(rest.join("/"));
    if (!file) return fail(res, 404);
    return sendFile(res, file);
  }

  async function events(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!originAllowed(req.headers.origin, port, options.host)) return fail(res, 403);
    const query = new URL(req.url ?? "/", "http://localhost").searchParams;
    const deck = query.get("deck") ?? "";
    const preview = deck === indexChannel ? undefined : await previewOf(deck);
    if (!preview && !(folder && deck === indexChannel)) return fail(res, 404);
    live.listen(req, res, deck, Number(query.get("version")), preview);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => fail(res, 500));
  });
  // Malformed HTTP gets an answer and a closed socket, never an exception.
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(listenFailure(error, options.host, options.port)),
    );
    server.listen(options.port, options.host, resolve);
  });
  port = (server.address() as AddressInfo).port;
  // A single brief is rendered now, so the first page (and the first save) need not wait for
  // the templates to compile. A folder's briefs are read now too, one after the other while
  // the server already answers, so that the index is ready when it is first opened.
  if (!folder) await previewOf(emptyPreview(options.input).name);
  else {
    briefs()
      .then((all) => Promise.all([...all].map(([name, file]) => previewOf(name, file))))
      .catch(() => {});
  }
  rewatch();
  const shownHost = options.host.includes(":") ? `[${options.host}]` : options.host;

  return {
    url: `http://${shownHost}:${port}/`,
    port,
    close: async () => {
      watcher.close();
      await outputs.close();
      live.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Why the server cannot listen, in words: the host and port are the user's, so mostly usage. */
function listenFailure(error: NodeJS.ErrnoException, host: string, port: number): BriefingError {
  const where = `${host}:${port}`;
  const [kind, message] = (
    {
      EADDRINUSE: ["usage", `port ${port} on ${host} is in use; choose another with --port`],
      EADDRNOTAVAIL: ["usage", `cannot listen on ${where}: no interface of this machine has it`],
      ENOTFOUND: ["usage", `cannot listen on ${where}: no such host`],
      EAI_AGAIN: ["environment", `cannot listen on ${where}: the host name cannot be looked up`],
      EACCES: [
        "environment",
        `cannot listen on ${where}: not allowed (ports below 1024 need privileges)`,
      ],
    } as const
  )[error.code as string] ?? [
    "environment",
    `cannot listen on ${where} (${error.code ?? "unknown error"})`,
  ];
  return new BriefingError(kind, message, { cause: error });
}

const liveScript: ServedFile = {
  file: path.join(templatesDir, "serve", "live.js"),
  within: path.join(templatesDir, "serve"),
};
