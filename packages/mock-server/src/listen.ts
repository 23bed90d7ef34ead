import type { Server } from "node:http";

/** The mock server could not listen (port in use, address not available, no permission). */
export class MockListenError extends Error {
  override readonly name = "MockListenError";
  /** The system's code: `EADDRINUSE`, `EADDRNOTAVAIL`, `EACCES`, … */
  readonly code: string;

  constructor(
    readonly host: string,
    readonly port: number,
    cause: NodeJS.ErrnoException,
  ) {
    const hint = cause.code === "EADDRINUSE" ? " (in use; pass port 0 for a free one)" : "";
    super(`cannot listen on ${host}:${port}: ${cause.code ?? cause.message}${hint}`, { cause });
    this.code = cause.code ?? "LISTEN_FAILED";
  }
}

/** Listens, turning a failure into a `MockListenError`. */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => reject(new MockListenError(host, port, error));
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}
