import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { installedSize } from "../src/sizes.js";

/** A node_modules tree: app → a (→ shared, nested b), shared; an optional dependency that is not installed. */
let root = "";
let written = 0;
const pkg = async (/** @type {string} */ dir, /** @type {object} */ manifest, /** @type {number} */ bytes) => {
  await mkdir(dir, { recursive: true });
  const json = JSON.stringify(manifest);
  await writeFile(join(dir, "package.json"), json);
  await writeFile(join(dir, "index.js"), "x".repeat(bytes));
  written += json.length + bytes;
};

before(async () => {
  root = await mkdtemp(join(tmpdir(), "bench-installed-size-"));
  await pkg(join(root, "app"), { name: "app", version: "1.0.0", dependencies: { a: "1", shared: "1" }, optionalDependencies: { absent: "1" } }, 100);
  await pkg(join(root, "app", "node_modules", "a"), { name: "a", version: "1.0.0", dependencies: { shared: "1", b: "1" } }, 1000);
  await pkg(join(root, "app", "node_modules", "a", "node_modules", "b"), { name: "b", version: "2.0.0" }, 10_000);
  await pkg(join(root, "app", "node_modules", "shared"), { name: "shared", version: "1.0.0" }, 100_000);
});
after(() => rm(root, { recursive: true, force: true }));

describe("installedSize", () => {
  it("counts the package and each production dependency once, found the way Node finds them", () => {
    const size = installedSize(join(root, "app"));
    assert.deepEqual(size.packages.map((p) => `${p.name}@${p.version}`).sort(), ["a@1.0.0", "app@1.0.0", "b@2.0.0", "shared@1.0.0"]);
    assert.equal(size.bytes, written);
    assert.equal(size.files, 8);
    assert.ok(size.diskBytes >= size.bytes);
  });

  it("fails with SIZE_FAILED when a required dependency is missing", () => {
    assert.throws(() => installedSize(join(root, "app"), { extraDependencies: ["nowhere"] }), { code: "SIZE_FAILED" });
  });
});
