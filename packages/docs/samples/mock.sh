# From the repository root: builds everything, starts the mock on 127.0.0.1:4010 with a few
# simulated jobs and these docs next to it, and prints commands to try.
pnpm start

# Or only the mock server (port 4010, every fixture of every service):
cloud-jobs mock --port 4010 &

# A fixture, by its job id (GET /mock/fixtures lists them all); any token is accepted.
curl -sS -H "X-Auth-Token: any" \
  http://127.0.0.1:4010/v1/0605768a6f80d5762f52c0150e726aa7/jobs/2c9eb2c5544cbf6101544f0602af2b4f

# A simulated job: INIT, then RUNNING while its 3 sub-jobs finish one by one, SUCCESS after 20 s.
JOB_ID=$(curl -sS -X POST http://127.0.0.1:4010/mock/jobs \
  -d '{"service":"evs","job_type":"batchCreateVolume","sub_jobs":3,"duration_ms":20000}' | jq -r .job_id)
OS_AUTH_TOKEN=any cloud-jobs wait "$JOB_ID" --service evs \
  --endpoint http://127.0.0.1:4010 --project-id 0605768a6f80d5762f52c0150e726aa7

# Faults on demand: throttling with Retry-After, 5xx pages, delays, resets, truncated bodies.
curl -sS -i -H "X-Auth-Token: any" -H "X-Mock-Fault: 429;retry-after=2" \
  http://127.0.0.1:4010/v1/0605768a6f80d5762f52c0150e726aa7/jobs/2c9eb2c5544cbf6101544f0602af2b4f
