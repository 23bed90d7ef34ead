/** Where the CLI writes: `process.stdout`/`process.stderr`, or a test's recorder. */
export interface OutputStream {
  write(chunk: string): unknown;
  /** True for a terminal: `wait` then draws a live display instead of plain lines. */
  readonly isTTY?: boolean;
  /** Terminal width, used by the live display to wrap. */
  readonly columns?: number;
  readonly rows?: number;
}

/** Everything the CLI touches outside itself, injectable so tests run it in-process. */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Environment: credentials and `OS_PROJECT_ID`/`OS_REGION_NAME` defaults are read from here only. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Calls `handler` on Ctrl-C (SIGINT) or SIGTERM until the returned function is
   * called. Installing a handler also stops Node's default "exit at once", so
   * the CLI can close its requests and restore the terminal first.
   */
  onInterrupt(handler: (signal: "SIGINT" | "SIGTERM") => void): () => void;
  /** `fetch` the client uses; tests may pass one that records requests. */
  readonly fetch?: typeof fetch;
}

/** The real process: its streams, environment and signals. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    onInterrupt(handler) {
      const onSigint = () => handler("SIGINT");
      const onSigterm = () => handler("SIGTERM");
      process.on("SIGINT", onSigint);
      process.on("SIGTERM", onSigterm);
      return () => {
        process.off("SIGINT", onSigint);
        process.off("SIGTERM", onSigterm);
      };
    },
  };
}
