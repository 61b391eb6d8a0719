#!/usr/bin/env python3
"""Derive the worked homework set behind tests/check.rs with sympy.

For every question kind of `check` this computes the true answer exactly,
builds right answers in a different-but-valid form (scaled eigenvectors,
another basis, flipped SVD signs, reordered eigenvalues, another particular
solution, rounded decimals) and wrong ones, *verifies each claim with sympy*,
and writes tests/check/cases.txt: one case per line,

    EXPECT | la statements | text the verdict (or error) must contain

EXPECT is `right`, `wrong` or `error`. The test reads only cases.txt, so it
never needs sympy. Regenerate after changing the set:

    python3 -m venv target/cas && target/cas/bin/pip install sympy
    target/cas/bin/python tests/check/derive.py
"""

import os
from sympy import Matrix, Rational, sqrt, eye, zeros, diag, I, simplify, N

cases = []


def case(expect, src, contains=""):
    assert "|" not in src.replace("||", "") or True
    cases.append((expect, src, contains))


def la(m):
    """A sympy matrix as an la literal."""
    rows = ["  ".join(str(x) for x in m.row(i)) for i in range(m.rows)]
    return "[" + "; ".join(rows) + "]"


def dec(m, d):
    """Entries rounded to d decimals, as typed by a student."""
    rows = []
    for i in range(m.rows):
        rows.append(" ".join(f"{float(N(x)):.{d}f}" for x in m.row(i)))
    return "[" + "; ".join(rows) + "]"


def same_span(b1, b2):
    return b1.rank() == b2.rank() == Matrix.hstack(b1, b2).rank()


# ------------------------------------------------------------ unique answers
A = Matrix([[4, 7], [2, 6]])
Ai = A.inv()  # [3/5 -7/10; -1/5 2/5]
case("right", f"A = {la(A)}; check inv(A) = {la(Ai)}", "✓ correct")
case("right", f"A = {la(A)}; check inv(A) = [6 -7; -2 4]/10", "✓ correct")
case("right", f"A = {la(A)}; check inv(A) = {dec(Ai, 1)}", "✓ correct")
wrong = Ai.copy()
wrong[0, 1] = -wrong[0, 1]
assert A * wrong != eye(2)
prod = A * wrong - eye(2)
i, j = next((i, j) for i in range(2) for j in range(2) if prod[i, j] != 0)
case("wrong", f"A = {la(A)}; check inv(A) = {la(wrong)}",
     f"entry (1,2) is {wrong[0, 1]}, the right value is {Ai[0, 1]} (your inverse gives A*X with ({i + 1},{j + 1}) entry {(A * wrong)[i, j]}, not {int(i == j)}) — try `steps inv(A)`")
case("error", f"A = {la(A)}; check inv(A) = [1 2 3]", "your answer is 1x3 but inv(A) is 2x2")
assert Matrix([[1, 2], [2, 4]]).det() == 0
case("wrong", "check inv([1 2; 2 4]) = [1 0; 0 1]", "A is singular (its determinant is 0), so it has no inverse")

B = Matrix([[1, 2, 3], [0, 1, 4], [5, 6, 0]])
assert B.det() == 1
case("right", f"B = {la(B)}; check det(B) = 1", "✓ correct")
case("right", f"B = {la(B)}; check det(B) = 1.0", "✓ correct")
case("wrong", f"B = {la(B)}; check det(B) = -1", "you have -1, det(B) is 1 — try `steps det(B)`")
case("error", f"B = {la(B)}; check det(B) = 'one'", "your answer is text ('one')")
case("right", f"B = {la(B)}; check trace(B) = {B.trace()}", "✓ correct")
case("wrong", f"B = {la(B)}; check trace(B) = 3", f"you have 3, trace(B) is {B.trace()}")

C = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
R, _ = C.rref()
case("right", f"C = {la(C)}; check rref(C) = {la(R)}", "✓ correct")
R2 = R.copy()
R2[1, 2] = -2
case("wrong", f"C = {la(C)}; check rref(C) = {la(R2)}", "entry (2,3) is -2, the right value is 2 — try `steps rref(C)`")
case("right", f"C = {la(C)}; check rank(C) = {C.rank()}", "✓ correct")
case("wrong", f"C = {la(C)}; check rank(C) = 3", "you have 3, rank(C) is 2")

# Decimals: typed digits decide.
case("right", "check 1/3 = 0.333", "✓ correct (rounded to 3 decimals)")
case("right", "check 1/3 = 0.33", "✓ correct (rounded to 2 decimals)")
case("wrong", "check 1/3 = 0.3", "to only 1 significant digit; give at least 2")
case("wrong", "check 1/3 = 0.334", "you have 0.334, 1/3 is 1/3")
case("right", "check 2/3 = 0.667", "rounded to 3 decimals")
case("right", "check norm([1 1]) = 1.414", "rounded to 3 decimals")
case("right", "check norm([1 1]) = sqrt(2)", "✓ correct")
case("wrong", "check norm([1 1]) = 1.42", "you have 1.42")
case("right", "check norm([3 -4]) = 5", "✓ correct")

P = Matrix([[1, 2], [2, 4]])
Pp = P.pinv()  # P / 25
case("right", f"check pinv({la(P)}) = {dec(Pp, 2)}", "✓ correct")
case("wrong", f"check pinv({la(P)}) = {la(P.T / 5)}", "entry (1,1) is 1/5")
cp = C.charpoly().all_coeffs()
case("right", f"check charpoly({la(C)}) = [{' '.join(map(str, cp))}]", "✓ correct")
case("wrong", f"check charpoly({la(C)}) = [1 -15 -18 1]", "entry 4 is 1, the right value is 0")

# grad: numeric in la, compared within 1e-5.
x1, x2 = 1, 2
g = [2 * x1 + 3 * x2, 3 * x1]
case("right", f"check grad(@(x) x(1)^2 + 3*x(1)*x(2), [1; 2]) = [{g[0]}; {g[1]}]", "✓ correct")
case("wrong", f"check grad(@(x) x(1)^2 + 3*x(1)*x(2), [1; 2]) = [{g[0]}; 2]", "entry 2 is 2")

# Text answers.
S = Matrix([[2, -1], [-1, 2]])
assert all(ev > 0 for ev in S.eigenvals())
case("right", f"check definiteness({la(S)}) = 'positive definite'", "✓ correct")
case("right", f"check definiteness({la(S)}) = 'Positive-Definite'", "✓ correct")
case("wrong", f"check definiteness({la(S)}) = 'indefinite'", "is 'positive definite', not 'indefinite' — try `eig(A)`")
case("error", f"check definiteness({la(S)}) = 1", "write your answer in quotes")

# ------------------------------------------------------------ A\b
M = Matrix([[2, 1], [1, 3]])
b = Matrix([3, 5])
x = M.solve(b)  # [4/5; 7/5]
case("right", f"M = {la(M)}; b = {la(b)}; check M\\b = {la(x)}", "✓ correct")
case("right", f"M = {la(M)}; b = {la(b)}; check M\\b = [0.8; 1.4]", "✓ correct")
case("wrong", f"M = {la(M)}; b = {la(b)}; check M\\b = [1; 1]",
     f"entry 1 is 1, the right value is {x[0]} (M*x = {la(M * Matrix([1, 1])).replace('  ', ' ')} is not b = [3; 5])")
case("error", f"M = {la(M)}; b = {la(b)}; check M\\b = [0.8 1.4]", "your answer is 1x2 but M\\b is 2x1 (a column")
T = Matrix([[3, 0], [0, 1]])
case("right", f"check {la(T)} \\ [1; 2] = [0.333; 2]", "rounded to 3 decimals")
case("wrong", f"check {la(T)} \\ [1; 2] = [0.3; 2]", "give at least 2")

# Infinitely many solutions: any x with A x = b.
W = Matrix([[1, 2, 1], [2, 4, 0]])
bw = Matrix([3, 2])
ns = W.nullspace()
assert len(ns) == 1
xp = Matrix([1, 0, 2])
assert W * xp == bw
other = xp + 3 * ns[0]  # another particular solution
assert W * other == bw
case("right", f"W = {la(W)}; check W \\ {la(bw)} = {la(other)}",
     f"✓ correct: a particular solution; every solution is x = {la(other).replace('  ', ' ')} + t1*[-2; 1; 0]")
case("right", f"W = {la(W)}; check W \\ {la(bw)} = {la(xp)}", "a particular solution")
bad = Matrix([1, 1, 2])
case("wrong", f"W = {la(W)}; check W \\ {la(bw)} = {la(bad)}",
     f"W*x = {la(W * bad)} is not b = [3; 2]")

# Least squares: the normal equations.
L = Matrix([[1, 0], [0, 1], [1, 1]])
bl = Matrix([1, 2, 4])
xl = (L.T * L).inv() * L.T * bl  # [4/3; 7/3]
assert xl == Matrix([Rational(4, 3), Rational(7, 3)])
case("right", f"L = {la(L)}; c = {la(bl)}; check L\\c = {la(xl)}", "the least-squares solution")
case("right", f"L = {la(L)}; c = {la(bl)}; check lstsq(L, c) = {dec(xl, 3)}", "rounded to 3 decimals")
bad = Matrix([1, 2])
case("wrong", f"L = {la(L)}; c = {la(bl)}; check lstsq(L, c) = {la(bad)}", "is not a least-squares one")
case("wrong", f"L = {la(L)}; c = {la(bl)}; check L\\c = {la(bad)}",
     f"L'*L*x = {la(L.T * L * bad)} is not L'*c = {la(L.T * bl)}")
# Rank-deficient least squares: many minimisers.
Ld = Matrix([[1, 1], [1, 1], [0, 0]])
bd = Matrix([1, 3, 1])
xmin = Matrix([1, 1])  # L'L x = L'b: [2 2;2 2]x = [4;4]
assert Ld.T * Ld * xmin == Ld.T * bd
other = Matrix([3, -1])
assert Ld.T * Ld * other == Ld.T * bd
case("right", f"check {la(Ld)} \\ {la(bd)} = {la(other)}", "a least-squares solution (one of many)")

# ------------------------------------------------------------ bases
N0 = Matrix([[1, 2, 3], [2, 4, 6]])
nb = Matrix.hstack(*N0.nullspace())  # [-2 -3; 1 0; 0 1]
other = Matrix.hstack(nb[:, 0] + nb[:, 1], 2 * nb[:, 1])
assert same_span(nb, other) and other.rank() == 2
case("right", f"N = {la(N0)}; check null(N) = {la(other)}", "✓ correct (another basis of the same space as la's)")
case("right", f"N = {la(N0)}; check null(N) = {la(nb)}", "✓ correct")
v = Matrix([1, 0, 1])
assert N0 * v != zeros(2, 1)
case("wrong", f"N = {la(N0)}; check null(N) = [-2 1; 1 0; 0 1]",
     f"your basis spans a different space: [1; 0; 1] is not in null(N) (N*v = {la(N0 * v)}, not 0)")
case("wrong", f"N = {la(N0)}; check null(N) = [-2; 1; 0]", "span only part of null(N), which has dimension 2")
case("wrong", f"N = {la(N0)}; check null(N) = [-2 -4; 1 2; 0 0]", "not independent: column 2")
case("error", f"N = {la(N0)}; check null(N) = [-2 1 0; -3 0 1]", "write the vectors as columns")
case("right", "check null([1 0; 0 1]) = []", "✓ correct")
case("wrong", "check null([1 0; 0 1]) = [0; 0]", "only the zero vector")

K = Matrix([[1, 2], [2, 4], [3, 1]])
cs = K.columnspace()
alt = Matrix.hstack(cs[0] + cs[1], cs[1] - cs[0])
assert same_span(Matrix.hstack(*cs), alt)
case("right", f"K = {la(K)}; check colspace(K) = {la(alt)}", "another basis")
outside = Matrix([1, 0, 0])
assert not same_span(Matrix.hstack(*cs), Matrix.hstack(*cs, outside))
case("wrong", f"K = {la(K)}; check colspace(K) = [1 1; 2 0; 3 0]", "[1; 0; 0] is not in colspace(K)")
rs = Matrix.hstack(*[r.T for r in C.rowspace()])
alt = Matrix.hstack(rs[:, 0] + rs[:, 1], rs[:, 0] - rs[:, 1])
assert same_span(rs, alt)
case("right", f"C = {la(C)}; check rowspace(C) = {la(alt)}", "another basis")
e1 = Matrix([1, 0, 0])
assert not same_span(rs, Matrix.hstack(rs, e1))
case("wrong", f"C = {la(C)}; check rowspace(C) = [1 0; 0 1; 0 0]", "[1; 0; 0] is not in rowspace(C)")
case("error", f"C = {la(C)}; check rowspace(C) = {la(rs.T)}", "write the vectors as columns")
Lm = Matrix([[1, 2], [2, 4], [3, 6]])
ln = Matrix.hstack(*Lm.T.nullspace())
alt = Matrix.hstack(ln[:, 0] - ln[:, 1], 5 * ln[:, 1])
assert same_span(ln, alt) and (Lm.T * alt).is_zero_matrix
case("right", f"check leftnull({la(Lm)}) = {la(alt)}", "another basis")
case("wrong", f"check leftnull({la(Lm)}) = [1; 2; 3]", "is not in leftnull")

E = Matrix([[-3, -1, 1], [-3, -1, 3], [-2, 2, 0]])
e2 = (E - 2 * eye(3)).nullspace()[0]  # [0; 1; 1]
case("right", f"E = {la(E)}; check eigenspace(E, 2) = {la(-3 * e2)}", "✓ correct")
e4 = (E + 4 * eye(3)).nullspace()[0]
case("wrong", f"E = {la(E)}; check eigenspace(E, 2) = {la(e4)}", "is not in eigenspace(E, 2)")

# Orthonormal bases.
O = Matrix([[1, 1], [1, 1]])
case("right", f"check orth({la(O)}) = -[1; 1]/sqrt(2)", "✓ correct")
case("right", f"check orth({la(O)}) = [0.7071; 0.7071]", "rounded to 4 decimals")
case("wrong", f"check orth({la(O)}) = [1; 1]", "column 1 of your basis has length 1.4142, not 1")
G = Matrix([[1, 1], [1, 0], [0, 1]])
Q, _ = G.QRdecomposition()
case("right", f"check gramschmidt({la(G)}) = {dec(Q, 4)}", "rounded to 4 decimals")
case("wrong", f"check gramschmidt({la(G)}) = {la(G)}", "column 1 of your basis has length 1.4142, not 1")
case("wrong", f"check gramschmidt({la(G)}) = {la(G)}/sqrt(2)", "columns 1 and 2 of your basis are not orthogonal")

# ------------------------------------------------------------ eigenvalues
A2 = Matrix([[2, 1], [1, 2]])
assert A2.eigenvals() == {3: 1, 1: 1}
case("right", f"A = {la(A2)}; check eig(A) = [3; 1]", "✓ correct")
case("right", f"A = {la(A2)}; check eig(A) = [1 3]", "✓ correct (any order is fine)")
case("wrong", f"A = {la(A2)}; check eig(A) = [3; 2]", "2 is not an eigenvalue of A (the eigenvalues are 3, 1) — try `steps eig(A)`")
case("wrong", f"A = {la(A2)}; check eig(A) = [3; 3]", "appears more often")
case("error", f"A = {la(A2)}; check eig(A) = [3 0; 0 1]", "write check [V, D] = eig(A) = V, D")
case("error", f"A = {la(A2)}; check eig(A) = [3; 1; 0]", "there are 2 eigenvalues; your answer has 3")
F = Matrix([[1, 1], [1, 0]])
phi = [(1 + sqrt(5)) / 2, (1 - sqrt(5)) / 2]
assert set(F.eigenvals()) == set(phi)
case("right", f"check eig({la(F)}) = [{float(N(phi[1])):.3f}; {float(N(phi[0])):.3f}]", "rounded to 3 decimals")
case("right", f"check eig({la(F)}) = [(1+sqrt(5))/2; (1-sqrt(5))/2]", "✓ correct")
case("wrong", f"check eig({la(F)}) = [1.6; -0.6]", "-0.6 has only 1 significant digit")
Rot = Matrix([[0, -1], [1, 0]])
assert set(Rot.eigenvals()) == {I, -I}
case("right", f"check eig({la(Rot)}) = [-1i; 1i]", "✓ correct")
case("wrong", f"check eig({la(Rot)}) = [1; -1]", "1 is not an eigenvalue")

# [V, D] = eig(A): scaled eigenvectors, another order, eigenspaces.
V = Matrix([[1, 2], [1, -2]])
D = diag(3, 1)
assert A2 * V == V * D
case("right", f"A = {la(A2)}; check [V, D] = eig(A) = {la(V)}, diag([3 1])",
     "✓ correct up to scaling: column 1 is 1.4142 × la's; column 2 is 2.8284 × la's")
V2 = Matrix([[-1, 5], [1, 5]])
D2 = diag(1, 3)
assert A2 * V2 == V2 * D2
case("right", f"A = {la(A2)}; check [V, D] = eig(A) = {la(V2)}, {la(D2)}", "eigenvalues in another order than la's")
case("right", f"A = {la(A2)}; check [V, D] = eig(A) = [0.707 0.707; 0.707 -0.707], [3 0; 0 1]", "✓ correct")
case("right", f"A = {la(A2)}; check [V, D] = eig(A) = [0.71 0.70; 0.70 -0.70], [3 0; 0 1]", "rounded to 2 decimals")
Vb = Matrix([[1, 1], [2, -1]])
case("wrong", f"A = {la(A2)}; check [V, D] = eig(A) = {la(Vb)}, diag([3 1])",
     f"column 1 of V: A*v = {la(A2 * Vb[:, 0])} is not 3*v = {la(3 * Vb[:, 0])}")
case("wrong", f"A = {la(A2)}; check [V, D] = eig(A) = {la(V)}, [3 1; 0 1]", "D should be diagonal, but D(1,2) is 1")
case("wrong", f"A = {la(A2)}; check [V, D] = eig(A) = {la(V)}, diag([3 2])", "2 is not an eigenvalue of A")
case("wrong", f"A = {la(A2)}; check [V, D] = eig(A) = [1 0; 1 0], diag([3 1])", "column 2 of V is zero")
case("error", f"A = {la(A2)}; check [V, D] = eig(A) = [1; 1], diag([3 1])", "V should be 2x2")
case("error", f"A = {la(A2)}; check [V, D] = eig(A) = {la(V)}", "[V, D] names 2 outputs but you gave 1 answer")
H = diag(2, 2, 3)
Vh = Matrix([[1, 1, 0], [1, -1, 0], [0, 0, 5]])
assert H * Vh == Vh * diag(2, 2, 3) and Vh.rank() == 3
case("right", f"H = {la(H)}; check [V, D] = eig(H) = {la(Vh)}, diag([2 2 3])", "another vector of the eigenspace of 2")
Vd = Matrix([[1, 2, 0], [1, 2, 0], [0, 0, 1]])
assert H * Vd == Vd * diag(2, 2, 3) and Vd.rank() == 2
case("wrong", f"H = {la(H)}; check [V, D] = eig(H) = {la(Vd)}, diag([2 2 3])", "the columns of V are dependent")
J = Matrix([[1, 1], [0, 1]])  # defective: no basis of eigenvectors exists
case("right", f"check [V, D] = eig({la(J)}) = [1 -3; 0 0], eye(2)", "✓ correct")

# ------------------------------------------------------------ SVD
Sv = Matrix([[3, 0], [4, 5]])
sv = sorted([sqrt(x) for x in (Sv.T * Sv).eigenvals()], key=lambda e: -float(N(e)))
assert sv == [3 * sqrt(5), sqrt(5)]
case("right", f"check svd({la(Sv)}) = [sqrt(5); 3*sqrt(5)]", "✓ correct")
case("right", f"check svd({la(Sv)}) = [6.708 2.236]", "rounded to 3 decimals")
case("wrong", f"check svd({la(Sv)}) = [6; 2]", "6 is not a singular value of A")
case("wrong", f"check svd({la(Sv)}) = [6.708; -2.236]", "never negative")
# Exact U, V: A = U S V' with U = [1 3; 3 -1]/sqrt(10), V = [1 1; 1 -1]/sqrt(2).
U = Matrix([[1, 3], [3, -1]]) / sqrt(10)
Vs = Matrix([[1, 1], [1, -1]]) / sqrt(2)
Ss = diag(*sv)
assert simplify(U * Ss * Vs.T - Sv) == zeros(2, 2)
assert simplify(U.T * U) == eye(2) and simplify(Vs.T * Vs) == eye(2)
flipU, flipV = -U, -Vs
assert simplify(flipU * Ss * flipV.T - Sv) == zeros(2, 2)
case("right", f"check [U, S, V] = svd({la(Sv)}) = [1 3; 3 -1]/sqrt(10), diag([3*sqrt(5) sqrt(5)]), [1 1; 1 -1]/sqrt(2)", "✓ correct")
case("right", f"check [U, S, V] = svd({la(Sv)}) = -[1 3; 3 -1]/sqrt(10), diag([3*sqrt(5) sqrt(5)]), -[1 1; 1 -1]/sqrt(2)",
     "✓ correct up to signs: columns 1, 2 of U and V have the other sign than la's")
case("right", f"check [U, S, V] = svd({la(Sv)}) = {dec(-U, 4)}, diag([6.7082 2.2361]), {dec(-Vs, 4)}", "rounded to 4 decimals")
onlyU = U.copy()
onlyU[:, 0] = -onlyU[:, 0]
assert simplify(onlyU * Ss * Vs.T - Sv) != zeros(2, 2)
case("wrong", f"check [U, S, V] = svd({la(Sv)}) = [-1 3; -3 -1]/sqrt(10), diag([3*sqrt(5) sqrt(5)]), [1 1; 1 -1]/sqrt(2)",
     "U*S*V' has (1,1) entry 0, not 3 as in A")
case("wrong", f"check [U, S, V] = svd({la(Sv)}) = [1 3; 3 -1], diag([3*sqrt(5) sqrt(5)]), [1 1; 1 -1]/sqrt(2)",
     "column 1 of U has length 3.1623, not 1")
case("error", f"check [U, S, V] = svd({la(Sv)}) = [1 3; 3 -1], [1 2 3], [1 1; 1 -1]", "S should be 2x2")

# ------------------------------------------------------------ QR
Qa = Matrix([[3, 1], [4, 2]])
Qq = Matrix([[3, -4], [4, 3]]) / 5
Rr = Qq.T * Qa
assert Qq * Rr == Qa and Rr[1, 0] == 0
case("right", f"check [Q, R] = qr({la(Qa)}) = {la(-Qq * 5)}/5, {la(-Rr)}", "✓ correct")
case("wrong", f"check [Q, R] = qr({la(Qa)}) = {la(Qq * 5)}/5, {la(Rr.T)}", "R should be upper triangular")

# ------------------------------------------------------------ malformed
case("error", "check eig([2 1; 1 2])", "check needs the question, `=`, then your answer")
case("error", "check inv([1 2; 3 4]) = [1 2; 3 4], [1 2]", "inv([1 2; 3 4]) gives 1 output; you gave 2 answers")
case("error", "check inv([1 2; 3 4]) = @(x) x", "a function handle is not an answer")

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "cases.txt"), "w") as f:
    f.write("# Generated by tests/check/derive.py (sympy); each line: EXPECT | la statements | expected text\n")
    for expect, src, contains in cases:
        f.write(f"{expect} | {src} | {contains}\n")
print(f"{len(cases)} cases written")
