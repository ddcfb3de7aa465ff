import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { SHELL_NAMESPACES, SIGN_IN_NAMESPACES, STAFF_PAGE_NAMESPACES } from "@/lib/i18n/client-messages";
import { clientNamespaces, routeFilesUnder } from "./support/client-namespaces";

const STAFF = "app/[locale]/staff";

/** Every staff page file, with its route ("/staff/families/[familyId]"). */
function staffPages(folder: string): { file: string; route: string }[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return staffPages(path);
    return entry.name === "page.tsx" ? [{ file: path, route: folder.slice("app/[locale]".length) }] : [];
  });
}
const pages = staffPages(STAFF).sort((a, b) => a.route.localeCompare(b.route));

describe("each route hands the browser the messages its browser code uses, and no others", () => {
  it("the table names every staff page, and only those", () => {
    expect(Object.keys(STAFF_PAGE_NAMESPACES).sort()).toEqual(pages.map((page) => page.route).sort());
  });

  it.each(pages)("$route gives its browser code exactly the namespaces its client components use", ({ file, route }) => {
    const source = fs.readFileSync(file, "utf8");
    expect(source).toContain(`export default withStaffPageMessages("${route}", `);
    const table: Record<string, readonly string[]> = STAFF_PAGE_NAMESPACES;
    expect([...(table[route] ?? [])].sort()).toEqual(clientNamespaces([file]));
  });

  it("no layout below the staff layout hands out messages: a layout would carry every page's below it", () => {
    const layouts = routeFilesUnder(STAFF).filter((file) => file.endsWith("layout.tsx") && file !== `${STAFF}/layout.tsx`);
    expect(layouts).toEqual([]);
  });

  it("the field shell gives its section what the field page gives it", () => {
    expect(clientNamespaces(["app/[locale]/field-shell/page.tsx"])).toEqual([...STAFF_PAGE_NAMESPACES["/staff/field"]].sort());
    expect(fs.readFileSync("app/[locale]/field-shell/page.tsx", "utf8")).toContain('STAFF_PAGE_NAMESPACES["/staff/field"]');
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
