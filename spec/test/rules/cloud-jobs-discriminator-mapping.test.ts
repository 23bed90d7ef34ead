import { describe, expect, it } from "vitest";
import { findings, openapi } from "./lint.js";

const RULE = "cloud-jobs-discriminator-mapping";

/** A known-job union whose discriminator block is given by the test. */
function withDiscriminator(discriminator: string, extraMember = ""): string {
  return openapi(`    AcmeKnownJob:
      oneOf:
        - $ref: '#/components/schemas/AcmeCreateThingJob'
        - $ref: '#/components/schemas/AcmeDeleteThingJob'${extraMember}
      discriminator:
${discriminator}
    AcmeCreateThingJob:
      type: object
      properties:
        job_type: {type: string, const: createThing}
    AcmeDeleteThingJob:
      type: object
      properties:
        job_type: {type: string, enum: [deleteThing]}
    AcmeOtherJob:
      type: object
      properties:
        job_type: {const: otherThing}
    AcmeLooseJob:
      type: object
      properties:
        job_type: {type: string}`);
}

const GOOD_MAPPING = `        propertyName: job_type
        mapping:
          createThing: '#/components/schemas/AcmeCreateThingJob'
          deleteThing: AcmeDeleteThingJob`;

describe(RULE, () => {
  it("reports nothing when the mapping names every member by its job_type literal", async () => {
    // `deleteThing: AcmeDeleteThingJob` uses the schema-name form OpenAPI also allows.
    expect(await findings(RULE, withDiscriminator(GOOD_MAPPING))).toEqual([]);
  });

  it("reports a discriminator without a mapping", async () => {
    expect(await findings(RULE, withDiscriminator("        propertyName: job_type"))).toEqual([
      {
        path: ["components", "schemas", "AcmeKnownJob", "discriminator"],
        message: "Discriminated union AcmeKnownJob MUST list its members in discriminator.mapping.",
      },
    ]);
  });

  it("reports a mapping target that does not exist, and the member left unmapped", async () => {
    const doc = withDiscriminator(GOOD_MAPPING.replace("'#/components/schemas/AcmeCreateThingJob'", "'#/components/schemas/AcmeCreateThingJb'"));
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["components", "schemas", "AcmeKnownJob", "discriminator", "mapping", "createThing"],
        message: "Mapping target #/components/schemas/AcmeCreateThingJb of 'createThing' MUST exist.",
      },
      {
        path: ["components", "schemas", "AcmeKnownJob", "oneOf", "0"],
        message: "oneOf member AcmeCreateThingJob MUST be listed in the discriminator.mapping of AcmeKnownJob.",
      },
    ]);
  });

  it("reports a mapping key that differs from the target's job_type const", async () => {
    const doc = withDiscriminator(GOOD_MAPPING.replace("          createThing:", "          create_thing:"));
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["components", "schemas", "AcmeKnownJob", "discriminator", "mapping", "create_thing"],
        message: "Mapping key 'create_thing' MUST equal the job_type const 'createThing' of AcmeCreateThingJob.",
      },
    ]);
  });

  it("reports a target that is not a member, and a target without a job_type const", async () => {
    const mapping = `${GOOD_MAPPING}
          otherThing: '#/components/schemas/AcmeOtherJob'
          looseThing: '#/components/schemas/AcmeLooseJob'`;
    const doc = withDiscriminator(mapping, "\n        - $ref: '#/components/schemas/AcmeLooseJob'");
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["components", "schemas", "AcmeKnownJob", "discriminator", "mapping", "looseThing"],
        message: "Mapping target AcmeLooseJob MUST pin job_type to 'looseThing' with const.",
      },
      {
        path: ["components", "schemas", "AcmeKnownJob", "discriminator", "mapping", "otherThing"],
        message: "Mapping target #/components/schemas/AcmeOtherJob of 'otherThing' MUST be a oneOf member of AcmeKnownJob.",
      },
    ]);
  });

  it("reports a member written inline, which a mapping cannot name", async () => {
    const doc = withDiscriminator(GOOD_MAPPING, "\n        - {type: object, properties: {job_type: {const: inlineThing}}}");
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["components", "schemas", "AcmeKnownJob", "oneOf", "2"],
        message: "oneOf member components.schemas.AcmeKnownJob.oneOf.2 MUST be listed in the discriminator.mapping of AcmeKnownJob.",
      },
    ]);
  });
});
