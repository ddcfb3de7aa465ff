import fs from "node:fs/promises";
import os from "node:os";
import { gzipSync } from "node:zlib";
import lighthouse from "lighthouse";
import { chromium as playwright } from "playwright-core";
import { DEMO_FAMILY_ACCESS } from "@/lib/demo/family-access";
import { startAppServer, type AppServer } from "../tests/e2e/support/app-server";
import { startTileServer } from "./support/tile-server";
import { familySessionCookie } from "../tests/e2e/support/http-sessions";
import { launchDebuggableChromium } from "./chromium";

/**
 * `npm run bench:lighthouse [-- URL]`: Lighthouse's mobile run (simulated slow 4G and a slower CPU)
 * on every page a family or the public opens (issue 30, point 5): the public page in both languages,
 * the family portal signed out (its sign-in form) and signed in (a demo family's status page), and
 * the online report form; against the production build with the demo data (started here unless a
 * base URL is given, with a tile server of the bench's own in reach: support/tile-server.ts). For the public page also the JavaScript it loads: at first (what Lighthouse
 * sees; Leaflet waits until the map nears the screen) and once the map is shown. Each page is
 * measured LIGHTHOUSE_RUNS times (default 3) and the median run is reported, with the machine's load
 * average, since other work on the machine inflates the simulated figures. Appends the figures to
 * bench/RESULTS.md; LIGHTHOUSE_JSON_DIR=<dir> also keeps each run's full Lighthouse report there.
 * LIGHTHOUSE_PAGES="<label>;<label>" measures only those pages (labels as in PAGES below; `;` between
 * them, since a label may hold a comma). A label that names no page stops the run before anything is measured.
 */
const GOALS = { performance: 95, accessibility: 100, scriptKilobytes: 200 };
/** `family` pages are opened with a demo family's portal session; `map` pages show the grave-site map. */
interface MeasuredPage {
  pathname: string;
  label: string;
  map: boolean;
  family: boolean;
}
const PAGES: MeasuredPage[] = [
  { pathname: "/ar", label: "/ar", map: true, family: false },
  { pathname: "/en", label: "/en", map: true, family: false },
  { pathname: "/ar/family", label: "/ar/family (sign-in)", map: false, family: false },
  { pathname: "/ar/family", label: "/ar/family (signed in, status)", map: false, family: true },
  { pathname: "/ar/report", label: "/ar/report", map: false, family: false },
];
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));

/** The labels LIGHTHOUSE_PAGES names, or undefined for every page; a label no page has is an error, not an empty run. */
function pagesAsked(setting: string | undefined): string[] | undefined {
  if (!setting?.trim()) return undefined;
  const labels = setting.split(";").map((label) => label.trim()).filter(Boolean);
  const unknown = labels.filter((label) => !PAGES.some((page) => page.label === label));
  if (unknown.length > 0) {
    throw new Error(`LIGHTHOUSE_PAGES names no page as ${unknown.map((label) => `"${label}"`).join(", ")}; the pages are: ${PAGES.map((page) => page.label).join("; ")}`);
  }
  return labels;
}
const JSON_DIRECTORY = process.env.LIGHTHOUSE_JSON_DIR;

interface Measurement {
  pathname: string;
  performance: number;
  accessibility: number;
  /** What Lighthouse saw load, without scrolling. */
  firstLoadScriptKilobytes: number;
  firstLoadScriptWireKilobytes: number;
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

async function measure(baseUrl: string, page: MeasuredPage, port: number, run: number, cookie: string | null): Promise<Measurement> {
  const { pathname } = page;
  const result = await lighthouse(new URL(pathname, baseUrl).toString(), {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility"],
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${pathname}`);
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse failed on ${pathname}: ${runtimeError.message}`);
  if (JSON_DIRECTORY) {
    await fs.mkdir(JSON_DIRECTORY, { recursive: true });
    const file = `${JSON_DIRECTORY}/${page.label.replace(/\W+/g, "") || "root"}-${run}.json`;
    await fs.writeFile(file, JSON.stringify(result.lhr));
  }
  // Every script the page fetched, the map's chunk too: over the wire (gzip plus HTTP headers), and
  // each body gzipped on its own, the usual "first-load JS" figure.
  type Request = { url: string; resourceType?: string; transferSize?: number };
  const requests = (audits["network-requests"]?.details as { items?: Request[] } | undefined)?.items ?? [];
  const scripts = requests.filter((request) => request.resourceType === "Script");
  const wireBytes = scripts.reduce((sum, request) => sum + (request.transferSize ?? 0), 0);
  const gzippedBytes = await gzippedSizes(scripts.map((request) => request.url));
  return {
    pathname: page.label,
    performance: Math.round((categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
    firstLoadScriptKilobytes: kilobytes(gzippedBytes),
    firstLoadScriptWireKilobytes: kilobytes(wireBytes),
    largestContentfulPaintMilliseconds: Math.round(numericAudit(audits, "largest-contentful-paint")),
    totalBlockingTimeMilliseconds: Math.round(numericAudit(audits, "total-blocking-time")),
    cumulativeLayoutShift: Math.round(numericAudit(audits, "cumulative-layout-shift") * 1000) / 1000,
  };
}

/**
 * Every script the page has loaded once a phone-sized window has scrolled to the map and Leaflet has
 * drawn the markers: the whole public page, map included, each body gzipped on its own.
 */
async function scriptKilobytesWithMap(baseUrl: string, pathname: string, port: number): Promise<number> {
  const browser = await playwright.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    const scripts = new Set<string>();
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.add(response.url());
    });
    await page.goto(new URL(pathname, baseUrl).toString(), { waitUntil: "load" });
    await page.getByTestId("site-map-box").scrollIntoViewIfNeeded();
    await page.getByTestId("site-map").locator(".leaflet-marker-icon").first().waitFor({ state: "visible" });
    const kilobytesLoaded = kilobytes(await gzippedSizes([...scripts]));
    await context.close();
    return kilobytesLoaded;
  } finally {
    await browser.close();
  }
}

const verdict = (pass: boolean) => (pass ? "pass" : "**miss**");

/** The run with the median performance score (Lighthouse's own advice for noisy machines), plus every score. */
interface Reported extends Measurement {
  scores: number[];
  /** null for a page without the map. */
  scriptKilobytes: number | null;
}

function medianRun(runs: Measurement[]): Omit<Reported, "scriptKilobytes"> {
  const sorted = [...runs].sort((a, b) => a.performance - b.performance);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!median) throw new Error("no Lighthouse run to report");
  return { ...median, scores: runs.map((run) => run.performance) };
}

const loadAverage = () => os.loadavg().map((load) => load.toFixed(2)).join(" / ");

function report(measurements: Reported[], load: { before: string; after: string }): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const machine = `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const rows = measurements.flatMap((entry) => [
    `| ${entry.pathname} | performance (mobile), median of ${entry.scores.length} (all: ${entry.scores.join(", ")}) | ${entry.performance} | ≥ ${GOALS.performance} | ${verdict(entry.performance >= GOALS.performance)} |`,
    `| ${entry.pathname} | accessibility | ${entry.accessibility} | ${GOALS.accessibility} | ${verdict(entry.accessibility >= GOALS.accessibility)} |`,
    `| ${entry.pathname} | JavaScript at first load, before scrolling (gzip) | ${entry.firstLoadScriptKilobytes} kB (${entry.firstLoadScriptWireKilobytes} kB on the wire with headers) | | |`,
    ...(entry.scriptKilobytes === null
      ? []
      : [`| ${entry.pathname} | JavaScript once the map is shown, map included (gzip) | ${entry.scriptKilobytes} kB | ≤ ${GOALS.scriptKilobytes} kB | ${verdict(entry.scriptKilobytes <= GOALS.scriptKilobytes)} |`]),
    `| ${entry.pathname} | LCP / TBT / CLS (simulated) | ${entry.largestContentfulPaintMilliseconds} ms / ${entry.totalBlockingTimeMilliseconds} ms / ${entry.cumulativeLayoutShift} | | |`,
  ]);
  return [
    `\n## ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC — ${machine}\n`,
    `Load average (1 / 5 / 15 min) before: ${load.before}; after: ${load.after}.\n`,
    "| page | figure | measured | goal | |",
    "|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}

const RESULTS = new URL("./RESULTS.md", import.meta.url);
const LIGHTHOUSE_HEADING = "## Lighthouse on the public page";
const RUN_HEADING = /^## \d{4}-\d{2}-\d{2} /;

/**
 * Adds the run at the end of the Lighthouse part of bench/RESULTS.md: after its last run, before the
 * next benchmark's heading (other benchmarks keep their own part of the file), or at the very end.
 */
async function addToResults(section: string): Promise<void> {
  const lines = (await fs.readFile(RESULTS, "utf8")).split("\n");
  const start = lines.findIndex((line) => line.startsWith(LIGHTHOUSE_HEADING));
  const next = start < 0 ? -1 : lines.findIndex((line, index) => index > start && line.startsWith("## ") && !RUN_HEADING.test(line));
  if (next < 0) {
    await fs.appendFile(RESULTS, section);
    return;
  }
  const before = lines.slice(0, next).join("\n").trimEnd();
  await fs.writeFile(RESULTS, `${before}\n${section}\n${lines.slice(next).join("\n")}`);
}

async function main(): Promise<void> {
  const givenBaseUrl = process.argv[2];
  const only = pagesAsked(process.env.LIGHTHOUSE_PAGES);
  const tiles = await startTileServer();
  const server: AppServer | null = givenBaseUrl ? null : await startAppServer({ environment: { MAP_TILE_URL: tiles.template, MAP_TILE_ATTRIBUTION: "bench tiles" } });
  const chromium = await launchDebuggableChromium();
  try {
    const baseUrl = givenBaseUrl ?? server?.baseUrl ?? "";
    const before = loadAverage();
    const measurements: Reported[] = [];
    // One family session for the runs: each sign-in is an audited change (and counts against the portal's limit).
    let familyCookie: string | null = null;
    for (const page of PAGES.filter((entry) => !only || only.includes(entry.label))) {
      if (page.family && !familyCookie) {
        const [family] = DEMO_FAMILY_ACCESS;
        if (!family) throw new Error("the demo has no family with a known access code");
        familyCookie = await familySessionCookie({ url: (pathname: string) => new URL(pathname, baseUrl).toString() } as AppServer, family.reference, family.code);
      }
      const runs: Measurement[] = [];
      for (let run = 1; run <= RUNS; run += 1) runs.push(await measure(baseUrl, page, chromium.port, run, page.family ? familyCookie : null));
      const scriptKilobytes = page.map ? await scriptKilobytesWithMap(baseUrl, page.pathname, chromium.port) : null;
      measurements.push({ ...medianRun(runs), scriptKilobytes });
    }
    const section = report(measurements, { before, after: loadAverage() });
    console.log(section);
    await addToResults(section);
  } finally {
    await chromium.close();
    await server?.stop();
    await tiles.close();
  }
}

await main();
