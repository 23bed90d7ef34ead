import { fork } from "node:child_process";
import { BenchError } from "../lib/bench-error.js";
import { JOB_BODY, JOB_PATH } from "./job-body.js";

/**
 * Starts the fixed-body job server on 127.0.0.1 (random port) in a child
 * process; the same server answers every contender of the per-call comparison.
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startLoopbackServer() {
  const child = fork(new URL("./loopback-child.js", import.meta.url), [], {
    env: { ...process.env, BENCH_JOB_BODY: JOB_BODY, BENCH_JOB_PATH: JOB_PATH },
    execArgv: [],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const port = await new Promise((resolve, reject) => {
    child.once("message", (message) => resolve(/** @type {{ port?: unknown }} */ (message).port));
    child.once("error", (error) => reject(new BenchError("SERVER_FAILED", "the loopback job server did not start", {}, error)));
    child.once("exit", (code) => reject(new BenchError("SERVER_FAILED", `the loopback job server exited with ${code}`)));
  });
  if (typeof port !== "number" || port === 0) throw new BenchError("SERVER_FAILED", "the loopback job server has no port");
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.disconnect();
      await exited;
    },
  };
}
