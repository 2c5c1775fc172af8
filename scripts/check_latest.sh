#!/usr/bin/env bash
# Tries the newest versions of rasd's dependencies that pyproject.toml allows, ignoring requirements.lock: a
# scratch venv gets them, then the test suite, ruff and mypy run there. Run it before refreshing the lock
# (bash scripts/lock.sh): when it passes, the refreshed lock is safe to commit; when it fails, it names the
# packages whose newest release differs from the lock and the checks that failed, so the breakage can be
# fixed (or a bound added to pyproject.toml) first.
#
#   bash scripts/check_latest.sh        # exit 0: the newest allowed versions pass; 1: they do not
set -uo pipefail
cd "$(dirname "$0")/.."
VENV=$(mktemp -d /tmp/rasd-latest.XXXXXX)
trap 'rm -rf "$VENV"' EXIT
python -m venv "$VENV"
PY="$VENV/bin/python"
echo "== newest allowed versions into $VENV"
if ! env -u PIP_CONSTRAINT "$PY" -m pip install -q --disable-pip-version-check --upgrade pip setuptools wheel \
    || ! env -u PIP_CONSTRAINT "$PY" -m pip install -q --disable-pip-version-check -e '.[dev,store,spark]'; then
  echo "check_latest: the newest allowed versions do not install together (see pip's error above)" >&2
  exit 1
fi

echo "== versions that differ from requirements.lock"
"$PY" - <<'PY'
import re
from importlib.metadata import distributions

def key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()

locked = {}
for line in open("requirements.lock", encoding="utf-8"):
    m = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)", line)
    if m:
        locked[key(m.group(1))] = m.group(2)
installed = {key(d.metadata["Name"]): d.version for d in distributions()}
changed = [(n, locked[n], v) for n, v in sorted(installed.items()) if n in locked and locked[n] != v]
new = [(n, v) for n, v in sorted(installed.items()) if n not in locked and n not in ("pip", "rasd")]
for n, old, v in changed:
    print(f"  {n}: {old} (lock) -> {v}")
for n, v in new:
    print(f"  {n}: {v} (not in the lock)")
if not changed and not new:
    print("  none: the lock holds today's newest allowed versions")
PY

failed=()
echo "== tests"
"$PY" -m pytest -q -x -p no:cacheprovider || failed+=("pytest")
echo "== ruff"
"$VENV/bin/ruff" check src tests || failed+=("ruff check src tests")
echo "== mypy"
"$VENV/bin/mypy" src || failed+=("mypy src")
if [ ${#failed[@]} -gt 0 ]; then
  echo "check_latest: with the newest allowed versions listed above, these fail: ${failed[*]}" >&2
  exit 1
fi
echo "check_latest: the newest allowed versions pass the tests, ruff and mypy; refresh the lock with: bash scripts/lock.sh"
