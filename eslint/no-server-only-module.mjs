// ESLint rule boundary/no-server-only-module: a client file ("use client", or anything under
// components/) may not import, at run time, a module of this project that starts with
// `import "server-only"`. no-restricted-imports (eslint.config.mjs) forbids what a path can name
// (db/, drizzle, the session packages); which lib/ modules are server-only is written in the modules
// themselves, so this rule reads the first statement of each imported file. Type-only imports are
// erased before bundling and stay allowed. Next's build fails on the same import, deeper in the
// graph and minutes later; this says it in the editor. docs/BOUNDARY.md explains the boundary.
import fs from "node:fs";
import path from "node:path";

const MARKER = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*import\s+["']server-only["']/;
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx", ""];
const markedByFile = new Map();

function startsWithMarker(file) {
  if (!markedByFile.has(file)) {
    let marked = false;
    try {
      marked = MARKER.test(fs.readFileSync(file, "utf8"));
    } catch {
      marked = false;
    }
    markedByFile.set(file, marked);
  }
  return markedByFile.get(file);
}

function resolveLocal(root, importer, specifier) {
  let base;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(importer), specifier);
  else return null;
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function isClientFile(context, root) {
  const relative = path.relative(root, context.filename).split(path.sep).join("/");
  if (relative.startsWith("components/")) return true;
  const first = context.sourceCode.ast.body[0];
  return first?.type === "ExpressionStatement" && first.directive === "use client";
}

/** @type {import("eslint").Rule.RuleModule} */
export const noServerOnlyModule = {
  meta: {
    type: "problem",
    docs: { description: "Forbid client files from importing modules marked import \"server-only\"." },
    messages: {
      serverOnly:
        "'{{specifier}}' is server-only (it starts with import \"server-only\"): a client file may import only its types. Move what the browser needs into a module that imports nothing from db/ (docs/BOUNDARY.md).",
    },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    if (!isClientFile(context, root)) return {};
    const check = (node, specifier, typeOnly) => {
      if (typeOnly || typeof specifier !== "string") return;
      const file = resolveLocal(root, context.filename, specifier);
      if (file && startsWithMarker(file)) context.report({ node, messageId: "serverOnly", data: { specifier } });
    };
    const typeOnlySpecifiers = (node) => node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type" || s.exportKind === "type");
    return {
      ImportDeclaration: (node) => check(node, node.source.value, node.importKind === "type" || typeOnlySpecifiers(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === "type" || typeOnlySpecifiers(node)),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === "type"),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value, false),
    };
  },
};

const plugin = { rules: { "no-server-only-module": noServerOnlyModule } };

export default plugin;
