import { describe, expect, it } from "vitest";
import { renderMarkdown, UnknownSectionError } from "./render-markdown.js";
import { readSample } from "./code-samples.js";

describe("renderMarkdown", () => {
  it("inserts a generated section where its directive stands, outside any paragraph", () => {
    const out = renderMarkdown("# T\n\nBefore.\n\n<!-- generated: x -->\n\nAfter.\n", new Map([["x", "<table><tr><td>1</td></tr></table>"]]), "t.md");
    expect(out.html).toContain('<div class="generated" data-section="x"><table><tr><td>1</td></tr></table></div>');
    expect(out.html).not.toContain("<p><div");
    expect(out.html.indexOf("Before.")).toBeLessThan(out.html.indexOf("data-section"));
  });

  it("fails on a directive no generator provides", () => {
    expect(() => renderMarkdown("<!-- generated: nope -->\n", new Map(), "t.md")).toThrow(UnknownSectionError);
  });

  it("includes a sample file verbatim as a titled, highlighted code block", () => {
    const out = renderMarkdown("<!-- sample: get-job.ts -->\n", new Map(), "t.md");
    expect(out.html).toContain('<div class="code-title">samples/get-job.ts</div>');
    expect(out.html).toContain('<span class="tok-keyword">import</span>');
    const text = out.html.replace(/<[^>]+>/g, "").replace(/&quot;/g, '"').replace(/&gt;/g, ">").replace(/&lt;/g, "<").replace(/&amp;/g, "&").replace(/&#39;/g, "'");
    expect(text).toContain(readSample("get-job.ts"));
  });

  it("gives headings unique ids and lists them, generated headings included", () => {
    const out = renderMarkdown("# Title\n\n## Same\n\n## Same\n\n<!-- generated: g -->\n", new Map([["g", '<h2 id="gen">Gen</h2>']]), "t.md");
    expect(out.title).toBe("Title");
    expect(out.toc.map((t) => t.id)).toEqual(["title", "same", "same-2", "gen"]);
  });
});
