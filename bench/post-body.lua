-- POSTs the same body on every request: BENCH_BODY, with Content-Type BENCH_CONTENT_TYPE
-- (password logins of bench/identity-vs-keycloak.sh, ours as JSON and Keycloak's token endpoint as a form).
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = os.getenv("BENCH_CONTENT_TYPE") or "application/json"
