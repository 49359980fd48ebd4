#!/usr/bin/env bash
# System packages the test suite needs: Java 17 + Maven (Neo4j test server from Maven Central) and Debian's
# Chromium (browser tests via Playwright with executable_path). Installed with apt-get when missing and root;
# otherwise prints what to install. Python packages come from the Makefile's virtualenv.
set -euo pipefail
missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if ((${#missing[@]} == 0)); then
  exit 0
fi
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "installing system packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
else
  echo "missing system packages: ${missing[*]} (install them, e.g. sudo apt-get install ${missing[*]})" >&2
  if [[ "${CI:-}" == "true" ]]; then
    exit 1
  fi
fi
