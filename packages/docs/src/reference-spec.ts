import { operationCodeSamples } from "./code-samples.js";
import { disagreementsOf } from "./disagreement-model.js";
import { showJobOperation } from "./error-model.js";
import { disagreementNote, jobTypeProvenance } from "./provenance.js";
import { schemaTags } from "./schema-tags.js";
import type { ServiceInfo } from "./service-model.js";
import { COMMON_TAG, ERRORS_TAG, OPERATION_TAG, PAGES, serviceTag } from "./site-map.js";
import { indexSpec, isNode, text, type Node, type SpecIndex } from "./spec-index.js";

type Mutable = { [key: string]: unknown };

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
export function referenceSpec(spec: SpecIndex, services: readonly ServiceInfo[]): Node {
  const doc = structuredClone(spec.doc) as Mutable;
  const copy = indexSpec(doc as Node);
  const { operation } = showJobOperation(copy);
  (operation as Mutable)["x-codeSamples"] = operationCodeSamples();

  const tags = schemaTags(copy, services);
  const components = doc.components as Mutable;
  const schemas = components.schemas as Record<string, Mutable>;
  // Redoc lists a tag's schemas in document order: put them in the order schemaTags chose.
  const ordered: Record<string, Mutable> = {};
  for (const name of tags.keys()) if (schemas[name]) ordered[name] = schemas[name];
  for (const [name, schema] of Object.entries(schemas)) ordered[name] ??= schema;
  for (const [name, schema] of Object.entries(ordered)) schema["x-tags"] = [tags.get(name) ?? COMMON_TAG];
  components.schemas = ordered;

  for (const svc of services) for (const jt of svc.jobTypes) appendDescription(ordered[jt.schemaName], jobTypeProvenance(jt));
  for (const d of disagreementsOf(spec.doc)) {
    for (const site of d.sites) {
      const target = pointerTarget(doc, site.pointer);
      // Scalars (JobTime, statuses…) are inlined into every job type; their own descriptions already explain.
      if (target && !isScalarSchema(copy, target) && site.pointer !== "#/servers/0") appendDescription(target, disagreementNote(d.id, site));
    }
  }

  doc.tags = [
    ...(Array.isArray(doc.tags) ? doc.tags : []),
    ...services.map((svc) => ({ name: serviceTag(svc.label), description: serviceTagDescription(svc) })),
    { name: ERRORS_TAG, description: "The three error envelopes; see [Errors and retries](errors.html) for every code." },
    { name: COMMON_TAG, description: "Ids, times and the other schemas the services share." },
  ];
  doc["x-tagGroups"] = [
    { name: "API", tags: [OPERATION_TAG] },
    { name: "Jobs by service", tags: services.map((svc) => serviceTag(svc.label)) },
    { name: "Shared", tags: [ERRORS_TAG, COMMON_TAG] },
  ];
  // Redoc 3 prints server descriptions as plain text: drop the markdown code marks.
  for (const server of Array.isArray(doc.servers) ? (doc.servers as Mutable[]) : []) {
    if (typeof server.description === "string") server.description = server.description.replace(/`/g, "");
  }
  const info = doc.info as Mutable;
  const guide = PAGES.map((p) => `[${p.title}](${p.file})`).join(" · ");
  info.description = `${text(info as Node, "description") ?? ""}\n\n**Guide:** ${guide}`;
  return doc as Node;
}

function serviceTagDescription(svc: ServiceInfo): string {
  return (
    `${svc.label} (${svc.fullName}): \`${svc.unionName}\` = \`${svc.knownName}\` (${svc.jobTypes.length} documented job types, ` +
    `selected by \`job_type\`) or \`${svc.unknownName}\`. Sub-jobs: \`${svc.subJobsAt}\`. ` +
    `Open \`${svc.knownName}\` and pick a job type to see its example. Guide: [${svc.label} job types](job-types.html#${svc.key}).`
  );
}

function appendDescription(target: Mutable | undefined, markdown: string): void {
  if (!target) return;
  const current = typeof target.description === "string" ? target.description : "";
  target.description = current ? `${current}\n\n${markdown}` : markdown;
}

function pointerTarget(doc: Mutable, pointer: string): Mutable | undefined {
  let node: unknown = doc;
  for (const raw of pointer.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = isNode(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
  }
  return isNode(node) ? (node as Mutable) : undefined;
}

function isScalarSchema(spec: SpecIndex, node: Node): boolean {
  if (Array.isArray(node.enum)) return true;
  if (Array.isArray(node.anyOf)) return node.anyOf.every((m) => isScalarSchema(spec, spec.deref(m)));
  const types = Array.isArray(node.type) ? node.type : [node.type];
  return node.type !== undefined && types.every((t) => t !== "object" && t !== "array");
}
