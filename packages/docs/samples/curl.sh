# With an IAM token (X-Auth-Token); AK/SK signing is easier with the client or the CLI.
curl -sS -H "X-Auth-Token: $OS_AUTH_TOKEN" \
  "https://ecs.eu-de.otc.t-systems.com/v1/0605768a6f80d5762f52c0150e726aa7/jobs/ff80808288d41e1b018990260955686a"
