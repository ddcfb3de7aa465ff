import type { TestProject } from "vitest/node";
import { adminClient, makePgliteTemplate, makePostgresTemplate } from "./migrated-templates";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated PGlite image every embedded test database is opened from. */
    pgliteTemplateFile: string;
    /** The migrated PostgreSQL database every PostgreSQL test database is copied from; "" when PostgreSQL does not answer. */
    postgresTemplate: string;
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

/** Migrates one database per engine for the whole run; each test database is a copy of it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pglite = await makePgliteTemplate();
  const postgresTemplate = (await postgresAnswers()) ? await makePostgresTemplate() : null;
  project.provide("pgliteTemplateFile", pglite.file);
  project.provide("postgresTemplate", postgresTemplate?.name ?? "");
  return async () => {
    pglite.remove();
    await postgresTemplate?.remove();
  };
}
