import { readdir } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { can, ROLES, type Permission, type Role } from "@/lib/auth/permissions";
import { DEMO_FAMILY_ACCESS } from "@/lib/demo/family-access";
import { appServerForThisFile } from "./support/fixtures";
import { familySessionCookie, staffSessionCookie } from "./support/http-sessions";
import { repositoryRoot } from "./support/repository-root";

/**
 * Every page and route handler under app/, requested by every kind of visitor, against one table of
 * what each must get. The table is checked against the files: a new page.tsx or route.ts without a
 * row fails here, so no route ships without someone deciding who may open it.
 */
const server = appServerForThisFile({ database: "postgres" });

type Visitor = "anonymous" | "family" | Role;
const VISITORS: readonly Visitor[] = ["anonymous", "family", ...ROLES];

/**
 * What a visitor gets. Pages: "ok" (the page itself), "signIn" (sent to the staff sign-in page),
 * "forbidden" (sent to the staff refusal page), "notFound", "redirect" (sent elsewhere, as a case
 * number to its record), "error" (the page failed: never expected, it is how a refused read shows).
 * Route handlers: the HTTP status.
 */
type Outcome = "ok" | "signIn" | "forbidden" | "notFound" | "redirect" | "error" | number;
type Expected = Record<Visitor, Outcome>;

/** Real ids from the demo data, for the dynamic segments. */
interface DemoIds {
  family: string;
  person: string;
  caseNumber: string;
  report: string;
  donor: string;
  sample: string;
  remains: string;
  site: string;
  identification: string;
  user: string;
  /** A photograph of an effect (demo drawings, lib/demo/effect-drawings.ts). */
  photo: string;
}

interface RouteRow {
  method: "GET" | "POST";
  /** The address to request, with real ids in its dynamic segments. */
  url(ids: DemoIds): string;
  expected: Expected;
}

const everyone = (outcome: Outcome): Expected => Object.fromEntries(VISITORS.map((visitor) => [visitor, outcome])) as Expected;

/** A staff page guarded by one permission: signed-out visitors (a family's portal session is not a staff session) go to sign-in. */
function staffPage(permission: Permission, allowed: Outcome = "ok"): Expected {
  return { anonymous: "signIn", family: "signIn", ...Object.fromEntries(ROLES.map((role) => [role, can(role, permission) ? allowed : "forbidden"])) } as Expected;
}

/** A staff page every signed-in staff member may open. */
const anyStaffPage: Expected = { anonymous: "signIn", family: "signIn", admin: "ok", registrar: "ok", forensic: "ok", viewer: "ok" };

/** A staff route handler: 401 without a staff session, 403 without the permission, else `allowed`. */
function staffRoute(permission: Permission, allowed: number): Expected {
  return { anonymous: 401, family: 401, ...Object.fromEntries(ROLES.map((role) => [role, can(role, permission) ? allowed : 403])) } as Expected;
}

/** Keyed by the file's path under app/. */
const ROUTES: Record<string, RouteRow> = {
  // Public pages and the public API: the same answer for everyone.
  "[locale]/page.tsx": { method: "GET", url: () => "/ar", expected: everyone("ok") },
  "[locale]/[...rest]/page.tsx": { method: "GET", url: () => "/ar/no-such-page", expected: everyone("notFound") },
  "[locale]/family/page.tsx": { method: "GET", url: () => "/ar/family", expected: everyone("ok") },
  "[locale]/login/page.tsx": {
    method: "GET",
    url: () => "/ar/login",
    // A signed-in staff member is sent on to the staff area.
    expected: { anonymous: "ok", family: "ok", admin: "redirect", registrar: "redirect", forensic: "redirect", viewer: "redirect" },
  },
  // The portal's forms answer 303 and name the next page; an empty form is a failed sign-in.
  // The Book of Belongings in the portal: nobody here gets the catalogue or a photograph's bytes. The
  // demo family of these rows has remote viewing off (the default): for it neither exists; the others
  // have no family session and are sent to the portal's sign-in (the page) or refused (the photo).
  // tests/integration/belongings-portal.test.ts covers a family with remote viewing on.
  "[locale]/family/belongings/page.tsx": { method: "GET", url: () => "/ar/family/belongings", expected: { ...everyone("redirect"), family: "notFound" } },
  "[locale]/family/belongings/photos/[photoId]/[size]/route.ts": {
    method: "GET",
    url: (ids) => `/ar/family/belongings/photos/${ids.photo}/thumbnail`,
    expected: { ...everyone(401), family: "notFound" },
  },
  "[locale]/family/belongings/recognise/route.ts": { method: "POST", url: () => "/ar/family/belongings/recognise", expected: everyone(303) },
  "[locale]/family/sign-in/route.ts": { method: "POST", url: () => "/ar/family/sign-in", expected: everyone(303) },
  // The online report form: no account needed, the same page for everyone (issue 26).
  "[locale]/report/page.tsx": { method: "GET", url: () => "/ar/report", expected: everyone("ok") },
  // Field capture's offline shell and its service worker (issue 25): no session read, no record in them.
  "[locale]/field-shell/page.tsx": { method: "GET", url: () => "/ar/field-shell", expected: everyone("ok") },
  "serwist/[path]/route.ts": { method: "GET", url: () => "/serwist/sw.js", expected: everyone("ok") },
  "api/auth/[...nextauth]/route.ts": { method: "GET", url: () => "/api/auth/session", expected: everyone(200) },
  "api/health/route.ts": { method: "GET", url: () => "/api/health", expected: everyone(200) },
  "api/public/summary/route.ts": { method: "GET", url: () => "/api/public/summary", expected: everyone(200) },
  "api/public/sites.geojson/route.ts": { method: "GET", url: () => "/api/public/sites.geojson", expected: everyone(200) },
  "api/public/sites.csv/route.ts": { method: "GET", url: () => "/api/public/sites.csv", expected: everyone(200) },

  // The staff area.
  "[locale]/staff/page.tsx": { method: "GET", url: () => "/ar/staff", expected: staffPage("dashboard.read") },
  "[locale]/staff/forbidden/page.tsx": { method: "GET", url: () => "/ar/staff/forbidden", expected: anyStaffPage },
  "[locale]/staff/account/password/page.tsx": { method: "GET", url: () => "/ar/staff/account/password", expected: anyStaffPage },
  "[locale]/staff/account/second-factor/page.tsx": { method: "GET", url: () => "/ar/staff/account/second-factor", expected: anyStaffPage },
  "[locale]/staff/audit/page.tsx": { method: "GET", url: () => "/ar/staff/audit", expected: staffPage("audit.read") },
  "[locale]/staff/exports/page.tsx": { method: "GET", url: () => "/ar/staff/exports", expected: staffPage("personalData.export") },
  "[locale]/staff/import/page.tsx": { method: "GET", url: () => "/ar/staff/import", expected: staffPage("data.import") },
  "[locale]/staff/settings/page.tsx": { method: "GET", url: () => "/ar/staff/settings", expected: staffPage("settings.manage") },
  "[locale]/staff/approvals/page.tsx": { method: "GET", url: () => "/ar/staff/approvals", expected: staffPage("approvals.decide") },
  // The query itself is never in the address (app/api/staff/search seals it): a token from nobody is "expired".
  "[locale]/staff/search/page.tsx": { method: "GET", url: () => "/ar/staff/search?s=not-a-sealed-search", expected: staffPage("people.read") },
  "[locale]/staff/families/page.tsx": { method: "GET", url: () => "/ar/staff/families", expected: staffPage("people.read") },
  "[locale]/staff/families/new/page.tsx": { method: "GET", url: () => "/ar/staff/families/new", expected: staffPage("people.write") },
  "[locale]/staff/families/[familyId]/page.tsx": { method: "GET", url: (ids) => `/ar/staff/families/${ids.family}`, expected: staffPage("people.read") },
  "[locale]/staff/families/[familyId]/edit/page.tsx": { method: "GET", url: (ids) => `/ar/staff/families/${ids.family}/edit`, expected: staffPage("people.write") },
  // Every staff member who reads families reads the pedigree (names and links, no genotype); only registrars edit it (its actions).
  "[locale]/staff/families/[familyId]/pedigree/page.tsx": { method: "GET", url: (ids) => `/ar/staff/families/${ids.family}/pedigree`, expected: staffPage("people.read") },
  "[locale]/staff/donors/[donorId]/edit/page.tsx": { method: "GET", url: (ids) => `/ar/staff/donors/${ids.donor}/edit`, expected: staffPage("people.write") },
  "[locale]/staff/donors/[donorId]/invitation/page.tsx": { method: "GET", url: (ids) => `/ar/staff/donors/${ids.donor}/invitation`, expected: staffPage("personalData.export") },
  "[locale]/staff/persons/[personId]/page.tsx": { method: "GET", url: (ids) => `/ar/staff/persons/${ids.person}`, expected: staffPage("people.read") },
  "[locale]/staff/persons/[personId]/edit/page.tsx": { method: "GET", url: (ids) => `/ar/staff/persons/${ids.person}/edit`, expected: staffPage("people.write") },
  "[locale]/staff/persons/[personId]/antemortem/page.tsx": { method: "GET", url: (ids) => `/ar/staff/persons/${ids.person}/antemortem`, expected: staffPage("people.write") },
  "[locale]/staff/persons/by-case/[caseNumber]/page.tsx": {
    method: "GET",
    url: (ids) => `/ar/staff/persons/by-case/${encodeURIComponent(ids.caseNumber)}`,
    expected: staffPage("people.read", "redirect"),
  },
  "[locale]/staff/persons/duplicates/page.tsx": { method: "GET", url: () => "/ar/staff/persons/duplicates", expected: staffPage("people.read") },
  // Online reports are triaged by those who register people; the demo holds none, so a report id is "not found" once authorised.
  "[locale]/staff/online-reports/page.tsx": { method: "GET", url: () => "/ar/staff/online-reports", expected: staffPage("people.write") },
  "[locale]/staff/online-reports/[reportId]/page.tsx": {
    method: "GET",
    url: () => "/ar/staff/online-reports/00000000-0000-4000-8000-0000000000aa",
    expected: staffPage("people.write", "notFound"),
  },
  "[locale]/staff/reports/page.tsx": { method: "GET", url: () => "/ar/staff/reports", expected: staffPage("people.read") },
  "[locale]/staff/reports/new/page.tsx": { method: "GET", url: () => "/ar/staff/reports/new", expected: staffPage("people.write") },
  "[locale]/staff/reports/[reportId]/page.tsx": { method: "GET", url: (ids) => `/ar/staff/reports/${ids.report}`, expected: staffPage("people.read") },
  "[locale]/staff/reports/[reportId]/edit/page.tsx": { method: "GET", url: (ids) => `/ar/staff/reports/${ids.report}/edit`, expected: staffPage("people.write") },
  "[locale]/staff/samples/[sampleId]/page.tsx": { method: "GET", url: (ids) => `/ar/staff/samples/${ids.sample}`, expected: staffPage("people.read") },
  "[locale]/staff/samples/[sampleId]/edit/page.tsx": { method: "GET", url: (ids) => `/ar/staff/samples/${ids.sample}/edit`, expected: staffPage("people.write") },
  "[locale]/staff/samples/[sampleId]/receipt/page.tsx": {
    method: "GET",
    url: (ids) => `/ar/staff/samples/${ids.sample}/receipt`,
    expected: staffPage("personalData.export"),
  },
  "[locale]/staff/identifications/page.tsx": { method: "GET", url: () => "/ar/staff/identifications", expected: staffPage("people.read") },
  "[locale]/staff/identifications/new/page.tsx": { method: "GET", url: () => "/ar/staff/identifications/new", expected: staffPage("identification.propose") },
  "[locale]/staff/identifications/[identificationId]/page.tsx": {
    method: "GET",
    url: (ids) => `/ar/staff/identifications/${ids.identification}`,
    expected: staffPage("people.read"),
  },
  // No such meeting: every role that may read sees "not found", the others are refused first.
  "[locale]/staff/identifications/[identificationId]/meetings/[meetingId]/page.tsx": {
    method: "GET",
    url: (ids) => `/ar/staff/identifications/${ids.identification}/meetings/00000000-0000-4000-8000-000000000000`,
    expected: staffPage("people.read", "notFound"),
  },
  "[locale]/staff/identifications/verify/page.tsx": { method: "GET", url: () => "/ar/staff/identifications/verify?code=AAAA-AAAA-AAAA", expected: staffPage("people.read") },
  "[locale]/staff/kinship/page.tsx": { method: "GET", url: () => "/ar/staff/kinship", expected: staffPage("dnaProfiles.use") },
  "[locale]/staff/kinship/leads/page.tsx": { method: "GET", url: () => "/ar/staff/kinship/leads", expected: staffPage("dnaProfiles.use") },
  "[locale]/staff/kinship/sampling-worklist/page.tsx": { method: "GET", url: () => "/ar/staff/kinship/sampling-worklist", expected: staffPage("dnaProfiles.use") },
  "[locale]/staff/kinship/frequencies/page.tsx": { method: "GET", url: () => "/ar/staff/kinship/frequencies", expected: staffPage("alleleFrequencies.manage") },
  "[locale]/staff/sites/page.tsx": { method: "GET", url: () => "/ar/staff/sites", expected: staffPage("forensic.read") },
  "[locale]/staff/sites/new/page.tsx": { method: "GET", url: () => "/ar/staff/sites/new", expected: staffPage("forensic.write") },
  "[locale]/staff/sites/[siteId]/page.tsx": { method: "GET", url: (ids) => `/ar/staff/sites/${ids.site}`, expected: staffPage("forensic.read") },
  "[locale]/staff/sites/[siteId]/edit/page.tsx": { method: "GET", url: (ids) => `/ar/staff/sites/${ids.site}/edit`, expected: staffPage("forensic.write") },
  "[locale]/staff/belongings/page.tsx": { method: "GET", url: () => "/ar/staff/belongings", expected: staffPage("belongings.view") },
  "[locale]/staff/belongings/leads/page.tsx": { method: "GET", url: () => "/ar/staff/belongings/leads", expected: staffPage("belongings.view") },
  // No such viewing session: registrars and administrators see "not found", the others are refused first.
  "[locale]/staff/belongings/viewing/[viewingSessionId]/page.tsx": {
    method: "GET",
    url: () => "/ar/staff/belongings/viewing/00000000-0000-4000-8000-0000000000ff",
    expected: staffPage("people.write", "notFound"),
  },
  "[locale]/staff/remains/page.tsx": { method: "GET", url: () => "/ar/staff/remains", expected: staffPage("forensic.read") },
  "[locale]/staff/remains/new/page.tsx": { method: "GET", url: () => "/ar/staff/remains/new", expected: staffPage("forensic.write") },
  "[locale]/staff/field/page.tsx": { method: "GET", url: () => "/ar/staff/field", expected: staffPage("forensic.write") },
  "[locale]/staff/remains/[remainsId]/page.tsx": { method: "GET", url: (ids) => `/ar/staff/remains/${ids.remains}`, expected: staffPage("forensic.read") },
  "[locale]/staff/remains/[remainsId]/edit/page.tsx": { method: "GET", url: (ids) => `/ar/staff/remains/${ids.remains}/edit`, expected: staffPage("forensic.write") },
  "[locale]/staff/remains/[remainsId]/postmortem/page.tsx": { method: "GET", url: (ids) => `/ar/staff/remains/${ids.remains}/postmortem`, expected: staffPage("forensic.write") },
  "[locale]/staff/users/page.tsx": { method: "GET", url: () => "/ar/staff/users", expected: staffPage("users.manage") },
  "[locale]/staff/users/new/page.tsx": { method: "GET", url: () => "/ar/staff/users/new", expected: staffPage("users.manage") },
  "[locale]/staff/users/[userId]/page.tsx": { method: "GET", url: (ids) => `/ar/staff/users/${ids.user}`, expected: staffPage("users.manage") },

  // Staff route handlers.
  "api/staff/persons/search/route.ts": { method: "POST", url: () => "/api/staff/persons/search", expected: staffRoute("people.read", 200) },
  // The staff search box's POST: sent on (303) to the results page with the query sealed.
  "api/staff/search/route.ts": { method: "POST", url: () => "/api/staff/search", expected: staffRoute("people.read", 303) },
  // A list's filter form posts here: sent on (303) to the list with its free text sealed.
  "api/staff/list-filter/route.ts": { method: "POST", url: () => "/api/staff/list-filter", expected: staffRoute("people.read", 303) },
  // The name comes in the body; none here, so a visitor who may ask is told the request is invalid.
  "api/staff/persons/duplicates/route.ts": { method: "POST", url: () => "/api/staff/persons/duplicates", expected: staffRoute("people.read", 400) },
  "api/staff/export/[list]/route.ts": { method: "POST", url: () => "/api/staff/export/missingPersons?format=csv", expected: staffRoute("personalData.export", 200) },
  "api/staff/audit/export/route.ts": { method: "POST", url: () => "/api/staff/audit/export?format=csv&entity=grave_site", expected: staffRoute("audit.read", 200) },
  "api/staff/dossier/[subject]/[id]/route.ts": { method: "POST", url: (ids) => `/api/staff/dossier/remains/${ids.remains}`, expected: staffRoute("personalData.export", 200) },
  // No letter of this id, no handover recorded for the demo's identification: 404 once authorised.
  "api/staff/documents/[documentId]/route.ts": { method: "GET", url: () => "/api/staff/documents/00000000-0000-4000-8000-000000000000", expected: staffRoute("personalData.export", 404) },
  "api/staff/handovers/[identificationId]/form/route.ts": { method: "GET", url: (ids) => `/api/staff/handovers/${ids.identification}/form`, expected: staffRoute("personalData.export", 404) },
  // An empty upload is refused and the browser sent back to the identification's page.
  "api/staff/handovers/[identificationId]/scan/route.ts": { method: "POST", url: (ids) => `/api/staff/handovers/${ids.identification}/scan`, expected: staffRoute("identification.notify", 303) },
  "api/staff/import/template/route.ts": { method: "GET", url: () => "/api/staff/import/template?kind=missingPersons", expected: staffRoute("data.import", 200) },
  // A photograph's bytes: never to a signed-out client, a family's portal session or a viewer.
  "api/staff/effect-photos/[photoId]/[size]/route.ts": { method: "GET", url: (ids) => `/api/staff/effect-photos/${ids.photo}/thumbnail`, expected: staffRoute("belongings.view", 200) },
  // No photograph sent: a role that may upload is told its form is incomplete.
  "api/staff/effect-photos/route.ts": { method: "POST", url: () => "/api/staff/effect-photos", expected: staffRoute("forensic.write", 400) },
  // No spreadsheet sent: a role that may import is told its form is incomplete.
  "api/staff/import/route.ts": { method: "POST", url: () => "/api/staff/import", expected: staffRoute("data.import", 400) },

  // Last, since it ends the family's portal session that the rows above use.
  "[locale]/family/sign-out/route.ts": { method: "POST", url: () => "/ar/family/sign-out", expected: everyone(303) },
};

/** Every page.tsx and route.ts under app/, as paths under app/. */
async function routeFiles(): Promise<string[]> {
  const app = path.join(repositoryRoot, "app");
  const entries = await readdir(app, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && (entry.name === "page.tsx" || entry.name === "route.ts"))
    .map((entry) => path.relative(app, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** Where a redirect goes, from a 3xx Location or from the refresh tag a streamed page carries. */
function redirectTarget(response: Response, body: string): string | null {
  const location = response.headers.get("location");
  if (response.status >= 300 && response.status < 400 && location) return new URL(location, "http://placeholder").pathname;
  const refresh = /<meta[^>]*id="__next-page-redirect"[^>]*content="\d+;url=([^"]+)"/.exec(body) ?? /<meta[^>]*http-equiv="refresh"[^>]*content="\d+;url=([^"]+)"/.exec(body);
  return refresh?.[1] ? new URL(refresh[1].replaceAll("&amp;", "&"), "http://placeholder").pathname : null;
}

async function pageOutcome(response: Response): Promise<Outcome> {
  const body = await response.text();
  const target = redirectTarget(response, body);
  if (target !== null) {
    if (/^\/(ar|en)\/login$/.test(target)) return "signIn";
    if (/^\/(ar|en)\/staff\/forbidden$/.test(target)) return "forbidden";
    return "redirect";
  }
  // A page that calls notFound() after its shell has streamed still answers 200; its payload says 404.
  if (response.status === 404 || body.includes("NEXT_HTTP_ERROR_FALLBACK;404")) return "notFound";
  // Likewise a page that threw (a read refused its capability): React marks the failed boundary with
  // the server error's digest. A map rendered only in the browser (next/dynamic, ssr: false) leaves
  // the same marker with an empty digest in a production build.
  if (response.status >= 500 || /data-dgst="(?!BAILOUT_TO_CLIENT_SIDE_RENDERING")[^"]+"/.test(body)) return "error";
  return response.status === 200 ? "ok" : response.status;
}

describe("the route table and app/", () => {
  test("has one row for every page.tsx and route.ts under app/, and none for a file that is gone", async () => {
    expect(Object.keys(ROUTES).sort()).toEqual(await routeFiles());
  });
});

describe("every page and route handler requested by every visitor", () => {
  const cookies = new Map<Visitor, string>();
  let ids: DemoIds | undefined;
  let sql: postgres.Sql | undefined;

  beforeAll(async () => {
    sql = postgres(server.current.databaseUrl ?? "", { max: 1, onnotice: () => {} });
    const one = async (query: Promise<{ id: string }[]>) => {
      const [row] = await query;
      if (!row) throw new Error("the demo data lacks a record the route table needs");
      return row.id;
    };
    const [person] = await sql<{ id: string; caseNumber: string }[]>`
      select id, case_number as "caseNumber" from missing_persons where voided_at is null and merged_into_id is null order by case_number limit 1`;
    if (!person) throw new Error("the demo data has no missing person");
    ids = {
      person: person.id,
      caseNumber: person.caseNumber,
      family: await one(sql`select id from families where voided_at is null order by reference limit 1`),
      report: await one(sql`select id from police_reports where voided_at is null order by report_number limit 1`),
      donor: await one(sql`select id from reference_donors where voided_at is null order by id limit 1`),
      sample: await one(sql`select id from dna_samples where kind = 'reference' and voided_at is null order by barcode limit 1`),
      remains: await one(sql`select id from remains where voided_at is null order by code limit 1`),
      site: await one(sql`select id from grave_sites where voided_at is null order by code limit 1`),
      identification: await one(sql`select id from identifications order by created_at limit 1`),
      user: await one(sql`select id from users order by username limit 1`),
      photo: await one(sql`select id from effect_photos where voided_at is null order by id limit 1`),
    };
    const [family] = DEMO_FAMILY_ACCESS;
    if (!family) throw new Error("the demo has no family access code");
    cookies.set("family", await familySessionCookie(server.current, family.reference, family.code));
    for (const role of ROLES) cookies.set(role, await staffSessionCookie(server.current, role));
  });

  afterAll(async () => {
    await sql?.end({ timeout: 5 });
  });

  async function visit(visitor: Visitor, row: RouteRow): Promise<Outcome> {
    if (!ids) throw new Error("the demo ids were not read");
    const cookie = cookies.get(visitor);
    const response = await fetch(server.current.url(row.url(ids)), {
      method: row.method,
      redirect: "manual",
      headers: cookie ? { cookie } : {},
    });
    const isPage = !row.url(ids).startsWith("/api/") && row.method === "GET";
    if (isPage) return pageOutcome(response);
    await response.body?.cancel();
    return response.status;
  }

  for (const [file, row] of Object.entries(ROUTES)) {
    test(`${row.method} ${file}`, async () => {
      // The six visitors at once: each request stands alone (its own cookie, nothing it changes is
      // read by another's), and the server answers them side by side on both cores instead of one
      // after another (this file is one of the longest of the browser tests: bench/RESULTS.md, "CI time").
      const answers = await Promise.all(VISITORS.map(async (visitor) => [visitor, await visit(visitor, row)] as const));
      const outcomes: Partial<Record<Visitor, Outcome>> = Object.fromEntries(answers);
      expect(outcomes).toEqual(row.expected);
    });
  }
});
