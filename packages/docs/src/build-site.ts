import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "./code-samples.js";
import { esc } from "./escape.js";
import { guidePage } from "./layout.js";
import { assertSelfContained } from "./offline.js";
import { referenceSpec } from "./reference-spec.js";
import { renderMarkdown } from "./render-markdown.js";
import { renderReference } from "./render-reference.js";
import { allSections } from "./sections/all-sections.js";
import { servicesOf } from "./service-model.js";
import { PAGES } from "./site-map.js";
import { bundledSpecPath, loadSpec, text } from "./spec-index.js";

/** One written file of the site. */
export interface BuiltFile {
  readonly file: string;
  readonly bytes: number;
}

/** Options of `buildSite`. */
export interface BuildSiteOptions {
  /** Output directory; emptied first. Default: the package's dist/. */
  readonly outDir?: string;
  /** Bundled spec to render. Default: `@cloud-jobs/spec`'s dist/openapi.json. */
  readonly specPath?: string;
}

/**
 * Builds the whole site into dist/: the landing page and guide pages from
 * guide/*.md plus sections generated from the contract, the Redoc reference,
 * and copies of the bundled contract for download. Every HTML page is checked
 * to fetch nothing from another host.
 */
export async function buildSite(options: BuildSiteOptions = {}): Promise<BuiltFile[]> {
  const outDir = options.outDir ?? join(PACKAGE_ROOT, "dist");
  const specPath = options.specPath ?? bundledSpecPath();
  const spec = loadSpec(specPath);
  const services = servicesOf(spec);
  const sections = await allSections(spec, services);
  const info = spec.doc.info as Record<string, unknown>;
  const version = text(info, "version") ?? "?";

  // Build beside dist/ and swap at the end, so a server or a test reading dist/ meanwhile
  // never sees half a site (turbo runs builds while other packages serve the docs).
  const staging = `${outDir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const written: BuiltFile[] = [];
  const write = (file: string, content: string) => {
    writeFileSync(join(staging, file), content);
    written.push({ file, bytes: Buffer.byteLength(content) });
  };

  try {
    for (const page of PAGES) {
      if (page.source === undefined) continue;
      const source = readFileSync(join(PACKAGE_ROOT, "guide", page.source), "utf8");
      const rendered = renderMarkdown(source, sections, page.source);
      const footer =
        `Generated from the contract <code>@cloud-jobs/spec</code> ${esc(version)} (<a href="openapi.yaml">openapi.yaml</a>, ` +
        `<a href="openapi.json">openapi.json</a>); every table that describes the API is rebuilt from it on each build. ` +
        `The prose is <code>packages/docs/guide/${esc(page.source)}</code>.`;
      const html = guidePage({ file: page.file, title: rendered.title, body: rendered.html, toc: rendered.toc, footer });
      assertSelfContained(html, page.file);
      write(page.file, html);
    }

    const reference = PAGES.find((p) => p.source === undefined);
    if (reference) write(reference.file, await renderReference(referenceSpec(spec, services), `${reference.title} · cloud-jobs`));

    for (const name of ["openapi.json", "openapi.yaml"]) {
      const target = join(staging, name);
      copyFileSync(join(specPath, "..", name), target);
      written.push({ file: name, bytes: readFileSync(target).byteLength });
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  swapInto(staging, outDir);
  return written;
}

/** Replaces `outDir` by `staging` with two renames. */
function swapInto(staging: string, outDir: string): void {
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(staging, outDir);
  rmSync(old, { recursive: true, force: true });
}
