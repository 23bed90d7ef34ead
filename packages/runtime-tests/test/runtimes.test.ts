import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startMockServer, type MockServer } from "@cloud-jobs/mock-server";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, servePage } from "./browser.js";
import { KEYS, PROJECT_ID } from "./scenarios.js";

const TEST_DIR = dirname(fileURLToPath(import.meta.url));
const PACKAGE_DIR = dirname(TEST_DIR);
const SCRIPT = join(TEST_DIR, "run-scenarios.js");
const bin = (name: string) => join(PACKAGE_DIR, "node_modules", ".bin", name);

interface Outcome {
  readonly ok: boolean;
  readonly value?: { job_id: string; job_type: string; status: string; polls?: string[] };
  readonly error?: { name: string; code?: string; status?: number; message: string };
}
interface Report {
  readonly runtime: string;
  readonly jobId: string;
  readonly quickJobId: string;
  readonly tokenGetJob: Outcome;
  readonly signedGetJob: Outcome;
  readonly wrongSecretKey: Outcome;
  readonly signedWaitForJob: Outcome;
}

/** The same expectations for every runtime. */
function expectScenariosPass(report: Report): void {
  const running = { ok: true, value: { job_id: report.jobId, job_type: "createVolume", status: expect.stringMatching(/^(INIT|RUNNING)$/) } };
  expect(report.tokenGetJob, `getJob with a token on ${report.runtime}`).toMatchObject(running);
  expect(report.signedGetJob, `getJob signed with AK/SK on ${report.runtime}`).toMatchObject(running);
  // The mock verifies signatures: a wrong secret key must be refused, or the signed call above proves nothing.
  expect(report.wrongSecretKey, `a wrong secret key on ${report.runtime}`).toMatchObject({ ok: false, error: { name: "JobsApiError", status: 401 } });
  expect(report.signedWaitForJob, `waitForJob on ${report.runtime}`).toMatchObject({ ok: true, value: { job_id: report.quickJobId, status: "SUCCESS" } });
  expect(report.signedWaitForJob.value?.polls?.length, "waitForJob polled more than once").toBeGreaterThan(1);
  const { tokenGetJob: t, signedGetJob: s, wrongSecretKey: w, signedWaitForJob: wait } = report;
  console.log(
    `${report.runtime}: getJob token ${t.value?.status}, getJob AK/SK ${s.value?.status}, wrong SK ${w.error?.status}, waitForJob ${wait.value?.status} after ${wait.value?.polls?.length} polls`,
  );
}

/** Runs run-scenarios.js with a runtime's binary; a runtime that does not start fails with what to do. */
function runScenarios(runtime: string, command: string, args: readonly string[]): Promise<Report> {
  const env = { ...process.env, DO_NOT_TRACK: "1", DENO_NO_UPDATE_CHECK: "1", DENO_NO_PROMPT: "1", NO_COLOR: "1" };
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: PACKAGE_DIR, env, timeout: 60_000 }, (error, stdout, stderr) => {
      const line = stdout.trim().split("\n").at(-1) ?? "";
      if (error || !line.startsWith("{")) {
        const hint = runtime === "node" ? "" : ` (is ${runtime} installed? \`pnpm install\` runs its postinstall, allowed in pnpm-workspace.yaml's onlyBuiltDependencies)`;
        return reject(new Error(`${runtime} could not run the scenarios${hint}: ${error?.message ?? "no report"}\n${stderr}\n${stdout}`));
      }
      resolve(JSON.parse(line) as Report);
    });
  });
}

describe("the client on every runtime, against the mock server", () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer({ host: "127.0.0.1", port: 0, ...KEYS, cors: true });
  });
  afterAll(() => mock?.close());

  it(`Node ${process.version}`, async () => {
    expectScenariosPass(await runScenarios("node", process.execPath, [SCRIPT, mock.url]));
  });

  it("Bun, from the bun package", async () => {
    const report = await runScenarios("bun", bin("bun"), [SCRIPT, mock.url]);
    expect(report.runtime).toMatch(/^bun \d/);
    expectScenariosPass(report);
  });

  it("Deno, from the deno package", async () => {
    const report = await runScenarios("deno", bin("deno"), ["run", "--no-lock", "--allow-net=127.0.0.1", "--allow-read", SCRIPT, mock.url]);
    expect(report.runtime).toMatch(/^deno \d/);
    expectScenariosPass(report);
  });

  describe("headless Chromium, a page on another origin loading the client's browser bundle", () => {
    let browser: Browser | undefined;
    let bundleDir: string | undefined;
    let page: { url: string; close(): Promise<void> } | undefined;
    beforeAll(async () => {
      bundleDir = await mkdtemp(join(tmpdir(), "cloud-jobs-browser-bundle-"));
      // What a web app's bundler does with the package: platform browser, code splitting for the lazily imported signer.
      await build({ entryPoints: { client: "@cloud-jobs/client" }, absWorkingDir: PACKAGE_DIR, bundle: true, splitting: true, format: "esm", platform: "browser", outdir: bundleDir, logLevel: "silent" });
      const html = `<!doctype html><script type="importmap">{"imports":{"@cloud-jobs/client":"/client.js"}}</script><title>cloud-jobs runtime tests</title>`;
      page = await servePage(html, [bundleDir, TEST_DIR]);
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await page?.close();
      if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
    });

    async function openPage() {
      const tab = await browser!.newPage();
      const errors: string[] = [];
      tab.on("pageerror", (error) => errors.push(String(error)));
      await tab.goto(page!.url);
      return { tab, errors };
    }

    it("runs the scenarios, signing with Web Crypto", async () => {
      const { tab, errors } = await openPage();
      // No process object: the signer cannot reach node:crypto, so the Web Crypto path signs.
      expect(await tab.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe("undefined");
      // A string, not a function: vitest would rewrite a function's import() into its own loader.
      const report: Report = await tab.evaluate(`import("/scenarios.js").then((m) => m.runScenarios(${JSON.stringify(mock.url)}))`);
      expect(report.runtime).toBe(`chromium ${browser!.version()}`);
      expectScenariosPass(report);
      expect(errors).toEqual([]);
    });

    it("cannot read the mock's answers when it does not allow CORS (so the run above was cross-origin)", async () => {
      const closed = await startMockServer({ host: "127.0.0.1", port: 0, ...KEYS });
      try {
        const created = await fetch(`${closed.url}/mock/jobs`, { method: "POST", body: JSON.stringify({ service: "evs", job_type: "createVolume" }) });
        const { job_id } = (await created.json()) as { job_id: string };
        const { tab } = await openPage();
        const options = JSON.stringify({ service: "evs", projectId: PROJECT_ID, endpoint: closed.url, auth: { token: "runtime-token" } });
        const result = await tab.evaluate(`import("@cloud-jobs/client").then(({ createJobsClient }) =>
          createJobsClient(${options}).getJob("${job_id}").then((job) => job.status, (error) => error.code))`);
        expect(result).toBe("NETWORK_ERROR");
        // Outside the browser the same request is answered: the refusal above is the browser enforcing CORS.
        expect(await fetch(`${closed.url}/v1/${PROJECT_ID}/jobs/${job_id}`, { headers: { "X-Auth-Token": "t" } }).then((r) => r.status)).toBe(200);
      } finally {
        await closed.close();
      }
    });
  });
});
