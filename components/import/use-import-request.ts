"use client";

import { useState } from "react";
import type { ImportKind } from "@/lib/import/fields";
import type { ColumnMapping } from "@/lib/import/headers";
import type { ImportProgress } from "@/lib/import/parse-file";
import type { ReadOptions } from "@/lib/import/read-options";
import type { ConflictChoice } from "@/lib/import/report-conflicts";
import type { ImportEvent, ImportMode } from "@/lib/import/run-import";

const REQUEST_FAILURES = ["failed", "invalid", "forbidden", "unauthenticated", "tooLarge"] as const;
type RequestFailure = (typeof REQUEST_FAILURES)[number];

export type ImportOutcome = Exclude<ImportEvent, { type: "progress" }> | { type: "requestFailed"; key: RequestFailure };

function requestFailure(error: unknown): RequestFailure {
  return REQUEST_FAILURES.find((key) => key === error) ?? "failed";
}

/** Sends the file to the import route and follows its NDJSON answer line by line. */
export function useImportRequest() {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [running, setRunning] = useState(false);

  async function send(file: File, kind: ImportKind, mode: ImportMode, mapping: ColumnMapping | null, readOptions: ReadOptions | null, conflictChoices: Record<string, ConflictChoice> = {}): Promise<ImportOutcome> {
    const form = new FormData();
    form.set("file", file);
    form.set("kind", kind);
    form.set("mode", mode);
    if (mapping) form.set("mapping", JSON.stringify(mapping));
    if (readOptions) form.set("readOptions", JSON.stringify(readOptions));
    if (Object.keys(conflictChoices).length > 0) form.set("conflictChoices", JSON.stringify(conflictChoices));
    setRunning(true);
    setProgress(null);
    try {
      const response = await fetch("/api/staff/import", { method: "POST", body: form });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => ({}))) as { error?: string };
        return { type: "requestFailed", key: requestFailure(body.error) };
      }
      return await readEvents(response.body, setProgress);
    } catch {
      return { type: "requestFailed", key: "failed" };
    } finally {
      setRunning(false);
      setProgress(null);
    }
  }

  return { send, progress, running };
}

async function readEvents(body: ReadableStream<Uint8Array>, onProgress: (progress: ImportProgress) => void): Promise<ImportOutcome> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  let outcome: ImportOutcome = { type: "requestFailed", key: "failed" };
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    buffered += decoder.decode(chunk.value, { stream: true });
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines.filter((text) => text.trim() !== "")) {
      const event = JSON.parse(line) as ImportEvent;
      if (event.type === "progress") onProgress(event);
      else outcome = event;
    }
  }
  return outcome;
}
