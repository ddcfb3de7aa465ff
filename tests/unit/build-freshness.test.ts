import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildIsStale } from "@/scripts/support/build-freshness";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

/** A checkout with one source file and a build, the build made `buildAgeSeconds` after the source changed. */
function checkout(buildAgeSeconds: number): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "tarhuna-build-"));
  folders.push(root);
  fs.mkdirSync(path.join(root, "lib"));
  fs.mkdirSync(path.join(root, ".next-builds", "build-1"), { recursive: true });
  fs.symlinkSync("build-1", path.join(root, ".next-builds", "current"));
  const source = path.join(root, "lib", "code.ts");
  const buildId = path.join(root, ".next-builds", "build-1", "BUILD_ID");
  fs.writeFileSync(source, "export {};\n");
  fs.writeFileSync(buildId, "build\n");
  const sourceTime = new Date(Date.now() - 3_600_000);
  fs.utimesSync(source, sourceTime, sourceTime);
  fs.utimesSync(path.join(root, "lib"), sourceTime, sourceTime);
  const buildTime = new Date(sourceTime.getTime() + buildAgeSeconds * 1000);
  fs.utimesSync(buildId, buildTime, buildTime);
  return root;
}

describe("npm start's check of the production build", () => {
  it("accepts a build made after the last change to the code", () => {
    expect(buildIsStale(checkout(60))).toBe(false);
  });

  it("refuses a build older than the code (updated, not rebuilt) and a missing build", () => {
    expect(buildIsStale(checkout(-60))).toBe(true);
    const root = checkout(60);
    fs.rmSync(path.join(root, ".next-builds", "build-1", "BUILD_ID"));
    expect(buildIsStale(root)).toBe(true);
  });
});
