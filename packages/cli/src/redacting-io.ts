import type { CliIo, OutputStream } from "./io.js";

const REDACTED = "[REDACTED]";

function redactingStream(stream: OutputStream, secrets: readonly string[]): OutputStream {
  return {
    write: (chunk: string) => stream.write(secrets.reduce((text, secret) => text.split(secret).join(REDACTED), chunk)),
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
 * The same io, with every secret replaced by `[REDACTED]` in whatever is
 * written to stdout or stderr. The client already keeps secrets out of its
 * errors; this is the last line of defence for everything else the CLI
 * prints (a server echoing a header into a job body, an unexpected error).
 * Values shorter than 4 characters are skipped, as the client does: they
 * cannot be real credentials and replacing them would mangle ordinary text.
 */
export function redactingIo(io: CliIo, secrets: readonly string[]): CliIo {
  const real = secrets.filter((secret) => secret.length >= 4);
  if (real.length === 0) return io;
  return { ...io, stdout: redactingStream(io.stdout, real), stderr: redactingStream(io.stderr, real) };
}
