import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { SimulatedJobInfo } from "../jobs/simulations.js";
import { MockListenError } from "../listen.js";
import { startMockServer, type MockServer } from "../start-mock-server.js";
import { demoBanner } from "./demo-banner.js";
import { DEMO_CREDENTIALS, DEMO_JOBS } from "./demo-jobs.js";
import { startStaticServer, type StaticServer } from "./static-server.js";

/** Options of `startDemo`. */
export interface DemoOptions {
  /** Port of the mock server; taken → a free one. Default 4010. */
  readonly port?: number;
  /** Port of the docs server; taken → a free one. Default 4011. */
  readonly docsPort?: number;
  /** The built docs; default `packages/docs/dist` of this repository. */
  readonly docsDir?: string;
}

/** What `pnpm start` runs: the mock server with demo jobs, and the docs if built. */
export interface Demo {
  readonly mock: MockServer;
  readonly docs: StaticServer | undefined;
  readonly jobs: readonly SimulatedJobInfo[];
  /** What to print: URLs, jobs and two commands to try. */
  readonly banner: string;
  close(): Promise<void>;
}

/** `packages/docs/dist`, seen from this file in `src/demo` or `dist/demo`. */
export const DEFAULT_DOCS_DIR = fileURLToPath(new URL("../../../docs/dist/", import.meta.url));

async function onPortOrFree<T>(port: number, start: (port: number) => Promise<T>): Promise<T> {
  try {
    return await start(port);
  } catch (error) {
    if (error instanceof MockListenError && error.code === "EADDRINUSE" && port !== 0) return start(0);
    throw error;
  }
}

/**
 * Starts the mock server on 127.0.0.1 (port 4010, or a free one if taken)
 * with demo credentials, creates a few simulated jobs of each service, and
 * serves the built docs on another port when they exist.
 */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const docsDir = options.docsDir ?? DEFAULT_DOCS_DIR;
  const mock = await onPortOrFree(options.port ?? 4010, (port) =>
    startMockServer({ port, accessKey: DEMO_CREDENTIALS.accessKey, secretKey: DEMO_CREDENTIALS.secretKey }),
  );
  let docs: StaticServer | undefined;
  try {
    if (existsSync(docsDir)) docs = await onPortOrFree(options.docsPort ?? 4011, (port) => startStaticServer(docsDir, port));
  } catch (error) {
    await mock.close();
    throw error;
  }
  const jobs = DEMO_JOBS.map((input) => mock.createJob(input));
  return {
    mock,
    docs,
    jobs,
    banner: demoBanner({ mockUrl: mock.url, docsUrl: docs?.url, docsDir, jobs }),
    close: async () => {
      await Promise.all([mock.close(), docs?.close()]);
    },
  };
}
