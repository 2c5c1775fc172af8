#!/usr/bin/env bash
# Refreshes requirements.lock: the exact version of every package that rasd, all its extras and its build
# (pyproject.toml [build-system]) need, for every platform and Python >= 3.11, resolved against the registry
# today. The README's commands and .ci/run install from it (PIP_CONSTRAINT=requirements.lock), so they give
# the same packages on any day. pyproject.toml keeps only lower bounds, for those who use rasd as a library.
#
#   bash scripts/lock.sh            # rewrite requirements.lock with today's newest allowed versions
#
# Before committing a refreshed lock, run `bash scripts/check_latest.sh`: it installs the same newest versions
# into a scratch venv and runs the tests there.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v uv >/dev/null 2>&1 || python -m pip install -q 'uv>=0.5'
mkdir -p build
python - > build/build-requires.in <<'PY'
import tomllib
with open("pyproject.toml", "rb") as fh:
    print("\n".join(tomllib.load(fh)["build-system"]["requires"]))
PY
uv pip compile pyproject.toml build/build-requires.in --all-extras --universal --python-version 3.11 \
  --custom-compile-command "bash scripts/lock.sh" --quiet -o requirements.lock
echo "requirements.lock: $(grep -c '^[A-Za-z]' requirements.lock) packages pinned"
