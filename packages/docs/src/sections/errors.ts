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

/** One row per HTTP status: retry or not, what it means, and every documented code with its envelope. */
export function errorStatusTable(statuses: readonly ErrorStatus[]): string {
  const rows = statuses.map((s) => [
    { html: `<a href="#http-${s.status}">${s.status}</a>`, className: "num" },
    s.retryable ? badge("retry", "good") : badge("do not retry", "bad"),
    s.examples
      .filter((e) => !/X{3}/.test(e.code))
      .map((e) => `${code(e.code)} <span class="muted">${esc(shortEnvelope(e.envelope))}</span>`)
      .join("<br>") || `<span class="muted">none documented</span>`,
  ]);
  return table(["HTTP", "Retry?", "Codes documented for it"], rows, "errors-summary");
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
