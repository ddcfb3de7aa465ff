import "server-only";
import path from "node:path";
import { dataDirectory } from "@/db/config";

/** Scans live in DATA_DIR, outside the web root, named by their SHA-256: served only through the staff route. */
export function scanDirectory(): string {
  return path.join(dataDirectory(), "handover-scans");
}
