import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { catalogue } from "@cloud-jobs/spec/catalogue";
import { contractPath, loadContract } from "./generate.js";
import { referenceSpec } from "./reference-spec.js";
import { COMMON_TAG } from "./site-map.js";

/** Redoc no longer contains a CDN URL we replace; the URL is in the message. */
export class ReferenceBuildError extends Error {
  override readonly name = "ReferenceBuildError";
  readonly code = "REFERENCE_BUILD";
}

/** Redoc 2's prebuilt bundle (React and all included), copied to dist/ as it is but for `CDN_REPLACEMENTS`; its licence file goes beside it. */
export const REDOC_BUNDLE = "redoc.standalone.js";
/** The docs copy of the contract (`referenceSpec`), minified, that the page hands to Redoc. */
export const REFERENCE_SPEC = "reference-spec.json";

const svg = (body: string) => `data:image/svg+xml,${encodeURIComponent(body)}`;
/**
 * What Redoc would fetch from a CDN at view time, and the inline data that
 * replaces it: the "API docs by" badge logo becomes a small SVG wordmark.
 * Behind a firewall it would be a failed request.
 */
export const CDN_REPLACEMENTS: Readonly<Record<string, string>> = {
  "https://cdn.redoc.ly/redoc/logo-mini.svg": svg('<svg xmlns="http://www.w3.org/2000/svg" width="44" height="14"><text x="0" y="11" font-family="system-ui,sans-serif" font-size="11" font-weight="600" fill="#555">Redoc</text></svg>'),
};

/** Applies `CDN_REPLACEMENTS`; throws if one is no longer there (Redoc changed: look at what it fetches now). */
export function replaceCdnUrls(source: string): string {
  let out = source;
  for (const [url, replacement] of Object.entries(CDN_REPLACEMENTS)) {
    if (!out.includes(url)) throw new ReferenceBuildError(`Redoc no longer contains ${url}; update CDN_REPLACEMENTS`);
    out = out.split(url).join(replacement);
  }
  return out;
}

/** Redoc's options (https://redocly.com/docs/redoc/config, Redoc 2). */
export const REDOC_OPTIONS = {
  // Job-type schemas are grouped per service by the x-tags of reference-spec.ts; anything left over lands here.
  schemaDefinitionsTagName: COMMON_TAG,
  // Height of the sticky bar back to the guide: Redoc keeps its sidebar and scroll targets below it.
  scrollYOffset: 52,
  expandResponses: "200",
  jsonSampleExpandLevel: 3,
  sortRequiredPropsFirst: true,
  // The download button offers the contract itself, not the docs copy.
  downloadDefinitionUrl: "openapi.json",
  downloadFileName: "openapi.json",
};

/**
 * The reference page: a bar back to the guide (the guide's nav links here), then Redoc, which
 * fetches the docs copy of the contract (preloaded: it downloads beside the bundle) and renders it.
 */
const PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>API reference · cloud-jobs</title><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="preload" href="${REFERENCE_SPEC}" as="fetch" crossorigin>
<script src="${REDOC_BUNDLE}" defer></script>
<style>body{margin:0}.site-bar{position:sticky;top:0;z-index:100;height:52px;box-sizing:border-box;display:flex;gap:20px;align-items:center;padding:0 20px;background:#1b1b1f;font:600 15px system-ui,sans-serif}.site-bar a{color:#fffff5db;text-decoration:none}.site-bar a[aria-current]{color:#a8b1ff}</style>
</head>
<body><nav class="site-bar" aria-label="Site"><a href="./">cloud-jobs</a><a href="./">Guide</a><a href="reference.html" aria-current="page">API reference</a></nav>
<div id="redoc"></div>
<script type="module">Redoc.init(${JSON.stringify(REFERENCE_SPEC)}, ${JSON.stringify(REDOC_OPTIONS)}, document.getElementById("redoc"));</script>
</body></html>
`;

/**
 * Writes the API reference to `<outDir>/reference.html` with what it loads — Redoc's bundle
 * and the docs copy of the contract — and the bundled contract beside it as openapi.json and
 * openapi.yaml.
 */
export function writeReference(outDir: string): void {
  const bundle = createRequire(import.meta.url).resolve(`redoc/bundles/${REDOC_BUNDLE}`);
  writeFileSync(join(outDir, REDOC_BUNDLE), replaceCdnUrls(readFileSync(bundle, "utf8")));
  copyFileSync(`${bundle}.LICENSE.txt`, join(outDir, `${REDOC_BUNDLE}.LICENSE.txt`));
  writeFileSync(join(outDir, REFERENCE_SPEC), JSON.stringify(referenceSpec(loadContract(), catalogue)));
  writeFileSync(join(outDir, "reference.html"), PAGE);
  for (const name of ["openapi.json", "openapi.yaml"]) copyFileSync(join(dirname(contractPath), name), join(outDir, name));
}
