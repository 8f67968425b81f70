#!/usr/bin/env bash
# Makes sure the commands a build step needs are on this machine. Arguments are command=package pairs
# (the Debian package that provides the command), or python3:module=package pairs for a module Debian's
# own interpreter (/usr/bin/python3, whatever python3 is first on the PATH) must import. Missing ones are
# installed with apt-get when this user may (root, or sudo without a password); otherwise the build stops
# with one line naming them.
set -euo pipefail

present() {
  case "$1" in
    python3:*) [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import ${1#python3:}" >/dev/null 2>&1 ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}

missing=()
for pair in "$@"; do
  present "${pair%%=*}" || missing+=("${pair#*=}")
done
((${#missing[@]})) || exit 0
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)

if [ "$(id -u)" = 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  as_root=(none)
fi

if command -v apt-get >/dev/null && [ "${as_root[0]:-}" != none ] && [ "${LOTABOTS_NO_APT:-}" != 1 ]; then
  echo "[lotabots] installing Debian packages: ${missing[*]}"
  # another build on this machine may be installing at the same moment: wait for dpkg's lock, don't fail
  "${as_root[@]}" apt-get -o DPkg::Lock::Timeout=900 update -q >/dev/null
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi

echo "[lotabots] missing packages: ${missing[*]} (on Debian/Ubuntu: sudo apt-get install ${missing[*]})" >&2
exit 1
