import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { AUDIT_ENTRY_KEYS } from "@/lib/audit/entry-keys";
import { auditFieldLabel } from "@/lib/audit/field-presentation";
import ar from "@/lib/i18n/messages/ar";
import en from "@/lib/i18n/messages/en";
import { REPOSITORY_ROOT, typeScriptFiles } from "./support/app-sources";


function propertyName(property: ts.ObjectLiteralElementLike): string | null {
  if (ts.isSpreadAssignment(property) || !property.name) return null;
  return ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : null;
}

/**
 * Every key written literally into an audit entry's before or after, at any depth: the entries are
 * the object literals with an `action`, an `entity` and a `before` or `after` (what appendAuditEntry
 * and an action's audit() take). Read with TypeScript's parser, not a regular expression, so a key
 * on its own line or inside a list's map() is found too. Spread values are listed in entry-keys.ts.
 */
function keysWrittenByTheCode(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of typeScriptFiles(["app", "lib", "scripts"])) {
    const text = readFileSync(file, "utf8");
    // Only files that write a before or an after are parsed: the rest cannot make an entry.
    if (!/\b(before|after)\b/.test(text)) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const collect = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node)) {
        for (const property of node.properties) {
          const name = propertyName(property);
          if (name !== null && !found.has(name)) found.set(name, path.relative(REPOSITORY_ROOT, file));
        }
      }
      ts.forEachChild(node, collect);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node)) {
        const names = node.properties.map(propertyName);
        if (names.includes("action") && names.includes("entity")) {
          for (const property of node.properties) {
            if (ts.isPropertyAssignment(property) && (propertyName(property) === "before" || propertyName(property) === "after")) collect(property.initializer);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe("every key an audit entry carries reads in words (issue 24, item 2)", () => {
  it("finds the keys the code writes into entries, and each is in the list of audit entry keys", () => {
    const written = keysWrittenByTheCode();
    expect([...written.keys()]).toEqual(expect.arrayContaining(["waitingAddresses", "recentFailures", "missingPersonIds", "effects", "relationships", "filters"]));
    const unlisted = [...written].filter(([key]) => !AUDIT_ENTRY_KEYS.includes(key)).map(([key, file]) => `${key} (${file})`);
    expect(unlisted, "add these to AD_HOC_AUDIT_KEYS in lib/audit/entry-keys.ts, with a label in Audit.fields").toEqual([]);
    // Parsing a few hundred files takes some seconds on a loaded machine.
  }, 60_000);

  it("labels every audit entry key in Arabic and in English, none shown as its camelCase name", () => {
    const arabicLabels: Record<string, string> = ar.Audit.fields;
    const englishLabels: Record<string, string> = en.Audit.fields;
    expect(AUDIT_ENTRY_KEYS.filter((key) => typeof arabicLabels[key] !== "string"), "missing in Arabic").toEqual([]);
    expect(AUDIT_ENTRY_KEYS.filter((key) => typeof englishLabels[key] !== "string"), "missing in English").toEqual([]);
    expect(AUDIT_ENTRY_KEYS.filter((key) => /[a-z][A-Z]/.test(auditFieldLabel(key, "en"))), "an English label that is a key").toEqual([]);
    expect(AUDIT_ENTRY_KEYS.filter((key) => !/[\u0600-\u06FF]/.test(auditFieldLabel(key, "ar"))), "an Arabic label without Arabic").toEqual([]);
    expect(auditFieldLabel("waitingAddresses", "ar")).toBe("عناوين في الانتظار");
  });
});
