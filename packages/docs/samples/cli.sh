# Credentials and defaults from the environment (or flags).
export OS_AUTH_TOKEN="$(cat ~/.otc-token)"  # or OS_ACCESS_KEY + OS_SECRET_KEY
export OS_PROJECT_ID=0605768a6f80d5762f52c0150e726aa7
export OS_REGION_NAME=eu-de
JOB=ff80808288d41e1b018990260955686a

cloud-jobs get "$JOB" --service ecs          # human summary
cloud-jobs get "$JOB" --service ecs --json   # the body, as JSON
cloud-jobs wait "$JOB" --service ecs --timeout 30m
echo "exit $?"  # 0 ok, 1 job failed, 2 usage, 3 timeout, 4 API error
