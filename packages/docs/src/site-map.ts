/** One page of the guide, in navigation order. */
export interface PageEntry {
  /** Output file under dist/ (`errors.html`), from `guide/<name>.md`. */
  readonly file: string;
  /** Title in the sidebar and on the home page. */
  readonly title: string;
  /** One line for the home page. */
  readonly blurb: string;
}

/** The guide's pages after the home page (index.html); the Redoc reference is reference.html. */
export const PAGES: readonly PageEntry[] = [
  { file: "quick-starts.html", title: "Quick starts", blurb: "The client, the CLI, the fixtures and the mock server in five minutes each." },
  {
    file: "one-endpoint-four-services.html",
    title: "One endpoint, four services",
    blurb: "What differs between ECS, BMS, EVS and VBS, and the twenty places where the sources disagree.",
  },
  { file: "job-types.html", title: "Job types and entities", blurb: "Every documented job type of every service, with the entities it carries and its statuses." },
  { file: "errors.html", title: "Errors and retries", blurb: "The three error envelopes, every documented code by status, and which are worth retrying." },
  { file: "polling.html", title: "Polling well", blurb: "How often to ask, when to stop, and what rate limits look like." },
  { file: "signing.html", title: "Signing with AK/SK", blurb: "SDK-HMAC-SHA256 step by step, with a worked example recomputed at build time." },
];

/** Redoc's tag that holds the one operation. */
export const OPERATION_TAG = "Jobs";

/** The tag under which the reference lists a service's schemas (`ECS jobs`). */
export function serviceTag(label: string): string {
  return `${label} jobs`;
}

/** Tag of the error-body schemas. */
export const ERRORS_TAG = "Error bodies";

/** Tag for every other schema (also `schemaDefinitionsTagName` in redocly.yaml). */
export const COMMON_TAG = "Common schemas";

/** Redoc 3's slug of a tag or schema name: lower case, runs of other characters become `-`. */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Link to a schema's own section of the reference, from any page of dist/. */
export function schemaHref(tag: string, schemaName: string): string {
  return `reference.html#/${slug(tag)}/${schemaName.toLowerCase()}`;
}

/** Link to the `showJob` operation in the reference. */
export const OPERATION_HREF = `reference.html#/${slug(OPERATION_TAG)}/showjob`;
