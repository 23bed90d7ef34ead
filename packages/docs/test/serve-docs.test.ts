import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocsNotBuiltError, serveDocs, type DocsServer } from "../src/serve-docs.js";

let root: string;
let docs: DocsServer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "cloud-jobs-serve-"));
  mkdirSync(join(root, "sub"));
  writeFileSync(join(root, "index.html"), "<h1>home</h1>");
  writeFileSync(join(root, "openapi.json"), "{}");
  writeFileSync(join(root, "sub", "index.html"), "<h1>sub</h1>");
  writeFileSync(join(tmpdir(), "cloud-jobs-serve-secret.txt"), "secret");
  docs = await serveDocs({ root });
});

afterAll(async () => {
  await docs?.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(join(tmpdir(), "cloud-jobs-serve-secret.txt"), { force: true });
});

/** A raw GET: fetch would normalise `..` away before sending it. */
function rawGet(path: string, method = "GET"): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(docs.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("serveDocs", () => {
  it("binds 127.0.0.1 on a free port by default", () => {
    expect(docs.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("serves index.html for / and for directories, with content types", async () => {
    expect(await rawGet("/")).toMatchObject({ status: 200, type: "text/html; charset=utf-8", body: "<h1>home</h1>" });
    expect(await rawGet("/sub/")).toMatchObject({ status: 200, body: "<h1>sub</h1>" });
    expect(await rawGet("/openapi.json?x=1")).toMatchObject({ status: 200, type: "application/json; charset=utf-8" });
  });

  it("answers 404 for missing files and for paths that leave the root, encoded or not", async () => {
    expect((await rawGet("/nope.html")).status).toBe(404);
    expect((await rawGet("/../cloud-jobs-serve-secret.txt")).status).toBe(404);
    expect((await rawGet("/%2e%2e/cloud-jobs-serve-secret.txt")).status).toBe(404);
    expect((await rawGet("/..%2fcloud-jobs-serve-secret.txt")).status).toBe(404);
    expect((await rawGet("/%00")).status).toBe(404);
  });

  it("refuses methods other than GET and HEAD", async () => {
    expect((await rawGet("/", "POST")).status).toBe(405);
    expect(await rawGet("/", "HEAD")).toMatchObject({ status: 200, body: "" });
  });

  it("refuses to start on a directory without a built site", async () => {
    const empty = mkdtempSync(join(tmpdir(), "cloud-jobs-empty-"));
    try {
      await expect(serveDocs({ root: empty })).rejects.toBeInstanceOf(DocsNotBuiltError);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
