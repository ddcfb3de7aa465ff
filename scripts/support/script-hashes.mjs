// The Content-Security-Policy of a public page kept by the production server (public-page-cache.mjs):
// one copy of the page is sent to every visitor, so it cannot carry a per-request nonce. Instead
// the policy names the SHA-256 of each inline script the page holds, and allows the page's own
// script files by origin ('self'), as a nonce-less policy must: without a nonce, 'strict-dynamic'
// would refuse Next's <script src> tags.
import { createHash } from "node:crypto";

/** An element's raw text ends at the first `</script`; React escapes that sequence inside its payloads. */
const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SOURCE_ATTRIBUTE = /(?:^|\s)src\s*=/i;
const TYPE_ATTRIBUTE = /(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
/** Types a browser runs; any other (application/json, application/ld+json) is data, never checked by CSP. */
const SCRIPT_TYPES = new Set(["", "text/javascript", "application/javascript", "module"]);

function runsAsScript(attributes) {
  if (SOURCE_ATTRIBUTE.test(attributes)) return false;
  const type = TYPE_ATTRIBUTE.exec(attributes);
  return !type || SCRIPT_TYPES.has((type[1] ?? type[2] ?? type[3] ?? "").trim().toLowerCase());
}

/** The CSP source of every inline script of `html`, in order, each once: `'sha256-…'`. */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, attributes, text] of html.matchAll(SCRIPT_ELEMENT)) {
    if (runsAsScript(attributes)) hashes.add(`'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/**
 * `policy` with its script-src directive allowing the page's own files and exactly these inline
 * scripts; the nonce and 'strict-dynamic' of a rendered policy, if any, are dropped.
 */
export function policyWithScriptHashes(policy, hashes) {
  const directives = policy.split(";").map((directive) => directive.trim()).filter(Boolean);
  const scriptSources = ["script-src", "'self'", ...hashes].join(" ");
  const index = directives.findIndex((directive) => directive.split(/\s+/)[0]?.toLowerCase() === "script-src");
  if (index === -1) directives.push(scriptSources);
  else directives[index] = scriptSources;
  return directives.join("; ");
}
