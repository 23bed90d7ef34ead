# With an IAM token; for AK/SK signing use the client or the CLI.
PROJECT=0605768a6f80d5762f52c0150e726aa7
JOB=ff80808288d41e1b018990260955686a
curl -sS -H "X-Auth-Token: $OS_AUTH_TOKEN" \
  "https://ecs.eu-de.otc.t-systems.com/v1/$PROJECT/jobs/$JOB"
