#!/bin/sh
# Regenerates octave.txt, what Octave 7.3 prints running cases.m: median,
# var and std of complex input (the median in sort's order, by modulus then
# angle; the variance of |x - mean|, real), with a dim; mode (also of empty
# input); cov, corr and hypot of complex data; max/min, cross and
# the shape predicates of complex matrices. The inputs are doubles so that
# la prints what Octave prints. Run from this folder: ./regen.sh
set -e
# (Octave 7.3 here ends with a stray 'error: ignoring const
# execution_exception' on exit, which is dropped.)
octave-cli --no-gui cases.m 2>&1 | grep -v '^error: ignoring const execution_exception' > octave.txt
