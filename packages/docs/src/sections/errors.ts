import type { ErrorStatus } from "../error-model.js";
import { badge, code, esc, jsonBlock, md, mdBlock, table } from "../html.js";
import { schemaAnchor } from "./site-links.js";

/** The three envelopes, each with its description, required keys and one real example from the contract. */
export function envelopesSection(
  envelopes: readonly { name: string; description: string; required: string[] }[],
  statuses: readonly ErrorStatus[],
  tags: ReadonlyMap<string, string>,
): string {
  return envelopes
    .map((env) => {
      const example = statuses.flatMap((s) => s.examples).find((e) => e.envelope === env.name && !/X{3}/.test(e.code));
      return `<div class="envelope"><h3 id="envelope-${env.name.toLowerCase()}">${schemaAnchor(tags, env.name)}</h3>
${mdBlock(env.description)}
<p class="facts">Required: ${env.required.map(code).join(", ")}${example ? ` · example: ${esc(example.summary)}` : ""}</p>
${example ? jsonBlock(example.value) : ""}</div>`;
    })
    .join("\n");
}

/** One row per HTTP status: retry or not, what it means, and every documented code (once, with its envelopes). */
export function errorStatusTable(statuses: readonly ErrorStatus[]): string {
  const rows = statuses.map((s) => {
    const codes = new Map<string, { message: string; envelopes: Set<string> }>();
    for (const e of s.examples.filter((x) => !/X{3}/.test(x.code))) {
      const entry = codes.get(e.code) ?? { message: e.message, envelopes: new Set<string>() };
      entry.envelopes.add(shortEnvelope(e.envelope));
      codes.set(e.code, entry);
    }
    const listed = [...codes].map(
      ([c, { message, envelopes }]) => `${code(c)} <span class="muted">${esc(message)} (${[...envelopes].join(", ")})</span>`,
    );
    return [
      { html: `<a href="#http-${s.status}">${s.status}</a>`, className: "num" },
      s.retryable ? badge("retry", "good") : badge("do not retry", "bad"),
      md(firstSentence(s.description)),
      listed.join("<br>") || `<span class="muted">none documented</span>`,
    ];
  });
  return table(["HTTP", "Retry?", "Meaning", "Codes documented for it"], rows, "errors-summary");
}

/** The first sentence of a description — or the first two when the first is only a label ("Bad request."). */
function firstSentence(text: string): string {
  const ends = [...text.matchAll(/\.(?=\s|$)/g)].map((m) => (m.index ?? 0) + 1);
  const first = ends[0] ?? text.length;
  return text.slice(0, first < 25 ? (ends[1] ?? text.length) : first).trim();
}

/** A section per HTTP status: description and each example body. */
export function errorStatusDetails(statuses: readonly ErrorStatus[]): string {
  return statuses
    .map(
      (s) => `<section class="http-status"><h3 id="http-${s.status}">${s.status} ${code(s.name)} ${
        s.retryable ? badge("retryable", "good") : badge("not retryable", "bad")
      }</h3>
${mdBlock(s.description)}
${s.headers.length ? `<p class="facts">Headers: ${s.headers.map(code).join(", ")}</p>` : ""}
${table(
  ["Code", "Message", "Envelope", "Example"],
  s.examples.map((e) => [code(e.code), esc(e.message), esc(shortEnvelope(e.envelope)), md(e.summary)]),
)}
<details><summary>Example bodies</summary>${s.examples.map((e) => `<p class="muted">${md(e.summary)}</p>${jsonBlock(e.value)}`).join("")}</details>
</section>`,
    )
    .join("\n");
}

function shortEnvelope(envelope: string): string {
  return { NestedErrorBody: "nested", FlatErrorBody: "flat", GatewayErrorBody: "gateway" }[envelope] ?? envelope;
}
