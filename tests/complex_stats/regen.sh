#!/bin/sh
# Regenerates octave.txt, what Octave 7.3 prints running cases.m: median,
# var and std of complex input (the median in sort's order, by modulus then
# angle; the variance of |x - mean|, real), with a dim; mode; max/min, cross and
# the shape predicates of complex matrices. The inputs are doubles so that
# la prints what Octave prints. Run from this folder: ./regen.sh
set -e
octave-cli --no-gui cases.m > octave.txt 2>&1
