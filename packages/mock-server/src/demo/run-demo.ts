import type { MockCliIo } from "../cli/run-mock-cli.js";
import { waitForStop } from "../cli/wait-for-stop.js";
import { MockListenError } from "../listen.js";
import { startDemo, type Demo } from "./start-demo.js";

const USAGE = "Usage: node scripts/start.js [--port <n>] [--docs-port <n>]\n";

/**
 * `pnpm start`: runs the demo until Ctrl-C, SIGTERM or `io.signal`; resolves
 * with the exit code (0 after a clean stop, 1 if it cannot listen, 2 on bad arguments).
 */
export async function runDemo(argv: readonly string[], io: MockCliIo & { readonly onStarted?: (demo: Demo) => void } = process): Promise<number> {
  const flags = new Map<string, number>();
  for (let i = 0; i < argv.length; i += 2) {
    const value = Number(argv[i + 1]);
    if (!["--port", "--docs-port"].includes(argv[i]!) || !Number.isInteger(value) || value < 0 || value > 65535) {
      io.stderr.write(`start: bad argument ${argv[i]} ${argv[i + 1] ?? ""}\n${USAGE}`);
      return 2;
    }
    flags.set(argv[i]!, value);
  }
  let demo: Demo;
  try {
    demo = await startDemo({ port: flags.get("--port") ?? 4010, docsPort: flags.get("--docs-port") ?? 4011 });
  } catch (error) {
    if (!(error instanceof MockListenError)) throw error;
    io.stderr.write(`start: ${error.message}\n`);
    return 1;
  }
  io.stdout.write(demo.banner);
  io.onStarted?.(demo);
  await waitForStop(io.signal);
  await demo.close();
  io.stdout.write("\nstopped: mock server and docs server closed\n");
  return 0;
}
