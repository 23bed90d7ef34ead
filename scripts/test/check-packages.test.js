import assert from "node:assert/strict";
import { test } from "node:test";
import { importableExports, packageOf, typeErrorsOf, undeclaredImports, workspaceClosure } from "../check-packages.js";

test("packageOf names the package of a bare specifier, and nothing for relative or built-in ones", () => {
  assert.equal(packageOf("openapi-fetch"), "openapi-fetch");
  assert.equal(packageOf("@cloud-jobs/client/signer"), "@cloud-jobs/client");
  assert.equal(packageOf("ajv/dist/2020.js"), "ajv");
  for (const builtIn of ["./x.js", "../y.js", "/abs.js", "node:http", "fs", "fs/promises"]) assert.equal(packageOf(builtIn), undefined, builtIn);
  // Strings in a bundled search index that only look like imports name no package.
  for (const text of [",{", "Retry-After", "a b"]) assert.equal(packageOf(text), undefined, text);
});

test("undeclaredImports finds every kind of import of a package the manifest does not declare", () => {
  const manifest = { name: "@cloud-jobs/cli", dependencies: { "@cloud-jobs/client": "0.1.0", commander: "14.0.3" }, peerDependencies: { "@cloud-jobs/mock-server": "0.1.0" } };
  const text = [
    'import { Command } from "commander";',
    'import { createJobsClient } from "@cloud-jobs/client";',
    'import { signRequest } from "@cloud-jobs/client/signer";',
    'export { main } from "./main.js";',
    'import { readFile } from "node:fs/promises";',
    'const mock = await import("@cloud-jobs/mock-server");',
    'import "@cloud-jobs/cli/package.json";',
    'import Ajv from "ajv";',
    'export * from "@cloud-jobs/fixtures";',
    'const u = await import( "uuid" );',
    'const l = require("log-update");',
  ].join("\n");
  assert.deepEqual(
    undeclaredImports(manifest, [{ file: "dist/index.js", text }]).map((f) => f.specifier),
    ["ajv", "@cloud-jobs/fixtures", "uuid", "log-update"],
  );
});

test("undeclaredImports leaves a vendored UMD bundle alone, but not an ordinary file that requires the same", () => {
  const umd = '/*! For license information please see x.LICENSE.txt */\n!function(e,t){"object"==typeof exports&&"object"==typeof module?module.exports=t(require("null")):e.X=t(e.null)}(this,()=>require("ajv/dist/runtime/equal"));';
  assert.deepEqual(undeclaredImports({ name: "p" }, [{ file: "dist/x.js", text: umd }]), []);
  const plain = 'module.exports = require("ajv/dist/runtime/equal");';
  assert.deepEqual(undeclaredImports({ name: "p" }, [{ file: "dist/y.js", text: plain }]).map((f) => f.specifier), ["ajv/dist/runtime/equal"]);
});

test("undeclaredImports reads code, not comments (doc examples import other packages)", () => {
  const text = '/**\n * @example import { startMockServer } from "@cloud-jobs/mock-server";\n */\n// import x from "marked";\nexport const a = 1;';
  assert.deepEqual(undeclaredImports({ name: "p" }, [{ file: "a.js", text }]), []);
});

test("undeclaredImports reports the file, and accepts optional dependencies", () => {
  const manifest = { name: "p", optionalDependencies: { "playwright-core": "1" } };
  assert.deepEqual(undeclaredImports(manifest, [{ file: "lib/a.d.ts", text: 'import type { Page } from "playwright-core";\nimport { marked } from "marked";' }]), [
    { file: "lib/a.d.ts", specifier: "marked" },
  ]);
});

test("workspaceClosure follows dependencies through the workspace, not dev or peer dependencies", () => {
  const manifests = {
    "@cloud-jobs/cli": { dependencies: { "@cloud-jobs/client": "*", commander: "1" }, peerDependencies: { "@cloud-jobs/mock-server": "*" }, devDependencies: { "@cloud-jobs/fixtures": "*" } },
    "@cloud-jobs/client": { dependencies: { "openapi-fetch": "0.17.0" } },
    "@cloud-jobs/mock-server": { dependencies: { "@cloud-jobs/client": "*", "@cloud-jobs/fixtures": "*" } },
    "@cloud-jobs/fixtures": { dependencies: { "@cloud-jobs/spec": "*" }, optionalDependencies: { "@cloud-jobs/mock-server": "*" } },
    "@cloud-jobs/spec": {},
  };
  assert.deepEqual(workspaceClosure("@cloud-jobs/cli", manifests), ["@cloud-jobs/cli", "@cloud-jobs/client"]);
  assert.deepEqual(workspaceClosure("@cloud-jobs/mock-server", manifests).sort(), ["@cloud-jobs/client", "@cloud-jobs/fixtures", "@cloud-jobs/mock-server", "@cloud-jobs/spec"]);
});

test("importableExports lists the JS and JSON subpaths a user imports", () => {
  const client = { exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" }, "./signer": { types: "./dist/signer.d.ts", import: "./dist/signer.js" }, "./package.json": "./package.json" } };
  assert.deepEqual(importableExports(client), [[".", "./dist/index.js"], ["./signer", "./dist/signer.js"]]);
  const spec = { exports: { ".": "./dist/openapi.json", "./openapi.yaml": "./dist/openapi.yaml", "./ruleset": "./rules/ruleset.yaml", "./json/*": "./json/*.json" } };
  assert.deepEqual(importableExports(spec), [[".", "./dist/openapi.json"]]);
  assert.deepEqual(importableExports({ exports: "./index.js" }), [[".", "./index.js"]]);
  assert.deepEqual(importableExports({ exports: { types: "./i.d.ts", default: "./i.js" } }), [[".", "./i.js"]]);
  assert.deepEqual(importableExports({ main: "./main.js" }), [[".", "./main.js"]]);
  assert.deepEqual(importableExports({ name: "@cloud-jobs/docs", files: ["dist"] }), []);
});

test("typeErrorsOf gives each project its own tsc errors, and every project the errors of none", () => {
  const dirs = ["client", "cli"];
  const tsc = {
    code: 2,
    out: [
      "client/check.ts(3,14): error TS2322: Type 'string' is not assignable to type 'number'.",
      "cli/node_modules/@cloud-jobs/client/dist/index.d.ts(1,21): error TS2307: Cannot find module 'openapi-fetch'.",
      "  The file is in the program because:",
      "error TS2688: Cannot find type definition file for 'node'.",
    ].join("\n"),
  };
  assert.deepEqual(typeErrorsOf("client", dirs, tsc), [tsc.out.split("\n")[0], tsc.out.split("\n")[3]]);
  assert.deepEqual(typeErrorsOf("cli", dirs, tsc), [tsc.out.split("\n")[1], tsc.out.split("\n")[3]]);
  assert.deepEqual(typeErrorsOf("client", dirs, { code: 0, out: "" }), []);
  assert.match(typeErrorsOf("cli", dirs, { code: 1, out: "Killed" })[0], /tsc failed: Killed/);
});
