import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { PACKAGE_ROOT } from "./code-samples.js";
import { referenceHead, topBar } from "./layout.js";
import { assertSelfContained, replaceCdnUrls } from "./offline.js";
import type { Node } from "./spec-index.js";

const run = promisify(execFile);

/** `redocly build-docs` failed; its output is attached. */
export class RedoclyBuildError extends Error {
  override readonly name = "RedoclyBuildError";
  readonly code = "REDOCLY_BUILD";
  constructor(readonly output: string) {
    super(`redocly build-docs failed:\n${output}`);
  }
}

/**
 * Renders the reference with `redocly build-docs --inlineBundle` (Redoc 3,
 * self-contained: no CDN script) from the docs copy of the spec, inside our
 * page template (site navigation, favicon), then replaces the badge logo and
 * checks that nothing would be fetched from another host.
 */
export async function renderReference(doc: Node, title: string): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), "cloud-jobs-docs-"));
  try {
    const specPath = join(work, "openapi.json");
    const templatePath = join(work, "template.hbs");
    const outPath = join(work, "reference.html");
    writeFileSync(specPath, JSON.stringify(doc));
    writeFileSync(templatePath, template());
    const cli = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
    const args = [cli, "build-docs", specPath, "--inlineBundle", "--template", templatePath, "--title", title, "-o", outPath];
    try {
      // cwd = the package, so redocly.yaml (telemetry off, Redoc options) is the one read.
      await run(process.execPath, args, {
        cwd: PACKAGE_ROOT,
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      throw new RedoclyBuildError(`${e.stdout ?? ""}${e.stderr ?? ""}` || e.message);
    }
    const html = replaceCdnUrls(readFileSync(outPath, "utf8"));
    assertSelfContained(html, "reference.html");
    return html;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Redoc's handlebars template with the site's top bar around the Redoc root. */
function template(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{{title}}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  ${referenceHead()}
  {{{redocHead}}}
</head>
<body class="reference">
  ${topBar("reference.html")}
  {{{redocHTML}}}
</body>
</html>
`;
}
