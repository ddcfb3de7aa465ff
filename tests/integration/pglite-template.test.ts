import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, selectRows } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { buildTemplate, copyTemplateIfEmpty, templatePaths } from "@/scripts/support/pglite-template";
import { migratedPgliteImage } from "./support/databases";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const journal = JSON.parse(fs.readFileSync(path.join(projectRoot, "db", "migrations", "meta", "_journal.json"), "utf8")) as {
  entries: unknown[];
};

/** A project folder whose template is the test's own: the real migrations and PGlite, a scratch build folder. */
let scratchProject = "";
let buildFolder = "";
let dataRoot = "";

beforeAll(async () => {
  scratchProject = fs.mkdtempSync(path.join(os.tmpdir(), "tarhuna-template-project-"));
  dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "tarhuna-template-data-"));
  fs.symlinkSync(path.join(projectRoot, "node_modules"), path.join(scratchProject, "node_modules"));
  fs.symlinkSync(path.join(projectRoot, "db"), path.join(scratchProject, "db"));
  buildFolder = path.join(scratchProject, ".next-builds", "build-1");
  expect(await buildTemplate(buildFolder, scratchProject)).toBe("built");
});

afterAll(() => {
  fs.rmSync(scratchProject, { recursive: true, force: true });
  fs.rmSync(dataRoot, { recursive: true, force: true });
});

async function appliedMigrations(dataDir: string): Promise<number> {
  const handle = await openDatabase({ kind: "pglite", dataDir });
  try {
    await migrateDatabase(handle);
    const rows = await selectRows<{ count: number }>(handle.db, sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
    return rows[0]?.count ?? 0;
  } finally {
    await handle.close();
  }
}

describe("the prebuilt embedded database", () => {
  it("is current once built, until a migration changes", async () => {
    expect(await buildTemplate(buildFolder, scratchProject)).toBe("current");
  });

  it("is copied into the next build from the previous one while the migrations are the same", async () => {
    const nextBuild = path.join(scratchProject, ".next-builds", "build-2");
    expect(await buildTemplate(nextBuild, scratchProject, buildFolder)).toBe("copied");
    const dataDir = path.join(dataRoot, "from-copy", "pglite");
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    expect(copyTemplateIfEmpty(dataDir, nextBuild, scratchProject)).toBe(true);
    expect(await appliedMigrations(dataDir)).toBe(journal.entries.length);
  });

  it("gives a new data directory every migration, without touching the template", async () => {
    const dataDir = path.join(dataRoot, "new", "pglite");
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    expect(copyTemplateIfEmpty(dataDir, buildFolder, scratchProject)).toBe(true);
    expect(await appliedMigrations(dataDir)).toBe(journal.entries.length);
    expect(fs.readdirSync(path.dirname(dataDir))).toEqual(["pglite"]);
    expect(await buildTemplate(buildFolder, scratchProject)).toBe("current");
  });

  it("never replaces a data directory that already holds a database", async () => {
    const dataDir = path.join(dataRoot, "existing", "pglite");
    // A migrated database, loaded from the run's migrated image rather than migrated again here.
    const handle = await openDatabase({ kind: "pglite", dataDir }, { pgliteImage: migratedPgliteImage() });
    await handle.db.execute(sql`create table kept_record (note text)`);
    await handle.db.execute(sql`insert into kept_record values ('recorded before the restart')`);
    await handle.close();

    expect(copyTemplateIfEmpty(dataDir, buildFolder, scratchProject)).toBe(false);

    const reopened = await openDatabase({ kind: "pglite", dataDir });
    try {
      const rows = await selectRows<{ note: string }>(reopened.db, sql`select note from kept_record`);
      expect(rows).toEqual([{ note: "recorded before the restart" }]);
    } finally {
      await reopened.close();
    }
  });

  it("is not used once it no longer matches the migrations, nor into a folder holding anything", () => {
    const emptyTarget = path.join(dataRoot, "stale", "pglite");
    fs.mkdirSync(path.dirname(emptyTarget), { recursive: true });
    const { keyFile } = templatePaths(buildFolder);
    const key = fs.readFileSync(keyFile, "utf8");
    fs.writeFileSync(keyFile, "made for other migrations\n");
    try {
      expect(copyTemplateIfEmpty(emptyTarget, buildFolder, scratchProject)).toBe(false);
      expect(fs.existsSync(emptyTarget)).toBe(false);
    } finally {
      fs.writeFileSync(keyFile, key);
    }

    const occupied = path.join(dataRoot, "occupied", "pglite");
    fs.mkdirSync(occupied, { recursive: true });
    fs.writeFileSync(path.join(occupied, "notes.txt"), "someone's file");
    expect(copyTemplateIfEmpty(occupied, buildFolder, scratchProject)).toBe(false);
    expect(fs.readdirSync(occupied)).toEqual(["notes.txt"]);
  });
});
