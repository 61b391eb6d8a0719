#!/usr/bin/env bash
# Regenerate octave.out: what GNU Octave (octave-cli) prints for each case of
# cases.tsv (column 2; column 1 is the same input for la, whose number
# literals are exact, hence double(...)). tests/display.rs compares la's output
# with these, so the expected text comes from Octave, never from la.
set -euo pipefail
cd "$(dirname "$0")"
while IFS=$'\t' read -r la octave; do
    echo "### $la"
    octave-cli -q --eval "$octave"
done < cases.tsv > octave.out
