import { describe, expect, it } from "vitest";
import { redactingIo, type CliIo, type OutputStream } from "../src/io.js";

function recorder(): OutputStream & { chunks: string[] } {
  const chunks: string[] = [];
  return { isTTY: true, columns: 100, chunks, write: (chunk: string) => chunks.push(chunk) };
}

function io(stdout: OutputStream, stderr: OutputStream): CliIo {
  return { stdout, stderr, env: {}, onInterrupt: () => () => {} };
}

describe("redactingIo", () => {
  it("replaces every secret in stdout and stderr", () => {
    const out = recorder();
    const err = recorder();
    const safe = redactingIo(io(out, err), ["SECRET-key-123", "tok-456789"]);
    safe.stdout.write("a SECRET-key-123 b SECRET-key-123");
    safe.stderr.write("token tok-456789.");
    expect(out.chunks).toEqual(["a [REDACTED] b [REDACTED]"]);
    expect(err.chunks).toEqual(["token [REDACTED]."]);
  });

  it("keeps what the live display reads from the stream", () => {
    const out = recorder();
    const safe = redactingIo(io(out, recorder()), ["SECRET-key-123"]);
    expect(safe.stdout.isTTY).toBe(true);
    expect(safe.stdout.columns).toBe(100);
  });

  it("leaves text alone when a value is too short to be a credential", () => {
    const out = recorder();
    const safe = redactingIo(io(out, recorder()), ["a"]);
    safe.stdout.write("a job");
    expect(out.chunks).toEqual(["a job"]);
  });
});
