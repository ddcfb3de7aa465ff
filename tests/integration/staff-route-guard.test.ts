import "./support/mock-action-request";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { actionRequest } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createStaffSession } from "./support/staff-users";

const backends = await testBackends();
const STAFF_API = path.resolve(import.meta.dirname, "../../app/api/staff");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface StaffRoute {
  file: string;
  method: (typeof METHODS)[number];
  url: string;
  params: Record<string, string>;
  handler: RouteHandler;
}

/** A value each dynamic segment accepts, so that only the guard can refuse the request. */
const SEGMENT_VALUES: Record<string, () => string> = { subject: () => "person", id: randomUUID, list: () => "families" };

/** Every route handler below app/api/staff, found by walking the folder so a new one cannot be forgotten. */
async function findStaffRoutes(): Promise<StaffRoute[]> {
  const files = fs.readdirSync(STAFF_API, { recursive: true, encoding: "utf8" }).filter((file) => path.basename(file) === "route.ts");
  const routes = await Promise.all(
    files.map(async (file) => {
      const exported: Record<string, unknown> = await import(path.join(STAFF_API, file));
      const segments = path.dirname(file).split(path.sep);
      const params = Object.fromEntries(
        segments.filter((segment) => segment.startsWith("[")).map((segment) => {
          const name = segment.slice(1, -1);
          return [name, SEGMENT_VALUES[name]?.() ?? "x"];
        }),
      );
      const url = `http://localhost/api/staff/${segments.map((segment) => (segment.startsWith("[") ? params[segment.slice(1, -1)] : segment)).join("/")}`;
      return METHODS.filter((method) => typeof exported[method] === "function").map((method) => ({
        file,
        method,
        url,
        params,
        handler: exported[method] as RouteHandler,
      }));
    }),
  );
  return routes.flat();
}

const routes = await findStaffRoutes();

function call(route: StaffRoute, headers: Record<string, string>): Promise<Response> {
  return route.handler(new Request(route.url, { method: route.method, headers }), { params: Promise.resolve(route.params) });
}

describeOnEachBackend(backends, "staff route handlers and requests from other sites", (database) => {
  beforeAll(async () => {
    actionRequest.db = database().db;
    actionRequest.session = await createStaffSession(database().db, "admin");
  });

  beforeEach(() => {
    actionRequest.db = database().db;
  });

  it("finds the staff routes, exports and dossiers among them", () => {
    expect(routes.map((route) => `${route.method} ${route.file}`)).toEqual(
      expect.arrayContaining(["POST export/[list]/route.ts", "POST dossier/[subject]/[id]/route.ts", "POST import/route.ts"]),
    );
  });

  it("starts exports and dossiers only by POST: a link or an image another site embeds cannot", () => {
    const linkable = routes.filter((route) => route.method === "GET" && /^(export|dossier)\//.test(route.file));
    expect(linkable.map((route) => route.file)).toEqual([]);
  });

  it.each(routes.map((route) => [`${route.method} ${route.file}`, route] as const))(
    "%s refuses a signed-in administrator's request sent by another site",
    async (_name, route) => {
      const foreign: Record<string, string>[] = [
        { "sec-fetch-site": "cross-site" },
        { "sec-fetch-site": "same-site" },
        { origin: "https://attacker.example" },
        { "sec-fetch-site": "same-origin", origin: "https://attacker.example" },
      ];
      for (const headers of foreign) {
        const response = await call(route, headers);
        expect(response.status, JSON.stringify(headers)).toBe(403);
        expect(await response.json()).toEqual({ error: "crossSite" });
      }
      // The same request from the app's own page passes the guard (whatever the route then answers).
      const own = await call(route, { "sec-fetch-site": "same-origin", origin: "http://localhost" });
      const body = await own.text();
      expect(body).not.toContain("crossSite");
      expect(own.status).toBeLessThan(500);
    },
  );
});
