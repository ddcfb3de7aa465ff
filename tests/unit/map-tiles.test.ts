import { describe, expect, it } from "vitest";
import { DEFAULT_TILE_URL, readMapTiles, tileImageSource } from "@/lib/map/tiles";
import { pageContentSecurityPolicy } from "@/lib/security/content-security-policy";

describe("map tiles configuration", () => {
  it("uses OpenStreetMap with its attribution when nothing is set", () => {
    const tiles = readMapTiles({});
    expect(tiles?.url).toBe(DEFAULT_TILE_URL);
    expect(tiles?.attribution).toContain("OpenStreetMap");
  });

  it("turns tiles off with MAP_TILE_URL=none", () => {
    expect(readMapTiles({ MAP_TILE_URL: "none" })).toBeNull();
    expect(tileImageSource(readMapTiles({ MAP_TILE_URL: "none" }))).toBeNull();
  });

  it("takes another server and its attribution", () => {
    const tiles = readMapTiles({ MAP_TILE_URL: "https://tiles.example.ly/{z}/{x}/{y}.png", MAP_TILE_ATTRIBUTION: "© Example" });
    expect(tiles).toEqual({ url: "https://tiles.example.ly/{z}/{x}/{y}.png", attribution: "© Example" });
    expect(tileImageSource(tiles)).toBe("https://tiles.example.ly");
  });

  it("allows every subdomain a {s} template may pick, and nothing for a malformed URL", () => {
    expect(tileImageSource({ url: "https://{s}.tile.example.org/{z}/{x}/{y}.png", attribution: "" })).toBe("https://*.tile.example.org");
    expect(tileImageSource({ url: "not a url", attribution: "" })).toBeNull();
    expect(tileImageSource({ url: "javascript:alert(1)//{z}", attribution: "" })).toBeNull();
  });

  it("adds the tile origin to the page's img-src only when given", () => {
    expect(pageContentSecurityPolicy("n", false)).toContain("img-src 'self' data: blob:;");
    expect(pageContentSecurityPolicy("n", false, ["https://tile.openstreetmap.org"])).toContain(
      "img-src 'self' data: blob: https://tile.openstreetmap.org;",
    );
  });
});
