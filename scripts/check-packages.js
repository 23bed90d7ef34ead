// Every public package as a user gets it (run by `pnpm test`, turbo task //#check-packages): packed, installed
// with npm (with the tarballs of its workspace dependencies) into an empty project of its own, each export
// imported under ESM and type-checked (tsc, nodenext), each bin run, no undeclared import, the spec's ruleset
// run by Spectral, the CLI installed without the mock server and fixtures; its size next to the official SDK's.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const PACKAGES = ["spec", "packages/client", "packages/fixtures", "packages/mock-server", "packages/docs", "packages/cli"];
const NPM_INSTALL = ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"];
const SPECTRAL = "@stoplight/spectral-cli@6.16.3";
const SDK = ["@huaweicloud/huaweicloud-sdk-core@3.1.211", "@huaweicloud/huaweicloud-sdk-ecs@3.1.172"];
/** What a user writes with the main exports (stable names only), type-checked beside an import of every export. */
const USAGE = {
  "@cloud-jobs/client": `import { createJobsClient, JobFailedError, JobsApiError, WaitTimeoutError, type EvsJob } from "@cloud-jobs/client";
const evs = createJobsClient({ service: "evs", projectId: "0123456789abcdef0123456789abcdef", endpoint: "http://127.0.0.1:4010", auth: { accessKey: "AK", secretKey: "SK" } });
export const done: Promise<EvsJob> = evs.getJob("job").then((job) => evs.waitForJob(job.job_id));
export const errors: Array<new (...args: never[]) => Error> = [JobsApiError, JobFailedError, WaitTimeoutError];`,
  "@cloud-jobs/mock-server": `import { startMockServer, type MockServer } from "@cloud-jobs/mock-server";
export const mock: Promise<MockServer> = startMockServer({ port: 0, host: "127.0.0.1", accessKey: "AK", secretKey: "SK", cors: true });
export const url: Promise<string> = mock.then(async (server) => (await server.close(), server.url));`,
};

/** The package a bare import specifier names (`@scope/name/sub` → `@scope/name`); undefined for relative, absolute and built-in ones. */
export function packageOf(specifier) {
  if (/^[./]/.test(specifier) || specifier.startsWith("node:") || builtinModules.includes(specifier.split("/")[0])) return undefined;
  const name = specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
  // Not a package name (text in a bundled search index, say): nothing to resolve.
  return /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/.test(name) ? name : undefined;
}

/** A vendored browser bundle in UMD form (the docs' Redoc): it carries its own modules, and its `require`s never resolve from the package. */
const UMD_BUNDLE = /^(\/\*[^]*?\*\/\s*)?!function\(\w+,\w+\)\{"object"==typeof exports&&"object"==typeof module/;

/** `{ file, specifier }` for every import, re-export, `import()` or `require()` in `files` of a package its manifest does not declare (UMD bundles aside). */
export function undeclaredImports(manifest, files) {
  const declared = new Set([manifest.name, ...["dependencies", "peerDependencies", "optionalDependencies"].flatMap((k) => Object.keys(manifest[k] ?? {}))]);
  const found = [];
  for (const { file, text } of files.filter((f) => !UMD_BUNDLE.test(f.text))) {
    const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
    for (const [, specifier] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"'\s]+)["']/g)) {
      const name = packageOf(specifier);
      if (name !== undefined && !declared.has(name)) found.push({ file, specifier });
    }
  }
  return found;
}

/** `name` and the workspace packages it needs at run time, directly or not (`manifests` by name). */
export function workspaceClosure(name, manifests, seen = new Set()) {
  if (seen.has(name) || !manifests[name]) return [...seen];
  seen.add(name);
  const m = manifests[name];
  for (const dep of Object.keys({ ...m.dependencies, ...m.optionalDependencies })) workspaceClosure(dep, manifests, seen);
  return [...seen];
}

/** The subpaths of `exports` a user imports: `[subpath, target file]`, JS and JSON only (no wildcards, no package.json). */
export function importableExports(manifest) {
  const exports = manifest.exports ?? manifest.main;
  const map = typeof exports === "string" || !Object.keys(exports ?? {}).some((key) => key.startsWith(".")) ? { ".": exports } : exports;
  return Object.entries(map)
    .map(([subpath, target]) => [subpath, typeof target === "string" ? target : (target?.import ?? target?.default)])
    .filter(([subpath, target]) => typeof target === "string" && /\.(m?js|json)$/.test(target) && !subpath.includes("*") && !subpath.endsWith("package.json"));
}

const run = (command, args, cwd) =>
  new Promise((resolve) => execFile(command, args, { cwd, maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: "1" } }, (error, stdout, stderr) => resolve({ code: error ? (error.code ?? 1) : 0, out: `${stdout}${stderr}`.trim() })));

async function codeFiles(dir) {
  const files = (await readdir(dir, { recursive: true })).filter((file) => /\.([mc]?js|d\.[mc]?ts)$/.test(file) && !file.includes("node_modules"));
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(join(dir, file), "utf8") })));
}

/** Installs `specs` into a new project in `dir`; returns npm's failure, if any. */
async function install(dir, specs) {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module" }));
  const npm = await run("npm", [...NPM_INSTALL, ...specs], dir);
  return npm.code === 0 ? undefined : `npm install failed: ${npm.out}`;
}

/** MB of the files under `dir`/node_modules (file sizes, not disk blocks, as the official SDK's 15.9 MB was measured). */
const sizeMb = async (dir, nm = join(dir, "node_modules")) =>
  ((await Promise.all((await readdir(nm, { recursive: true })).map((f) => lstat(join(nm, f)).then((s) => (s.isFile() ? s.size : 0))))).reduce((a, b) => a + b, 0) / 1e6).toFixed(1);

async function checkPackage(name, manifests, tarballs, dir) {
  const [m, problems] = [manifests[name], []];
  const installed = await install(dir, [...workspaceClosure(name, manifests).map((n) => tarballs[n]), ...(name === "@cloud-jobs/spec" ? [SPECTRAL] : [])]);
  if (installed) return { name, problems: [installed], typed: false };
  const home = join(dir, "node_modules", name);
  for (const { file, specifier } of undeclaredImports(m, await codeFiles(home))) problems.push(`${file} imports ${specifier}, which package.json does not declare`);
  const exports = importableExports(m).map(([subpath, target]) => ({ spec: subpath === "." ? name : name + subpath.slice(1), json: target.endsWith(".json") }));
  const attrs = (e) => (e.json ? ' with { type: "json" }' : "");
  await writeFile(join(dir, "check.mjs"), exports.map((e, i) => `import * as m${i} from "${e.spec}"${attrs(e)};\nif (Object.keys(m${i}).length === 0) throw new Error("${e.spec} exports nothing");`).join("\n"));
  await writeFile(join(dir, "check.ts"), exports.map((e, i) => `import ${e.json ? "m" : "* as m"}${i} from "${e.spec}"${attrs(e)};\nexport const use${i}: object = m${i};`).concat(USAGE[name] ?? []).join("\n"));
  const esm = exports.length > 0 ? await run(process.execPath, ["check.mjs"], dir) : { code: 0 };
  if (esm.code !== 0) problems.push(`ESM import failed: ${esm.out}`);
  for (const bin of Object.keys(typeof m.bin === "string" ? { [name.split("/").pop()]: m.bin } : (m.bin ?? {}))) {
    const help = await run(join(dir, "node_modules/.bin", bin), ["--help"], dir);
    if (help.code !== 0 || help.out === "") problems.push(`${bin} --help exited ${help.code}: ${help.out}`);
  }
  if (name === "@cloud-jobs/spec") problems.push(...(await checkRuleset(dir)));
  const has = (file) => existsSync(join(home, "dist", file));
  if (name === "@cloud-jobs/docs" && !(has("index.html") && (has("reference.html") || has("reference/index.html")))) problems.push("dist/ lacks index.html and reference.html");
  const cli = name === "@cloud-jobs/cli";
  for (const heavy of cli ? ["@cloud-jobs/mock-server", "@cloud-jobs/fixtures"] : []) if (existsSync(join(dir, "node_modules", heavy))) problems.push(`installing the CLI also installs ${heavy}`);
  return { name, dir: basename(dir), problems, typed: exports.length > 0, note: cli ? `installed size ${await sizeMb(dir)} MB` : undefined };
}

/** tsc's errors for the project in `dir`: those in its files, and those in none of the `dirs` (a missing @types, …). */
export function typeErrorsOf(dir, dirs, tsc) {
  const errors = tsc.code === 0 ? [] : tsc.out.split("\n").filter((line) => /error TS/.test(line));
  if (tsc.code !== 0 && errors.length === 0) errors.push(`tsc failed: ${tsc.out}`);
  return errors.filter((line) => line.startsWith(`${dir}/`) || !dirs.some((d) => line.startsWith(`${d}/`)));
}

/** One tsc program over every project's check.ts (the libraries load once, on two cores), run in `tmp`. */
async function typecheck(tmp, dirs) {
  const compilerOptions = { module: "nodenext", moduleResolution: "nodenext", target: "es2022", strict: true, noEmit: true, skipLibCheck: false, resolveJsonModule: true, types: ["node"], typeRoots: [join(ROOT, "node_modules/@types")] };
  await writeFile(join(tmp, "tsconfig.json"), JSON.stringify({ compilerOptions, files: dirs.map((dir) => `${dir}/check.ts`) }));
  return run(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "."], tmp);
}

/** The spec's ruleset, as its README tells users to run it: the published contract passes, a broken job union fails. */
async function checkRuleset(dir) {
  const ruleset = "node_modules/@cloud-jobs/spec/rules/ruleset.yaml";
  const lint = (doc) => run(join(dir, "node_modules/.bin/spectral"), ["lint", "--ruleset", ruleset, "--fail-severity=error", doc], dir);
  const bad = { openapi: "3.1.0", info: { title: "t", version: "1" }, paths: {}, components: { schemas: { Job: { oneOf: [{ $ref: "#/components/schemas/A" }], discriminator: { propertyName: "job_type" } }, A: { type: "object", properties: { job_type: { const: "a" } } } } } };
  await writeFile(join(dir, "bad.json"), JSON.stringify(bad));
  const [good, broken] = await Promise.all([lint("node_modules/@cloud-jobs/spec/dist/openapi.json"), lint("bad.json")]);
  const problems = good.code === 0 ? [] : [`spectral lint of the published contract failed:\n${good.out}`];
  if (broken.code === 0 || !/\berror\s+cloud-jobs-/.test(broken.out)) problems.push(`spectral lint of a broken job union reported no cloud-jobs rule:\n${broken.out}`);
  return problems;
}

async function main() {
  const tmp = await mkdtemp(join(tmpdir(), "cloud-jobs-packages-"));
  try {
    const manifests = Object.fromEntries(PACKAGES.map((dir) => JSON.parse(readFileSync(join(ROOT, dir, "package.json"), "utf8"))).map((m, i) => [m.name, { ...m, dir: PACKAGES[i] }]));
    const pnpm = join(ROOT, "node_modules/.bin/pnpm");
    const packed = await Promise.all(Object.values(manifests).map((m) => run(pnpm, ["pack", "--json", "--pack-destination", join(tmp, "tarballs")], join(ROOT, m.dir))));
    for (const p of packed) if (p.code !== 0) throw new Error(`pnpm pack failed: ${p.out}`);
    const tarballs = Object.fromEntries(packed.map((p) => JSON.parse(p.out.slice(p.out.indexOf("{")))).map((p) => [p.name, p.filename]));
    // Each package in a project of its own, so that npm's flat node_modules cannot lend it another package's dependency.
    const checks = Object.keys(manifests).map((name) => checkPackage(name, manifests, tarballs, join(tmp, name.split("/").pop())));
    const sdk = install(join(tmp, "sdk"), SDK).then(async (failed) => failed ?? `for comparison, the official SDK (${SDK.join(" + ")}): installed size ${await sizeMb(join(tmp, "sdk"))} MB`);
    const results = await Promise.all(checks);
    const typed = results.filter((r) => r.typed).map((r) => r.dir);
    const tsc = await typecheck(tmp, typed);
    for (const r of results.filter((r) => r.typed)) if (typeErrorsOf(r.dir, typed, tsc).length) r.problems.push(`tsc found type errors:\n${typeErrorsOf(r.dir, typed, tsc).join("\n")}`);
    for (const { name, problems, note } of results) {
      console.log(`${problems.length ? "FAIL" : "ok  "} ${name}${note ? ` (${note})` : ""}`);
      for (const problem of problems) console.log(`     - ${problem.split("\n").slice(0, 30).join("\n       ")}`);
    }
    console.log(`     ${await sdk}`);
    const failed = results.filter((r) => r.problems.length).length;
    console.log(`check-packages: ${results.length - failed} passed, ${failed} failed`);
    process.exitCode = failed ? 1 : 0;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
