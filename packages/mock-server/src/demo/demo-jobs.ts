import type { SimulatedJobInput } from "../jobs/simulation-plan.js";

/** The jobs `pnpm start` creates: a few per service, finishing within two minutes, some failing. */
export const DEMO_JOBS: readonly SimulatedJobInput[] = [
  { service: "ecs", job_type: "createServer", sub_jobs: 2, duration_ms: 60_000 },
  { service: "ecs", job_type: "createServer", sub_jobs: 1, duration_ms: 45_000, outcome: "FAIL" },
  { service: "bms", job_type: "baremetalBatchCreate", sub_jobs: 2, duration_ms: 90_000 },
  { service: "bms", job_type: "baremetalAttachVolume", duration_ms: 30_000, initial_status: "PENDING_PAYMENT" },
  { service: "evs", job_type: "batchCreateVolume", sub_jobs: 3, duration_ms: 30_000 },
  { service: "evs", job_type: "extendVolume", duration_ms: 40_000, initial_status: "WAITING_EXECUTE" },
  { service: "vbs", job_type: "bksCreateBackup", duration_ms: 120_000 },
  { service: "vbs", job_type: "bksRestoreBackup", sub_jobs: 1, duration_ms: 60_000, outcome: "FAIL" },
];

/** Demo credentials: any token works; signatures are checked against this pair. */
export const DEMO_CREDENTIALS = { token: "demo", accessKey: "DEMOACCESSKEY0000000", secretKey: "demo-secret-key-not-a-real-one" } as const;

/** The project id the printed commands use (any 32-hex id works). */
export const DEMO_PROJECT_ID = "0605768a6f80d5762f52c0150e726aa7";
