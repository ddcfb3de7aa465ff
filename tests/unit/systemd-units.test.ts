import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const deployFolder = fileURLToPath(new URL("../../deploy", import.meta.url));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "tarhuna-units-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** The units as installed (docs/DEPLOY.md): the app template instantiated for port 3001. */
function installedCopies(): string[] {
  const copies = [
    ["tarhuna-registry@.service", "tarhuna-registry@3001.service"],
    ["tarhuna-registry-backup.service", "tarhuna-registry-backup.service"],
    ["tarhuna-registry-backup.timer", "tarhuna-registry-backup.timer"],
    ["tarhuna-registry-reports-purge.service", "tarhuna-registry-reports-purge.service"],
    ["tarhuna-registry-reports-purge.timer", "tarhuna-registry-reports-purge.timer"],
  ];
  return copies.map(([source = "", target = ""]) => {
    const file = path.join(scratch, target);
    fs.copyFileSync(path.join(deployFolder, source), file);
    return file;
  });
}

/** The settings of one section, as systemd reads them (last one wins; comments and blanks skipped). */
function settings(file: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of fs.readFileSync(path.join(deployFolder, file), "utf8").split("\n")) {
    const match = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (match?.[1]) values.set(match[1], match[2] ?? "");
  }
  return values;
}

describe("the systemd units of deploy/", () => {
  it("pass systemd-analyze verify without a single warning (an unknown or misspelt setting is only a warning to systemd)", () => {
    const result = spawnSync("systemd-analyze", ["verify", ...installedCopies()], { cwd: scratch, encoding: "utf8", timeout: 60_000 });
    expect(result.error, "systemd-analyze is missing: apt-get install systemd (.ci/run does)").toBeUndefined();
    expect(result.stderr + result.stdout).toBe("");
    expect(result.status).toBe(0);
  });

  it("run the app as its own user, restarted on failure, with the system read-only and no privilege gains", () => {
    const app = settings("tarhuna-registry@.service");
    expect(Object.fromEntries(["User", "Restart", "ProtectSystem", "NoNewPrivileges", "ExecStart", "Environment"].map((key) => [key, app.get(key)]))).toMatchObject({
      User: "tarhuna",
      Restart: "on-failure",
      ProtectSystem: "strict",
      NoNewPrivileges: "yes",
      ExecStart: "/usr/bin/npm --silent start",
    });
    expect(fs.readFileSync(path.join(deployFolder, "tarhuna-registry@.service"), "utf8")).toContain("Environment=TARHUNA_ENV_FILE=/etc/tarhuna-registry/env");
  });

  it("back up every night with rotation, as the same user, under the same protections", () => {
    const backup = settings("tarhuna-registry-backup.service");
    expect(backup.get("ExecStart")).toBe("/usr/bin/npm run backup");
    expect(backup.get("ExecStartPost")).toMatch(/^\/usr\/bin\/npm run backup:rotate -- --daily \d+ --weekly \d+$/);
    expect([backup.get("User"), backup.get("ProtectSystem"), backup.get("NoNewPrivileges"), backup.get("UMask")]).toEqual(["tarhuna", "strict", "yes", "0077"]);
    expect(settings("tarhuna-registry-backup.timer").get("OnCalendar")).toBe("*-*-* 02:30:00");
  });

  it("purge the online reports rejected as spam once a day, as the same user, under the same protections", () => {
    const purge = settings("tarhuna-registry-reports-purge.service");
    expect(purge.get("ExecStart")).toBe("/usr/bin/npm run reports:purge");
    expect([purge.get("User"), purge.get("ProtectSystem"), purge.get("NoNewPrivileges"), purge.get("UMask")]).toEqual(["tarhuna", "strict", "yes", "0077"]);
    const timer = settings("tarhuna-registry-reports-purge.timer");
    expect([timer.get("OnCalendar"), timer.get("Persistent")]).toEqual(["*-*-* 03:15:00", "true"]);
  });
});
