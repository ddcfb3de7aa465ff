import { z } from "zod";

export type ParsedInput<Data> = { success: true; data: Data } | { success: false; error: z.ZodError };

/**
 * The action's schema applied to what the client sent. Zod's own checks can throw on input no form
 * sends — an object posing as a string, whose `length` holds something that cannot be compared
 * with a number (found by tests/integration/hostile-input.test.ts) — and such input is invalid, not
 * a server error.
 */
export function parseActionInput<Schema extends z.ZodType>(schema: Schema, input: unknown): ParsedInput<z.output<Schema>> {
  try {
    return schema.safeParse(input);
  } catch {
    return { success: false, error: new z.ZodError([{ code: "custom", message: "invalidInput", path: [], input }]) };
  }
}
