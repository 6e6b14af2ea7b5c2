import { existsSync } from "node:fs";
import { resolveConfig } from "../config.js";
import { BriefingError } from "../errors.js";
import { defineCommand, helpOption } from "./command.js";
import { browserOption, configOption } from "./common-options.js";
import { host, port } from "./option-values.js";

export const serveCommand = defineCommand({
  name: "serve",
  args: "[file-or-folder]",
  summary: "show the deck(s) in the browser and reload them on every save",
  description: `Show the deck of a brief, or every brief of a folder (by default briefings/ if there is
one, else the current folder), on http://127.0.0.1:8000, and reload it on every save. Problems
are shown on the page and printed here.`,
  options: {
    port: {
      type: "string",
      short: "p",
      value: "N",
      help: "the port to listen on (default: 8000; 0 picks a free one)",
    },
    host: {
      type: "string",
      value: "H",
      help: "the address to listen on (default: 127.0.0.1); any other exposes\nyour briefs to the network",
    },
    since: {
      type: "string",
      value: "OLD",
      help: "add a slide of what changed since OLD, compared again on every save:\na YAML file, or git:REV for each brief's own file at that git revision",
    },
    browser: browserOption,
    config: configOption,
    help: helpOption,
  },
  async run(inputs, values, { out, err, onInterrupt }) {
    if (inputs.length > 1)
      throw new BriefingError("usage", `"briefing serve" takes one brief or folder`);
    const input = inputs[0] ?? (existsSync("briefings") ? "briefings" : ".");
    const listenPort = port(values.port);
    const listenHost = host(values.host);
    const { startServer } = await import("../serve/server.js");
    const { isLoopback } = await import("../serve/request-refusals.js");
    if (!isLoopback(listenHost)) {
      err(
        `briefing: warning: serving on ${listenHost}: anyone who can reach this machine on port ${listenPort} can read these briefs`,
      );
    }
    const config = await resolveConfig(
      { browser: values.browser, config: values.config, since: values.since },
      [input],
      "serve",
    );
    const server = await startServer({
      input,
      port: listenPort,
      host: listenHost,
      look: config,
      browserPath: config.browserPath,
      sourceDateEpoch: config.sourceDateEpoch,
      since: config.since,
      onRefresh: ({ file, problems, ms }) => {
        if (problems.length === 0) err(`${file}: updated (${Math.round(ms)} ms)`);
        for (const line of problems) err(line);
      },
    });
    out(`Serving ${input} at ${server.url} (Ctrl-C to stop)`);
    await new Promise<void>((resolve) => onInterrupt(resolve));
    onInterrupt(undefined);
    await server.close();
    err("briefing: stopped");
    return 0;
  },
});
