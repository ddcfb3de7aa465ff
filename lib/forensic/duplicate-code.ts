import "server-only";
import { isUniqueViolation } from "@/db/unique-violation";
import { ActionRefusal } from "@/lib/actions/result";

/**
 * Runs a write that may break a unique code; the losing one of two simultaneous saves gets the same
 * field error as a save that found the code taken beforehand, not a server error.
 */
export async function refusingDuplicateCode<Result>(write: Promise<Result>, messageKey: string): Promise<Result> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ActionRefusal("invalid", "Actions.invalid", { code: messageKey });
    throw error;
  }
}

export function refuseField(field: string, messageKey: string): never {
  throw new ActionRefusal("invalid", "Actions.invalid", { [field]: messageKey });
}
