import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

/** A running Prism mock of the bundled contract. */
export interface Prism {
  readonly url: string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `prism mock spec/dist/openapi.yaml --errors` (from node_modules/.bin) on a free
 * loopback port and resolves once it listens; rejects with Prism's output if it exits first.
 */
export async function startPrism(): Promise<Prism> {
  const spec = createRequire(import.meta.url).resolve("@cloud-jobs/spec/openapi.yaml");
  const bin = fileURLToPath(new URL("../../node_modules/.bin/prism", import.meta.url));
  const port = await freePort();
  // Per-request logging slows Prism down; errors still show in the output kept for a failed start.
  const child = spawn(bin, ["mock", spec, "--errors", "-v", "error", "-p", String(port), "-h", "127.0.0.1"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4000)));
  child.stderr.on("data", (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`prism exited (${child.exitCode}) before listening:\n${output}`);
    if (await fetch(url).then(() => true, () => false)) break;
    if (tries > 600) {
      child.kill("SIGTERM");
      throw new Error(`prism did not listen within a minute:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    close: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
