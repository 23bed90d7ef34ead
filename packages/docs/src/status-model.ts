import { isNode, SpecShapeError, strings, text, type SpecIndex } from "./spec-index.js";

/** One value of a `<Svc>JobStatus` enum. */
export interface StatusInfo {
  readonly value: string;
  /** From `x-enumDescriptions`. */
  readonly description: string;
  /** From `x-cloud-jobs-value-clouds`: `otc`, `huaweicloud`. */
  readonly clouds: readonly string[];
  /** The job will not change any more. */
  readonly terminal: boolean;
}

/**
 * The statuses of one service, in enum order. Whether a value is terminal is
 * read from its `x-enumDescriptions` entry ("Terminal." / "Not terminal."),
 * so the guide says exactly what the contract says.
 */
export function statusesOf(spec: SpecIndex, statusSchemaName: string): StatusInfo[] {
  const schema = spec.schema(statusSchemaName);
  const values = strings(schema, "enum");
  const pointer = `#/components/schemas/${statusSchemaName}`;
  if (values.length === 0) throw new SpecShapeError("a status schema is expected to be an enum", pointer);
  const descriptions = isNode(schema["x-enumDescriptions"]) ? schema["x-enumDescriptions"] : {};
  const clouds = isNode(schema["x-cloud-jobs-value-clouds"]) ? schema["x-cloud-jobs-value-clouds"] : {};
  return values.map((value) => {
    const description = text(descriptions, value);
    if (description === undefined) throw new SpecShapeError(`x-enumDescriptions lacks ${value}`, pointer);
    return {
      value,
      description,
      clouds: strings(clouds, value),
      terminal: /(^|[.;:]\s*)Terminal\b/.test(description) && !/Not terminal/i.test(description),
    };
  });
}
