// The one place that finds and starts the redis-server the repository's tests and benchmarks use.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { delimiter, join } from "node:path";
import { tmpdir } from "node:os";

/** No redis-server could be found or unpacked: Redis tests fail (they never skip) and say what to set. */
export class RedisMissingError extends Error {
  name = "RedisMissingError";
  code = "REDIS_MISSING";
}

/** Debian's packages that hold redis-server 7 and the libraries it needs beyond a base system. */
const PACKAGES = ["redis-server", "redis-tools", "libjemalloc2", "liblzf1"];

/**
 * Debian's redis-server, unpacked once per machine into `<tmp>/cloud-jobs-redis` with `apt-get download` and
 * `dpkg-deb -x` (no root, nothing installed). Each process unpacks into a folder of its own and renames it into
 * place, so parallel workers never meet a half-written binary. Without the machine's package lists (a fresh
 * container), it reads them into the folder first.
 */
function unpackedRedis() {
  const shared = join(tmpdir(), "cloud-jobs-redis");
  if (!existsSync(join(shared, "usr", "bin", "redis-server"))) {
    const own = mkdtempSync(join(tmpdir(), "cloud-jobs-redis-unpack-"));
    const run = (command, args) => execFileSync(command, args, { cwd: own, stdio: ["ignore", "pipe", "pipe"] });
    try {
      try {
        run("apt-get", ["download", ...PACKAGES]);
      } catch {
        const lists = join(own, "lists");
        mkdirSync(join(lists, "partial"), { recursive: true });
        const options = ["-o", `Dir::State::Lists=${lists}`, "-o", "Debug::NoLocking=1"];
        run("apt-get", [...options, "update"]);
        run("apt-get", [...options, "download", ...PACKAGES]);
      }
      for (const deb of readdirSync(own).filter((name) => name.endsWith(".deb"))) run("dpkg-deb", ["-x", deb, "."]);
      renameSync(own, shared);
    } catch (error) {
      rmSync(own, { recursive: true, force: true });
      if (!existsSync(join(shared, "usr", "bin", "redis-server"))) throw error; // else another process got there first
    }
  }
  const lib = join(shared, "usr", "lib");
  const libraries = [lib, ...readdirSync(lib).filter((name) => name.endsWith("-linux-gnu")).map((name) => join(lib, name))];
  return { command: join(shared, "usr", "bin", "redis-server"), env: { LD_LIBRARY_PATH: libraries.join(delimiter) } };
}

/**
 * The redis-server to run, in order: `REDIS_SERVER`; `redis-server` on `PATH`; Debian's package, unpacked without root.
 * @returns {{ command: string, env: Record<string, string> }}
 */
export function findRedisServer() {
  const chosen = process.env.REDIS_SERVER;
  if (chosen) {
    if (!existsSync(chosen)) throw new RedisMissingError(`REDIS_SERVER=${chosen} does not exist: point it at a redis-server executable`);
    return { command: chosen, env: {} };
  }
  const onPath = (process.env.PATH ?? "").split(delimiter).map((dir) => join(dir, "redis-server")).find((path) => existsSync(path));
  if (onPath) return { command: onPath, env: {} };
  try {
    return unpackedRedis();
  } catch (error) {
    const detail = String(error?.stderr ?? error).trim().split("\n").at(-1);
    throw new RedisMissingError(`no redis-server: none on PATH, REDIS_SERVER unset, and Debian's package could not be unpacked (${detail}); install Redis 6.2+ or set REDIS_SERVER`, { cause: error });
  }
}

/** A free TCP port on 127.0.0.1. */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts a throwaway redis-server on 127.0.0.1 (no persistence), which stops with this process.
 * `stop()` ends it; `start()` starts it again on the same port (a Redis that went away and came back).
 * @returns {Promise<{ url: string, port: number, start(): Promise<void>, stop(): Promise<void> }>}
 */
export async function startRedis() {
  const { command, env } = findRedisServer();
  const port = await freePort();
  let child;
  const stop = async () => {
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  };
  const start = async () => {
    await stop();
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no"];
    child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    await new Promise((resolve, reject) => {
      const seen = (chunk) => ((output += chunk), /Ready to accept connections/.test(output) && resolve());
      child.stdout.on("data", seen);
      child.stderr.on("data", seen);
      child.once("exit", (code) => reject(new RedisMissingError(`${command} exited (${code}) before it was ready: ${output.trim()}`)));
      child.once("error", (error) => reject(new RedisMissingError(`${command} did not start: ${error.message}`, { cause: error })));
    });
    child.stdout.removeAllListeners("data").resume();
    child.stderr.removeAllListeners("data").resume();
  };
  await start();
  process.once("exit", () => child?.kill("SIGKILL"));
  return { url: `redis://127.0.0.1:${port}`, port, start, stop };
}
