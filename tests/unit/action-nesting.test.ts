import { describe, expect, it } from "vitest";
import { actionArgumentNesting, isServerActionRequest, jsonNestingDepth, MAX_ACTION_NESTING } from "@/lib/security/action-nesting";

const deep = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;

describe("how deeply a server action's arguments nest", () => {
  it("counts bracket levels of JSON, not brackets inside strings", () => {
    expect(jsonNestingDepth('[{"csv":"a,b\\n[[[[[[","n":[1,[2]]}]')).toBe(4);
    expect(jsonNestingDepth('["\\"[[[["]')).toBe(1);
    expect(jsonNestingDepth(deep(100_000))).toBe(100_000);
  });

  it("refuses a 100,000-deep text body and passes an ordinary form's", async () => {
    const post = (body: string | FormData) => new Request("http://localhost/ar/staff/families/new", { method: "POST", headers: body instanceof FormData ? { "next-action": "abc" } : { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" }, body });
    expect(await actionArgumentNesting(post(`[{"a":${deep(100_000)}}]`))).toBeGreaterThan(MAX_ACTION_NESTING);
    expect(await actionArgumentNesting(post('[{"givenName":"سالم","birthYear":1980}]'))).toBeLessThan(MAX_ACTION_NESTING);
    // Parts that reference one another nest as deeply as their chain is long.
    const chain = new FormData();
    for (let part = 0; part < 1_000; part += 1) chain.append(String(part), JSON.stringify([`$${(part + 1).toString(16)}`]));
    expect(await actionArgumentNesting(post(chain))).toBeGreaterThan(MAX_ACTION_NESTING);
  });

  it("looks only at POSTs Next.js would decode as an action", () => {
    expect(isServerActionRequest(new Request("http://localhost/ar", { method: "POST", headers: { "next-action": "abc" } }))).toBe(true);
    expect(isServerActionRequest(new Request("http://localhost/ar/family/sign-in", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" } }))).toBe(false);
    expect(isServerActionRequest(new Request("http://localhost/ar"))).toBe(false);
  });
});
