import net from "node:net";
import { UserFacingError } from "./cli";

export function readPort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PORT?.trim() || "3000";
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UserFacingError(`PORT must be a whole number from 1 to 65535, not "${raw}".`);
  }
  return port;
}

/** Fails early, with the fix, when another program already listens on the port. */
export async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(
          new UserFacingError(
            `Port ${port} is already in use. Stop the program using it, or choose another port, e.g. PORT=${port + 1}.`,
          ),
        );
      } else if (error.code === "EACCES") {
        reject(new UserFacingError(`Port ${port} needs privileges this user lacks. Choose a port above 1023.`));
      } else {
        reject(error);
      }
    });
    probe.listen(port, () => probe.close(() => resolve()));
  });
}
