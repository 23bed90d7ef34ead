import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { diffContracts } from "../../bin/contract-diff.js";

type Doc = Record<string, any>;
const working: Doc = JSON.parse(readFileSync(new URL("../../dist/openapi.json", import.meta.url), "utf8"));
const BIN = fileURLToPath(new URL("../../bin/contract-diff.js", import.meta.url));
const S = (doc: Doc) => doc.components.schemas;
const op = (doc: Doc) => doc.paths["/v1/{project_id}/jobs/{job_id}"].get;
const edit = (doc: Doc, change: (doc: Doc) => void) => { const copy = structuredClone(doc); change(copy); return copy; };
/** The status of every job schema, closed again to its documented enum (how 0.1.0 wrote it). */
const closeStatuses = (doc: Doc) => {
  for (const schema of Object.values(S(doc)) as Doc[]) {
    if (schema.properties?.status?.anyOf) schema.properties.status = schema.properties.status.anyOf[0];
    if (schema["x-cloud-jobs-enum"]) schema["x-cloud-jobs-enum"] = "closed";
  }
};
const dropKnownType = (doc: Doc, svc: string, type: string, alsoFromUnknown: boolean) => {
  const known = S(doc)[`${svc}KnownJob`];
  const ref = known.discriminator.mapping[type];
  known.oneOf = known.oneOf.filter((m: Doc) => m.$ref !== ref);
  delete known.discriminator.mapping[type];
  if (alsoFromUnknown) S(doc)[`${svc}UnknownJob`].properties.job_type.not.enum = S(doc)[`${svc}UnknownJob`].properties.job_type.not.enum.filter((t: string) => t !== type);
};

/** [what, who breaks ([] = nothing), a pointer the report must contain, the change; optionally a change to both sides first]. */
type Seed = [string, string[], string, (doc: Doc) => void, ((doc: Doc) => void)?];
const seeds: Seed[] = [
  // Inside the job unions (anyOf → discriminated oneOf → job schema → entities → sub-jobs).
  ["EVS entities.size integer → string", ["clients", "servers"], "/components/schemas/EvsVolumeJobEntities/properties/size/type", (d) => { S(d).EvsVolumeJobEntities.properties.size.type = "string"; }],
  ["required job_id dropped from EvsCreateVolumeJob", ["clients"], "/components/schemas/EvsCreateVolumeJob/required", (d) => { S(d).EvsCreateVolumeJob.required = ["job_type", "status"]; }],
  ["a new value in a closed EvsJobStatus", ["clients"], "/components/schemas/EvsJobStatus/enum", (d) => { S(d).EvsJobStatus.enum.push("QUEUED"); }, closeStatuses],
  ["a value dropped from a closed EcsJobStatus", ["servers"], "/components/schemas/EcsJobStatus/enum", (d) => { S(d).EcsJobStatus.enum = S(d).EcsJobStatus.enum.filter((v: string) => v !== "PENDING_PAYMENT"); }, closeStatuses],
  ["a new value in the extensible EvsJobStatus", [], "", (d) => { S(d).EvsJobStatus.enum.push("QUEUED"); }],
  ["a value dropped from the extensible EvsJobStatus (still accepted as unlisted)", [], "", (d) => { S(d).EvsJobStatus.enum.pop(); }],
  ["statuses closed again (UnlistedJobStatus dropped)", ["servers"], "/components/schemas/EvsJobStatus/enum", closeStatuses],
  ["UnlistedJobStatus narrowed to a pattern", ["servers"], "/components/schemas/UnlistedJobStatus/pattern", (d) => { S(d).UnlistedJobStatus.pattern = "^[A-Z]+$"; }],
  ["a job type removed from EvsKnownJob but still excluded from the unknown member", ["servers"], "/components/schemas/EvsKnownJob/oneOf", (d) => dropKnownType(d, "Evs", "retypeVolume", false)],
  // createDisk bodies were valid unknown EVS jobs already; createVolume bodies now fit no member.
  ["job_type const of EvsCreateVolumeJob renamed", ["servers"], "/components/schemas/EvsCreateVolumeJob/properties/job_type/const", (d) => { S(d).EvsCreateVolumeJob.properties.job_type.const = "createDisk"; }],
  // Rewired to EcsJob it would break nobody: EVS jobs are valid ECS jobs of unknown type, and the other way round.
  ["EVS batch sub_jobs items rewired to job ids", ["clients", "servers"], "/components/schemas/", (d) => { S(d).EvsBatchJobEntities.properties.sub_jobs.items.$ref = "#/components/schemas/JobId"; }],
  ["ECS sub_jobs_total integer → string", ["clients", "servers"], "/components/schemas/EcsJobEntities/properties/sub_jobs_total/type", (d) => { S(d).EcsJobEntities.properties.sub_jobs_total.type = "string"; }],
  ["BMS sub-job server_id no longer a UUID", ["clients"], "/components/schemas/BmsSubJobEntities/properties/server_id/format", (d) => { delete S(d).BmsSubJobEntities.properties.server_id.format; }],
  ["ECS sub-job errorcode_message string → object", ["clients", "servers"], "/components/schemas/EcsSubJobEntities/properties/errorcode_message/type", (d) => { S(d).EcsSubJobEntities.properties.errorcode_message.type = "object"; }],
  ["VBS entities map<string,string> → map<string,integer>", ["clients", "servers"], "/components/schemas/VbsJobEntities/additionalProperties/type", (d) => { S(d).VbsJobEntities.additionalProperties.type = "integer"; }],
  ["EvsVolumeJobEntities.volume_id made required", ["servers"], "/components/schemas/EvsVolumeJobEntities/required", (d) => { S(d).EvsVolumeJobEntities.required = ["volume_id"]; }],
  ["EvsUnknownJobEntities closed (additionalProperties: false)", ["servers"], "/components/schemas/EvsUnknownJobEntities/additionalProperties", (d) => { S(d).EvsUnknownJobEntities.additionalProperties = false; }],
  ["the unknown member dropped from EvsJob", ["servers"], "/components/schemas/EvsJob/anyOf", (d) => { S(d).EvsJob.anyOf.pop(); }],
  ["BMS sub_jobs no longer nullable", ["servers"], "/components/schemas/BmsJobEntities/properties/sub_jobs", (d) => { S(d).BmsJobEntities.properties.sub_jobs.type = "array"; }],
  ["JobTime accepts integers too", ["clients"], "/components/schemas/JobTime", (d) => { S(d).JobTime.anyOf.push({ type: "integer" }); }],
  ["JobTime drops \"\"", ["servers"], "/components/schemas/JobTime/anyOf", (d) => { S(d).JobTime.anyOf.pop(); }],
  ["JobId pattern tightened to 32 hex (job bodies and the path parameter)", ["callers", "servers"], "/components/schemas/JobId/pattern", (d) => { S(d).JobId.pattern = "^[0-9a-f]{32}$"; }],
  ["JobId pattern dropped", ["clients"], "/components/schemas/JobId/pattern", (d) => { delete S(d).JobId.pattern; }],
  ["the gateway envelope dropped from ErrorResponse", ["servers"], "/components/schemas/ErrorResponse/anyOf", (d) => { S(d).ErrorResponse.anyOf.pop(); }],
  ["ApiError.code string → integer", ["clients", "servers"], "/components/schemas/ApiError/properties/code/type", (d) => { S(d).ApiError.properties.code.type = "integer"; }],
  // Its bodies still validate, as an unknown EVS job; only code naming the schema breaks.
  ["schema EvsRetypeVolumeJob removed (and unmapped)", ["clients"], "/components/schemas/EvsRetypeVolumeJob", (d) => { dropKnownType(d, "Evs", "retypeVolume", true); delete S(d).EvsRetypeVolumeJob; }],
  // Not breaking inside the unions.
  ["a new EVS job type, mapped and excluded from the unknown member", [], "", (d) => {
    S(d).EvsSnapshotVolumeJob = { ...structuredClone(S(d).EvsCreateVolumeJob), title: "snapshotVolume", properties: { ...structuredClone(S(d).EvsCreateVolumeJob.properties), job_type: { type: "string", const: "snapshotVolume" } } };
    S(d).EvsKnownJob.oneOf.push({ $ref: "#/components/schemas/EvsSnapshotVolumeJob" });
    S(d).EvsKnownJob.discriminator.mapping.snapshotVolume = "#/components/schemas/EvsSnapshotVolumeJob";
    S(d).EvsUnknownJob.properties.job_type.not.enum.push("snapshotVolume");
  }],
  ["a new optional field in EvsVolumeJobEntities", [], "", (d) => { S(d).EvsVolumeJobEntities.properties.iops = { type: "integer" }; }],
  ["EcsJob anyOf → oneOf (its members are disjoint)", [], "", (d) => { S(d).EcsJob.oneOf = S(d).EcsJob.anyOf; delete S(d).EcsJob.anyOf; }],
  ["EvsKnownJob members reordered", [], "", (d) => { S(d).EvsKnownJob.oneOf.reverse(); }],
  ["discriminator mappings dropped (they repeat the consts)", [], "", (d) => { for (const svc of ["Ecs", "Bms", "Evs", "Vbs"]) delete S(d)[`${svc}KnownJob`].discriminator.mapping; }],
  ["descriptions, examples and x- extensions rewritten", [], "", (d) => {
    for (const schema of Object.values(S(d)) as Doc[]) { schema.description = "Changed."; schema.examples = []; schema["x-cloud-jobs-source"] = "elsewhere"; }
  }],
  ["ApiError.details dropped from required nowhere, message loosened to any string", [], "", (d) => { S(d).ApiError.properties.message.minLength = 0; }],
  // Operations, parameters, security.
  ["the operation removed", ["callers"], "/paths/~1v1~1{project_id}~1jobs~1{job_id}/get", (d) => { delete d.paths["/v1/{project_id}/jobs/{job_id}"]; }],
  ["a new operation", [], "", (d) => { d.paths["/v1/{project_id}/jobs"] = { get: { operationId: "listJobs", responses: { "200": { description: "Jobs." } } } }; }],
  ["the project_id parameter pattern tightened", ["callers"], "/components/schemas/ProjectId/pattern", (d) => { S(d).ProjectId.pattern = "^[0-9a-f]{16}$"; }],
  ["a job_id parameter of its own, looser than JobId", [], "", (d) => { op(d).parameters[1] = { ...op(d).parameters[1], schema: { type: "string", maxLength: 64 } }; }],
  ["a new required header", ["callers"], "/paths/~1v1~1{project_id}~1jobs~1{job_id}/get/parameters/5", (d) => { op(d).parameters.push({ name: "X-Tenant", in: "header", required: true, schema: { type: "string" } }); }],
  ["a new optional header", [], "", (d) => { op(d).parameters.push({ name: "X-Trace", in: "header", required: false, schema: { type: "string" } }); }],
  ["the optional X-Security-Token header removed", ["callers"], "/components/parameters/XSecurityTokenHeader", (d) => { op(d).parameters.pop(); }],
  ["AK/SK signing no longer accepted", ["callers"], "/paths/~1v1~1{project_id}~1jobs~1{job_id}/get", (d) => { d.security = [{ IamToken: [] }]; }],
  ["the token header renamed", ["callers"], "/paths/~1v1~1{project_id}~1jobs~1{job_id}/get", (d) => { d.components.securitySchemes.IamToken.name = "X-Token"; }],
  ["a new security alternative", [], "", (d) => { d.components.securitySchemes.Basic = { type: "http", scheme: "basic" }; d.security.push({ Basic: [] }); }],
  ["security scheme description changed", [], "", (d) => { d.components.securitySchemes.IamToken.description = "Changed."; }],
  // Responses.
  ["the 404 response removed", ["servers"], "/components/responses/NotFound", (d) => { delete op(d).responses["404"]; }],
  ["a new 410 error response", [], "", (d) => { op(d).responses["410"] = op(d).responses["404"]; }],
  ["a new 201 success response", ["clients"], "/paths/~1v1~1{project_id}~1jobs~1{job_id}/get/responses/201", (d) => { op(d).responses["201"] = { description: "Created." }; }],
  ["the 502 text/html body removed", ["servers"], "/components/responses/BadGateway/content/text~1html", (d) => { delete d.components.responses.BadGateway.content["text/html"]; }],
  ["the 200 body inlined as a closed object", ["clients", "servers"], "/paths/~1v1~1{project_id}~1jobs~1{job_id}/get/responses/200/content/application~1json/schema", (d) => {
    op(d).responses["200"].content["application/json"].schema = { type: "object", additionalProperties: false, properties: { job_id: { type: "string" } } };
  }],
];

describe("cloud-jobs-contract-diff on seeded changes", () => {
  it("has at least 30 seeded changes, most inside the job unions, breaking and not", () => {
    expect(seeds.length).toBeGreaterThanOrEqual(30);
    expect(seeds.filter(([, breaks]) => breaks.length === 0).length).toBeGreaterThanOrEqual(10);
    expect(seeds.filter(([, , at, change]) => at.startsWith("/components/schemas/") || /\bS\(d\)\.\w*Job/.test(String(change))).length).toBeGreaterThan(seeds.length / 2);
  });

  it("finds nothing between the working contract and itself", () => {
    expect(diffContracts(working, structuredClone(working))).toEqual([]);
  });

  it.each(seeds)("%s", (_what, breaks, at, change, before) => {
    const base = before ? edit(working, before) : working;
    const found = diffContracts(base, edit(base, change));
    expect([...new Set(found.map((c) => c.breaks))].sort(), JSON.stringify(found, null, 1)).toEqual([...breaks].sort());
    if (at) expect(found.map((c) => c.pointer), JSON.stringify(found, null, 1)).toContainEqual(expect.stringContaining(at));
  });
});

describe("cloud-jobs-contract-diff command line", () => {
  const dir = mkdtempSync(join(tmpdir(), "contract-diff-"));
  const write = (name: string, text: string) => { writeFileSync(join(dir, name), text); return join(dir, name); };
  const base = write("base.json", JSON.stringify(working));
  const head = write("head.yaml", stringify(edit(working, (d) => { S(d).EvsVolumeJobEntities.properties.size.type = "string"; })));
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });

  it("exits 0 when nothing breaks, reading JSON and YAML alike", () => {
    const same = write("same.yaml", stringify(working));
    const result = run(base, same);
    expect([result.status, result.stdout.trim()]).toEqual([0, "No breaking change."]);
  });

  it("exits 1 and prints each breaking change with its pointer and whom it breaks", () => {
    const result = run(base, head);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("BREAKS clients: schema EvsVolumeJobEntities: base rejects \"x\" at /size, which head admits (base: must be integer)");
    expect(result.stdout).toContain("at /components/schemas/EvsVolumeJobEntities/properties/size/type");
    expect(result.stdout).toContain("BREAKS servers:");
  });

  it("gives the same report as JSON with --json", () => {
    const result = run(base, head, "--json");
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.breaking).toBe(true);
    expect(report.changes).toEqual(diffContracts(working, JSON.parse(JSON.stringify(readYaml(head)))));
  });

  it("exits 2 on unreadable, non-OpenAPI or invalid input, and on wrong usage", () => {
    expect(run(base, join(dir, "missing.json")).status).toBe(2);
    expect(run(base, write("garbage.yaml", "a: [b")).status).toBe(2);
    expect(run(base, write("not-openapi.json", '{"swagger": "2.0"}')).status).toBe(2);
    const badRegex = write("bad-regex.json", JSON.stringify(edit(working, (d) => { S(d).JobId.pattern = "(["; })));
    const invalid = run(base, badRegex);
    expect([invalid.status, invalid.stderr]).toEqual([2, expect.stringContaining("cloud-jobs-contract-diff:")]);
    expect(run(base).status).toBe(2);
    expect(execFileSync(process.execPath, [BIN, "--help"], { encoding: "utf8" })).toContain("Usage: cloud-jobs-contract-diff <base> <head>");
  });
});

function readYaml(file: string): Doc {
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", `import { readContract } from ${JSON.stringify(BIN)}; console.log(JSON.stringify(readContract(${JSON.stringify(file)})))`], { encoding: "utf8" }));
}
