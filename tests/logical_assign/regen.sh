#!/bin/sh
# Regenerates octave.txt, what Octave 7.3 prints running cases.m: a number
# or a character assigned into a logical array. Octave keeps the array
# logical (5 becomes true, with a warning; a scalar takes 'a' the same way)
# but errors for a character assigned into a logical array, an internal
# type error (bool_array_value of a string), not a rule. la makes the array
# double in every case (README, differences from Octave), so this is the
# record of what differs, not expected la output. Run from this folder: ./regen.sh
set -e
octave-cli --no-gui cases.m > octave.txt 2>&1 || true
