import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { count } from "drizzle-orm";
import Papa from "papaparse";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import type { DatabaseConfig } from "@/db/config";
import { migrateDatabase } from "@/db/migrate";
import { auditLog, policeReports } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit/verify";
import { testBackends } from "./support/databases";
import { createUser } from "./support/factories";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const backends = await testBackends();
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "import-kill-"));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

/** Runs the child import and SIGKILLs it once it has inserted its first batch inside the transaction. */
function importAndKill(filePath: string, actorId: string, environment: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    // node itself runs the script (tsx as a loader), so the pid killed is the process holding the transaction.
    const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/support/register-server-only.mjs", "tests/integration/support/import-child.ts", filePath, actorId], {
      cwd: projectRoot,
      env: { ...process.env, ...environment },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("SAVING")) child.kill("SIGKILL");
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (_code, signal) => resolve(`${signal ?? "exited"}: ${output}`));
  });
}

async function counts(handle: DatabaseHandle) {
  const [reports] = await handle.db.select({ total: count() }).from(policeReports);
  const [entries] = await handle.db.select({ total: count() }).from(auditLog);
  return { reports: reports?.total, auditEntries: entries?.total };
}

function reportsFile(rows: number): string {
  const filePath = path.join(workDir, `reports-${rows}.csv`);
  const records = Array.from({ length: rows }, (_, index) => [`KILL-${index}`, "2020-05-01", "سالم", "اختفاء", "نص البلاغ"]);
  fs.writeFileSync(filePath, Papa.unparse([["رقم البلاغ", "تاريخ البلاغ", "اسم المبلغ", "نوع البلاغ", "الوقائع"], ...records]));
  return filePath;
}

async function prepare(config: DatabaseConfig): Promise<{ actorId: string; before: Awaited<ReturnType<typeof counts>> }> {
  const handle = await openDatabase(config);
  try {
    await migrateDatabase(handle);
    const actor = await createUser(handle.db, "registrar");
    return { actorId: actor.id, before: await counts(handle) };
  } finally {
    await handle.close();
  }
}

async function afterKill(config: DatabaseConfig) {
  const handle = await openDatabase(config);
  try {
    return { counts: await counts(handle), chain: await verifyAuditChain(handle.db) };
  } finally {
    await handle.close();
  }
}

describe("an import killed mid-transaction", () => {
  it("leaves the embedded database (PGlite) consistent and without a single imported row", async () => {
    const dataRoot = path.join(workDir, "pglite-data");
    const config: DatabaseConfig = { kind: "pglite", dataDir: path.join(dataRoot, "pglite") };
    const { actorId, before } = await prepare(config);
    const outcome = await importAndKill(reportsFile(5_000), actorId, { DATA_DIR: dataRoot, DATABASE_URL: "" });
    expect(outcome).toMatch(/^SIGKILL: SAVING/);
    const after = await afterKill(config);
    expect(after.counts).toEqual(before);
    expect(after.chain).toMatchObject({ ok: true });
  });

  const postgres = backends.find((backend) => backend.name === "PostgreSQL");
  it.skipIf(!postgres || postgres.skip)("leaves PostgreSQL without a single imported row", async () => {
    if (!postgres) return;
    const database = await postgres.create();
    try {
      await migrateDatabase(database.handle);
      if (database.handle.config.kind !== "postgres") throw new Error("expected PostgreSQL");
      const config = database.handle.config;
      const { actorId, before } = await prepare(config);
      const outcome = await importAndKill(reportsFile(5_000), actorId, { DATABASE_URL: config.url });
      expect(outcome).toMatch(/^SIGKILL: SAVING/);
      const after = await afterKill(config);
      expect(after.counts).toEqual(before);
      expect(after.chain).toMatchObject({ ok: true });
    } finally {
      await database.dispose();
    }
  });
});
