import fs from "node:fs";

const TAIL_LIMIT = 40_000;

/**
 * The last part of a process's output, kept so that a failure can show what the process said
 * without holding a long-running server's whole log in memory.
 */
export class OutputTail {
  private text = "";

  constructor(private readonly limit = TAIL_LIMIT) {}

  append(chunk: Buffer | string): void {
    this.text += chunk.toString();
    if (this.text.length > this.limit) this.text = this.text.slice(-this.limit);
  }

  toString(): string {
    return this.text.trim() === "" ? "(no output)" : this.text;
  }
}

/**
 * The same for a process that writes straight into a file (a log shipper's place): the file's last
 * part, read only when a failure asks for it: the process that started the server reads nothing
 * while it runs.
 */
export class FileOutputTail {
  constructor(
    readonly file: string,
    private readonly limit = TAIL_LIMIT,
  ) {}

  append(chunk: Buffer | string): void {
    fs.appendFileSync(this.file, chunk);
  }

  toString(): string {
    let text: string;
    try {
      const size = fs.statSync(this.file).size;
      const descriptor = fs.openSync(this.file, "r");
      try {
        const length = Math.min(size, this.limit);
        const buffer = Buffer.alloc(length);
        fs.readSync(descriptor, buffer, 0, length, size - length);
        text = buffer.toString();
      } finally {
        fs.closeSync(descriptor);
      }
    } catch {
      text = "";
    }
    return text.trim() === "" ? "(no output)" : text;
  }
}
