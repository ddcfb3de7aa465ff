import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it, vi } from "vitest";
import { config } from "@/proxy";

// Only the matcher is under test; next-intl's middleware imports "next/server" in a way plain Node cannot resolve.
vi.mock("next-intl/middleware", () => ({ default: () => () => undefined }));

const runsProxy = (url: string): boolean => unstable_doesMiddlewareMatch({ config, url });

describe("which requests the locale proxy sees", () => {
  it("leaves the icon and other static files of app/ alone, so /icon.svg is not sent to /ar/icon.svg", () => {
    for (const path of ["/icon.svg", "/favicon.ico", "/apple-icon.png", "/robots.txt", "/manifest.webmanifest", "/_next/static/chunks/main.js"]) {
      expect(runsProxy(`http://localhost${path}`), path).toBe(false);
    }
  });

  it("still sends pages and the staff area through it", () => {
    for (const path of ["/", "/ar", "/en/family", "/ar/staff/families", "/ar/staff/remains/TRH-GS-01-B017", "/ar/no.such.page", "/serwist/sw.js"]) {
      expect(runsProxy(`http://localhost${path}`), path).toBe(true);
    }
  });

  it("leaves API routes to their handlers, which check the session themselves (next.config.js sets their policy)", () => {
    for (const path of ["/api/health", "/api/public/sites.geojson", "/api/staff/persons/search", "/api/auth/session"]) {
      expect(runsProxy(`http://localhost${path}`), path).toBe(false);
    }
  });
});
