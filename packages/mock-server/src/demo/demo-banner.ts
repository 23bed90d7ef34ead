import type { SimulatedJobInfo } from "../jobs/simulations.js";
import { DEMO_CREDENTIALS, DEMO_PROJECT_ID } from "./demo-jobs.js";

/** What the banner shows. */
export interface BannerInput {
  readonly mockUrl: string;
  readonly docsUrl: string | undefined;
  readonly docsDir: string;
  readonly jobs: readonly SimulatedJobInfo[];
}

const seconds = (job: SimulatedJobInfo): number => Math.round((Date.parse(job.finishes_at) - Date.parse(job.created_at)) / 1000);

/** The text `pnpm start` prints: URLs, the simulated jobs, and two commands to try from the repository root. */
export function demoBanner({ mockUrl, docsUrl, docsDir, jobs }: BannerInput): string {
  const rows = jobs.map((j) => {
    const subs = j.sub_job_ids.length > 0 ? `, ${j.sub_job_ids.length} sub-job${j.sub_job_ids.length > 1 ? "s" : ""}` : "";
    return `    ${j.service}  ${j.job_type.padEnd(22)} ${j.job_id}  ${j.outcome} after ${seconds(j)} s${subs}`;
  });
  const evs = jobs.find((j) => j.service === "evs") ?? jobs[0];
  const ecs = jobs.find((j) => j.service === "ecs") ?? jobs[0];
  const cli = "node packages/cli/bin/cloud-jobs.js";
  const common = `--endpoint ${mockUrl} --project-id ${DEMO_PROJECT_ID}`;
  return `
cloud-jobs is running on 127.0.0.1

  Mock job API   ${mockUrl}    (fixtures: GET /mock/fixtures; more jobs: POST /mock/jobs)
  API docs       ${docsUrl ?? `not built (no ${docsDir}): run pnpm --filter @cloud-jobs/docs build, then start again`}

  Simulated jobs (any project id; they move on their own):
${rows.join("\n")}

  Try, from the repository root:
    OS_AUTH_TOKEN=${DEMO_CREDENTIALS.token} ${cli} wait ${evs?.job_id} --service evs ${common}
    OS_ACCESS_KEY=${DEMO_CREDENTIALS.accessKey} OS_SECRET_KEY=${DEMO_CREDENTIALS.secretKey} ${cli} get ${ecs?.job_id} --service ecs ${common}
  or without the CLI:
    curl -s -H 'X-Auth-Token: ${DEMO_CREDENTIALS.token}' ${mockUrl}/v1/${DEMO_PROJECT_ID}/jobs/${evs?.job_id}

  AK/SK signatures are verified against the pair above. Press Ctrl-C to stop.
`;
}
