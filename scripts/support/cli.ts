import { DatabaseSetupError } from "@/db/errors";
import { EnvironmentError } from "@/lib/env";

/** A problem the person running the command can fix: printed as one line, without a stack. */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserFacingError";
  }
}

/** Runs a command's main function: known problems end in one clear line and exit code 1. */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof UserFacingError || error instanceof DatabaseSetupError || error instanceof EnvironmentError) {
        console.error(`Error: ${error.message}`);
      } else {
        // A bug, not a setup problem: keep the stack so it can be fixed.
        console.error(error);
      }
      process.exit(1);
    },
  );
}
