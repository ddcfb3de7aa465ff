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

  it("still sends pages, the staff area and API routes through it", () => {
    for (const path of ["/", "/ar", "/en/family", "/ar/staff/families", "/api/health", "/api/public/sites.geojson", "/ar/staff/remains/TRH-GS-01-B017", "/ar/no.such.page"]) {
      expect(runsProxy(`http://localhost${path}`), path).toBe(true);
    }
  });
});
