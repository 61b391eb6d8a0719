#!/bin/sh
# Regenerates octave.txt, what Octave 7.3 prints running cases.m: numbers
# assigned into a string are character codes and the string stays a string;
# characters assigned into numbers are their codes. Run from this folder: ./regen.sh
set -e
octave-cli --no-gui cases.m > octave.txt 2>&1
