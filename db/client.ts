import "server-only";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { SQL } from "drizzle-orm";
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { environment } from "@/lib/env";
import { describeDatabase, readDatabaseConfig, type DatabaseConfig } from "./config";
import { explainDataDirectoryError, explainPostgresError } from "./errors";
import { acquirePgliteLock } from "./pglite-lock";
import * as schema from "./schema";
import { watchedSocketFactory } from "./watched-socket";

/** The one database type the rest of the code sees, whichever driver runs underneath. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Executor = Database | Transaction;

/** Whether `executor` is a transaction (drizzle's transactions, on either driver, can roll back). */
export function isTransaction(executor: Executor): executor is Transaction {
  return "rollback" in executor;
}

export interface DatabaseHandle {
  db: Database;
  config: DatabaseConfig;
  description: string;
  close(): Promise<void>;
}

async function openPglite(dataDir: string | null, image?: Blob): Promise<DatabaseHandle> {
  const config: DatabaseConfig = { kind: "pglite", dataDir };
  let release = () => {};
  let client: PGlite;
  try {
    if (dataDir) {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.accessSync(dataDir, fs.constants.R_OK | fs.constants.W_OK);
      release = acquirePgliteLock(dataDir);
    }
    client = await PGlite.create(dataDir ?? undefined, { extensions: { pg_trgm }, loadDataDir: image });
  } catch (error) {
    release();
    if (error instanceof Error && error.name === "DatabaseSetupError") throw error;
    throw explainDataDirectoryError(error, dataDir ?? "memory");
  }
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    db,
    config,
    description: describeDatabase(config),
    async close() {
      await client.close();
      release();
    },
  };
}

/** A new connection that has not finished its start-up by then counts as failed. */
const CONNECT_TIMEOUT_SECONDS = 10;
/**
 * A connection that owes an answer and has heard nothing for this long is dropped, unless the server
 * still answers a new connection within PROBE_MILLISECONDS (see watched-socket.ts). DATABASE_STALL_SECONDS
 * (lib/env.ts) sets another limit.
 */
const DEFAULT_STALL_SECONDS = 15;
const PROBE_MILLISECONDS = 3_000;

/** Whether the server answers `select 1` on a connection of its own, in time. */
function serverAnswers(url: string): () => Promise<boolean> {
  return async () => {
    const probe = postgres(url, { max: 1, connect_timeout: PROBE_MILLISECONDS / 1000, onnotice: () => {} });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), PROBE_MILLISECONDS)));
    try {
      return await Promise.race([probe`select 1`.then(() => true), timedOut]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
      void probe.end({ timeout: 0 });
    }
  };
}

async function openPostgres(url: string, maxConnections: number): Promise<DatabaseHandle> {
  const config: DatabaseConfig = { kind: "postgres", url };
  const description = describeDatabase(config);
  const options = {
    max: maxConnections,
    onnotice: () => {},
    connect_timeout: CONNECT_TIMEOUT_SECONDS,
    // A server that stops answering without closing the connection must not hold it forever.
    socket: watchedSocketFactory(environment().DATABASE_STALL_SECONDS ?? DEFAULT_STALL_SECONDS, serverAnswers(url)),
  };
  const client = postgres(url, options);
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 });
    throw explainPostgresError(error, description);
  }
  const db = drizzlePostgres({ client, schema }) as unknown as Database;
  return { db, config, description, close: () => client.end({ timeout: 5 }) };
}

export interface OpenOptions {
  maxConnections?: number;
  /**
   * PGlite only: start from this data directory image (PGlite's `dumpDataDir`) instead of an empty
   * database. The tests migrate one database once and open copies of it, which spares initdb.
   */
  pgliteImage?: Blob;
}

export async function openDatabase(config: DatabaseConfig = readDatabaseConfig(), options: OpenOptions = {}): Promise<DatabaseHandle> {
  return config.kind === "pglite"
    ? openPglite(config.dataDir, options.pgliteImage)
    : openPostgres(config.url, options.maxConnections ?? 10);
}

/** Rows of a raw SQL query: PGlite answers { rows }, postgres.js an array. */
export async function selectRows<Row>(executor: Executor, query: SQL): Promise<Row[]> {
  const result: unknown = await executor.execute(query);
  if (Array.isArray(result)) return result as Row[];
  return (result as { rows: Row[] }).rows;
}

const dialect = new PgDialect();

/**
 * selectRows for a statement run again and again with other values, the search's lookups: on
 * PostgreSQL it is prepared once per pooled connection (postgres.js names and keeps it), so the
 * server parses and plans it once instead of for every search (issue 30: the database's CPU per
 * typed search fell by some 45 %, the search's own Node CPU by some 30 %). The statement's text must
 * be the same for every value (arrays as one parameter): each text is kept on every connection.
 * Inside a transaction, and on PGlite, as selectRows.
 */
export async function selectPreparedRows<Row>(executor: Executor, query: SQL): Promise<Row[]> {
  const client = (executor as { $client?: unknown }).$client;
  if (typeof client !== "function" || !("unsafe" in client) || isTransaction(executor)) return selectRows<Row>(executor, query);
  const { sql, params } = dialect.sqlToQuery(query);
  return (await (client as postgres.Sql).unsafe(sql, params as postgres.ParameterOrJSON<never>[], { prepare: true })) as unknown as Row[];
}
