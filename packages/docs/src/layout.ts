import { readFileSync } from "node:fs";
import { esc } from "./escape.js";
import { PAGES } from "./site-map.js";

/** The site's stylesheet, inlined into every page so each HTML file stands alone (also from file://). */
function siteCss(): string {
  return readFileSync(new URL("../assets/site.css", import.meta.url), "utf8");
}

/** A favicon as a data URI: without one, browsers request /favicon.ico and log a 404. */
const FAVICON =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1d4ed8"/>' +
      '<path d="M9 17l5 5 9-12" stroke="#fff" stroke-width="3.2" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>',
  );

/** The top bar of every page; `active` is the current file. */
export function topBar(active: string): string {
  const link = (file: string, label: string, current: boolean) =>
    `<a href="${file}"${current ? ' aria-current="page"' : ""}>${esc(label)}</a>`;
  const inGuide = active !== "reference.html";
  return `<header class="topbar"><a class="brand" href="index.html"><img src="${FAVICON}" alt="" width="22" height="22">cloud-jobs</a>` +
    `<span class="tagline">one contract for the job API of ECS, BMS, EVS and VBS</span>` +
    `<nav class="toplinks" aria-label="Site">${link("index.html", "Guide", inGuide)}${link("reference.html", "API reference", !inGuide)}</nav></header>`;
}

/** `<head>` additions of the Redoc page: favicon and the top bar's styles. */
export function referenceHead(): string {
  return `<link rel="icon" href="${FAVICON}"><style>${siteCss()}</style>`;
}

/** A heading of the page, for the "On this page" list. */
export interface TocEntry {
  readonly id: string;
  readonly text: string;
  readonly depth: number;
}

/** A whole guide page. `body` is HTML already. */
export function guidePage(options: { file: string; title: string; body: string; toc: readonly TocEntry[]; footer: string }): string {
  const side = PAGES.map(
    (p) => `<li><a href="${p.file}"${p.file === options.file ? ' aria-current="page"' : ""}>${esc(p.title)}</a></li>`,
  ).join("");
  const toc = options.toc.filter((t) => t.depth === 2 || t.depth === 3);
  const tocHtml = toc.length
    ? `<nav class="toc" aria-label="On this page"><p>On this page</p><ul>${toc
        .map((t) => `<li class="d${t.depth}"><a href="#${esc(t.id)}">${esc(t.text)}</a></li>`)
        .join("")}</ul></nav>`
    : "";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(options.title)} · cloud-jobs</title>
<link rel="icon" href="${FAVICON}">
<style>${siteCss()}</style>
</head>
<body class="guide">
${topBar(options.file)}
<div class="shell">
<nav class="sidebar" aria-label="Guide"><ul>${side}</ul></nav>
<main class="content">
${options.body}
<footer class="pagefoot">${options.footer}</footer>
</main>
${tocHtml}
</div>
</body>
</html>
`;
}
