import "server-only";
import { z } from "zod";
import { parsePostgresAddress } from "@/lib/postgres-address";
import { readServerSettings, ServerSettingError } from "@/scripts/support/client-address.mjs";

/**
 * Every setting the registry reads from its environment, checked in one place: the server
 * (lib/server/startup.ts, at start), the scripts (scripts/start.ts and the other CLIs) and the tests
 * read them from here, never from process.env. A bad value stops the start with the variable's name.
 * (Next's own NEXT_RUNTIME and the build-time NODE_ENV of next.config.js are Next's, not ours.)
 */

/** An unset or blank variable is absent; a set one is trimmed. */
function optional<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess((value) => {
    if (typeof value !== "string") return value;
    const trimmed = value.trim();
    return trimmed === "" ? undefined : trimmed;
  }, schema.optional());
}

function httpAddress(example: string) {
  return z.url({
    protocol: /^https?$/,
    error: `must be an http or https address such as ${example}`,
  });
}

const postgresAddress = z.string().superRefine((address, context) => {
  const parsed = parsePostgresAddress(address);
  if (!parsed) {
    context.addIssue({
      code: "custom",
      message: "must be a PostgreSQL connection address such as postgres://user:password@host:5432/database (several hosts separated by commas for a standby)",
    });
  } else if (parsed.hosts.length > 1 && parsed.searchParams.get("target_session_attrs") !== "primary") {
    // postgres.js's read-write test looks only at default_transaction_read_only, which a hot standby
    // reports as off: with read-write (or nothing) the app would write to the standby and fail
    // (tests/e2e/postgres-standby.test.ts). "primary" checks in_hot_standby, as libpq does.
    context.addIssue({
      code: "custom",
      message: "names several hosts, so it must end in ?target_session_attrs=primary (the app then writes only to the host that is not a standby; docs/DEPLOY.md, \"A standby\")",
    });
  }
});

const wholeNumber = (from: number, to: number, what: string) =>
  z.coerce
    .number({ error: `must be ${what}` })
    .int({ error: `must be ${what}` })
    .min(from, { error: `must be ${what}` })
    .max(to, { error: `must be ${what}` });

/** Signs staff sessions and family portal sessions: a short one could be guessed. */
export const MIN_AUTH_SECRET_LENGTH = 32;

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export const environmentSchema = z
  .object({
    NODE_ENV: optional(z.enum(["development", "production", "test"])),
    AUTH_SECRET: optional(
      z.string().min(MIN_AUTH_SECRET_LENGTH, {
        error: `is too short: use at least ${MIN_AUTH_SECRET_LENGTH} characters (for example \`openssl rand -base64 32\`)`,
      }),
    ),
    NEXTAUTH_URL: optional(httpAddress("https://registry.example.ly")),
    PUBLIC_URL: optional(httpAddress("https://registry.example.ly")),
    DATABASE_URL: optional(postgresAddress),
    MIGRATION_DATABASE_URL: optional(postgresAddress),
    /**
     * How long a PostgreSQL connection that owes an answer may stay silent before the server is
     * probed and, if it no longer answers, the connection dropped (db/watched-socket.ts); 15 s when
     * unset. The browser test of a hung database sets it lower so as not to wait 15 s.
     */
    DATABASE_STALL_SECONDS: optional(wholeNumber(1, 3_600, "a whole number of seconds from 1 to 3600")),
    DATA_DIR: optional(z.string()),
    /** Where `npm run backup` writes without a file name (lib/backup/archive-kind.ts has the default). */
    BACKUP_DIR: optional(z.string()),
    PORT: optional(wholeNumber(1, 65_535, "a whole number from 1 to 65535")).transform((port) => port ?? 3000),
    HOSTNAME: optional(z.string()),
    TRUST_PROXY_HOPS: optional(wholeNumber(0, Number.MAX_SAFE_INTEGER, "a whole number of proxies in front of the app (0 when none)")),
    TRUSTED_PROXIES: optional(z.string()),
    /** Set by `npm run demo` (and the browser tests): the server may serve the demo's public accounts. */
    TARHUNA_DEMO: optional(z.enum(["0", "1"], { error: 'must be "1" (serving the demonstration) or "0"' })).transform((value) => value === "1"),
    /** The settings file (docs/DEPLOY.md, Configuration); read by scripts/support/load-env-file.mjs before this check. */
    TARHUNA_ENV_FILE: optional(z.string()),
    REQUIRE_MFA: optional(z.enum(["0", "1"], { error: 'must be "1" (required) or "0"' })).transform((value) => value === "1"),
    LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` })),
    AUDIT_CHECKPOINT_KEY: optional(z.string()),
    MAP_TILE_URL: optional(z.string()),
    /** Effect photographs in an S3-compatible store instead of DATA_DIR/media: https://KEY:SECRET@host/bucket[/prefix]. */
    MEDIA_S3_URL: optional(httpAddress("https://ACCESS_KEY:SECRET@s3.example.ly/tarhuna-media")),
    MEDIA_S3_REGION: optional(z.string()),
    MAP_TILE_ATTRIBUTION: optional(z.string()),
    /** Set by the test runner: the logger is quiet unless LOG_LEVEL asks otherwise. */
    VITEST: optional(z.string()),
  })
  .superRefine((environment, context) => {
    // The production server's own parser (plain JavaScript, see scripts/serve.mjs) decides what a
    // proxy entry is; asked here so a bad one stops every start the same way.
    try {
      listenSettings(environment);
    } catch (error) {
      if (!(error instanceof ServerSettingError)) throw error;
      context.addIssue({ code: "custom", path: ["TRUSTED_PROXIES"], message: error.message.replace(/^TRUSTED_PROXIES /, "") });
    }
  });

export type Environment = z.infer<typeof environmentSchema>;

/** What serving production needs on top: the session secret and the registry's public address. */
export const productionEnvironmentSchema = environmentSchema.superRefine((environment, context) => {
  if (!environment.AUTH_SECRET) {
    context.addIssue({
      code: "custom",
      path: ["AUTH_SECRET"],
      message: "is not set: the server will not start without it. Generate one (for example `openssl rand -base64 32`); `npm run demo` makes one for you. See README, Configuration",
    });
  }
  if (!environment.NEXTAUTH_URL) {
    context.addIssue({
      code: "custom",
      path: ["NEXTAUTH_URL"],
      message: "is not set: the server will not start without the registry's public address, e.g. NEXTAUTH_URL=https://registry.example.ly (`npm run demo` uses http://localhost:PORT). See README, Configuration",
    });
  }
});

/** A setting the operator must fix; its message names every bad variable, one a line. */
export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "EnvironmentError";
  }
}

type Source = Record<string, string | undefined>;

function parseWith<Schema extends z.ZodType<Environment>>(schema: Schema, source: Source): Environment {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvironmentError(result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message.replace(/\.$/, "")}.`));
}

/** The environment `source` describes, checked; throws EnvironmentError naming each bad variable. */
export function parseEnvironment(source: Source): Environment {
  return parseWith(environmentSchema, source);
}

/** As parseEnvironment, and refuses what production cannot run without. */
export function parseProductionEnvironment(source: Source): Environment {
  return parseWith(productionEnvironmentSchema, source);
}

let current: Environment | undefined;

/**
 * This process's environment, read and checked once, on first use. A module variable: every
 * bundle that holds a copy of this module reads the same process.env, so each copy agrees.
 */
export function environment(): Environment {
  current ??= parseEnvironment(process.env);
  return current;
}

/**
 * The check a server process makes before its first request (lib/server/startup.ts): the production
 * schema when it serves production, the plain one otherwise. Throws EnvironmentError.
 */
export function checkEnvironmentAtStart(): Environment {
  current = process.env.NODE_ENV === "production" ? parseProductionEnvironment(process.env) : parseEnvironment(process.env);
  return current;
}

/** Where the production server listens and whom it believes, from checked settings (scripts/serve.mjs reads the same). */
export function listenSettings(checked: Environment): ReturnType<typeof readServerSettings> {
  return readServerSettings({ TRUST_PROXY_HOPS: checked.TRUST_PROXY_HOPS?.toString(), TRUSTED_PROXIES: checked.TRUSTED_PROXIES, HOSTNAME: checked.HOSTNAME });
}

/**
 * The logger's two settings, read as they are, without the settings check: the logger is how a
 * server reports a failed check, so it must not depend on one. A LOG_LEVEL that is no level is
 * ignored here (the check itself refuses it).
 */
export function environmentUnchecked(): { LOG_LEVEL?: (typeof LOG_LEVELS)[number]; VITEST?: string } {
  const level = LOG_LEVELS.find((known) => known === process.env.LOG_LEVEL);
  return { ...(level ? { LOG_LEVEL: level } : {}), ...(process.env.VITEST ? { VITEST: process.env.VITEST } : {}) };
}

/** Forgets the environment read, for a test that changes a variable: the next use reads it again. */
export function forgetEnvironment(): void {
  current = undefined;
}
