// Import-free, for proxy.ts as well as the production server: the header scripts/serve.mjs sets on
// its own requests for a public page to keep (public-page-cache.mjs), and removes from every other.
// proxy.ts then gives the page a policy without a nonce; serve.mjs adds the inline scripts' hashes.
export const PAGE_RENDER_HEADER = "x-tarhuna-page-render";
