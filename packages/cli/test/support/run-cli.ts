import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The package directory; the binary is spawned from here. */
export const PACKAGE_DIR = fileURLToPath(new URL("../..", import.meta.url));
/** The built binary, as users run it. */
export const BIN = fileURLToPath(new URL("../../bin/cloud-jobs.js", import.meta.url));

/** What a finished run of the binary produced. */
export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A run still going: its process, and a way to wait for some output. */
export interface RunningCli {
  readonly child: ChildProcess;
  /** Resolves with stdout so far once it matches `pattern`; rejects if the process ends first. */
  stdoutMatching(pattern: RegExp): Promise<string>;
  readonly done: Promise<CliRun>;
}

/**
 * An environment without the caller's OS_* variables (a developer's real
 * credentials must neither leak into nor change a test), without colours,
 * plus `env`.
 */
export function cleanEnv(env: Record<string, string>): Record<string, string> {
  const base = Object.entries(process.env).filter(
    (entry): entry is [string, string] => !entry[0].startsWith("OS_") && entry[1] !== undefined,
  );
  return { ...Object.fromEntries(base), NO_COLOR: "1", ...env };
}

/** Spawns `node bin/cloud-jobs.js ...args` (stdout and stderr are pipes, not terminals). */
export function startCli(args: readonly string[], env: Record<string, string>): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: PACKAGE_DIR, env: cleanEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const waiters: Array<() => void> = [];
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    for (const check of [...waiters]) check();
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    child,
    done,
    stdoutMatching: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(stdout)) return;
          waiters.splice(waiters.indexOf(check), 1);
          resolve(stdout);
        };
        waiters.push(check);
        check();
        void done.then((run) => reject(new Error(`exited ${run.code} before stdout matched ${pattern}:\n${run.stdout}\n${run.stderr}`)));
      }),
  };
}

/** Runs `node bin/cloud-jobs.js ...args` to its end. */
export function runCli(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  return startCli(args, env).done;
}
