import net from "node:net";

/**
 * A TCP proxy in front of PostgreSQL that can make the database hang instead of refusing: paused,
 * it keeps every connection open and accepts new ones, but passes no byte either way — what a
 * stopped server process or a frozen network looks like from the app.
 */
export interface PausableProxy {
  /** The port to use in place of PostgreSQL's. */
  port: number;
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

interface Link {
  client: net.Socket;
  upstream: net.Socket | null;
}

export async function startPausableProxy(target: { host: string; port: number }): Promise<PausableProxy> {
  let paused = false;
  const links = new Set<Link>();

  const drop = (link: Link) => {
    link.client.destroy();
    link.upstream?.destroy();
    links.delete(link);
  };

  /** Copies `from` to `to`, respecting back-pressure, and never reading while paused. */
  const forward = (from: net.Socket, to: net.Socket) => {
    from.on("data", (chunk: Buffer) => {
      if (to.write(chunk)) return;
      from.pause();
      to.once("drain", () => {
        if (!paused) from.resume();
      });
    });
    from.on("end", () => to.end());
  };

  const connectUpstream = (link: Link) => {
    const upstream = net.connect(target.port, target.host);
    link.upstream = upstream;
    upstream.on("error", () => drop(link));
    upstream.on("close", () => drop(link));
    forward(link.client, upstream);
    forward(upstream, link.client);
    link.client.resume();
  };

  // pauseOnConnect: a new client's bytes wait in the kernel until it is linked to PostgreSQL.
  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    const link: Link = { client, upstream: null };
    links.add(link);
    client.on("error", () => drop(link));
    client.on("close", () => drop(link));
    // Connected while paused: PostgreSQL hears of it only on resume, like a backlog that is not served.
    if (!paused) connectUpstream(link);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the proxy has no TCP port");

  return {
    port: address.port,
    pause() {
      paused = true;
      for (const link of links) {
        link.client.pause();
        link.upstream?.pause();
      }
    },
    resume() {
      paused = false;
      for (const link of [...links]) {
        if (!link.upstream) connectUpstream(link);
        else {
          link.client.resume();
          link.upstream.resume();
        }
      }
    },
    async close() {
      for (const link of [...links]) drop(link);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
