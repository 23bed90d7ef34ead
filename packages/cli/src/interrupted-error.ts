/**
 * The user pressed Ctrl-C (or the process got SIGTERM) during a wait. Used
 * as the abort reason of the wait's signal, so the waiter rejects with it.
 * Exits with 130 (143 for SIGTERM). The job itself keeps running on the server.
 */
export class InterruptedError extends Error {
  override readonly name = "InterruptedError";
  readonly code = "INTERRUPTED";
  /** The signal that stopped the wait. */
  readonly signal: "SIGINT" | "SIGTERM";

  constructor(signal: "SIGINT" | "SIGTERM") {
    super(`interrupted by ${signal}; the job keeps running on the server`);
    this.signal = signal;
  }
}
