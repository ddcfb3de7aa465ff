import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { embeddedFallbackRefusal } from "@/db/config";
import { loadSettingsFile, SettingsFileError, settingsFileExposure } from "@/scripts/support/load-env-file.mjs";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tarhuna-settings-unit-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe("the settings file", () => {
  it("reads .env from the project folder, never replacing a variable the process already has", () => {
    fs.writeFileSync(path.join(folder, ".env"), "DATABASE_URL=postgres://app@db/registry\nPORT=4000\n", { mode: 0o600 });
    const env: Record<string, string | undefined> = { PORT: "3100" };
    expect(loadSettingsFile(env, folder)).toBe(path.join(folder, ".env"));
    expect(env).toMatchObject({ DATABASE_URL: "postgres://app@db/registry", PORT: "3100", TARHUNA_SETTINGS_FILE: path.join(folder, ".env") });
  });

  it("reads the file TARHUNA_ENV_FILE names instead, and stops when it is missing", () => {
    const file = path.join(folder, "registry.env");
    fs.writeFileSync(file, "NODE_ENV=production\n", { mode: 0o600 });
    const env: Record<string, string | undefined> = { TARHUNA_ENV_FILE: file };
    loadSettingsFile(env, os.tmpdir());
    expect(env.NODE_ENV).toBe("production");
    expect(() => loadSettingsFile({ TARHUNA_ENV_FILE: path.join(folder, "absent.env") }, folder)).toThrow(SettingsFileError);
  });

  it("warns when others can read it", () => {
    const file = path.join(folder, "open.env");
    fs.writeFileSync(file, "AUTH_SECRET=x\n");
    fs.chmodSync(file, 0o644);
    expect(settingsFileExposure(file)).toContain(`chmod 600 ${file}`);
    fs.chmodSync(file, 0o600);
    expect(settingsFileExposure(file)).toBeNull();
  });
});

describe("the embedded database as a fallback", () => {
  const embedded = { kind: "pglite", dataDir: "/srv/registry/data/pglite" } as const;

  it("is refused in production unless DATA_DIR asks for it, and whenever DATABASE_URL is written down empty", () => {
    expect(embeddedFallbackRefusal(embedded, { NODE_ENV: "production" }, "/etc/tarhuna-registry/env")).toContain("/etc/tarhuna-registry/env");
    expect(embeddedFallbackRefusal(embedded, { NODE_ENV: "production", DATA_DIR: "/srv/registry/data" }, null)).toBeNull();
    expect(embeddedFallbackRefusal(embedded, { DATABASE_URL: "" }, null)).toContain("empty");
  });

  it("is allowed for a demonstration, and PostgreSQL is never refused", () => {
    expect(embeddedFallbackRefusal(embedded, {}, null)).toBeNull();
    expect(embeddedFallbackRefusal({ kind: "postgres", url: "postgres://app@db/registry" }, { NODE_ENV: "production" }, null)).toBeNull();
  });
});
