import "server-only";
import { isUniqueViolation } from "@/db/unique-violation";
import { ActionRefusal } from "@/lib/actions/result";

/**
 * Runs an insert or update that a unique index guards; a clash (also one between two simultaneous
 * saves) becomes a field error the form shows, and the transaction rolls back.
 */
export async function refusingDuplicate<Result>(field: string, messageKey: string, write: () => Promise<Result>): Promise<Result> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ActionRefusal("invalid", "Actions.invalid", { [field]: messageKey });
    throw error;
  }
}
