import type { EntitiesInfo, JobTypeInfo, ServiceCatalogue } from "@cloud-jobs/spec/catalogue";
import { badge, cell, clouds, code, confidenceText, details, json, table, text } from "../md.js";
import { schemaAnchor } from "../site-map.js";

type Service = ServiceCatalogue<string>;
const CONFIDENCE_BADGE: Record<string, "tip" | "info" | "warning"> = { documented: "tip", "sdk-only": "warning" };

/** The job types a service documents (its discriminator mapping), in order. */
export const documentedJobTypes = (svc: Service): JobTypeInfo[] => svc.knownJobTypes.flatMap((t) => svc.jobTypes[t] ?? []);

/** Per service: its union, a table of job types, then each job type with its entities and example, the unknown member and the statuses. */
export const jobTypesSection = (services: readonly Service[]): string => services.map(serviceBlock).join("\n\n");

function serviceBlock(svc: Service): string {
  const jobTypes = documentedJobTypes(svc);
  const summary = table(
    ["`job_type`", "Occurs as", "Clouds", "Attested", "`entities`"],
    jobTypes.map((jt) => [`[${code(jt.jobType)}](#${anchor(svc, jt)})`, levels(jt), clouds(jt.clouds), confidence(jt), entitiesLabel(jt.entities)]),
  );
  return [
    `## ${svc.label} — ${svc.fullName} {#${svc.service}}`,
    `Union ${schemaAnchor(svc.unionSchema)}: ${jobTypes.length} documented job types in ${schemaAnchor(svc.knownSchema)} (discriminated on \`job_type\`), ` +
      `anything else in ${schemaAnchor(svc.unknownSchema)}. Sub-jobs: ${code(subJobsAt(svc))}.`,
    svc.description,
    summary,
    ...jobTypes.map((jt, i) => jobTypeBlock(svc, jt, jobTypes.slice(0, i))),
    `### Any other ${svc.label} job type {#${svc.service}-unknown}`,
    svc.unknown.description,
    svc.candidateJobTypes.length ? `Names seen elsewhere, not confirmed as job types: ${svc.candidateJobTypes.map(code).join(", ")}.` : "",
    `Its \`entities\`: ${entitiesLabel(svc.unknown.entities)} — every documented field, all optional, and anything else.`,
    `### ${svc.label} statuses {#${svc.service}-statuses}`,
    table(
      ["`status`", "Clouds", "Meaning"],
      svc.statuses.map((st) => [
        `${code(st)}${svc.terminalStatuses.includes(st) ? ` ${badge("terminal")}` : ""}`,
        clouds(svc.statusClouds[st] ?? []),
        cell(svc.statusDescriptions[st] ?? ""),
      ]),
    ),
  ].join("\n\n");
}

function jobTypeBlock(svc: Service, jt: JobTypeInfo, earlier: readonly JobTypeInfo[]): string {
  const fields = jt.entities.fields.map((f) => ({ ...f, name: `entities.${f.name}` }));
  // VBS keeps sub-jobs beside entities; the guide lists them with the entities so the tables compare.
  if (svc.subJobsAt === "top" && jt.canHaveSubJobs) {
    fields.push({ name: "sub_jobs", type: `${svc.unionSchema}[]${svc.subJobsNullable ? " | null" : ""}`, description: `${svc.label} only: sub-jobs live at the top level, beside \`entities\`.` });
  }
  // A job type whose entities are the same schema as an earlier one's points there instead of repeating the table.
  const same = jt.entities.schema && earlier.find((o) => JSON.stringify(o.entities) === JSON.stringify(jt.entities));
  const fieldTable = same
    ? `Entities: as [${code(same.jobType)}](#${anchor(svc, same)}) — ${entitiesLabel(jt.entities)}: ${fields.map((f) => code(f.name)).join(", ")}.`
    : fields.length
      ? table(["Field", "Type", "Description"], fields.map((f) => [code(f.name), code(f.type), cell(f.description)]))
      : `No documented fields${svc.stringEntities ? `: ${code("map<string, string>")}, any keys` : ""}.`;
  return [
    `### ${code(jt.jobType)} ${confidence(jt)} {#${anchor(svc, jt)}}`,
    jt.description,
    `Schema ${schemaAnchor(jt.schema ?? "")} · occurs as ${levels(jt)} · ${confidenceText(jt.confidence)}`,
    fieldTable,
    details("Sources and example", [...jt.sources.map((s) => `- ${text(s)}`), "", jt.example === undefined ? "" : json(jt.example)].join("\n")),
  ].join("\n\n");
}

/** `entities.sub_jobs` (ECS, BMS, EVS) or `sub_jobs` (VBS). */
export const subJobsAt = (svc: Service) => (svc.subJobsAt === "top" ? "sub_jobs" : "entities.sub_jobs");
const anchor = (svc: Service, jt: JobTypeInfo) => `${svc.service}-${jt.jobType.toLowerCase()}`;
const levels = (jt: JobTypeInfo) => jt.levels.map((l) => (l === "top" ? "job" : "sub-job")).join(", ");
const confidence = (jt: JobTypeInfo) => badge(jt.confidence, CONFIDENCE_BADGE[jt.confidence] ?? "info");

/** The entities schema, linked to the reference, and its map type if it is one. */
export function entitiesLabel(entities: EntitiesInfo): string {
  if (entities.schema === undefined) return code(entities.type);
  return entities.type.startsWith("map<") ? `${schemaAnchor(entities.schema)} ${code(entities.type)}` : schemaAnchor(entities.schema);
}
