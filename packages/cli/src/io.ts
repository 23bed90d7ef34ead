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
  /** Calls `handler` on Ctrl-C (SIGINT) or SIGTERM until the returned function is called (Node then does not exit at once). */
  onInterrupt(handler: (signal: "SIGINT" | "SIGTERM") => void): () => void;
  /** `fetch` the client uses; tests may pass one that records requests. */
  readonly fetch?: typeof fetch;
  /** All of stdin as text (`wait -` reads job ids from it). */
  readonly readStdin?: () => Promise<string>;
}

/** The real process: its streams, environment and signals. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    readStdin: async () => (await process.stdin.toArray()).join(""),
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

const REDACTED = "[REDACTED]";

/** `text` with every secret of 4 characters or more replaced by `[REDACTED]`. */
export const redact = (text: string, secrets: readonly string[]): string =>
  secrets.reduce((out, secret) => (secret.length >= 4 ? out.split(secret).join(REDACTED) : out), text);

function redactingStream(stream: OutputStream, secrets: readonly string[]): OutputStream {
  return {
    write: (chunk: string) => stream.write(redact(chunk, secrets)),
    // Getters, so a resized terminal is seen by the live display.
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
    get rows() {
      return stream.rows;
    },
  };
}

/**
 * The same io, every secret (of 4 characters or more, as the client does) replaced by `[REDACTED]` in what is written:
 * the last line of defence for what the client does not print itself (a server echoing a header, an unexpected error).
 */
export function redactingIo(io: CliIo, secrets: readonly string[]): CliIo {
  const real = secrets.filter((secret) => secret.length >= 4);
  if (real.length === 0) return io;
  return { ...io, stdout: redactingStream(io.stdout, real), stderr: redactingStream(io.stderr, real) };
}
