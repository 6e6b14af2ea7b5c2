import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A web server on 127.0.0.1 that counts every request and WebSocket upgrade it gets. */
export interface Loopback {
  url: string;
  port: number;
  /** Every path asked for, in order. */
  hits: string[];
  close(): Promise<void>;
}

export async function startLoopback(): Promise<Loopback> {
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    hits.push(request.url ?? "");
    response.writeHead(200, { "content-type": "text/css", "access-control-allow-origin": "*" });
    response.end("body { background: red }");
  });
  server.on("upgrade", (request, socket) => {
    hits.push(`upgrade ${request.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
