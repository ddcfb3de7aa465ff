import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { repositoryRoot } from "../../tests/e2e/support/repository-root";
import { loadNow } from "./timing";

/** The public answers a press day brings traffic to (issue 30). */
export const PUBLIC_ANSWERS = ["/ar", "/en", "/api/public/summary", "/api/public/sites.geojson"] as const;

/** What a phone's browser sends: the app may compress as it allows, and the bare server replays the same. */
export const BROWSER_HEADERS = {
  accept: "text/html,application/json;q=0.9,*/*;q=0.8",
  "accept-encoding": "gzip, deflate, br",
  "user-agent": "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0 Mobile Safari/537.36",
};

/** Headers that describe the connection or the moment, which node writes afresh for either server. */
const PER_CONNECTION = new Set(["date", "connection", "keep-alive"]);

export interface CapturedAnswer {
  status: number;
  /** Name, value, name, value… as sent, connection headers left out. */
  headers: string[];
  body: Buffer;
  /** The page cache's verdict (scripts/support/public-page-cache.mjs), when the answer is a page. */
  cache: string | null;
}

/** One answer of the app, byte for byte (compressed as sent), with its headers in order. */
export function captureAnswer(url: string): Promise<CapturedAnswer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: BROWSER_HEADERS }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const headers: string[] = [];
          for (let index = 0; index < response.rawHeaders.length; index += 2) {
            const [name, value] = [response.rawHeaders[index] ?? "", response.rawHeaders[index + 1] ?? ""];
            if (!PER_CONNECTION.has(name.toLowerCase())) headers.push(name, value);
          }
          const cache = response.headers["x-tarhuna-page-cache"];
          resolve({ status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks), cache: typeof cache === "string" ? cache : null });
        });
      })
      .on("error", reject);
  });
}

interface BareServer {
  url: string;
  stop(): void;
}

/** bench/support/bare-server.mjs in its own process, replaying `answer`. */
async function startBareServer(answer: CapturedAnswer): Promise<BareServer> {
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "tarhuna-bare-")), "answer.json");
  await fs.writeFile(file, JSON.stringify({ status: answer.status, headers: answer.headers, body: answer.body.toString("base64") }));
  const child = spawn(process.execPath, [path.join(repositoryRoot, "bench", "support", "bare-server.mjs"), file], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.once("data", (data: Buffer) => resolve(data.toString().trim()));
    child.once("exit", (code) => reject(new Error(`the bare server exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop() {
      child.kill("SIGTERM");
      void fs.rm(path.dirname(file), { recursive: true, force: true });
    },
  };
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** autocannon with a browser's headers for `seconds` at `connections`; errors, timeouts and non-2xx counted. */
export async function loadRun(url: string, connections: number, seconds: number, headers: Record<string, string> = BROWSER_HEADERS): Promise<LoadFigures> {
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts };
}

export interface PublicAnswerFigures {
  path: string;
  connections: number;
  bytes: number;
  encoding: string;
  app: LoadFigures;
  bare: LoadFigures;
  /** The page cache's verdict on an answer taken after the app's run (null for the API answers). */
  cacheAfter: string | null;
  load: string;
}

/**
 * Each public answer of the running app against a bare server sending the very bytes and headers the
 * app sent, in the same run: the app first, then the bare server, at each number of connections.
 */
export async function measurePublicAnswers(baseUrl: string, seconds: number, connectionsList: readonly number[] = [10, 100]): Promise<PublicAnswerFigures[]> {
  const figures: PublicAnswerFigures[] = [];
  for (const answerPath of PUBLIC_ANSWERS) {
    const url = `${baseUrl}${answerPath}`;
    // Asked until kept: the first answers after a start or a change are renders.
    let answer = await captureAnswer(url);
    for (let tries = 0; tries < 5 && answer.cache === "miss"; tries += 1) answer = await captureAnswer(url);
    if (answer.status !== 200) throw new Error(`${answerPath} answered ${answer.status}`);
    const bare = await startBareServer(answer);
    try {
      for (const connections of connectionsList) {
        const app = await loadRun(url, connections, seconds);
        const cacheAfter = (await captureAnswer(url)).cache;
        const ceiling = await loadRun(bare.url, connections, seconds);
        const encodingIndex = answer.headers.findIndex((value, index) => index % 2 === 0 && value.toLowerCase() === "content-encoding");
        figures.push({
          path: answerPath,
          connections,
          bytes: answer.body.length,
          encoding: encodingIndex < 0 ? "identity" : (answer.headers[encodingIndex + 1] ?? ""),
          app,
          bare: ceiling,
          cacheAfter,
          load: loadNow(),
        });
      }
    } finally {
      bare.stop();
    }
  }
  return figures;
}
