import type { Fixture, JobBody, ServiceName } from "@cloud-jobs/fixtures";
import { fixtureAnswer, jsonAnswer, type Answer } from "../answer.js";

type Body = Record<string, unknown>;

function subJobsOf(body: Body): Body[] {
  const entities = (body.entities ?? {}) as Body;
  const list = Array.isArray(entities.sub_jobs) ? entities.sub_jobs : Array.isArray(body.sub_jobs) ? body.sub_jobs : [];
  return list.filter((s): s is Body => typeof s === "object" && s !== null);
}

/**
 * Fixtures by service and job id. A sub-job can be queried by its own id (the
 * references' BMS example does exactly that), so sub-jobs are indexed too;
 * a fixture of its own wins over a sub-job with the same id.
 */
export class FixtureIndex {
  private readonly byKey = new Map<string, { readonly service: ServiceName; answer(): Answer }>();
  private readonly servicesById = new Map<string, ServiceName[]>();

  constructor(fixtures: readonly Fixture[]) {
    for (const fixture of fixtures) this.put(fixture.service, fixture.jobId, () => fixtureAnswer(fixture));
    for (const fixture of fixtures) {
      if (fixture.kind !== "job") continue;
      const walk = (body: Body): void => {
        for (const sub of subJobsOf(body)) {
          if (typeof sub.job_id === "string") this.put(fixture.service, sub.job_id, () => jsonAnswer(200, sub as JobBody));
          walk(sub);
        }
      };
      walk(fixture.body);
    }
  }

  private put(service: ServiceName, jobId: string, answer: () => Answer): void {
    const key = `${service} ${jobId}`;
    if (this.byKey.has(key)) return;
    this.byKey.set(key, { service, answer });
    this.servicesById.set(jobId, [...(this.servicesById.get(jobId) ?? []), service]);
  }

  /** The services that have a fixture or sub-job with this id, in fixture order. */
  servicesOf(jobId: string): readonly ServiceName[] {
    return this.servicesById.get(jobId) ?? [];
  }

  /** The recorded answer for `jobId` on `service`. */
  find(service: ServiceName, jobId: string): Answer | undefined {
    return this.byKey.get(`${service} ${jobId}`)?.answer();
  }
}
