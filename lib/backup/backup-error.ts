/** A backup or restore problem the operator can fix: printed as one line, without a stack. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}
