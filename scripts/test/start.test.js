// `pnpm start`'s demo (scripts/start.js), run as users run it: a child process, stopped with Ctrl-C.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";

const START = fileURLToPath(new URL("../start.js", import.meta.url));
const docs = mkdtempSync(join(tmpdir(), "cloud-jobs-start-docs-"));
mkdirSync(join(docs, "guide"));
writeFileSync(join(docs, "index.html"), "<html>docs</html>");
writeFileSync(join(docs, "guide", "index.html"), "<html>guide</html>");
after(() => rmSync(docs, { recursive: true, force: true }));

/** Starts the demo; resolves once it printed its banner, with the child, the banner and both URLs. */
function startDemo(...args) {
  const child = spawn(process.execPath, [START, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const exited = new Promise((resolve) => child.on("close", (code) => resolve({ code, out })));
  const started = new Promise((resolve, reject) => {
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      out += chunk;
      if (out.includes("Ctrl-C to stop")) resolve({ banner: out, mockUrl: /Mock job API\s+(\S+)/.exec(out)?.[1], docsUrl: /API docs\s+(http\S+)/.exec(out)?.[1] });
    });
    child.stderr.setEncoding("utf8").on("data", (chunk) => (out += chunk));
    void exited.then(({ code }) => reject(new Error(`start.js exited ${code} before its banner:\n${out}`)));
  });
  started.catch(() => {}); // awaited by the tests that expect a banner
  return { child, exited, started };
}

/** GET with node:http (so that a path like /../x reaches the server as written). */
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const { origin } = new URL(url);
    request(origin, { path: url.slice(origin.length) || "/", headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode, body }));
    }).on("error", reject).end();
  });
}

test("serves simulated jobs of every service and the docs, prints URLs and commands, and frees both ports on Ctrl-C", async () => {
  const demo = startDemo("--port", "0", "--docs-port", "0", "--docs-dir", docs);
  const { banner, mockUrl, docsUrl } = await demo.started;
  try {
    assert.match(mockUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(docsUrl, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const jobs = [...banner.matchAll(/^ {4}(ecs|bms|evs|vbs) +\S+ +([0-9a-f]{32}) /gm)].map((m) => ({ service: m[1], id: m[2] }));
    assert.deepEqual(new Set(jobs.map((j) => j.service)), new Set(["ecs", "bms", "evs", "vbs"]));
    for (const job of jobs) {
      const reply = await get(`${mockUrl}/v1/0605768a6f80d5762f52c0150e726aa7/jobs/${job.id}`, { "X-Auth-Token": "demo" });
      assert.equal(reply.status, 200, reply.body);
      assert.equal(JSON.parse(reply.body).job_id, job.id);
    }
    const evs = jobs.find((j) => j.service === "evs");
    assert.ok(banner.includes(`cloud-jobs.js wait ${evs.id} --service evs --endpoint ${mockUrl}`), banner);
    assert.match(banner, /OS_ACCESS_KEY=DEMOACCESSKEY0000000 OS_SECRET_KEY=\S+ node packages\/cli\/bin\/cloud-jobs\.js get [0-9a-f]{32} --service ecs/);
    assert.deepEqual(await get(docsUrl), { status: 200, body: "<html>docs</html>" });
    assert.deepEqual(await get(`${docsUrl}guide/`), { status: 200, body: "<html>guide</html>" });
    assert.equal((await get(`${docsUrl}nope.html`)).status, 404);
    for (const path of ["../../etc/passwd", "%2e%2e/%2e%2e/etc/passwd"]) assert.equal((await get(`${docsUrl}${path}`)).status, 404, path);
  } finally {
    demo.child.kill("SIGINT");
  }
  const { code, out } = await demo.exited;
  assert.equal(code, 0);
  assert.match(out, /stopped: mock server and docs server closed/);
  await assert.rejects(get(mockUrl), /ECONNREFUSED/);
  await assert.rejects(get(docsUrl), /ECONNREFUSED/);
});

test("takes a free port when the asked one is taken, and says how to build the docs when they are missing", async () => {
  const first = startDemo("--port", "0", "--docs-dir", join(docs, "missing"));
  const second = { child: undefined };
  try {
    const { mockUrl } = await first.started;
    Object.assign(second, startDemo("--port", new URL(mockUrl).port, "--docs-dir", join(docs, "missing")));
    const { banner, mockUrl: secondUrl } = await second.started;
    assert.notEqual(secondUrl, mockUrl);
    assert.match(banner, /API docs +not built .*pnpm --filter @cloud-jobs\/docs build/);
  } finally {
    first.child.kill("SIGINT");
    second.child?.kill("SIGINT");
  }
  assert.equal((await first.exited).code, 0);
});

test("refuses a bad port with exit code 2 and the usage", async () => {
  const { exited } = startDemo("--port", "x");
  const { code, out } = await exited;
  assert.equal(code, 2);
  assert.match(out, /--port must be a port number.*\nUsage: node scripts\/start\.js/);
});
