import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { SHELL_NAMESPACES, SIGN_IN_NAMESPACES, STAFF_AREA_NAMESPACES } from "@/lib/i18n/client-messages";
import { clientNamespaces, routeFilesUnder } from "./support/client-namespaces";

const STAFF = "app/[locale]/staff";
const staffAreas = fs
  .readdirSync(STAFF, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("each route hands the browser the messages its browser code uses, and no others", () => {
  it("the table names every staff area, and only those", () => {
    expect(Object.keys(STAFF_AREA_NAMESPACES).sort()).toEqual(staffAreas);
  });

  it.each(staffAreas)("the %s area's layout gives its pages exactly the namespaces their client components use", (area) => {
    const layout = fs.readFileSync(`${STAFF}/${area}/layout.tsx`, "utf8");
    expect(layout).toContain(`<StaffAreaMessages area="${area}">`);
    const table: Record<string, readonly string[]> = STAFF_AREA_NAMESPACES;
    expect([...(table[area] ?? [])].sort()).toEqual(clientNamespaces(routeFilesUnder(`${STAFF}/${area}`)));
  });

  it("the staff layout, the dashboard and the language level need nothing beyond the shell", () => {
    const shell: readonly string[] = SHELL_NAMESPACES;
    const topLevel = [...routeFilesUnder(STAFF, { deep: false }), ...routeFilesUnder("app/[locale]", { deep: false })];
    expect(clientNamespaces(topLevel).filter((name) => !shell.includes(name))).toEqual([]);
  });

  it("the sign-in page gives its form exactly what it uses", () => {
    expect([...SIGN_IN_NAMESPACES].sort()).toEqual(clientNamespaces(routeFilesUnder("app/[locale]/login")));
  });

  it("finds a namespace a client component adds (the check is not vacuous)", () => {
    expect(clientNamespaces(["components/people/search-box.tsx"])).toEqual(["Actions", "Validation"]);
    expect(clientNamespaces(["components/users/create-user-form.tsx"])).toContain("Users");
  });
});
