import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { adminClient, makePgliteTemplate, makePostgresTemplate, seededPostgresTemplateName } from "./migrated-templates";
import { sharedAcrossProjects } from "../../shared-global-setup";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated PGlite image every embedded test database is opened from. */
    pgliteTemplateFile: string;
    /** The migrated PostgreSQL database every PostgreSQL test database is copied from; "" when PostgreSQL does not answer. */
    postgresTemplate: string;
    /** Where the first file that needs the demo data leaves its seeded templates (support/seeded-templates.ts). */
    seededTemplateFolder: string;
  }
}

async function postgresAnswers(): Promise<boolean> {
  const client = adminClient();
  try {
    await client`select 1`;
    return true;
  } catch {
    // support/databases.ts reports an unreachable PostgreSQL (skipped, or failed under REQUIRE_POSTGRES).
    return false;
  } finally {
    await client.end({ timeout: 1 });
  }
}

async function dropDatabase(name: string): Promise<void> {
  const client = adminClient();
  try {
    await client.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end({ timeout: 5 });
  }
}

interface Prepared {
  pgliteTemplateFile: string;
  postgresTemplate: string;
  seededTemplateFolder: string;
  remove(): Promise<void>;
}

/** Migrates one database per engine for the whole run; each test database is a copy of it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Both integration projects (integration, and integration-shared for the files that share their
  // worker's modules) name this setup: the first one migrates, and the two share the templates and
  // the demo data seeded from them (support/seeded-templates.ts).
  const { prepared, release } = await sharedAcrossProjects("integration", prepare);
  project.provide("pgliteTemplateFile", prepared.pgliteTemplateFile);
  project.provide("postgresTemplate", prepared.postgresTemplate);
  project.provide("seededTemplateFolder", prepared.seededTemplateFolder);
  return release;
}

async function prepare(): Promise<Prepared> {
  const pglite = await makePgliteTemplate();
  const postgresTemplate = (await postgresAnswers()) ? await makePostgresTemplate() : null;
  const seededTemplateFolder = fs.mkdtempSync(path.join(os.tmpdir(), "tarhuna-test-seeded-"));
  return {
    pgliteTemplateFile: pglite.file,
    postgresTemplate: postgresTemplate?.name ?? "",
    seededTemplateFolder,
    async remove() {
      pglite.remove();
      fs.rmSync(seededTemplateFolder, { recursive: true, force: true });
      if (postgresTemplate) await dropDatabase(seededPostgresTemplateName(postgresTemplate.name));
      await postgresTemplate?.remove();
    },
  };
}
