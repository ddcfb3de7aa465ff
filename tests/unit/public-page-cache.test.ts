import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { chooseEncoding, PublicPageCache, publicPageRequest } from "@/scripts/support/public-page-cache.mjs";
import { inlineScriptHashes, policyWithScriptHashes } from "@/scripts/support/script-hashes.mjs";

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

function request(url: string, headers: Record<string, string> = {}, method = "GET") {
  return { method, url, headers } as unknown as Parameters<typeof publicPageRequest>[0];
}

describe("the script hashes of a kept public page", () => {
  it("hashes every inline script as the browser reads it, and no script file or data block", () => {
    const bootstrap = "(self.__next_f=self.__next_f||[]).push([0])";
    const payload = 'self.__next_f.push([1,"\\u003c/script\\u003e ٣ نص"])';
    const html = [
      `<script src="/_next/static/chunks/a.js" async=""></script>`,
      `<script id="_R_">${bootstrap}</script>`,
      `<SCRIPT>${payload}</SCRIPT >`,
      `<script type="application/ld+json">{"@context":"https://schema.org"}</script>`,
      `<script type="module">import "/x.js"</script>`,
      `<script>${bootstrap}</script>`,
    ].join("");
    expect(inlineScriptHashes(html)).toEqual([sha256(bootstrap), sha256(payload), sha256('import "/x.js"')]);
  });

  it("replaces the nonce and 'strict-dynamic' of script-src, and leaves every other directive", () => {
    const policy = "default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; img-src 'self' data:; frame-ancestors 'none'";
    expect(policyWithScriptHashes(policy, ["'sha256-A='", "'sha256-B='"])).toBe(
      "default-src 'self'; script-src 'self' 'sha256-A=' 'sha256-B='; img-src 'self' data:; frame-ancestors 'none'",
    );
  });
});

describe("which requests the kept public pages answer", () => {
  it("the plain GET of /ar, /en and the family portal, by kind of client", () => {
    expect(publicPageRequest(request("/ar"))).toEqual({ path: "/ar", variant: "browser", key: "/ar\nbrowser" });
    expect(publicPageRequest(request("/en/family", { "user-agent": "Mozilla/5.0 (compatible; Twitterbot/1.0)" }))?.variant).toBe("html");
    expect(publicPageRequest(request("/ar", { cookie: "next-auth.session-token=x" }))?.path).toBe("/ar");
  });

  it("never a family's own portal page, a query, a router request, a HEAD or another page", () => {
    expect(publicPageRequest(request("/ar/family", { cookie: "NEXT_LOCALE=ar; tarhuna-family=token" }))).toBeNull();
    expect(publicPageRequest(request("/ar/family?failed=1"))).toBeNull();
    expect(publicPageRequest(request("/ar", { rsc: "1" }))).toBeNull();
    expect(publicPageRequest(request("/ar?_rsc=abc"))).toBeNull();
    expect(publicPageRequest(request("/ar", {}, "HEAD"))).toBeNull();
    expect(publicPageRequest(request("/ar/staff"))).toBeNull();
    expect(publicPageRequest(request("/ar/"))).toBeNull();
  });

  it("compresses as the client allows: br, else gzip, else not at all", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("gzip, br;q=0")).toBe("gzip");
    expect(chooseEncoding("deflate")).toBe("identity");
    expect(chooseEncoding(undefined)).toBe("identity");
    expect(chooseEncoding("*")).toBe("br");
  });
});

describe("the kept copy", () => {
  const html = "<html><script>boot()</script><p>figures</p></html>";
  function cache(options: { status?: number; setCookie?: string[]; changeDuringRender?: boolean } = {}) {
    let version = 1;
    let renders = 0;
    const pages = new PublicPageCache({
      render: async () => {
        renders += 1;
        if (options.changeDuringRender) version += 1;
        return {
          status: options.status ?? 200,
          // The render is the server asking itself: its answer carries the instance's name like any other.
          headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": "script-src 'self'; frame-ancestors 'none'", "set-cookie": options.setCookie, date: "then", "x-tarhuna-instance": "A" },
          body: Buffer.from(html),
        };
      },
      registryToken: () => `1:${version}`,
      isCurrent: (token: string) => token === `1:${version}`,
    });
    const wanted = { path: "/ar", variant: "browser", key: "/ar\nbrowser" };
    return { pages, wanted, renders: () => renders, change: () => (version += 1) };
  }

  it("is rendered once for visitors who arrive together, replayed until the registry changes, then rendered again", async () => {
    const { pages, wanted, renders, change } = cache();
    const together = await Promise.all([pages.page(wanted), pages.page(wanted), pages.page(wanted)]);
    expect(together.map((answer) => answer.fromCache)).toEqual([false, false, false]);
    expect(renders()).toBe(1);
    expect((await pages.page(wanted)).fromCache).toBe(true);
    change();
    expect((await pages.page(wanted)).fromCache).toBe(false);
    expect(renders()).toBe(2);
  });

  it("sends the policy with the hash of its inline script, a body compressed once, and no date of its own", async () => {
    const { pages, wanted } = cache();
    const { page } = await pages.page(wanted);
    expect(page.headers["content-security-policy"]).toBe(`script-src 'self' ${sha256("boot()")}; frame-ancestors 'none'`);
    expect(page.headers.date).toBeUndefined();
    expect(page.headers.vary).toBe("Accept-Encoding");
    const gzip = await page.body("gzip");
    expect(gunzipSync(gzip.bytes).toString()).toBe(html);
    expect((await page.body("gzip")).bytes).toBe(gzip.bytes);
  });

  it("is replayed at once in an encoding it was sent in before, until the registry changes", async () => {
    const { pages, wanted, change } = cache();
    const sent: { status?: number; headers?: Record<string, string>; bytes?: Buffer } = {};
    // The replay writes its headers as one flat list (name, value, …), as node's writeHead takes them.
    let flatNames: string[] = [];
    const headerMap = (flat: string[]) => {
      flatNames = flat.filter((_, index) => index % 2 === 0).map((name) => name.toLowerCase());
      return Object.fromEntries(flat.flatMap((name, index) => (index % 2 === 0 ? [[name, flat[index + 1]]] : [])));
    };
    const response = { writeHead: (status: number, headers: string[]) => Object.assign(sent, { status, headers: headerMap(headers) }), end: (bytes: Buffer) => Object.assign(sent, { bytes }) };
    const gzipRequest = { headers: { "accept-encoding": "gzip" } };
    const replay = () => pages.replay(wanted, gzipRequest as never, response as never, ["X-Request-Id", "id-1", "x-tarhuna-instance", "B"]);
    expect(pages.canReplay(wanted, gzipRequest as never)).toBe(false);
    expect(replay()).toBe(false);
    await (await pages.page(wanted)).page.body("gzip");
    expect(pages.canReplay(wanted, gzipRequest as never)).toBe(true);
    expect(replay()).toBe(true);
    expect(sent.headers).toMatchObject({ "content-encoding": "gzip", "x-tarhuna-page-cache": "hit", "content-length": String(sent.bytes?.length), "X-Request-Id": "id-1", "x-tarhuna-instance": "B" });
    // Each header once: the answering instance's name, not also the one the copy was rendered with.
    expect(flatNames.filter((name) => name === "x-tarhuna-instance")).toHaveLength(1);
    expect(gunzipSync(sent.bytes ?? Buffer.alloc(0)).toString()).toBe(html);
    expect(pages.replay(wanted, { headers: { "accept-encoding": "br" } } as never, response as never)).toBe(false);
    change();
    expect(replay()).toBe(false);
  });

  it("is not kept when the render failed, set a cookie other than the language, or the registry changed meanwhile", async () => {
    for (const options of [{ status: 500 }, { setCookie: ["tarhuna-family=x; Path=/"] }, { changeDuringRender: true }]) {
      const { pages, wanted } = cache(options);
      await pages.page(wanted);
      expect((await pages.page(wanted)).fromCache, JSON.stringify(options)).toBe(false);
    }
    const { pages, wanted } = cache({ setCookie: ["NEXT_LOCALE=ar; Path=/; SameSite=lax"] });
    await pages.page(wanted);
    expect((await pages.page(wanted)).fromCache).toBe(true);
  });
});
