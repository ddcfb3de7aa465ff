/**
 * The last part of a process's output, kept so that a failure can show what the process said
 * without holding a long-running server's whole log in memory.
 */
export class OutputTail {
  private text = "";

  constructor(private readonly limit = 40_000) {}

  append(chunk: Buffer | string): void {
    this.text += chunk.toString();
    if (this.text.length > this.limit) this.text = this.text.slice(-this.limit);
  }

  toString(): string {
    return this.text.trim() === "" ? "(no output)" : this.text;
  }
}
