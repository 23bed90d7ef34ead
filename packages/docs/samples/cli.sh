# Credentials and defaults from the environment (or flags).
export OS_AUTH_TOKEN="$(cat ~/.otc-token)"  # or OS_ACCESS_KEY + OS_SECRET_KEY
export OS_PROJECT_ID=0605768a6f80d5762f52c0150e726aa7
export OS_REGION_NAME=eu-de
JOB=ff80808288d41e1b018990260955686a

cloud-jobs get "$JOB" --service ecs          # human summary
cloud-jobs get "$JOB" --service ecs --json   # the body, as JSON
cloud-jobs wait "$JOB" --service ecs --timeout 30m
echo "exit $?"  # 0 ok, 1 job failed, 2 usage, 3 timeout, 4 API error, 5 not as the contract says

# Many jobs through one watcher (at most 10 requests a second by default), resumable after a crash:
terraform output -json job_ids | jq -r '.[]' | cloud-jobs wait - --service evs --max-rps 20 --state waits.json
cloud-jobs wait --service evs --state waits.json   # after a kill: resumes, polls no job that had finished

# Does the live API still match the contract? Exit 5 names each difference; --record keeps the bodies.
cloud-jobs check "$JOB" --service ecs --record drift/
