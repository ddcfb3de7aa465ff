import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { promisify } from "node:util";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startAppInstance, type AppInstance } from "./support/app-server";
import { childEnvironment } from "./support/child-environment";
import { findFreePort } from "./support/free-port";
import { addSettings, asClusterOwner, cluster, clusterFolder, clusterProgramsMissing, POSTGRES_BIN, type Cluster } from "./support/postgres-cluster";
import { repositoryRoot } from "./support/repository-root";
import { runCommand } from "./support/run-command";
import { copySeededPostgresDatabase } from "./support/seeded-data";
import { testPostgresAnswers, type ThrowawayDatabase } from "./support/throwaway-postgres";

// A primary and a streaming-replication standby made with pg_basebackup, synchronous, on spare
// ports; the app's DATABASE_URL names both with target_session_attrs=primary (postgres.js, like
// libpq, tries the hosts in turn and keeps the one that is not a standby; its read-write test would
// take a hot standby for a primary). docs/DEPLOY.md, "A standby",
// gives these commands as this file runs them.

const FAILOVER_LIMIT_MILLISECONDS = 30_000;
const shell = promisify(execFile);

const programsMissing = clusterProgramsMissing();
const postgresMissing = !(await testPostgresAnswers());
if (programsMissing) console.warn(`postgres-standby: skipped, ${programsMissing}`);
if (postgresMissing) console.warn("postgres-standby: skipped, PostgreSQL does not answer at TEST_POSTGRES_URL (its seeded database is copied in)");

let folder = "";
let primary: Cluster | undefined;
let standby: Cluster | undefined;
let seeded: ThrowawayDatabase | undefined;
let app: AppInstance | undefined;
let databaseUrl = "";

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function makeClusters(): Promise<void> {
  folder = clusterFolder();
  const [primaryPort, standbyPort] = [await findFreePort(), await findFreePort()];
  primary = cluster(folder, "primary", primaryPort);
  standby = cluster(folder, "standby", standbyPort);

  await asClusterOwner("initdb", ["-D", primary.dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  addSettings(primary.dataDirectory, {
    port: primaryPort,
    listen_addresses: "127.0.0.1",
    unix_socket_directories: folder,
  });
  await primary.start();
  await asClusterOwner("psql", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-c", "create database registry"]);

  // The registry's data: the demo database the e2e run seeded, copied in as a restore would.
  seeded = await copySeededPostgresDatabase();
  const dump = `${folder}/registry.sql`;
  await shell(`${POSTGRES_BIN}/pg_dump`, ["--no-owner", "--no-privileges", "-f", dump, seeded.url], { maxBuffer: 1 << 26 });
  fs.chmodSync(dump, 0o644);
  await asClusterOwner("psql", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-d", "registry", "-v", "ON_ERROR_STOP=1", "-q", "-f", dump]);

  // The standby: a copy of the primary's files, following its WAL (-R writes primary_conninfo and standby.signal).
  await asClusterOwner("pg_basebackup", [
    "-d",
    `host=127.0.0.1 port=${primaryPort} user=postgres application_name=standby1`,
    "-D",
    standby.dataDirectory,
    "-R",
    "-X",
    "stream",
    "-c",
    "fast",
  ]);
  addSettings(standby.dataDirectory, {
    port: standbyPort,
    // Once promoted it has no standby of its own: waiting for one would stop every commit.
    synchronous_standby_names: "",
  });
  await standby.start();
  // Only now that the standby follows: with a synchronous standby named but none connected, every
  // commit on the primary would wait. From here a commit returns once the standby has it on disk.
  await asClusterOwner("psql", [
    "-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-v", "ON_ERROR_STOP=1",
    "-c", "alter system set synchronous_commit = 'on'",
    "-c", "alter system set synchronous_standby_names = 'standby1'",
    "-c", "select pg_reload_conf()",
  ]);
  databaseUrl = `postgres://postgres@127.0.0.1:${primaryPort},127.0.0.1:${standbyPort}/registry?target_session_attrs=primary`;
}

async function replicationState(): Promise<string[]> {
  const sql = postgres(`postgres://postgres@127.0.0.1:${primary?.port}/registry`, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ name: string; state: string; sync: string }[]>`
      select application_name as name, state, sync_state as sync from pg_stat_replication`;
    return rows.map((row) => `${row.name} ${row.state} ${row.sync}`);
  } finally {
    await sql.end();
  }
}

interface Write {
  marker: string;
  startedAt: number;
  ok: boolean;
  what: string;
}

/**
 * One staff sign-in: a write of the app (a session row and an audit entry, in one transaction each),
 * told apart by its user agent. Each claims an address of its own (the test is a trusted proxy here),
 * so the sign-in throttle, which a failed attempt during the outage feeds, never locks the next.
 */
async function signIn(baseUrl: string, index: number): Promise<Write> {
  const marker = `standby-test-${index}`;
  const startedAt = Date.now();
  const headers = { "user-agent": marker, "x-forwarded-for": `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}` };
  try {
    const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers, signal: AbortSignal.timeout(15_000) });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers.getSetCookie().map((header) => header.split(";")[0]).join("; ");
    const answer = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, username: ["registrar", "admin", "forensic", "viewer"][index % 4] ?? "viewer", password: "demo-password", callbackUrl: "/ar/staff" }),
      signal: AbortSignal.timeout(15_000),
    });
    const ok = answer.headers.getSetCookie().some((header) => /session-token=/.test(header));
    return { marker, startedAt, ok, what: `HTTP ${answer.status} ${answer.headers.get("location") ?? ""}` };
  } catch (error) {
    return { marker, startedAt, ok: false, what: (error as Error).message };
  }
}

describe.skipIf(programsMissing !== null || postgresMissing)("a synchronous PostgreSQL standby, promoted when the primary is lost", () => {
  beforeAll(async () => {
    const started = Date.now();
    await makeClusters();
    const port = await findFreePort();
    app = await startAppInstance(port, {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      TRUSTED_PROXIES: "127.0.0.1",
    });
    console.log(`postgres-standby: primary, standby and app ready after ${Math.round((Date.now() - started) / 1000)} s`);
  }, 300_000);

  afterAll(async () => {
    await app?.stop();
    await primary?.stop();
    await standby?.stop();
    await seeded?.drop();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  test(`the app keeps writing within ${FAILOVER_LIMIT_MILLISECONDS / 1000} s of the primary's loss, no committed write is lost, and the audit chain verifies on the promoted standby`, async () => {
    if (!app || !primary || !standby) throw new Error("not started: beforeAll failed, see above");
    await expect.poll(replicationState, { timeout: 15_000 }).toEqual(["standby1 streaming sync"]);

    const writes: Write[] = [];
    let running = true;
    let next = 0;
    const baseUrl = app.baseUrl;
    const writer = async () => {
      while (running) {
        const write = await signIn(baseUrl, (next += 1));
        writes.push(write);
        if (!write.ok) await sleep(200);
      }
    };
    const writers = [writer(), writer()];
    // Writing steadily before the loss (a first sign-in warms the server up).
    const warmDeadline = Date.now() + 60_000;
    while (Date.now() < warmDeadline && writes.filter((write) => write.ok).length < 5) await sleep(250);

    const lostAt = Date.now();
    await primary.crash();
    // What an operator (or a failover manager) does once the primary is known lost.
    await asClusterOwner("pg_ctl", ["-D", standby.dataDirectory, "-w", "promote"]);
    const promotedAt = Date.now();
    const deadline = lostAt + FAILOVER_LIMIT_MILLISECONDS + 10_000;
    while (Date.now() < deadline && !writes.some((write) => write.ok && write.startedAt > promotedAt)) await sleep(250);
    await sleep(3_000);
    running = false;
    await Promise.all(writers);

    const firstAfter = writes.find((write) => write.ok && write.startedAt > lostAt);
    const writingAgainAfter = firstAfter ? firstAfter.startedAt - lostAt : Number.POSITIVE_INFINITY;
    const saved = writes.filter((write) => write.ok);
    console.log(
      `postgres-standby: ${writes.length} sign-ins, ${saved.length} saved, ${writes.length - saved.length} failed; ` +
        `promoted ${promotedAt - lostAt} ms after the primary was lost; writing again after ${writingAgainAfter} ms`,
    );
    const failures = [...new Set(writes.filter((write) => !write.ok).map((write) => write.what))].slice(0, 5).join("\n");
    expect(saved.filter((write) => write.startedAt < lostAt).length, failures).toBeGreaterThan(3);
    expect(writingAgainAfter).toBeLessThan(FAILOVER_LIMIT_MILLISECONDS);

    // A sign-in refused while the database was away says so, without the failed query's SQL (with the
    // username and the address) in the address it sends the browser to, which a proxy would log.
    expect(writes.filter((write) => /Failed%20query|insert|select/i.test(write.what)).map((write) => write.what)).toEqual([]);

    // Every sign-in the app reported saved, before the loss or after, is in the promoted database.
    const sql = postgres(`postgres://postgres@127.0.0.1:${standby.port}/registry`, { max: 1, onnotice: () => {} });
    const recorded = new Set(
      (await sql<{ agent: string }[]>`select user_agent as agent from audit_log where action = 'auth.signIn' and user_agent like 'standby-test-%'`).map((row) => row.agent),
    );
    await sql.end();
    expect(saved.map((write) => write.marker).filter((marker) => !recorded.has(marker))).toEqual([]);

    const verified = await runCommand("npm", ["run", "audit:verify"], {
      cwd: repositoryRoot,
      env: childEnvironment({ DATABASE_URL: databaseUrl, NODE_ENV: "production" }),
      timeoutMilliseconds: 120_000,
    });
    expect(verified).toMatch(/intact/i);
    expect(verified).toContain(`127.0.0.1:${primary.port}, 127.0.0.1:${standby.port}/registry`);
  });
});
