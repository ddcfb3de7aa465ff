import fs from "node:fs";
import path from "node:path";
import english from "@/lib/i18n/messages/en";

/**
 * The message namespaces the browser code of some route files needs, found by walking their imports
 * (the way the bundler does) from the route files down:
 * - every `useTranslations("Namespace…")` in a "use client" module reached;
 * - where a client module translates keys carried as data (components/forms/use-message.ts: zod
 *   messages, action results), "Validation", "Actions" and every namespace a "Namespace.key" string
 *   literal names in any module reached, server code included, since that is where such keys start.
 */

const ROOT = path.resolve(import.meta.dirname, "../../..");
const NAMESPACES = new Set(Object.keys(english));
const EXTENSIONS = ["", ".ts", ".tsx", ".js", ".mjs", "/index.ts", "/index.tsx"];
const USE_MESSAGE = path.join(ROOT, "components", "forms", "use-message.ts");

interface ModuleFacts {
  imports: string[];
  client: boolean;
  hooked: string[];
  literal: string[];
}

const facts = new Map<string, ModuleFacts>();

function resolve(specifier: string, from: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function read(file: string): ModuleFacts {
  const known = facts.get(file);
  if (known) return known;
  const source = fs.readFileSync(file, "utf8");
  const specifiers = [...source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g)].map((match) => match[1] ?? "");
  const found: ModuleFacts = {
    imports: specifiers.map((specifier) => resolve(specifier, file)).filter((resolved): resolved is string => resolved !== null && !resolved.endsWith(".json")),
    client: /^\s*(?:\/\/[^\n]*\n\s*)*["']use client["']/.test(source),
    hooked: [...source.matchAll(/useTranslations\(\s*["']([A-Za-z]+)/g)].map((match) => match[1] ?? ""),
    literal: [...source.matchAll(/["'`]([A-Z][A-Za-z]+)\.[A-Za-z]/g)].map((match) => match[1] ?? "").filter((name) => NAMESPACES.has(name)),
  };
  facts.set(file, found);
  return found;
}

/** The namespaces the browser needs for the given route files (paths from the repository root). */
export function clientNamespaces(routeFiles: string[]): string[] {
  const seen = new Set<string>();
  const needed = new Set<string>();
  const literals = new Set<string>();
  let translatesData = false;
  const visit = (file: string, underClient: boolean) => {
    const key = `${file}\n${underClient}`;
    if (seen.has(key)) return;
    seen.add(key);
    const found = read(file);
    const client = underClient || found.client;
    if (client) found.hooked.forEach((name) => needed.add(name));
    if (client && file === USE_MESSAGE) translatesData = true;
    found.literal.forEach((name) => literals.add(name));
    found.imports.forEach((imported) => visit(imported, client));
  };
  routeFiles.forEach((file) => visit(path.join(ROOT, file), false));
  if (translatesData) ["Validation", "Actions", ...literals].forEach((name) => needed.add(name));
  return [...needed].filter((name) => NAMESPACES.has(name)).sort();
}

/** The route files (pages, layouts, loading and error files) under a folder of app/, at any depth. */
export function routeFilesUnder(folder: string, options: { deep: boolean } = { deep: true }): string[] {
  const absolute = path.join(ROOT, folder);
  return fs.readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) return options.deep ? routeFilesUnder(relative) : [];
    return /^(page|layout|loading|error|not-found)\.tsx$/.test(entry.name) ? [relative] : [];
  });
}
