import fs from "node:fs/promises";
import os from "node:os";
import { gzipSync } from "node:zlib";
import lighthouse from "lighthouse";
import { startAppServer, type AppServer } from "../tests/e2e/support/app-server";
import { launchDebuggableChromium } from "./chromium";

/**
 * `npm run bench:lighthouse [-- URL]`: Lighthouse's mobile run (simulated slow 4G and a slower CPU)
 * on the public page in both languages, against the production build with the demo data (started
 * here unless a base URL is given), and the JavaScript the page loads, map included. Appends the
 * figures to bench/RESULTS.md.
 */
const GOALS = { performance: 95, accessibility: 100, scriptKilobytes: 200 };
const PAGES = ["/ar", "/en"];

interface Measurement {
  pathname: string;
  performance: number;
  accessibility: number;
  scriptKilobytes: number;
  scriptWireKilobytes: number;
  largestContentfulPaintMilliseconds: number;
  totalBlockingTimeMilliseconds: number;
  cumulativeLayoutShift: number;
}

function numericAudit(audits: Record<string, { numericValue?: number }>, id: string): number {
  const value = audits[id]?.numericValue;
  if (value === undefined) throw new Error(`Lighthouse returned no value for ${id}`);
  return value;
}

const kilobytes = (bytes: number) => Math.round(bytes / 102.4) / 10;

async function gzippedSizes(urls: string[]): Promise<number> {
  const sizes = await Promise.all(
    urls.map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`GET ${url} answered HTTP ${response.status}`);
      return gzipSync(Buffer.from(await response.arrayBuffer())).length;
    }),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

async function measure(baseUrl: string, pathname: string, port: number): Promise<Measurement> {
  const result = await lighthouse(new URL(pathname, baseUrl).toString(), {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility"],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${pathname}`);
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse failed on ${pathname}: ${runtimeError.message}`);
  // Every script the page fetched, the map's chunk too: over the wire (gzip plus HTTP headers), and
  // each body gzipped on its own, the usual "first-load JS" figure.
  type Request = { url: string; resourceType?: string; transferSize?: number };
  const requests = (audits["network-requests"]?.details as { items?: Request[] } | undefined)?.items ?? [];
  const scripts = requests.filter((request) => request.resourceType === "Script");
  const wireBytes = scripts.reduce((sum, request) => sum + (request.transferSize ?? 0), 0);
  const gzippedBytes = await gzippedSizes(scripts.map((request) => request.url));
  return {
    pathname,
    performance: Math.round((categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
    scriptKilobytes: kilobytes(gzippedBytes),
    scriptWireKilobytes: kilobytes(wireBytes),
    largestContentfulPaintMilliseconds: Math.round(numericAudit(audits, "largest-contentful-paint")),
    totalBlockingTimeMilliseconds: Math.round(numericAudit(audits, "total-blocking-time")),
    cumulativeLayoutShift: Math.round(numericAudit(audits, "cumulative-layout-shift") * 1000) / 1000,
  };
}

const verdict = (pass: boolean) => (pass ? "pass" : "**miss**");

function report(measurements: Measurement[]): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const machine = `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const rows = measurements.flatMap((entry) => [
    `| ${entry.pathname} | performance (mobile) | ${entry.performance} | ≥ ${GOALS.performance} | ${verdict(entry.performance >= GOALS.performance)} |`,
    `| ${entry.pathname} | accessibility | ${entry.accessibility} | ${GOALS.accessibility} | ${verdict(entry.accessibility >= GOALS.accessibility)} |`,
    `| ${entry.pathname} | JavaScript loaded, map included (gzip) | ${entry.scriptKilobytes} kB (${entry.scriptWireKilobytes} kB on the wire with headers) | ≤ ${GOALS.scriptKilobytes} kB | ${verdict(entry.scriptKilobytes <= GOALS.scriptKilobytes)} |`,
    `| ${entry.pathname} | LCP / TBT / CLS (simulated) | ${entry.largestContentfulPaintMilliseconds} ms / ${entry.totalBlockingTimeMilliseconds} ms / ${entry.cumulativeLayoutShift} | | |`,
  ]);
  return [
    `\n## ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC — ${machine}\n`,
    "| page | figure | measured | goal | |",
    "|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const givenBaseUrl = process.argv[2];
  const server: AppServer | null = givenBaseUrl ? null : await startAppServer();
  const chromium = await launchDebuggableChromium();
  try {
    const baseUrl = givenBaseUrl ?? server?.baseUrl ?? "";
    const measurements: Measurement[] = [];
    for (const pathname of PAGES) measurements.push(await measure(baseUrl, pathname, chromium.port));
    const section = report(measurements);
    console.log(section);
    await fs.appendFile(new URL("./RESULTS.md", import.meta.url), section);
  } finally {
    await chromium.close();
    await server?.stop();
  }
}

await main();
