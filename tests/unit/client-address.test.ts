import { describe, expect, it } from "vitest";
import { bodyRefusal } from "@/scripts/support/body-limits.mjs";
import { decideClientAddress, readServerSettings, ServerSettingError, watchForUnnamedProxy } from "@/scripts/support/client-address.mjs";

describe("the client's address as the production server decides it", () => {
  it("ignores X-Forwarded-For from a peer that is no trusted proxy, even with TRUST_PROXY_HOPS set", () => {
    const settings = readServerSettings({ TRUST_PROXY_HOPS: "1", TRUSTED_PROXIES: "10.0.0.5" });
    expect(decideClientAddress("192.0.2.44", "203.0.113.7", settings)).toEqual({ address: "192.0.2.44", peerTrusted: false });
  });

  it("walks from the right past trusted proxies only, so what the client wrote itself is never reached", () => {
    const settings = readServerSettings({ TRUSTED_PROXIES: "10.0.0.0/24, fd00::/64" });
    // The client claimed 1.2.3.4; the outer proxy (10.0.0.9) saw 203.0.113.7 and the inner one 10.0.0.9.
    expect(decideClientAddress("::ffff:10.0.0.5", "1.2.3.4, 203.0.113.7, 10.0.0.9", settings).address).toBe("203.0.113.7");
    expect(decideClientAddress("fd00::1", "2001:db8::7", settings).address).toBe("2001:db8::7");
  });

  it("skips at most TRUST_PROXY_HOPS proxies, and stops at a hop that is not an address", () => {
    const settings = readServerSettings({ TRUST_PROXY_HOPS: "1", TRUSTED_PROXIES: "10.0.0.0/8" });
    expect(decideClientAddress("10.0.0.5", "203.0.113.7, 10.0.0.9", settings).address).toBe("10.0.0.9");
    expect(decideClientAddress("10.0.0.5", "203.0.113.7, evil", settings).address).toBe("10.0.0.5");
  });

  it("with proxy hops and no list trusts only a proxy on this machine, and then listens on 127.0.0.1 alone", () => {
    const settings = readServerSettings({ TRUST_PROXY_HOPS: "1" });
    expect(settings.hostname).toBe("127.0.0.1");
    expect(decideClientAddress("127.0.0.1", "203.0.113.7", settings).address).toBe("203.0.113.7");
    expect(decideClientAddress("192.0.2.44", "203.0.113.7", settings).address).toBe("192.0.2.44");
  });

  it("listens on every interface without a proxy, and where HOSTNAME says otherwise", () => {
    expect(readServerSettings({}).hostname).toBeUndefined();
    expect(readServerSettings({ HOSTNAME: "192.0.2.2", TRUST_PROXY_HOPS: "1" }).hostname).toBe("192.0.2.2");
  });

  it("stops the start on a malformed setting, naming it", () => {
    expect(() => readServerSettings({ TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(ServerSettingError);
    expect(() => readServerSettings({ TRUSTED_PROXIES: "proxy.example" })).toThrow(/proxy\.example/);
    expect(() => readServerSettings({ TRUST_PROXY_HOPS: "-1" })).toThrow(/TRUST_PROXY_HOPS/);
  });
});

describe("request bodies the production server lets through", () => {
  const MB = 1024 * 1024;
  it("allows 64 MB to the spreadsheet import, 6 MB to the DNA file imports and 1 MB anywhere else", () => {
    expect(bodyRefusal("/api/staff/import", { "content-length": String(60 * MB) })).toBeNull();
    expect(bodyRefusal("/ar/staff/kinship", { "content-length": String(5.3 * MB) })).toBeNull();
    expect(bodyRefusal("/en/staff/kinship/frequencies?x=1", { "content-length": String(5.3 * MB) })).toBeNull();
    expect(bodyRefusal("/ar/staff/families/new", { "content-length": String(2 * MB) })).toMatchObject({ status: 413 });
    expect(bodyRefusal("/ar/family/sign-in", { "content-length": String(2 * MB) })).toMatchObject({ status: 413 });
    expect(bodyRefusal("/api/staff/import/template", { "content-length": String(2 * MB) })).toMatchObject({ status: 413 });
    expect(bodyRefusal("/ar/staff/kinship", { "content-length": String(7 * MB) })).toMatchObject({ status: 413 });
  });

  it("asks for the length of a body sent in chunks", () => {
    expect(bodyRefusal("/ar/family/sign-in", { "transfer-encoding": "chunked" })).toMatchObject({ status: 411 });
    expect(bodyRefusal("/ar", {})).toBeNull();
  });
});

describe("the warning when a reverse proxy stands in front but the settings name none", () => {
  const forwarded = { "x-forwarded-for": "203.0.113.7" };

  it("warns once, naming the address to trust, when requests with forwarded headers keep coming from one peer", () => {
    const notice = watchForUnnamedProxy(readServerSettings({}), 3);
    expect(notice("::ffff:10.0.0.5", forwarded)).toBeNull();
    expect(notice("10.0.0.5", forwarded)).toBeNull();
    expect(notice("10.0.0.5", forwarded)).toContain("TRUSTED_PROXIES=10.0.0.5");
    expect(notice("10.0.0.5", forwarded)).toBeNull();
  });

  it("stays quiet for visitors reached directly, for headers from many peers, and when a proxy is configured", () => {
    const direct = watchForUnnamedProxy(readServerSettings({}), 3);
    for (let index = 0; index < 5; index += 1) expect(direct("10.0.0.5", {})).toBeNull();
    const scattered = watchForUnnamedProxy(readServerSettings({}), 3);
    for (let index = 0; index < 5; index += 1) expect(scattered(`192.0.2.${index}`, forwarded)).toBeNull();
    const configured = watchForUnnamedProxy(readServerSettings({ TRUST_PROXY_HOPS: "1" }), 3);
    for (let index = 0; index < 5; index += 1) expect(configured("127.0.0.1", forwarded)).toBeNull();
  });
});
