import { spawn } from "node:child_process";
import { BIN, cleanEnv, PACKAGE_DIR, type CliRun } from "./run-cli.js";

function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs `node bin/cloud-jobs.js ...args` with a pseudo-terminal as stdin,
 * stdout and stderr, through util-linux `script -qfec <command> /dev/null`
 * (no native module needed). What the terminal received is `stdout`;
 * `script -e` exits with the CLI's exit code.
 */
export function runInPty(args: readonly string[], env: Record<string, string>, columns = 120): Promise<CliRun> {
  const command = [process.execPath, BIN, ...args].map(shellQuote).join(" ");
  // The pty starts at 0x0 columns under `script` without a terminal; give it a size as a real one has.
  const sized = `stty cols ${columns} rows 40 2>/dev/null; exec ${command}`;
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-qfec", sized, "/dev/null"], {
      cwd: PACKAGE_DIR,
      env: cleanEnv({ TERM: "xterm-256color", ...env }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
