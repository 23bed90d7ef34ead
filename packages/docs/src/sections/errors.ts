import type { Catalogue, ErrorStatus } from "@cloud-jobs/spec/catalogue";
import { badge, cell, code, details, json, table } from "../md.js";
import { schemaAnchor } from "../site-map.js";

type Status = ErrorStatus<string>;
/** The contract's `x-cloud-jobs-retryable` of an error status, as a badge. */
export const retryableBadge = (retryable: boolean | null) => (retryable ? badge("retryable", "tip") : badge("not retryable", "danger"));
/** `XXX` codes are placeholders of the sources: they document a status, not a code. */
const documented = (s: Status) => s.examples.filter((e) => !/X{3}/.test(e.code));

/** The three envelopes, each with its description, required keys and one real example from the contract. */
export function envelopesSection(catalogue: Catalogue<string>): string {
  return catalogue.errorEnvelopes
    .map((env) => {
      // `NestedErrorBody` is the envelope the catalogue calls `nested`.
      const example = catalogue.errors.flatMap(documented).find((e) => env.name.toLowerCase().startsWith(e.envelope));
      return [
        `### ${env.name} {#envelope-${env.name.toLowerCase()}}`,
        `${schemaAnchor(env.name)} — ${env.description}`,
        `Required: ${env.required.map(code).join(", ")}${example ? ` · example: ${example.summary}` : ""}`,
        example ? json(example.value) : "",
      ].join("\n\n");
    })
    .join("\n\n");
}

/** One row per HTTP status: retry or not, what it means, and every documented code (once, with its envelopes). */
export function errorStatusTable(statuses: readonly Status[]): string {
  const rows = statuses.map((s) => {
    const listed = [...new Set(documented(s).map((e) => e.code))].map((c) => {
      const same = documented(s).filter((e) => e.code === c);
      return `${code(c)} ${cell(same[0]?.message ?? "")} (${[...new Set(same.map((e) => e.envelope))].join(", ")})`;
    });
    return [`[${s.status}](#http-${s.status})`, s.retryable ? badge("retry", "tip") : badge("do not retry", "danger"), cell(firstSentence(s.description)), listed.join("<br>") || "none documented"];
  });
  return table(["HTTP", "Retry?", "Meaning", "Codes documented for it"], rows);
}

/** The first sentence of a description — or the first two when the first is only a label ("Bad request."). */
function firstSentence(description: string): string {
  const ends = [...description.matchAll(/\.(?=\s|$)/g)].map((m) => m.index + 1);
  const first = ends[0] ?? description.length;
  return description.slice(0, first < 25 ? (ends[1] ?? description.length) : first).trim();
}

/** A section per HTTP status: description, headers, each example's code and body. */
export function errorStatusDetails(statuses: readonly Status[]): string {
  return statuses
    .map((s) =>
      [
        `### ${s.status} ${code(s.name)} ${retryableBadge(s.retryable)} {#http-${s.status}}`,
        s.description,
        Object.keys(s.headers).length ? `Headers: ${Object.keys(s.headers).map(code).join(", ")}` : "",
        table(["Code", "Message", "Envelope", "Example"], s.examples.map((e) => [code(e.code), cell(e.message), e.envelope, cell(e.summary)])),
        details("Example bodies", s.examples.map((e) => `${e.summary}\n\n${json(e.value)}`).join("\n\n")),
      ].join("\n\n"),
    )
    .join("\n\n");
}
