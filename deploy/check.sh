#!/usr/bin/env bash
# Checks the deployment artefacts without a container engine or a cluster (run by ./mvnw verify, in the
# root project's test phase): the Kubernetes manifests, as written and as `kubectl kustomize` renders
# them, and the Containerfile against the Kubernetes schema and the build (check_deploy.py); the
# configuration reference against the code (config_reference.py); and both checkers against the mistakes
# they are there to catch. Debian's Python, yamllint, Kubernetes Python client and kubectl
# (build/require-packages.sh installs them). See docs/operations.md, "Deployment".
set -euo pipefail
cd "$(dirname "$0")/.."
python=/usr/bin/python3
export PYTHONDONTWRITEBYTECODE=1 # no __pycache__ in the work tree

yamllint --strict -d '{extends: default, rules: {line-length: {max: 120}, document-start: disable}}' deploy/kubernetes
# one meaning a line, however long
yamllint --strict -d '{extends: default, rules: {line-length: disable, document-start: disable}}' \
  docs/configuration-meanings.yaml
unit_tests() { # the directory of test_*.py files; their whole report only when one fails
  local report
  report=$("$python" -m unittest discover -s "$1" -p 'test_*.py' 2>&1) || { echo "$report" >&2; return 1; }
  echo "[lotabots] $1/test_*.py: $(grep -o 'Ran [0-9]* tests' <<<"$report"), OK"
}
unit_tests build
unit_tests deploy
rendered=$(mktemp)
trap 'rm -f "$rendered"' EXIT
kubectl kustomize deploy/kubernetes >"$rendered"
"$python" deploy/check_deploy.py --rendered "$rendered"
"$python" build/config_reference.py
