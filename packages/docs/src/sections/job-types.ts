import { cloudName, confidenceText } from "../provenance.js";
import type { EntitiesInfo, JobTypeInfo, ServiceInfo } from "../service-model.js";
import { badge, cell, code, details, json, table, text } from "../md.js";
import { schemaAnchor } from "./site-links.js";

const CONFIDENCE_BADGE: Record<string, "tip" | "info" | "warning"> = { documented: "tip", "sdk-only": "warning" };

/** Per service: its union, a table of job types, then each job type with its entities and example, the unknown member and the statuses. */
export function jobTypesSection(services: readonly ServiceInfo[], tags: ReadonlyMap<string, string>): string {
  return services.map((svc) => serviceBlock(svc, tags)).join("\n\n");
}

function serviceBlock(svc: ServiceInfo, tags: ReadonlyMap<string, string>): string {
  const link = (name: string) => schemaAnchor(tags, name);
  const summary = table(
    ["`job_type`", "Occurs as", "Clouds", "Attested", "`entities`"],
    svc.jobTypes.map((jt) => [`[${code(jt.jobType)}](#${anchor(svc, jt)})`, levels(jt), clouds(jt.clouds), confidence(jt), entitiesLabel(jt.entities, tags)]),
  );
  return [
    `## ${svc.label} — ${svc.fullName} {#${svc.key}}`,
    `Union ${link(svc.unionName)}: ${svc.jobTypes.length} documented job types in ${link(svc.knownName)} (discriminated on \`job_type\`), ` +
      `anything else in ${link(svc.unknownName)}. Sub-jobs: ${code(svc.subJobsAt)}.`,
    svc.description,
    summary,
    ...svc.jobTypes.map((jt, i) => jobTypeBlock(svc, jt, tags, i)),
    `### Any other ${svc.label} job type {#${svc.key}-unknown}`,
    svc.unknown.description,
    svc.unknown.candidates.length ? `Names seen elsewhere, not confirmed as job types: ${svc.unknown.candidates.map(code).join(", ")}.` : "",
    `Its \`entities\`: ${entitiesLabel(svc.unknown.entities, tags)} — every documented field, all optional, and anything else.`,
    `### ${svc.label} statuses {#${svc.key}-statuses}`,
    table(
      ["`status`", "Clouds", "Meaning"],
      svc.statuses.map((st) => [`${code(st.value)}${st.terminal ? ` ${badge("terminal")}` : ""}`, clouds(st.clouds), cell(st.description)]),
    ),
  ].join("\n\n");
}

function jobTypeBlock(svc: ServiceInfo, jt: JobTypeInfo, tags: ReadonlyMap<string, string>, index: number): string {
  const fields = jt.entities.fields;
  const name = (f: { name: string; topLevel?: boolean }) => code(f.topLevel ? f.name : `entities.${f.name}`);
  // A job type whose entities are the same schema as an earlier one's points there instead of repeating the table.
  const same = jt.entities.schemaName && svc.jobTypes.slice(0, index).find((o) => JSON.stringify(o.entities) === JSON.stringify(jt.entities));
  const fieldTable = same
    ? `Entities: as [${code(same.jobType)}](#${anchor(svc, same)}) — ${entitiesLabel(jt.entities, tags)}: ${fields.map(name).join(", ")}.`
    : fields.length
      ? table(["Field", "Type", "Description"], fields.map((f) => [name(f), code(f.type), cell(f.description)]))
      : `No documented fields${jt.entities.type.startsWith("map<") ? `: ${code(jt.entities.type)}, any keys` : ""}.`;
  return [
    `### ${code(jt.jobType)} ${confidence(jt)} {#${anchor(svc, jt)}}`,
    jt.description,
    `Schema ${schemaAnchor(tags, jt.schemaName)} · occurs as ${levels(jt)} · ${confidenceText(jt.confidence)}`,
    fieldTable,
    details("Sources and example", [...jt.sources.map((s) => `- ${text(s)}`), "", jt.example === undefined ? "" : json(jt.example)].join("\n")),
  ].join("\n\n");
}

const anchor = (svc: ServiceInfo, jt: JobTypeInfo) => `${svc.key}-${jt.jobType.toLowerCase()}`;
const levels = (jt: JobTypeInfo) => jt.levels.map((l) => (l === "top" ? "job" : "sub-job")).join(", ");
const clouds = (ids: readonly string[]) => ids.map(cloudName).join(", ");
const confidence = (jt: JobTypeInfo) => badge(jt.confidence, CONFIDENCE_BADGE[jt.confidence] ?? "info");

function entitiesLabel(entities: EntitiesInfo, tags: ReadonlyMap<string, string>): string {
  if (entities.schemaName === undefined) return code(entities.type);
  const label = schemaAnchor(tags, entities.schemaName);
  return entities.type.startsWith("map<") ? `${label} ${code(entities.type)}` : label;
}
