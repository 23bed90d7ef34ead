import { Marked } from "marked";
import { esc } from "./escape.js";
import { highlight } from "./highlight.js";

export { esc };

const inline = new Marked({ gfm: true });

/** Inline markdown (the spec's descriptions use `code`, **bold** and links) to HTML. */
export function md(markdown: string): string {
  return inline.parseInline(markdown, { async: false });
}

/** Block markdown (several paragraphs, lists) to HTML. */
export function mdBlock(markdown: string): string {
  return inline.parse(markdown, { async: false });
}

/** `<code>` of a literal. */
export function code(value: string): string {
  return `<code>${esc(value)}</code>`;
}

/** A table cell: plain HTML, or a `{ html, className }` pair. */
export type Cell = string | { readonly html: string; readonly className: string };

/** A `<table>` with a header row; cells are HTML already. Wrapped so wide tables scroll instead of overflowing. */
export function table(headers: readonly string[], rows: readonly (readonly Cell[])[], className = ""): string {
  const cell = (tag: string, c: Cell) =>
    typeof c === "string" ? `<${tag}>${c}</${tag}>` : `<${tag} class="${esc(c.className)}">${c.html}</${tag}>`;
  const head = `<thead><tr>${headers.map((h) => `<th>${h}</th>`).join("")}</tr></thead>`;
  const body = `<tbody>${rows.map((r) => `<tr>${r.map((c) => cell("td", c)).join("")}</tr>`).join("")}</tbody>`;
  return `<div class="table-wrap"><table${className ? ` class="${esc(className)}"` : ""}>${head}${body}</table></div>`;
}

/** A bulleted list of HTML items (a single item stays a plain line). */
export function list(items: readonly string[]): string {
  if (items.length === 0) return "";
  if (items.length === 1) return items[0] ?? "";
  return `<ul class="compact">${items.map((i) => `<li>${i}</li>`).join("")}</ul>`;
}

/** A small coloured label, e.g. a cloud or a "retryable" mark. */
export function badge(label: string, tone: "neutral" | "good" | "warn" | "bad" | "info" = "neutral"): string {
  return `<span class="badge badge-${tone}">${esc(label)}</span>`;
}

/** Pretty JSON in a code block. */
export function jsonBlock(value: unknown): string {
  return `<pre class="code"><code class="language-json">${highlight(JSON.stringify(value, null, 2), "json")}</code></pre>`;
}

/** Plain text that may quote code in backticks (the extensions' `sources`, `resolution`): escaped, never parsed as HTML. */
export function prose(value: string): string {
  return value
    .split(/(`[^`]+`)/)
    .map((part) => (part.startsWith("`") && part.endsWith("`") && part.length > 1 ? code(part.slice(1, -1)) : esc(part)))
    .join("");
}

/** `<code>` of a camelCase or snake_case name that may wrap between its words in narrow table cells. */
export function codeWrap(value: string): string {
  return `<code>${esc(value).replace(/([a-z0-9])([A-Z])/g, "$1<wbr>$2").replace(/_/g, "_<wbr>")}</code>`;
}
