#!/bin/sh
# Regenerates expected.txt from Octave: each line of cases.m runs in a fresh
# octave-cli (format short unless the line sets it); its output follows the
# line, prefixed ">> ". Run from this folder: ./regen.sh
set -e
: > expected.txt
while IFS= read -r line; do
    printf '>> %s\n' "$line" >> expected.txt
    octave-cli --no-gui --eval "format short; $line" >> expected.txt
done < cases.m
