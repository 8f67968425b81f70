#!/usr/bin/env bash
# Checks the monitoring files in ops/ with the tools that will read them (run by ./mvnw verify, in the
# root project's test phase): Prometheus's rules, their unit tests and the example configuration;
# Alertmanager's configuration and where it routes each kind of alert. (web-api's OpsFilesTest reads the
# dashboard and the rules for the metric names they use.)
set -euo pipefail
cd "$(dirname "$0")"

promtool check rules prometheus/rules/*.yml
promtool test rules prometheus/tests/*.yml
promtool check config prometheus/prometheus.yml

amtool check-config alertmanager/alertmanager.yml
route() { # expected receiver, then the alert's labels
  local expected=$1
  shift
  amtool config routes test --config.file=alertmanager/alertmanager.yml --verify.receivers="$expected" "$@" \
    >/dev/null 2>&1 || { echo "alertmanager routes [$*] elsewhere than to $expected" >&2; exit 1; }
}
route security-pager alertname=AuditChainVerificationFailed severity=critical
route security-pager alertname=SigningKeyTooOld severity=critical
route ops-pager alertname=DependencyDown severity=critical
route ops-team alertname=LockoutSpike severity=warning
echo "[lotabots] ops/: rules, rule tests, Prometheus and Alertmanager configuration pass"
