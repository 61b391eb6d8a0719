#!/bin/sh
# Regenerates octave.txt, what Octave 7.3 prints running cases.m (unique's
# outputs and options; sort, max and min of complex numbers, ordered by
# modulus and then angle). Run from this folder: ./regen.sh
set -e
octave-cli --no-gui cases.m > octave.txt 2>&1
