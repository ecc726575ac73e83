#!/usr/bin/env bash
# Installs what is missing, builds, and starts LSTM Lab on the default sine-wave demo.
# Until the window exists this trains the demo in the terminal with lstm-lab-cli.
# Extra arguments go to the program.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

lstm_lab_install_packages
lstm_lab_build release

if [ -x build/release/app/gui/lstm-lab ]; then
    exec build/release/app/gui/lstm-lab "$@"
fi
exec build/release/app/cli/lstm-lab-cli train --dataset sine "$@"
