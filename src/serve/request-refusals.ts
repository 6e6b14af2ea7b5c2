import { isIP } from "node:net";

// The preview server's refusals, as pure functions of a request's parts. A page on another
// site must not read a brief through the preview: not by a path that climbs out of the deck,
// not by a DNS name that rebinds to 127.0.0.1 (the Host header gives it away), and not by
// opening the reload channel from its own origin (the Origin header gives it away).

/** The outcome of a check: the request goes on, or gets this status. */
export type Verdict = { ok: true; path: string[] } | { ok: false; status: 400 | 403 };

/** True for the names that always mean this machine. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/**
 * Whether a `Host` header names this server: localhost or an IP address (which no DNS
 * rebinding can produce), or the name given with `--host`, always with the server's port.
 */
export function hostAllowed(header: string | undefined, port: number, boundHost: string): boolean {
  if (!header) return false;
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d+))?$/i.exec(header.trim());
  if (!match) return false;
  const name = (match[1] as string).toLowerCase();
  if (Number(match[2] ?? 80) !== port) return false;
  const bare = name.replace(/^\[|\]$/g, "");
  return name === "localhost" || isIP(bare) !== 0 || name === boundHost.toLowerCase();
}

/** Whether an `Origin` header, when a browser sent one, is this server's own origin. */
export function originAllowed(
  header: string | undefined,
  port: number,
  boundHost: string,
): boolean {
  if (header === undefined) return true; // same-origin EventSource requests carry none
  let url: URL;
  try {
    url = new URL(header);
  } catch {
    return false;
  }
  return url.protocol === "http:" && hostAllowed(url.host, port, boundHost);
}

/**
 * The path of a request as decoded segments. Refuses, before anything could resolve them,
 * segments that climb (`..`, also as `%2e%2e`) or smuggle a separator or NUL.
 */
export function requestPath(rawUrl: string | undefined): Verdict {
  if (!rawUrl?.startsWith("/")) return { ok: false, status: 400 };
  const pathname = rawUrl.split(/[?#]/, 1)[0] as string;
  const segments: string[] = [];
  for (const raw of pathname.split("/").slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400 };
    }
    if (segment === ".." || segment === "." || /[/\\\0]/.test(segment)) {
      return { ok: false, status: 403 };
    }
    segments.push(segment);
  }
  return { ok: true, path: segments };
}
