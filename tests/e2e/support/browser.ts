import { chromium, type Browser, type BrowserContext } from "playwright-core";

/**
 * Debian's chromium, not a Playwright download: `npx playwright install` needs a network this
 * environment does not have. The flags keep it from reaching out to Google services during a test.
 */
const BROWSER_OPTIONS = {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(BROWSER_OPTIONS);
}

let workerBrowser: Promise<Browser> | undefined;

/**
 * The one browser of this test process, launched on first use and kept for the files the process
 * runs next (fixtures.ts, browserForThisFile); launched again should it have closed or crashed.
 * Playwright ends it with the process: Chromium leaves when its pipe to this process closes.
 */
export function browserForThisWorker(): Promise<Browser> {
  workerBrowser ??= launchBrowser().then(
    (browser) => {
      browser.on("disconnected", () => (workerBrowser = undefined));
      return browser;
    },
    (error: unknown) => {
      workerBrowser = undefined;
      throw error;
    },
  );
  return workerBrowser;
}

/**
 * A browser with a profile on disk: closed and launched again on the same folder it keeps what a
 * phone keeps between two days (service workers, their caches, IndexedDB), as a new context cannot.
 */
export function launchBrowserWithProfile(profileDirectory: string, viewport: { width: number; height: number }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDirectory, { ...BROWSER_OPTIONS, viewport });
}
