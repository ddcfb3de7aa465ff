import fs from "node:fs";
import path from "node:path";
import { getTableName, is, Table } from "drizzle-orm";
import { expect, test } from "vitest";
import * as schema from "@/db/schema";
import * as enumValues from "@/lib/enum-values";
import { currentBuild } from "@/scripts/support/build-folders.mjs";
import { repositoryRoot } from "./support/repository-root";

/*
 * What the browser downloads must not describe the database: no drizzle, no table names, no
 * password_hash column. A form that imports a module reaching @/db/schema pulls all of it into a
 * client chunk (issue 20: 10.8 kB gzip on 8 staff routes). docs/BOUNDARY.md has the rule; this reads
 * the production build global setup made.
 */
const build = currentBuild(repositoryRoot);
if (!build) throw new Error("no current production build (.next-builds/current): global setup builds one");
const staticDirectory = path.join(build.path, "static");

function clientFiles(directory: string): string[] {
  return fs.readdirSync(directory, { recursive: true, encoding: "utf8" }).filter((name) => /\.(js|mjs|css|map|json|txt)$/.test(name)).map((name) => path.join(directory, name));
}

/** Every table the schema defines, by its SQL name: bundled, each stays a quoted string ("families"). */
const tableNames = (Object.values(schema) as unknown[]).flatMap((value) => (is(value, Table) ? [getTableName(value)] : []));

/** Values the forms rightly ship (lib/enum-values.ts); "personal_effects" is one and a table too. */
const shippedValues = new Set<string>(Object.values(enumValues).flat());

/**
 * A table name counts as a quoted string, since the same words are ordinary in paths
 * (/staff/families); one that is also a form's value counts where it opens a table definition
 * (pgTable("personal_effects", {…}) minifies to "personal_effects",{).
 */
function tablePattern(name: string): RegExp {
  return shippedValues.has(name) ? new RegExp(`["'\`]${name}["'\`],\\{`) : new RegExp(`["'\`]${name}["'\`]`);
}

const forbidden: { what: string; pattern: RegExp }[] = [
  { what: "password_hash", pattern: /password_hash/ },
  { what: "drizzle", pattern: /drizzle/i },
  ...tableNames.map((name) => ({ what: `table ${name}`, pattern: tablePattern(name) })),
];

test("the schema names its tables (the search below is not empty)", () => {
  expect(tableNames).toEqual(expect.arrayContaining(["users", "families", "missing_persons", "audit_log"]));
});

test("no client file of the production build carries drizzle, a table name or password_hash", () => {
  const files = clientFiles(staticDirectory);
  expect(files.length, "the build has client files").toBeGreaterThan(0);
  const hits: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    for (const { what, pattern } of forbidden) {
      if (pattern.test(text)) hits.push(`${path.relative(staticDirectory, file)}: ${what}`);
    }
  }
  expect(hits).toEqual([]);
});
