import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface DebuggableChromium {
  port: number;
  close(): Promise<void>;
}

/**
 * Debian's Chromium with a DevTools port for Lighthouse to drive. CHROME_PATH chooses another
 * binary; a fresh profile per run keeps caches from flattering the figures.
 */
export async function launchDebuggableChromium(): Promise<DebuggableChromium> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "tarhuna-lighthouse-"));
  const chromium: ChildProcess = spawn(
    process.env.CHROME_PATH ?? "/usr/bin/chromium",
    [...CHROMIUM_FLAGS, "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let output = "";
    chromium.once("exit", (code) => reject(new Error(`chromium exited (${code}) before it listened:\n${output}`)));
    chromium.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match?.[1]) resolve(Number(match[1]));
    });
  });
  return {
    port,
    async close() {
      const exited = new Promise((resolve) => chromium.once("exit", resolve));
      chromium.kill("SIGTERM");
      await exited;
      await fs.rm(profile, { recursive: true, force: true });
    },
  };
}
