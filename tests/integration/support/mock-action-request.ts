import { vi } from "vitest";

/**
 * Imported first by integration tests that call server actions: the session, request metadata and
 * database an action would get from a real request come from ./action-request instead, and
 * revalidation (which needs a Next.js request) does nothing.
 */
vi.mock("@/lib/server/database", async () => {
  const { requestDatabase } = await import("./action-request");
  return { getDb: async () => requestDatabase() };
});
vi.mock("@/lib/auth/current-session", async () => {
  const { actionRequest: request } = await import("./action-request");
  return { getCurrentSession: async () => request.session };
});
vi.mock("@/lib/auth/request-metadata", async (importOriginal) => {
  const { TEST_REQUEST_METADATA } = await import("./action-request");
  // Route handlers still read their metadata from the Request's headers with the real helpers.
  return { ...(await importOriginal<typeof import("@/lib/auth/request-metadata")>()), currentRequestMetadata: async () => TEST_REQUEST_METADATA };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
