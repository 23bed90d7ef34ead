/** One page of the site, in navigation order. */
export interface PageEntry {
  /** Output file under dist/ (`errors.html`). */
  readonly file: string;
  /** Markdown source under guide/, or `undefined` for the Redoc reference. */
  readonly source: string | undefined;
  /** Title in the navigation and the `<title>`. */
  readonly title: string;
  /** One line for the landing page. */
  readonly blurb: string;
}

/** Every page of dist/. The landing page is first; the reference is built by Redoc. */
export const PAGES: readonly PageEntry[] = [
  { file: "index.html", source: "index.md", title: "Overview", blurb: "What this is and where to start." },
  { file: "quick-starts.html", source: "quick-starts.md", title: "Quick starts", blurb: "The client, the CLI, the fixtures and the mock server in five minutes each." },
  {
    file: "one-endpoint-four-services.html",
    source: "one-endpoint-four-services.md",
    title: "One endpoint, four services",
    blurb: "What differs between ECS, BMS, EVS and VBS, and the twenty places where the sources disagree.",
  },
  { file: "job-types.html", source: "job-types.md", title: "Job types and entities", blurb: "Every documented job type of every service, with the entities it carries and its statuses." },
  { file: "errors.html", source: "errors.md", title: "Errors and retries", blurb: "The three error envelopes, every documented code by status, and which are worth retrying." },
  { file: "polling.html", source: "polling.md", title: "Polling well", blurb: "How often to ask, when to stop, and what rate limits look like." },
  { file: "signing.html", source: "signing.md", title: "Signing with AK/SK", blurb: "SDK-HMAC-SHA256 step by step, with a worked example recomputed at build time." },
  { file: "reference.html", source: undefined, title: "API reference", blurb: "The contract rendered by Redoc: the operation, every schema, every example." },
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
