import type { ErrorStatus } from "../error-model.js";
import { badge, cell, code, details, json, table } from "../md.js";
import { schemaAnchor } from "./site-links.js";

const ENVELOPE: Record<string, string> = { NestedErrorBody: "nested", FlatErrorBody: "flat", GatewayErrorBody: "gateway" };
const RETRY = (retryable: boolean) => (retryable ? badge("retryable", "tip") : badge("not retryable", "danger"));
/** `XXX` codes are placeholders of the sources: they document a status, not a code. */
const documented = (s: ErrorStatus) => s.examples.filter((e) => !/X{3}/.test(e.code));

/** The three envelopes, each with its description, required keys and one real example from the contract. */
export function envelopesSection(
  envelopes: readonly { name: string; description: string; required: string[] }[],
  statuses: readonly ErrorStatus[],
  tags: ReadonlyMap<string, string>,
): string {
  return envelopes
    .map((env) => {
      const example = statuses.flatMap(documented).find((e) => e.envelope === env.name);
      return [
        `### ${env.name} {#envelope-${env.name.toLowerCase()}}`,
        `${schemaAnchor(tags, env.name)} — ${env.description}`,
        `Required: ${env.required.map(code).join(", ")}${example ? ` · example: ${example.summary}` : ""}`,
        example ? json(example.value) : "",
      ].join("\n\n");
    })
    .join("\n\n");
}

/** One row per HTTP status: retry or not, what it means, and every documented code (once, with its envelopes). */
export function errorStatusTable(statuses: readonly ErrorStatus[]): string {
  const rows = statuses.map((s) => {
    const codes = new Map<string, { message: string; envelopes: Set<string> }>();
    for (const e of documented(s)) {
      const entry = codes.get(e.code) ?? { message: e.message, envelopes: new Set<string>() };
      codes.set(e.code, entry);
      entry.envelopes.add(ENVELOPE[e.envelope] ?? e.envelope);
    }
    const listed = [...codes].map(([c, { message, envelopes }]) => `${code(c)} ${cell(message)} (${[...envelopes].join(", ")})`);
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
export function errorStatusDetails(statuses: readonly ErrorStatus[]): string {
  return statuses
    .map((s) =>
      [
        `### ${s.status} ${code(s.name)} ${RETRY(s.retryable)} {#http-${s.status}}`,
        s.description,
        s.headers.length ? `Headers: ${s.headers.map(code).join(", ")}` : "",
        table(["Code", "Message", "Envelope", "Example"], s.examples.map((e) => [code(e.code), cell(e.message), ENVELOPE[e.envelope] ?? e.envelope, cell(e.summary)])),
        details("Example bodies", s.examples.map((e) => `${e.summary}\n\n${json(e.value)}`).join("\n\n")),
      ].join("\n\n"),
    )
    .join("\n\n");
}
