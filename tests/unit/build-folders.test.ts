import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { currentBuild, makeCurrent, newBuildFolder, pruneBuilds } from "@/scripts/support/build-folders.mjs";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function project(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "tarhuna-builds-"));
  folders.push(root);
  return root;
}

/** A finished build folder named `id` (names sort by age), as `npm run build` leaves one before the swap. */
function finishedBuild(root: string, id: string) {
  const folder = { id, distDir: `.next-builds/${id}`, path: path.join(root, ".next-builds", id) };
  fs.mkdirSync(folder.path, { recursive: true });
  fs.writeFileSync(path.join(folder.path, "BUILD_ID"), `${id}\n`);
  return folder;
}

/** A pid no process has any more: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("production build folders", () => {
  it("has no current build until one is made current, then the newest made current", () => {
    const root = project();
    expect(currentBuild(root)).toBeNull();
    makeCurrent(finishedBuild(root, "20260101T000000Z-1"), { version: "0.1.0" }, root);
    makeCurrent(finishedBuild(root, "20260102T000000Z-1"), { version: "0.2.0" }, root);

    expect(currentBuild(root)?.distDir).toBe(".next-builds/20260102T000000Z-1");
    // The build before stays whole for the servers that still serve it.
    expect(fs.readFileSync(path.join(root, ".next-builds", "20260101T000000Z-1", "BUILD_ID"), "utf8")).toBe("20260101T000000Z-1\n");
    expect(JSON.parse(fs.readFileSync(path.join(root, ".next-builds", "20260102T000000Z-1", "tarhuna-build.json"), "utf8"))).toEqual({ version: "0.2.0" });
  });

  it("gives each new build an empty folder sharing Next's cache, marked as being built until made current", () => {
    const root = project();
    const build = newBuildFolder(root);
    expect(fs.readdirSync(build.path).sort()).toEqual(["building.pid", "cache"]);
    expect(fs.realpathSync(path.join(build.path, "cache"))).toBe(fs.realpathSync(path.join(root, ".next-cache")));
    expect(currentBuild(root)).toBeNull();
  });

  it("keeps the newest finished builds and the current one, and removes failed builds whose process ended", () => {
    const root = project();
    for (const day of [1, 2, 3, 4]) makeCurrent(finishedBuild(root, `2026010${day}T000000Z-1`), {}, root);
    const failed = finishedBuild(root, "20260105T000000Z-9");
    fs.rmSync(path.join(failed.path, "BUILD_ID"));
    fs.writeFileSync(path.join(failed.path, "building.pid"), `${deadPid()}\n`);
    const running = newBuildFolder(root);

    const removed = pruneBuilds(2, root);

    expect(removed.sort()).toEqual(["20260101T000000Z-1", "20260102T000000Z-1", "20260105T000000Z-9"]);
    expect(fs.readdirSync(path.join(root, ".next-builds")).sort()).toEqual(["20260103T000000Z-1", "20260104T000000Z-1", "current", running.id].sort());
    expect(currentBuild(root)?.id).toBe("20260104T000000Z-1");
  });

  it("never removes the current build, even when newer finished builds outnumber what is kept", () => {
    const root = project();
    makeCurrent(finishedBuild(root, "20260101T000000Z-1"), {}, root);
    for (const day of [2, 3, 4]) makeCurrent(finishedBuild(root, `2026010${day}T000000Z-1`), {}, root);
    fs.rmSync(path.join(root, ".next-builds", "current"));
    fs.symlinkSync("20260101T000000Z-1", path.join(root, ".next-builds", "current"));

    pruneBuilds(2, root);

    expect(fs.readdirSync(path.join(root, ".next-builds")).sort()).toEqual(["20260101T000000Z-1", "20260104T000000Z-1", "current"]);
  });

  it("refuses to keep fewer than two builds: the one before the current is what running servers serve", () => {
    expect(() => pruneBuilds(1, project())).toThrow(RangeError);
  });
});
