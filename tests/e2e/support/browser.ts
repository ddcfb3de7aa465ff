import { chromium, type Browser } from "playwright-core";

/**
 * Debian's chromium, not a Playwright download: `npx playwright install` needs a network this
 * environment does not have. The flags keep it from reaching out to Google services during a test.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
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
  });
}
