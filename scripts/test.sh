#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite through CTest: every
# suite in the release build, then the engine suites again under AddressSanitizer and
# UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

lstm_lab_install_packages
lstm_lab_headless_environment

lstm_lab_build release
ctest --preset release

lstm_lab_build asan
ctest --preset asan
