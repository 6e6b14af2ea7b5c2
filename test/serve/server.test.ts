import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { get as httpGet, request } from "node:http";
import { connect } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostAllowed, originAllowed, requestPath } from "../../src/serve/request-refusals.js";
import { type PreviewServer, startServer } from "../../src/serve/server.js";
import { tempDir } from "../helpers/temp.js";
import { until } from "../helpers/until.js";

const sample = "briefings/putin-kim-summit-2024.yaml";
const bigSize = 32 * 1024 * 1024;
const bigImage = "/big/assets/photos/big.png";
let server: PreviewServer;
let work: string;

/** A raw request: the path is sent exactly as written, with no client-side normalizing. */
function get(
  rawPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; type?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: server.port,
        path: rawPath,
        headers: { host: `127.0.0.1:${server.port}`, ...headers },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          body += chunk;
          // The reload channel stays open; its first message is enough.
          if (res.headers["content-type"]?.startsWith("text/event-stream")) req.destroy();
        });
        res.on("close", () =>
          resolve({ status: res.statusCode ?? 0, body, type: res.headers["content-type"] }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  work = await tempDir("serve");
  mkdirSync(path.join(work, "briefs", "photos"), { recursive: true });
  copyFileSync(sample, path.join(work, "briefs", "summit.yaml"));
  copyFileSync(sample, path.join(work, "briefs", "a & b.yaml"));
  writeFileSync(path.join(work, "secret.txt"), "not for the web");
  symlinkSync(path.join(work, "secret.txt"), path.join(work, "briefs", "photos", "link.png"));
  const linked = readFileSync(sample, "utf8").replace(
    /(\n {4}- date: 1961\n)/,
    "$1      image: photos/link.png\n",
  );
  writeFileSync(path.join(work, "briefs", "linked.yaml"), linked);
  // Big enough that the server is still sending it when the client goes away.
  writeFileSync(path.join(work, "briefs", "photos", "big.png"), Buffer.alloc(bigSize));
  const big = readFileSync(sample, "utf8").replace(
    /(\n {4}- date: 1961\n)/,
    "$1      image: photos/big.png\n",
  );
  writeFileSync(path.join(work, "briefs", "big.yaml"), big);
  writeFileSync(path.join(work, "briefs", "briefing.config.yaml"), "classification: OFFICIAL\n");
  server = await startServer({ input: path.join(work, "briefs"), port: 0, host: "127.0.0.1" });
});

afterAll(async () => {
  await server?.close();
});

describe("the preview server", () => {
  it("lists the briefs of a folder and serves each deck with the reload client", async () => {
    const index = await get("/");
    expect(index.status).toBe(200);
    expect(index.body).toContain('href="/summit/"');
    // The config file beside the briefs is not one of them.
    expect(index.body).not.toContain("briefing.config");
    const deck = await get("/summit/");
    expect(deck.status).toBe(200);
    expect(deck.body).toContain("Putin–Kim summit in Pyongyang");
    expect(deck.body).toContain('src="/__briefing/live.js"');
    // Its policy lets the reload client talk to this server (a built deck's says 'none').
    expect(deck.body).toMatch(
      /Content-Security-Policy" content="[^"]*connect-src &#x27;self&#x27;/,
    );
    expect((await get("/summit/reveal/reveal.js")).status).toBe(200);
    expect((await get("/summit/theme/theme.css")).type).toMatch(/^text\/css/);
    expect((await get("/__briefing/live.js")).status).toBe(200);
  });

  it("serves a brief whose name needs escaping, and its reload channel", async () => {
    const deck = await get("/a%20%26%20b/");
    expect(deck.status).toBe(200);
    expect(deck.body).toContain('data-deck="a &#38; b"');
    const events = await get("/__briefing/events?deck=a%20%26%20b&version=1");
    expect(events.status).toBe(200);
    expect(events.body).toMatch(/^event: ok/);
  });

  it("refuses paths that climb out of the deck, plain or encoded", async () => {
    for (const attempt of [
      "/summit/../secret.txt",
      "/summit/%2e%2e/%2e%2e/secret.txt",
      "/summit/%2E%2E%2fsecret.txt",
      "/summit/..%5csecret.txt",
      "/summit/photos/%00.png",
    ]) {
      const res = await get(attempt);
      expect([403, 404], attempt).toContain(res.status);
      expect(res.body).not.toContain("not for the web");
    }
    expect((await get("/summit/%2e%2e/secret.txt")).status).toBe(403);
  });

  it("serves no file the deck does not use, and no symlink out of the brief's folder", async () => {
    expect((await get("/summit/photos/link.png")).status).toBe(404);
    // A brief that names the link is invalid, so nothing of it is served.
    const linked = await get("/linked/");
    expect(linked.body).toMatch(
      /linked\.yaml:\d+:\d+: .*photos\/link\.png.* is a link to a file outside/,
    );
    expect((await get("/linked/assets/photos/link.png")).status).toBe(404);
    expect((await get("/summit/summit.yaml")).status).toBe(404);
    expect((await get("/summit/package.json")).status).toBe(404);
  });

  it("refuses a Host header that is not this machine (DNS rebinding)", async () => {
    expect((await get("/summit/", { host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await get("/summit/", { host: "127.0.0.1:1" })).status).toBe(403);
    expect((await get("/summit/", { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it("refuses the reload channel to pages of another origin", async () => {
    const events = "/__briefing/events?deck=summit&version=1";
    expect((await get(events, { origin: "http://evil.example" })).status).toBe(403);
    const own = await get(events, { origin: `http://127.0.0.1:${server.port}` });
    expect(own.status).toBe(200);
    expect(own.body).toMatch(/^event: ok/);
  });

  it("answers bad requests with an error status and keeps running", async () => {
    expect((await get("/summit/%E0%A4%A")).status).toBe(400);
    expect((await get("/nothing-here/")).status).toBe(404);
    const post = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port: server.port, path: "/", method: "POST" },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end("x");
    });
    expect(post).toBe(405);
    const raw = (text: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(server.port, "127.0.0.1", () => socket.end(text));
        let reply = "";
        socket.on("data", (chunk) => {
          reply += chunk;
        });
        socket.on("close", () => resolve(reply));
      });
    expect(await raw("NOT HTTP AT ALL\r\n\r\n")).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw("GET /summit/ HTTP/1.1\r\n\r\n")).toMatch(/^HTTP\/1\.1 400/);
    expect((await get("/summit/")).status).toBe(200);
  });
});

describe("the server's open files", () => {
  const openFiles = () => readdirSync("/proc/self/fd").length;

  /** Asks for `url` and goes away after the first chunk of the answer. */
  const abandon = (url: string) =>
    new Promise<void>((resolve, reject) => {
      const req = httpGet(
        {
          host: "127.0.0.1",
          port: server.port,
          path: url,
          headers: { host: `127.0.0.1:${server.port}` },
        },
        (res) => {
          res.once("data", () => req.destroy());
          res.once("close", resolve);
        },
      );
      req.on("error", (error: NodeJS.ErrnoException) =>
        error.code === "ECONNRESET" ? resolve() : reject(error),
      );
    });

  it.runIf(process.platform === "linux")(
    "closes a file whose download the client gave up on",
    async () => {
      // The deck is rendered (and its files known) before the count starts.
      expect((await get("/big/")).status).toBe(200);
      const before = openFiles();
      for (let i = 0; i < 50; i++) await abandon(bigImage);
      // The server closes each file once it sees its client gone, a moment after the client.
      await until(() => openFiles() - before < 5, "the files to be closed", 5_000).catch(() => {});
      expect(openFiles() - before).toBeLessThan(5);
    },
  );

  it("answers HEAD with the headers and no body", async () => {
    const head = await new Promise<{ status: number; length?: string; body: number }>(
      (resolve, reject) => {
        const req = request(
          { host: "127.0.0.1", port: server.port, path: bigImage, method: "HEAD" },
          (res) => {
            let body = 0;
            res.on("data", (chunk: Buffer) => {
              body += chunk.length;
            });
            res.on("end", () =>
              resolve({ status: res.statusCode ?? 0, length: res.headers["content-length"], body }),
            );
          },
        );
        req.on("error", reject);
        req.end();
      },
    );
    expect(head).toEqual({ status: 200, length: String(bigSize), body: 0 });
  });
});

describe("the server's refusals, as rules", () => {
  it("accepts loopback names and addresses only with its own port", () => {
    expect(hostAllowed("localhost:8000", 8000, "127.0.0.1")).toBe(true);
    expect(hostAllowed("[::1]:8000", 8000, "127.0.0.1")).toBe(true);
    expect(hostAllowed("127.0.0.1:8001", 8000, "127.0.0.1")).toBe(false);
    expect(hostAllowed("attacker.test:8000", 8000, "127.0.0.1")).toBe(false);
    expect(hostAllowed("briefs.lan:8000", 8000, "briefs.lan")).toBe(true);
    expect(hostAllowed(undefined, 8000, "127.0.0.1")).toBe(false);
  });

  it("accepts no Origin (same-origin) or its own, and nothing else", () => {
    expect(originAllowed(undefined, 8000, "127.0.0.1")).toBe(true);
    expect(originAllowed("http://localhost:8000", 8000, "127.0.0.1")).toBe(true);
    expect(originAllowed("null", 8000, "127.0.0.1")).toBe(false);
    expect(originAllowed("https://localhost:8000", 8000, "127.0.0.1")).toBe(false);
  });

  it("decodes path segments and refuses those that climb", () => {
    expect(requestPath("/a/b%20c/")).toEqual({ ok: true, path: ["a", "b c", ""] });
    expect(requestPath("/a/%2e%2e/b")).toEqual({ ok: false, status: 403 });
    expect(requestPath("/a/x%2fy")).toEqual({ ok: false, status: 403 });
    expect(requestPath("http://x/")).toEqual({ ok: false, status: 400 });
  });
});
