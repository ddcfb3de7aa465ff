import { describe, expect, test } from "vitest";
import english from "@/lib/i18n/messages/en";
import { SHELL_NAMESPACES, STAFF_PAGE_NAMESPACES, type Namespace } from "@/lib/i18n/client-messages";
import { sharedAppServerForReaders } from "./support/fixtures";

/**
 * The message catalogue a staff page writes into its HTML for its browser code: the shell's
 * namespaces and its own page's (lib/i18n/client-messages.ts), never another page's. Read over HTTP as
 * a signed-in admin, the way a browser receives the page; no browser needed.
 */
const server = sharedAppServerForReaders();

/** Every key name, at any depth, of a catalogue subtree. */
function keysOf(messages: unknown): string[] {
  if (typeof messages !== "object" || messages === null) return [];
  return Object.entries(messages).flatMap(([key, value]) => [key, ...keysOf(value)]);
}

/** Per namespace, a key name no other namespace uses: where it appears as a key, that namespace was shipped. */
const markers = new Map<Namespace, string>();
for (const namespace of Object.keys(english) as Namespace[]) {
  const elsewhere = new Set(Object.entries(english).flatMap(([other, messages]) => (other === namespace ? [] : keysOf(messages))));
  const unique = keysOf(english[namespace]).filter((key) => !elsewhere.has(key) && key.length >= 8);
  const longest = unique.sort((a, b) => b.length - a.length)[0];
  if (longest) markers.set(namespace, longest);
}

/** Whether the page's serialised messages hold `key` as a key (the flight data escapes its quotes). */
function shipsKey(html: string, key: string): boolean {
  return html.includes(`\\"${key}\\":`) || html.includes(`"${key}":`);
}

async function signedInCookie(): Promise<string> {
  const csrf = await fetch(server.current.url("/api/auth/csrf"));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((header) => header.split(";")[0]).join("; ");
  const signedIn = await fetch(server.current.url("/api/auth/callback/credentials"), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, username: "admin", password: "demo-password", callbackUrl: "/en/staff" }).toString(),
  });
  expect(signedIn.status).toBe(302);
  return [csrfCookie, ...signedIn.headers.getSetCookie().map((header) => header.split(";")[0])].join("; ");
}

async function staffPage(pathname: string, cookie: string): Promise<string> {
  const response = await fetch(server.current.url(pathname), { redirect: "manual", headers: { cookie } });
  expect(response.status, pathname).toBe(200);
  return response.text();
}

function shippedNamespaces(html: string): Namespace[] {
  return [...markers].filter(([, key]) => shipsKey(html, key)).map(([namespace]) => namespace).sort();
}

describe("staff pages carry only the messages their own browser code uses", () => {
  test("the families list ships the shell and what its search box and filters use, not a family page's forms' namespaces", async () => {
    const html = await staffPage("/en/staff/families", await signedInCookie());
    const expected = [...new Set<Namespace>([...SHELL_NAMESPACES, ...STAFF_PAGE_NAMESPACES["/staff/families"]])].filter((namespace) => markers.has(namespace)).sort();
    expect(shippedNamespaces(html)).toEqual(expected);
    // What a family's own page uses (its members, pedigree, portal access), which the list did ship
    // while its area's layout handed out the whole area's messages.
    for (const namespace of ["People", "Pedigree", "FamilyPortal", "Audit"] as const) expect(shipsKey(html, markers.get(namespace) ?? ""), namespace).toBe(false);
  });

  test("a family's own page ships what its forms use", async () => {
    const cookie = await signedInCookie();
    const list = await staffPage("/en/staff/families", cookie);
    const familyPath = /href="(\/en\/staff\/families\/[0-9a-f-]{36})"/.exec(list)?.[1];
    expect(familyPath).toMatch(/^\/en\/staff\/families\//);
    const html = await staffPage(familyPath ?? "", cookie);
    const expected = [...new Set<Namespace>([...SHELL_NAMESPACES, ...STAFF_PAGE_NAMESPACES["/staff/families/[familyId]"]])].filter((namespace) => markers.has(namespace)).sort();
    expect(shippedNamespaces(html)).toEqual(expected);
  });

  test("the audit log, whose browser code translates nothing of its own, ships the shell alone", async () => {
    const html = await staffPage("/en/staff/audit", await signedInCookie());
    const shell = SHELL_NAMESPACES.filter((namespace) => markers.has(namespace)).sort();
    expect(shippedNamespaces(html)).toEqual(shell);
  });
});
