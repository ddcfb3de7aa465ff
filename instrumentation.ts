/** Runs once when a server process starts, before the first request (Node.js runtime only). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareServer } = await import("@/lib/server/startup");
  await prepareServer();
}
