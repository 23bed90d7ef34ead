import type { ServiceName } from "@cloud-jobs/fixtures";
import { jsonAnswer, type Answer } from "../answer.js";
import type { FixtureIndex } from "./fixture-index.js";
import type { Simulations } from "./simulations.js";

/**
 * Finds what to answer for a job id: a simulated job (or one of its
 * sub-jobs) first, then a fixture. With a service (from the Host header or
 * the server's `service` option) only that service's jobs count, as on the
 * real endpoints; without one, any service's job does.
 */
export class JobLookup {
  constructor(
    private readonly fixtures: FixtureIndex,
    private readonly simulations: Simulations,
  ) {}

  /** The service a job id belongs to, if any job has it. */
  serviceOf(jobId: string): ServiceName | undefined {
    return this.simulations.serviceOf(jobId) ?? this.fixtures.servicesOf(jobId)[0];
  }

  find(service: ServiceName | undefined, jobId: string, projectId: string, now: number): Answer | undefined {
    const simulated = this.simulations.find(jobId, projectId, now);
    if (simulated && (service === undefined || simulated.service === service)) return jsonAnswer(200, simulated.body);
    for (const candidate of service ? [service] : this.fixtures.servicesOf(jobId)) {
      const answer = this.fixtures.find(candidate, jobId);
      if (answer) return answer;
    }
    return undefined;
  }
}
