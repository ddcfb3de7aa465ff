import fs from "node:fs";
import net from "node:net";

/** A TCP port nothing listens on right now: the system picks one for port 0, and it is released at once. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (address === null || typeof address === "string") {
        server.close();
        reject(new Error(`Expected a TCP address for port 0, got ${String(address)}`));
        return;
      }
      server.close((error) => (error ? reject(error) : resolve(address.port)));
    });
  });
}

/**
 * `count` different free ports. Asking findFreePort several times may give one port twice (the
 * system may hand a released port out again), and two servers told the same port leave one of them
 * dead: every port here is held until all are chosen.
 */
export async function findFreePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => net.createServer());
  try {
    return await Promise.all(
      servers.map(
        (server) =>
          new Promise<number>((resolve, reject) => {
            server.once("error", reject);
            server.listen(0, "127.0.0.1", () => {
              const address = server.address();
              if (address === null || typeof address === "string") reject(new Error(`Expected a TCP address for port 0, got ${String(address)}`));
              else resolve(address.port);
            });
          }),
      ),
    );
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => (server.listening ? server.close(resolve) : resolve(undefined)))));
  }
}

/** Whether nothing listens on `port` at 127.0.0.1 right now. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** The first port the system hands out for port 0 (Linux: ip_local_port_range; 32768 elsewhere). */
function ephemeralRangeStart(): number {
  const rangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
  if (!fs.existsSync(rangeFile)) return 32_768;
  const [start] = fs.readFileSync(rangeFile, "utf8").trim().split(/\s+/);
  return Number(start) || 32_768;
}

/**
 * A free port below the range findFreePort's ports come from, for a server whose address is given
 * out before it listens (the shared app server, started in the background): a port the test files
 * take meanwhile through findFreePort cannot be this one, as a second port-0 port could.
 */
export async function findFreePortBelowEphemeralRange(): Promise<number> {
  const end = ephemeralRangeStart();
  const start = Math.min(20_000, end - 1_000);
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const port = start + Math.floor(Math.random() * (end - start));
    if (await portIsFree(port)) return port;
  }
  throw new Error(`No free port found between ${start} and ${end} in 100 tries`);
}
