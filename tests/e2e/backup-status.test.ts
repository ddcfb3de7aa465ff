import postgres from "postgres";
import { describe, expect, test } from "vitest";
import english from "@/lib/i18n/messages/en";
import { appServerForThisFile } from "./support/fixtures";
import { staffSessionCookie } from "./support/http-sessions";

// The administrators' dashboard shows the newest backup and restore drill (recorded by npm run
// backup and npm run restore:drill in system_settings), and warns when one is older than two days.
const server = appServerForThisFile({ database: "postgres", environment: { MAP_TILE_URL: "none" } });
const words = english.Dashboard.backups;

async function dashboard(username: string): Promise<string> {
  const cookie = await staffSessionCookie(server.current, username);
  const response = await fetch(server.current.url("/en/staff"), { headers: { cookie } });
  expect(response.status).toBe(200);
  return response.text();
}

async function record(key: string, value: object): Promise<void> {
  const sql = postgres(server.current.databaseUrl ?? "", { max: 1, onnotice: () => {} });
  try {
    await sql`insert into system_settings (key, value) values (${key}, ${sql.json(value as never)})
      on conflict (key) do update set value = excluded.value, updated_at = now()`;
  } finally {
    await sql.end();
  }
}

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

describe("the backup status on the administrators' dashboard", () => {
  test("warns while no backup or drill is recorded, shows each result, and warns again once one is older than two days; other roles do not see it", async () => {
    const nothingYet = await dashboard("admin");
    expect(nothingYet).toContain(words.backup.never);
    expect(nothingYet).toContain(words.backup.overdue);
    expect(nothingYet).toContain(words.drill.overdue);

    await record("operations_last_backup", { at: hoursAgo(3), ok: true, file: "/var/lib/tarhuna-registry/backups/a.pgdump", problems: [] });
    await record("operations_last_restore_drill", { at: hoursAgo(49), ok: false, file: "/var/lib/tarhuna-registry/backups/a.pgdump", problems: ["manifest: audit entry 7 is missing"] });
    const recorded = await dashboard("admin");
    expect(recorded).not.toContain(words.backup.overdue);
    expect(recorded).toContain(words.succeeded);
    expect(recorded).toContain("FAILED: manifest: audit entry 7 is missing");
    expect(recorded).toContain(words.drill.overdue);

    expect(await dashboard("registrar")).not.toContain(words.heading);
  });
});
