import { readFileSync } from "node:fs";
import type { Catalogue } from "@cloud-jobs/spec/catalogue";
import type { OpenApiDocument } from "./generate.js";
import { clouds, confidenceText } from "./md.js";
import { documentedJobTypes, subJobsAt } from "./sections/job-types.js";
import { COMMON_TAG, ERRORS_TAG, OPERATION_TAG, PAGES, schemaTags, serviceTag } from "./site-map.js";

/** The samples shown on the `showJob` operation, in tab order (Redoc shows `label`, and highlights by `lang`). */
export const OPERATION_SAMPLES = [
  { file: "get-job.ts", label: "TypeScript", lang: "typescript" },
  { file: "wait-aksk.ts", label: "TypeScript (AK/SK)", lang: "typescript" },
  { file: "cli.sh", label: "CLI", lang: "bash" },
  { file: "curl.sh", label: "curl", lang: "curl" },
] as const;

/** The path of the one operation, `showJob`. */
export const JOB_PATH = "/v1/{project_id}/jobs/{job_id}";

/** samples/<file>, trimmed, without a shebang. */
export function readSample(file: string): string {
  return readFileSync(new URL(`../samples/${file}`, import.meta.url), "utf8").replace(/^#!.*\n/, "").trim();
}

/** Follows a JSON pointer (`#/components/schemas/JobTime`) in a document. */
function at(doc: OpenApiDocument, pointer: string): OpenApiDocument | undefined {
  return pointer.slice(2).split("/").reduce<any>((node, key) => node?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
}

/**
 * The copy of the bundled contract that Redoc renders. It changes presentation
 * only — never a schema's validation keywords:
 * - `x-codeSamples` on `showJob`, read from samples/;
 * - `x-tags` on every schema and `x-tagGroups`, so the reference lists each
 *   service's union, job types and entities together;
 * - provenance (`x-cloud-jobs-source`, `-clouds`, `-confidence`, `-level`) and
 *   `x-cloud-jobs-disagreement` notes appended to descriptions as prose;
 * - links to the guide in `info.description`.
 */
export function referenceSpec(contract: OpenApiDocument, catalogue: Catalogue<string>): OpenApiDocument {
  const doc = structuredClone(contract);
  const services = Object.values(catalogue.services);
  const append = (target: OpenApiDocument | undefined, markdown: string) => target && (target.description = [target.description, markdown].filter(Boolean).join("\n\n"));
  doc.paths[JOB_PATH].get["x-codeSamples"] = OPERATION_SAMPLES.map((s) => ({ lang: s.lang, label: s.label, source: readSample(s.file) }));
  // Redoc lists a tag's schemas in document order: put them in the order schemaTags chose.
  const tags = schemaTags(catalogue, Object.keys(doc.components.schemas));
  const schemas: Record<string, OpenApiDocument> = {};
  for (const name of [...tags.keys(), ...Object.keys(doc.components.schemas)]) {
    if (doc.components.schemas[name]) schemas[name] ??= { ...doc.components.schemas[name], "x-tags": [tags.get(name) ?? COMMON_TAG] };
  }
  doc.components.schemas = schemas;

  for (const jt of services.flatMap(documentedJobTypes)) {
    const levels = jt.levels.map((l) => (l === "top" ? "a job" : "a sub-job")).join(" and ");
    const where = `**Where it comes from.** Clouds: ${clouds(jt.clouds) || "—"}. Confidence: ${confidenceText(jt.confidence)}. Occurs as: ${levels}.`;
    append(doc.components.schemas[jt.schema ?? ""], [where, "", ...jt.sources.map((s) => `- ${s}`)].join("\n"));
  }
  for (const { id, sites } of catalogue.disagreements) {
    for (const { pointer, topic, sources, resolution } of sites) {
      const target = at(doc, pointer);
      // Scalars (JobTime, statuses…) are inlined into every job type; their own descriptions already explain.
      if (pointer === "#/servers/0" || !target || isScalar(doc, target)) continue;
      append(target, `> **Sources disagree** (#${id}, ${topic}): ${sources.map((s) => `*${s}*`).join("; ")}. **Resolved:** ${resolution}.`);
    }
  }
  doc.tags = [
    ...(doc.tags ?? []),
    ...services.map((svc) => ({
      name: serviceTag(svc.label),
      description: `${svc.label} (${svc.fullName}): \`${svc.unionSchema}\` = \`${svc.knownSchema}\` (${svc.knownJobTypes.length} documented job types, selected by \`job_type\`) ` +
        `or \`${svc.unknownSchema}\`. Sub-jobs: \`${subJobsAt(svc)}\`. Open \`${svc.knownSchema}\` and pick a job type to see its example. Guide: [${svc.label} job types](job-types.html#${svc.service}).`,
    })),
    { name: ERRORS_TAG, description: "The three error envelopes; see [Errors and retries](errors.html) for every code." },
    { name: COMMON_TAG, description: "Ids, times and the other schemas the services share." },
  ];
  doc["x-tagGroups"] = [
    { name: "API", tags: [OPERATION_TAG] },
    { name: "Jobs by service", tags: services.map((svc) => serviceTag(svc.label)) },
    { name: "Shared", tags: [ERRORS_TAG, COMMON_TAG] },
  ];
  // Redoc prints server descriptions as plain text: drop the markdown code marks.
  for (const server of doc.servers ?? []) if (typeof server.description === "string") server.description = server.description.replace(/`/g, "");
  doc.info.description = `${doc.info.description ?? ""}\n\n**Guide:** ${PAGES.map((p) => `[${p.title}](${p.file})`).join(" · ")}`;
  return doc;
}

function isScalar(doc: OpenApiDocument, node: OpenApiDocument): boolean {
  if (Array.isArray(node.enum)) return true;
  if (Array.isArray(node.anyOf)) return node.anyOf.every((m: OpenApiDocument) => isScalar(doc, m.$ref ? (at(doc, m.$ref) ?? {}) : m));
  return node.type !== undefined && [node.type].flat().every((t) => t !== "object" && t !== "array");
}
