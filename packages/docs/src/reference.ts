import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { catalogue } from "@cloud-jobs/spec/catalogue";
import { contractPath, loadContract } from "./generate.js";
import { referenceSpec } from "./reference-spec.js";

/** `redocly build-docs` failed, or Redoc no longer fetches what we replace; the output or the URL is attached. */
export class ReferenceBuildError extends Error {
  override readonly name = "ReferenceBuildError";
  readonly code = "REFERENCE_BUILD";
}

const svg = (body: string) => `data:image/svg+xml,${encodeURIComponent(body)}`;
const WORDMARK = svg('<svg xmlns="http://www.w3.org/2000/svg" width="44" height="14"><text x="0" y="11" font-family="system-ui,sans-serif" font-size="11" font-weight="600" fill="#555">Redoc</text></svg>');
const EMPTY_ICON_BASE = `${svg('<svg xmlns="http://www.w3.org/2000/svg"/>')}#`;
/**
 * What Redoc would fetch from a CDN at view time, and the inline data that
 * replaces it: the "API docs by" badge logo becomes a small SVG wordmark, the
 * icon packs (`<base>/<name>.svg`) an empty SVG — the `#` turns whatever Redoc
 * appends into a fragment. Behind a firewall each would be a failed request.
 */
export const CDN_REPLACEMENTS: Readonly<Record<string, string>> = {
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg": WORDMARK,
  "https://cdn.redoc.ly/redoc/logo-mini.svg": WORDMARK,
  "https://cdn.redocly.com/icons/fa/7.0.0": EMPTY_ICON_BASE,
  "https://cdn.redocly.com/icons/code/5.24.0": EMPTY_ICON_BASE,
};

/** Applies `CDN_REPLACEMENTS`; throws if one is no longer there (Redoc changed: look at what it fetches now). */
export function replaceCdnUrls(html: string): string {
  let out = html;
  for (const [url, replacement] of Object.entries(CDN_REPLACEMENTS)) {
    if (!out.includes(url)) throw new ReferenceBuildError(`Redoc no longer contains ${url}; update CDN_REPLACEMENTS`);
    out = out.split(url).join(replacement);
  }
  return out;
}

/** The page around Redoc: a bar back to the guide (the guide's nav links here). */
const TEMPLATE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{title}}</title><meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{margin:0}.site-bar{position:sticky;top:0;z-index:100;height:52px;box-sizing:border-box;display:flex;gap:20px;align-items:center;padding:0 20px;background:#1b1b1f;font:600 15px system-ui,sans-serif}.site-bar a{color:#fffff5db;text-decoration:none}.site-bar a[aria-current]{color:#a8b1ff}</style>
{{{redocHead}}}</head>
<body><nav class="site-bar" aria-label="Site"><a href="./">cloud-jobs</a><a href="./">Guide</a><a href="reference.html" aria-current="page">API reference</a></nav>
{{{redocHTML}}}</body></html>`;

/**
 * Writes the API reference (`redocly build-docs --inlineBundle`: Redoc inlined,
 * self-contained) of the docs copy of the contract to `<outDir>/reference.html`,
 * and the bundled contract beside it as openapi.json and openapi.yaml.
 */
export async function writeReference(outDir: string): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "cloud-jobs-docs-"));
  try {
    writeFileSync(join(work, "openapi.json"), JSON.stringify(referenceSpec(loadContract(), catalogue)));
    writeFileSync(join(work, "template.hbs"), TEMPLATE);
    const cli = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
    const [spec, template, html] = ["openapi.json", "template.hbs", "reference.html"].map((f) => join(work, f)) as [string, string, string];
    const args = ["build-docs", spec, "--inlineBundle", "--template", template, "--title", "API reference · cloud-jobs", "-o", html];
    await promisify(execFile)(process.execPath, [cli, ...args], {
      // cwd = the package: redocly.yaml (telemetry off, Redoc options) is read from the current directory only.
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      throw new ReferenceBuildError(`redocly build-docs failed:\n${`${error.stdout ?? ""}${error.stderr ?? ""}` || error.message}`);
    });
    writeFileSync(join(outDir, "reference.html"), replaceCdnUrls(readFileSync(join(work, "reference.html"), "utf8")));
    for (const name of ["openapi.json", "openapi.yaml"]) copyFileSync(join(dirname(contractPath), name), join(outDir, name));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
