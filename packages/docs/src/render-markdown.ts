import { Marked, Renderer, type Tokens } from "marked";
import { readSample } from "./code-samples.js";
import { esc } from "./escape.js";
import { highlight } from "./highlight.js";
import type { TocEntry } from "./layout.js";

/** A `<!-- generated: name -->` directive names a section that no generator provides. */
export class UnknownSectionError extends Error {
  override readonly name = "UnknownSectionError";
  readonly code = "UNKNOWN_SECTION";
  constructor(readonly section: string, readonly page: string) {
    super(`${page}: no generated section named "${section}"`);
  }
}

/** A rendered guide page body. */
export interface RenderedMarkdown {
  readonly title: string;
  readonly html: string;
  readonly toc: readonly TocEntry[];
}

const EXTENSION_LANG: Record<string, string> = { ts: "ts", sh: "sh", json: "json" };

/**
 * Renders one guide page. Two directives, each alone on a line:
 * - `<!-- generated: name -->` inserts `sections[name]` (HTML made from the spec);
 * - `<!-- sample: file -->` inserts samples/<file> as a code block — the same
 *   file the reference and the type-check use, so guide code cannot rot.
 * Headings get stable ids for links and the "On this page" list.
 */
export function renderMarkdown(source: string, sections: ReadonlyMap<string, string>, page: string): RenderedMarkdown {
  const placeholders: string[] = [];
  const expanded = source
    .replace(/^<!--\s*sample:\s*(\S+)\s*-->$/gm, (_, file: string) => {
      const lang = EXTENSION_LANG[file.split(".").pop() ?? ""] ?? "";
      return `\`\`\`${lang} title=samples/${file}\n${readSample(file)}\n\`\`\``;
    })
    .replace(/^<!--\s*generated:\s*([\w-]+)\s*-->$/gm, (_, name: string) => {
      const html = sections.get(name);
      if (html === undefined) throw new UnknownSectionError(name, page);
      placeholders.push(`<div class="generated" data-section="${esc(name)}">${html}</div>`);
      return `\n@@SECTION${placeholders.length - 1}@@\n`;
    });

  const used = new Set<string>();
  const base = new Renderer();
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth, text }) {
        const inner = this.parser.parseInline(tokens);
        const id = uniqueId(text, used);
        return `<h${depth} id="${id}"><a class="anchor" href="#${id}" aria-hidden="true">#</a>${inner}</h${depth}>\n`;
      },
      code({ text, lang }) {
        const [language = "", ...rest] = (lang ?? "").split(/\s+/);
        const caption = rest.find((r) => r.startsWith("title="))?.slice(6);
        const figure = caption ? `<div class="code-title">${esc(caption)}</div>` : "";
        return `<div class="code-block">${figure}<pre class="code"><code class="language-${esc(language)}">${highlight(text, language)}</code></pre></div>\n`;
      },
      table(token: Tokens.Table) {
        return `<div class="table-wrap">${base.table.call(this, token)}</div>`;
      },
    },
  });
  let html = marked.parse(expanded, { async: false });
  html = html.replace(/<p>@@SECTION(\d+)@@<\/p>/g, (_, i: string) => placeholders[Number(i)] ?? "");
  // The list is read from the final HTML so that headings of generated sections are in it too.
  const toc: TocEntry[] = [...html.matchAll(/<h([1-3]) id="([^"]+)"[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => ({
    depth: Number(m[1]),
    id: m[2] ?? "",
    text: plainText((m[3] ?? "").replace(/<a class="anchor"[^>]*>#<\/a>/, "").replace(/<span class="badge[^"]*">[^<]*<\/span>/g, "")),
  }));
  const title = toc.find((t) => t.depth === 1)?.text ?? page;
  return { title, html, toc };
}

/** Text of an HTML fragment, entities decoded (the few that headings contain). */
function plainText(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim();
}

/** Slug of a heading, made unique on the page (`errors`, `errors-2`). */
function uniqueId(text: string, used: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .replace(/<[^>]+>|`/g, "")
      .replace(/&[a-z#0-9]+;/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "section";
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
