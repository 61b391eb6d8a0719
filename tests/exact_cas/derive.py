#!/usr/bin/env python3
"""Exact det, rank, rref, A\\b and inv of seeded test matrices, computed with
Python's own `fractions` (plain Gaussian elimination over Q, nothing shared
with la), written to tests/exact_cas/cases.txt for tests/exact_cas.rs.

Each case is a block:

    case NAME
    <la statements defining A and b>
    <la assignment> => <expected exact value: entries by spaces, rows by ';'>
    ...
    end

The matrices cover la's modular kernels (src/exact/modular.rs, padic_inv.rs)
and their fall-backs: 1x1, zero, singular and rank-deficient (square, wide,
tall), entries near and past 2^62, fractions, a determinant with a large
cofactor beyond the denominator of A\\b (6*B), and one divisible by the
first prime la works modulo (2^31 - 1). Regenerate after changing the set:

    python3 tests/exact_cas/derive.py
"""

import os
import random
from fractions import Fraction as F

P1 = 2**31 - 1


def rref(a):
    """Reduced row echelon form and pivot columns (0-based), over Q."""
    m = [row[:] for row in a]
    rows, cols = len(m), len(m[0]) if m else 0
    pivots, r = [], 0
    for c in range(cols):
        s = next((i for i in range(r, rows) if m[i][c] != 0), None)
        if s is None:
            continue
        m[r], m[s] = m[s], m[r]
        pv = m[r][c]
        m[r] = [x / pv for x in m[r]]
        for i in range(rows):
            if i != r and m[i][c] != 0:
                f = m[i][c]
                m[i] = [x - f * y for x, y in zip(m[i], m[r])]
        pivots.append(c)
        r += 1
        if r == rows:
            break
    return m, pivots


def det(a):
    """Determinant by elimination over Q with row swaps."""
    m = [row[:] for row in a]
    n, d = len(m), F(1)
    for c in range(n):
        s = next((i for i in range(c, n) if m[i][c] != 0), None)
        if s is None:
            return F(0)
        if s != c:
            m[c], m[s] = m[s], m[c]
            d = -d
        d *= m[c][c]
        for i in range(c + 1, n):
            if m[i][c] != 0:
                f = m[i][c] / m[c][c]
                m[i] = [x - f * y for x, y in zip(m[i], m[c])]
    return d


def solve(a, b):
    """The unique solution of a x = b (a square and invertible)."""
    n = len(a)
    r, piv = rref([row + bi for row, bi in zip(a, b)])
    assert piv == list(range(n)), "singular"
    return [row[n:] for row in r]


def identity(n):
    return [[F(int(i == j)) for j in range(n)] for i in range(n)]


def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]


def lit(m):
    return "[" + "; ".join(" ".join(str(x) for x in row) for row in m) + "]"


def value(m):
    if not isinstance(m, list):
        return str(m)
    return "; ".join(" ".join(str(x) for x in row) for row in m)


def ints(rng, rows, cols, k):
    return [[F(rng.randint(-k, k)) for _ in range(cols)] for _ in range(rows)]


def fractions(rng, rows, cols):
    return [[F(rng.randint(-20, 20), rng.randint(1, 6)) for _ in range(cols)] for _ in range(rows)]


cases = []


def case(name, a, b=None, inv=False):
    lines = [f"A = {lit(a)};"]
    rows, cols = len(a), len(a[0])
    if b is not None:
        lines[0] += f" b = {lit(b)};"
    checks = []
    if rows == cols:
        checks.append(("d = det(A)", value(det(a))))
    r, piv = rref(a)
    checks.append(("r = rank(A)", str(len(piv))))
    checks.append(("R = rref(A)", value(r)))
    checks.append(("[R2, p] = rref(A); q = p", value([[F(c + 1) for c in piv]]) if piv else "EMPTY"))
    invertible = rows == cols and len(piv) == rows
    if b is not None and invertible:
        checks.append(("x = A \\ b", value(solve(a, b))))
    if inv and invertible:
        checks.append(("X = inv(A)", value(solve(a, identity(rows)))))
    cases.append((name, lines, checks))


rng = random.Random(20261202)
case("one_by_one_7", [[F(7)]], [[F(3)]], inv=True)
case("one_by_one_zero", [[F(0)]])
case("one_by_one_fraction", [[F(-3, 4)]], [[F(5, 2)]], inv=True)
case("zero_8x8", [[F(0)] * 8 for _ in range(8)])
case("zero_3x5", [[F(0)] * 5 for _ in range(3)])
case("dense_40", ints(rng, 40, 40, 9), ints(rng, 40, 1, 9))
case("dense_60", ints(rng, 60, 60, 9), ints(rng, 60, 2, 9))
case("dense_12_with_inverse", ints(rng, 12, 12, 9), ints(rng, 12, 1, 9), inv=True)
# det(6 B) = 6^30 det(B): most of that power is not in A\b's denominators.
case("six_times_30", [[6 * x for x in row] for row in ints(rng, 30, 30, 9)], ints(rng, 30, 1, 9))
case("millions_30", ints(rng, 30, 30, 10**6), ints(rng, 30, 1, 10**6))
# Entries just inside la's machine-word limit (2^62) and past it.
near = [[F(rng.choice([-1, 1]) * (2**62 - rng.randint(0, 1000))) for _ in range(10)] for _ in range(10)]
case("near_2_62_10x10", near, ints(rng, 10, 1, 9))
past = [[F(rng.randint(-2**70, 2**70)) for _ in range(6)] for _ in range(6)]
case("past_2_62_6x6", past, ints(rng, 6, 1, 9), inv=True)
case("fractions_12", fractions(rng, 12, 12), fractions(rng, 12, 1), inv=True)
case("fractions_9x14", fractions(rng, 9, 14))
# Rank-deficient products: square, wide and tall.
case("rank_13_of_20", matmul(ints(rng, 20, 13, 5), ints(rng, 13, 20, 5)))
case("rank_6_wide_9x14", matmul(ints(rng, 9, 6, 5), ints(rng, 6, 14, 5)))
case("rank_4_tall_14x9", matmul(ints(rng, 14, 4, 5), ints(rng, 4, 9, 5)))
case("rank_2_big_12x12", matmul(ints(rng, 12, 2, 10**9), ints(rng, 2, 12, 10**9)))
case("tall_full_rank_30x12", ints(rng, 30, 12, 9))
# First column a multiple of 2^31 - 1: singular modulo that prime, not over Q.
unlucky = ints(rng, 40, 40, 9)
for row in unlucky:
    row[0] = row[0] * P1 if row[0] != 0 else F(P1)
case("unlucky_prime_40", unlucky, ints(rng, 40, 1, 9))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "cases.txt"), "w") as f:
    f.write("# Written by derive.py (Python fractions); do not edit by hand.\n")
    for name, lines, checks in cases:
        f.write(f"case {name}\n")
        for line in lines:
            f.write(line + "\n")
        for src, want in checks:
            f.write(f"{src} => {want}\n")
        f.write("end\n")
print(f"{len(cases)} cases")
