import { describe, expect, it } from "vitest";
import { highlight } from "./highlight.js";

describe("highlight", () => {
  it("escapes HTML inside and outside tokens", () => {
    expect(highlight('const a = "<b>"; // <i>', "ts")).toBe(
      '<span class="tok-keyword">const</span> a = <span class="tok-string">&quot;&lt;b&gt;&quot;</span>; <span class="tok-comment">// &lt;i&gt;</span>',
    );
  });

  it("marks shell comments, variables and flags but not a # inside a word", () => {
    expect(highlight("cloud-jobs get $ID --json # note\nx#y", "sh")).toBe(
      'cloud-jobs get <span class="tok-variable">$ID</span> <span class="tok-keyword">--json</span> <span class="tok-comment"># note</span>\nx#y',
    );
  });

  it("tells JSON keys from string values", () => {
    expect(highlight('{"a": "b", "n": 1, "z": null}', "json")).toBe(
      '{<span class="tok-property">&quot;a&quot;</span>: <span class="tok-string">&quot;b&quot;</span>, <span class="tok-property">&quot;n&quot;</span>: <span class="tok-number">1</span>, <span class="tok-property">&quot;z&quot;</span>: <span class="tok-keyword">null</span>}',
    );
  });

  it("only escapes a language it does not know", () => {
    expect(highlight("<x> // y", "cobol")).toBe("&lt;x&gt; // y");
  });
});
