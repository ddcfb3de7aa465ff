import net from "node:net";
import { UserFacingError } from "./cli";

/** Fails early, with the fix, when another program already listens on the port (on HOSTNAME when given). */
export async function assertPortFree(port: number, hostname?: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(
          new UserFacingError(
            `Port ${port} is already in use. Stop the program using it, or choose another port, e.g. PORT=${port + 1}.`,
          ),
        );
      } else if (error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND") {
        reject(new UserFacingError(`HOSTNAME "${hostname}" is not an address of this machine. Use one it has, e.g. 127.0.0.1.`));
      } else if (error.code === "EACCES") {
        reject(new UserFacingError(`Port ${port} needs privileges this user lacks. Choose a port above 1023.`));
      } else {
        reject(error);
      }
    });
    probe.listen(port, hostname, () => probe.close(() => resolve()));
  });
}
