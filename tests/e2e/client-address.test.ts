import http from "node:http";
import os from "node:os";
import postgres from "postgres";
import { afterAll, describe, expect, test, type TestContext } from "vitest";
import { appServerForThisFile } from "./support/fixtures";

/**
 * One production server (`npm start`) as deployed behind a reverse proxy on this machine at
 * 127.0.0.2: TRUST_PROXY_HOPS=1 and TRUSTED_PROXIES=127.0.0.2, HOSTNAME left to its default.
 * Requests leave from a chosen loopback address, so the test is the proxy or a stranger at will.
 */
const PROXY = "127.0.0.2";
const server = appServerForThisFile({ database: "postgres", environment: { TRUST_PROXY_HOPS: "1", TRUSTED_PROXIES: PROXY } });

let sql: postgres.Sql | undefined;
const database = () => (sql ??= postgres(server.current.databaseUrl ?? "", { max: 1, onnotice: () => {} }));
afterAll(async () => {
  await sql?.end({ timeout: 5 });
});

interface Answer {
  status: number;
  cookies: string[];
  body: string;
}

/** An HTTP request sent from `localAddress` (fetch cannot choose the address it leaves from). */
function requestFrom(localAddress: string, pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(server.current.url(pathname), { method: options.method ?? "GET", headers: options.headers, localAddress }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, cookies: response.headers["set-cookie"] ?? [], body: Buffer.concat(chunks).toString() }));
    });
    request.once("error", reject);
    request.end(options.body);
  });
}

/** Signs the demo registrar in from `localAddress` with the X-Forwarded-For given; the address the audit log recorded. */
async function signInAndReadRecordedAddress(localAddress: string, forwardedFor: string): Promise<string | null> {
  const csrf = await requestFrom(localAddress, "/api/auth/csrf", { headers: { "x-forwarded-for": forwardedFor } });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = csrf.cookies.map((header) => header.split(";")[0]).join("; ");
  const signedIn = await requestFrom(localAddress, "/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": forwardedFor },
    body: new URLSearchParams({ csrfToken, username: "registrar", password: "demo-password", callbackUrl: "/ar/staff" }).toString(),
  });
  expect(signedIn.status).toBe(302);
  const [entry] = await database()<{ ip: string | null }[]>`select ip from audit_log where action = 'auth.signIn' order by id desc limit 1`;
  return entry?.ip ?? null;
}

/** An IPv4 address of this machine that is not loopback, if it has one. */
function outsideAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === "IPv4" && !entry.internal)?.address;
}

describe("the client's address behind a reverse proxy", () => {
  test("the app listens on 127.0.0.1 only, so nobody can reach it around the proxy", async (context: TestContext) => {
    const address = outsideAddress();
    if (!address) return context.skip("this machine has no address other than loopback");
    const port = new URL(server.current.baseUrl).port;
    await expect(fetch(`http://${address}:${port}/api/health`, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
    expect((await fetch(server.current.url("/api/health"))).status).toBe(200);
  });

  test("a client that is not the trusted proxy cannot choose its address with X-Forwarded-For", async () => {
    expect(await signInAndReadRecordedAddress("127.0.0.1", "203.0.113.7")).toBe("127.0.0.1");
  });

  test("the trusted proxy's X-Forwarded-For is believed: the address its client connected from", async () => {
    // The client itself claimed 198.51.100.1; the proxy appended the address it saw.
    expect(await signInAndReadRecordedAddress(PROXY, "198.51.100.1, 203.0.113.9")).toBe("203.0.113.9");
  });
});
