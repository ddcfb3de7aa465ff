import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { bodyLimit } from "@/scripts/support/body-limits.mjs";

// deploy/Caddyfile refuses a too-large body before it reaches an instance; the app refuses it again
// behind the proxy (scripts/support/body-limits.mjs). If the two drift apart, either a file the app
// accepts (a 64 MiB spreadsheet) is refused by the proxy, or the proxy forwards what the app will cut
// off mid-way, which Caddy 2.6 answers with 502.
const caddyfile = fs.readFileSync(path.join(__dirname, "..", "..", "deploy", "Caddyfile"), "utf8");

/** The byte limits the Caddyfile gives each kind of route: in request_body, the 413 matcher and its answer. */
function proxyLimits(matcher: string): { maxSize: number; refusedAbove: number; answered: number } {
  const requestBody = new RegExp(`request_body @${matcher} \\{\\s*max_size (\\d+)\\s*\\}`).exec(caddyfile);
  const matcherBlock = caddyfile.split(`@${matcher}TooLarge {`)[1]?.split("\n\t}")[0] ?? "";
  const refused = /int\(\{http\.request\.header\.Content-Length\}\) > (\d+)/.exec(matcherBlock);
  const answer = new RegExp(`respond @${matcher}TooLarge \`\\{"error":"tooLarge","limitBytes":(\\d+)\\}\` 413`).exec(caddyfile);
  if (!requestBody || !refused || !answer) throw new Error(`deploy/Caddyfile has no complete body limit for @${matcher}`);
  return { maxSize: Number(requestBody[1]), refusedAbove: Number(refused[1]), answered: Number(answer[1]) };
}

describe("deploy/Caddyfile allows each route exactly the body the app allows", () => {
  test.each([
    ["spreadsheetImport", "/api/staff/import"],
    ["effectPhotos", "/api/staff/effect-photos"],
    ["laboratoryFiles", "/ar/staff/kinship"],
    ["laboratoryFiles", "/en/staff/kinship/frequencies"],
    ["everythingElse", "/ar/login"],
    ["everythingElse", "/api/auth/callback/credentials"],
  ])("@%s (%s)", (matcher, pathname) => {
    const limits = proxyLimits(matcher);
    expect(limits).toEqual({ maxSize: bodyLimit(pathname), refusedAbove: bodyLimit(pathname), answered: bodyLimit(pathname) });
  });

  test("the largest spreadsheet the import takes (64 MiB) passes the proxy", () => {
    expect(proxyLimits("spreadsheetImport").refusedAbove).toBeGreaterThanOrEqual(64 * 1024 * 1024);
  });

  test("no passive health check: one client's broken body must not take an instance out of service", () => {
    expect(caddyfile).not.toMatch(/^\s*(fail_duration|max_fails)\b/m);
  });
});
