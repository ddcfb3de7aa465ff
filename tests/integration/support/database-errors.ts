import { expect } from "vitest";

/** What the server said, wherever the driver or drizzle wrapped it. */
export interface DatabaseErrorFacts {
  code: string | undefined;
  constraint: string | undefined;
  message: string;
}

function readString(value: object, key: string): string | undefined {
  const found: unknown = (value as Record<string, unknown>)[key];
  return typeof found === "string" ? found : undefined;
}

/** Drizzle wraps the driver's error in `cause`; PGlite names the constraint `constraint`, postgres.js `constraint_name`. */
export function databaseErrorFacts(error: unknown): DatabaseErrorFacts {
  let current: unknown = error;
  while (typeof current === "object" && current !== null) {
    const code = readString(current, "code");
    if (code && /^[0-9A-Z]{5}$/.test(code)) {
      return {
        code,
        constraint: readString(current, "constraint") ?? readString(current, "constraint_name"),
        message: readString(current, "message") ?? "",
      };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return { code: undefined, constraint: undefined, message: String(error) };
}

/** Awaits a statement that the database must refuse, and returns why it refused. */
export async function refusal(statement: PromiseLike<unknown>): Promise<DatabaseErrorFacts> {
  try {
    await statement;
  } catch (error) {
    return databaseErrorFacts(error);
  }
  expect.fail("the database accepted a statement it should have refused");
}
