import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openapi } from "./ajv.js";

const schemas = openapi.components.schemas as Record<string, any>;
const mapped = (svc: string) => schemas[`${svc}KnownJob`].discriminator.mapping as Record<string, string>;

// Every documented job type, transcribed from the sources: top-level and sub-job,
// Huawei-only and SDK-only included; unconfirmed names (CTS traces) excluded.
const catalogue: Record<string, string[]> = {
  Ecs: ["createServer", "createSingleServer", "resizeServer", "changeOS", "reInitOs", "attachVolume", "detachVolume", "deleteVMs"],
  Bms: ["baremetalBatchCreate", "baremetalBatchOperate", "baremetalAttachVolume", "baremetalDetachVolume", "baremetalVolumeBootReinstallOs", "baremetalReinstallOs", "baremetalChangeOsVolumeBoot", "baremetalChangeOsLocalDisk", "baremetalBatchAttachVolume", "baremetalSingleCreate", "baremetalSingleOperate", "baremetalAttachSingleVolume"],
  Evs: ["createVolume", "batchCreateVolume", "deleteVolume", "extendVolume", "bulkDeleteVolume", "deleteSingleVolume", "retypeVolume"],
  Vbs: ["bksCreateBackup", "bksRestoreBackup"],
};

describe("job-type catalogue", () => {
  it.each(Object.keys(catalogue))("%s maps exactly the documented job types", (svc) => {
    expect(Object.keys(mapped(svc)).sort()).toEqual([...catalogue[svc]!].sort());
  });

  it.each(Object.keys(catalogue))("each %s mapping target fixes job_type to its key and cites its sources", (svc) => {
    for (const [jobType, ref] of Object.entries(mapped(svc))) {
      const schema = schemas[ref.split("/").pop()!];
      expect(schema.properties.job_type.const).toBe(jobType);
      expect(schema["x-cloud-jobs-source"].length).toBeGreaterThan(0);
      expect(schema["x-cloud-jobs-clouds"].length).toBeGreaterThan(0);
    }
  });

  it("marks the Huawei Cloud-only job types as such", () => {
    for (const [svc, jobType] of [["Ecs", "resizeServer"], ["Bms", "baremetalReinstallOs"], ["Evs", "retypeVolume"]]) {
      const schema = schemas[mapped(svc!)[jobType!]!.split("/").pop()!];
      expect(schema["x-cloud-jobs-clouds"]).toEqual(["huaweicloud"]);
    }
  });

  it("lists the per-service statuses with their sources", () => {
    expect(schemas.EcsJobStatus.enum).toEqual(["INIT", "RUNNING", "SUCCESS", "FAIL", "PENDING_PAYMENT"]);
    expect(schemas.BmsJobStatus.enum).toEqual(["INIT", "RUNNING", "SUCCESS", "FAIL", "PENDING_PAYMENT"]);
    expect(schemas.EvsJobStatus.enum).toEqual(["INIT", "RUNNING", "SUCCESS", "FAIL", "WAITING_EXECUTE", "LISTENING"]);
    expect(schemas.VbsJobStatus.enum).toEqual(["INIT", "RUNNING", "SUCCESS", "FAIL"]);
    for (const name of ["EcsJobStatus", "BmsJobStatus", "EvsJobStatus"]) {
      for (const value of schemas[name].enum) expect(schemas[name]["x-enumDescriptions"][value]).toMatch(/Source: /);
    }
  });
});

describe("the numbered disagreements between sources", () => {
  const ids = new Set<number>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "x-cloud-jobs-disagreement") ids.add((value as { id: number }).id);
        walk(value);
      }
    }
  };
  walk(openapi);

  it("resolves all twenty somewhere in the contract, each with its sources and resolution", () => {
    expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("lists every x-cloud-jobs-* extension it uses in extensions.md", () => {
    const documented = new Set([...readFileSync(new URL("../../extensions.md", import.meta.url), "utf8").matchAll(/^## (x-cloud-jobs-[a-z-]+)/gm)].map((m) => m[1]));
    const used = new Set([...JSON.stringify(openapi).matchAll(/"(x-cloud-jobs-[a-z-]+)"/g)].map((m) => m[1]));
    expect([...used].filter((x) => !documented.has(x))).toEqual([]);
    expect([...documented].filter((x) => !used.has(x))).toEqual([]);
  });
});
