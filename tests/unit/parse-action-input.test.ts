import { describe, expect, it } from "vitest";
import { parseActionInput } from "@/lib/actions/parse-input";
import { newMissingPersonSchema } from "@/lib/people/schemas";

describe("an action's input check", () => {
  // fast-check's counterexample (seed 469758199): Zod's length check compares the array with a
  // number, and the object without a prototype inside it cannot become a primitive.
  it("refuses an object posing as a text field as invalid input, instead of throwing", () => {
    const input = { grandfatherName: { length: [Object.create(null)] } };
    expect(() => newMissingPersonSchema.safeParse(input)).toThrow(TypeError);
    const parsed = parseActionInput(newMissingPersonSchema, input);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues.map((issue) => issue.message)).toEqual(["invalidInput"]);
  });

  it("passes ordinary answers through unchanged", () => {
    const parsed = parseActionInput(newMissingPersonSchema, { givenName: "" });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues.some((issue) => issue.path[0] === "givenName" && issue.message === "required")).toBe(true);
  });
});
