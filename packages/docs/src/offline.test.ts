import { describe, expect, it } from "vitest";
import { assertSelfContained, CDN_REPLACEMENTS, findFetchableUrls, OfflineCheckError, replaceCdnUrls } from "./offline.js";

describe("findFetchableUrls", () => {
  it("finds scripts, stylesheets, images, CSS urls, imports and CDN hosts of other origins", () => {
    const html = [
      '<script src="https://cdn.example.com/a.js"></script>',
      '<link rel="stylesheet" href="//fonts.example.com/b.css">',
      '<img alt="" src="http://img.example.com/c.png">',
      "<style>@import url('https://x.example.com/d.css'); .a { background: url(https://y.example.com/e.png) }</style>",
      "<script>const base = `https://cdn.redocly.com/icons/fa/7.0.0`;</script>",
    ].join("\n");
    expect(findFetchableUrls(html).sort()).toEqual(
      [
        "https://cdn.example.com/a.js",
        "//fonts.example.com/b.css",
        "http://img.example.com/c.png",
        "https://x.example.com/d.css",
        "https://y.example.com/e.png",
        "https://cdn.redocly.com/icons/fa/7.0.0",
      ].sort(),
    );
  });

  it("allows links, local files and data URIs", () => {
    const html = '<a href="https://github.com/x">x</a><img src="data:image/svg+xml,%3Csvg/%3E"><script src="app.js"></script><link href="site.css">';
    expect(findFetchableUrls(html)).toEqual([]);
    expect(() => assertSelfContained(html, "x.html")).not.toThrow();
  });
});

describe("replaceCdnUrls", () => {
  it("replaces every CDN URL Redoc would fetch with inline data", () => {
    const html = Object.keys(CDN_REPLACEMENTS).map((u) => `"${u}"`).join(" ");
    const out = replaceCdnUrls(html);
    expect(findFetchableUrls(out)).toEqual([]);
    expect(out).not.toContain("https://");
  });

  it("fails when Redoc no longer contains a URL it is meant to replace", () => {
    expect(() => replaceCdnUrls("<html></html>")).toThrow(OfflineCheckError);
  });
});
