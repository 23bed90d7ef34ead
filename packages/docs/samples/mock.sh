# Start the mock server (every service, every fixture) — or `pnpm start` at the repository root,
# which also serves these docs.
cloud-jobs mock --port 4010 &

# Query a fixture job with the CLI, curl, or any client: the endpoint replaces the region.
cloud-jobs get ff8080828d41e1b0019cbd03aae91a01 --service ecs --endpoint http://127.0.0.1:4010 \
  --project-id 0605768a6f80d5762f52c0150e726aa7
curl -sS -H "X-Auth-Token: test" \
  http://127.0.0.1:4010/v1/0605768a6f80d5762f52c0150e726aa7/jobs/ff8080828d41e1b0019cbd03aae91a01
