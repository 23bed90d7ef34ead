import { fileURLToPath } from "node:url";
import { defineConfig } from "vitepress";
import { writeGeneratedSections } from "../src/generate.js";
import { writeReference } from "../src/reference.js";
import { PAGES } from "../src/site-map.js";

// The sections made from the contract are written before any page is read; guide pages include them.
await writeGeneratedSections(fileURLToPath(new URL("../guide/generated", import.meta.url)));

/** Pages of dist/ that VitePress does not build: the Redoc reference and the bundled contract. */
const NOT_VITEPRESS = /^(\.\/)?(reference\.html|openapi\.(json|yaml))(#|$)/;

export default defineConfig({
  title: "cloud-jobs",
  description: "One contract for the job API of ECS, BMS, EVS and VBS: guide and API reference.",
  srcDir: "guide",
  srcExclude: ["generated/**"],
  outDir: "dist",
  lang: "en",
  head: [["link", { rel: "icon", href: "favicon.svg" }]],
  ignoreDeadLinks: [NOT_VITEPRESS],
  themeConfig: {
    logo: "/favicon.svg",
    nav: [
      { text: "Guide", link: "/quick-starts", activeMatch: "^/(?!reference)" },
      { text: "API reference", link: "/reference.html", target: "_self" },
    ],
    sidebar: [{ text: "Guide", items: [{ text: "Overview", link: "/" }, ...PAGES.map((p) => ({ text: p.title, link: `/${p.file}` }))] }],
    search: { provider: "local" },
    outline: [2, 3],
    footer: { message: 'Every table that describes the API is generated on each build from the contract: <a href="/openapi.yaml" target="_self">openapi.yaml</a>, <a href="/openapi.json" target="_self">openapi.json</a>.' },
  },
  markdown: {
    // Links to the reference and the contract leave the VitePress app: a full page load, not a client-side route.
    config: (md) => {
      md.core.ruler.push("site-pages", (state) => {
        for (const token of state.tokens.flatMap((t) => t.children ?? [])) {
          if (token.type === "link_open" && NOT_VITEPRESS.test(token.attrGet("href") ?? "")) token.attrSet("target", "_self");
        }
      });
    },
  },
  transformPageData: (page) => {
    if (page.relativePath === "index.md") page.frontmatter.features = PAGES.map((p) => ({ title: p.title, details: p.blurb, link: `/${p.file}` }));
  },
  buildEnd: (site) => writeReference(site.outDir),
});
