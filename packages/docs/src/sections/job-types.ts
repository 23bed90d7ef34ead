import { badge, code, esc, jsonBlock, md, mdBlock, prose, table } from "../html.js";
import { cloudName, confidenceText } from "../provenance.js";
import type { EntitiesInfo, JobTypeInfo, ServiceInfo } from "../service-model.js";
import { schemaAnchor } from "./site-links.js";

const CONFIDENCE_TONE: Record<string, "good" | "info" | "warn"> = {
  documented: "good",
  "documented-huaweicloud": "info",
  strong: "info",
  "sdk-only": "warn",
};

/** Per service: its union, a table of job types, then each job type with its entities and example, the unknown member and the statuses. */
export function jobTypesSection(services: readonly ServiceInfo[], tags: ReadonlyMap<string, string>): string {
  return services.map((svc) => serviceBlock(svc, tags)).join("\n");
}

function serviceBlock(svc: ServiceInfo, tags: ReadonlyMap<string, string>): string {
  const summary = table(
    ["<code>job_type</code>", "Occurs as", "Clouds", "Attested", "<code>entities</code>"],
    svc.jobTypes.map((jt) => [
      `<a href="#${anchor(svc, jt)}">${code(jt.jobType)}</a>`,
      levels(jt),
      jt.clouds.map((c) => esc(cloudName(c))).join(", "),
      badge(jt.confidence, CONFIDENCE_TONE[jt.confidence] ?? "neutral"),
      entitiesLabel(jt.entities, tags),
    ]),
  );
  return `<section class="service" id="${svc.key}-section">
<h2 id="${svc.key}">${esc(svc.label)} — ${esc(svc.fullName)}</h2>
<p class="lead">Union ${schemaAnchor(tags, svc.unionName)}: ${svc.jobTypes.length} documented job types in ${schemaAnchor(tags, svc.knownName)}
(discriminated on ${code("job_type")}), anything else in ${schemaAnchor(tags, svc.unknownName)}. Sub-jobs: ${code(svc.subJobsAt)}.</p>
${mdBlock(svc.description)}
${summary}
${svc.jobTypes.map((jt, i) => jobTypeBlock(svc, jt, tags, firstWithSameEntities(svc.jobTypes, i))).join("\n")}
<h3 id="${svc.key}-unknown">Any other job type</h3>
${mdBlock(svc.unknown.description)}
${svc.unknown.candidates.length ? `<p>Names seen elsewhere, not confirmed as job types: ${svc.unknown.candidates.map(code).join(", ")}.</p>` : ""}
<p>Its ${code("entities")}: ${entitiesLabel(svc.unknown.entities, tags)} — every documented field, all optional, and anything else.</p>
<h3 id="${svc.key}-statuses">${esc(svc.label)} statuses</h3>
${table(
  ["<code>status</code>", "Clouds", "Meaning"],
  svc.statuses.map((st) => [
    `${code(st.value)}${st.terminal ? ` ${badge("terminal", "info")}` : ""}`,
    st.clouds.map((c) => esc(cloudName(c))).join(", "),
    md(st.description),
  ]),
)}
</section>`;
}

/** The earlier job type of the service whose entities are the same schema, if any: its table is not repeated. */
function firstWithSameEntities(jobTypes: readonly JobTypeInfo[], index: number): JobTypeInfo | undefined {
  const jt = jobTypes[index];
  if (!jt?.entities.schemaName) return undefined;
  return jobTypes.slice(0, index).find((other) => JSON.stringify(other.entities) === JSON.stringify(jt.entities));
}

function jobTypeBlock(svc: ServiceInfo, jt: JobTypeInfo, tags: ReadonlyMap<string, string>, same: JobTypeInfo | undefined): string {
  const fields = jt.entities.fields;
  const fieldTable = same
    ? `<p class="facts">Entities: as <a href="#${anchor(svc, same)}">${code(same.jobType)}</a> — ${entitiesLabel(jt.entities, tags)}: ${fields
        .map((f) => code(f.topLevel ? f.name : `entities.${f.name}`))
        .join(", ")}.</p>`
    : fields.length
    ? table(
        ["Field", "Type", "Description"],
        fields.map((f) => [
          `${code(f.topLevel ? f.name : `entities.${f.name}`)}`,
          code(f.type),
          md(f.description),
        ]),
      )
    : `<p class="muted">No documented fields${jt.entities.type.startsWith("map<") ? `: ${code(jt.entities.type)}, any keys` : ""}.</p>`;
  return `<div class="jobtype" id="${anchor(svc, jt)}-card">
<h4 id="${anchor(svc, jt)}">${code(jt.jobType)} ${badge(jt.confidence, CONFIDENCE_TONE[jt.confidence] ?? "neutral")}</h4>
${mdBlock(jt.description)}
<p class="facts">Schema ${schemaAnchor(tags, jt.schemaName)} · occurs as ${levels(jt)} · ${esc(confidenceText(jt.confidence))}</p>
${fieldTable}
<details><summary>Sources and example</summary>
<ul class="compact">${jt.sources.map((s) => `<li>${prose(s)}</li>`).join("")}</ul>
${jt.example === undefined ? "" : jsonBlock(jt.example)}
</details>
</div>`;
}

function anchor(svc: ServiceInfo, jt: JobTypeInfo): string {
  return `${svc.key}-${jt.jobType.toLowerCase()}`;
}

function levels(jt: JobTypeInfo): string {
  return jt.levels.map((l) => (l === "top" ? "job" : "sub-job")).join(", ");
}

function entitiesLabel(entities: EntitiesInfo, tags: ReadonlyMap<string, string>): string {
  if (entities.schemaName === undefined) return code(entities.type);
  const label = schemaAnchor(tags, entities.schemaName);
  return entities.type.startsWith("map<") ? `${label} ${code(entities.type)}` : label;
}
