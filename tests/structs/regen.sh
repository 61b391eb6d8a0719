#!/bin/sh
# Regenerates octave.txt, what Octave prints running cases.m (the display
# of scalar structures, field assignment, struct/fieldnames/isfield/rmfield).
# Run from this folder: ./regen.sh
set -e
octave-cli --no-gui cases.m > octave.txt 2>&1
