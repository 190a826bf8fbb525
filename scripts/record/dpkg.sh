#!/usr/bin/env bash
# Copies the head of this machine's dpkg and update-alternatives logs (written by real package
# installs) into test/fixtures/logs/dpkg/. Read-only.
# Run from the repo root: bash scripts/record/dpkg.sh [OUT_DIR]
set -euo pipefail
out=${1:-test/fixtures/logs/dpkg}
mkdir -p "$out"
head -n 200 /var/log/dpkg.log >"$out/dpkg.log"
head -n 40 /var/log/alternatives.log >"$out/alternatives.log"
