import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ACTION_PERMISSIONS, type ActionName } from "@/lib/actions/action-permissions";
import type { ActionResult } from "@/lib/actions/result";

const APP_DIRECTORY = fileURLToPath(new URL("../../../app", import.meta.url));

/** One export of an actions.ts file, whatever it is. */
export interface ActionFileExport {
  /** The file's path inside the repository, e.g. app/[locale]/staff/account/actions.ts */
  file: string;
  exportName: string;
  value: unknown;
}

export interface DiscoveredAction {
  file: string;
  exportName: string;
  name: ActionName;
  call(input: unknown): Promise<ActionResult<unknown>>;
}

type CallableAction = ((input: unknown) => Promise<ActionResult<unknown>>) & { actionName: unknown };

export function isActionName(value: unknown): value is ActionName {
  return typeof value === "string" && Object.hasOwn(ACTION_PERMISSIONS, value);
}

function isCallableAction(value: unknown): value is CallableAction {
  return typeof value === "function" && "actionName" in value;
}

/** Every actions.ts below app/, found by walking the folder so a new one cannot be forgotten. */
export function findActionFiles(directory: string = APP_DIRECTORY): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const entryPath = path.join(directory, entry.name);
    if (entry.isDirectory()) return findActionFiles(entryPath);
    return entry.isFile() && entry.name === "actions.ts" ? [entryPath] : [];
  });
}

/** Imports each actions.ts (with the test's mocks in force) and lists everything it exports. */
export async function importActionFileExports(): Promise<ActionFileExport[]> {
  const repositoryRoot = path.dirname(APP_DIRECTORY);
  const perFile = await Promise.all(
    findActionFiles().map(async (absolutePath) => {
      const exported: Record<string, unknown> = await import(absolutePath);
      const file = path.relative(repositoryRoot, absolutePath);
      return Object.entries(exported).map(([exportName, value]) => ({ file, exportName, value }));
    }),
  );
  return perFile.flat().sort((left, right) => `${left.file}#${left.exportName}`.localeCompare(`${right.file}#${right.exportName}`));
}

/** The export as a server action registered in ACTION_PERMISSIONS, or null when it is not one. */
export function asRegisteredAction(entry: ActionFileExport): DiscoveredAction | null {
  const { value } = entry;
  if (!isCallableAction(value) || !isActionName(value.actionName)) return null;
  return { file: entry.file, exportName: entry.exportName, name: value.actionName, call: (input) => value(input) };
}
