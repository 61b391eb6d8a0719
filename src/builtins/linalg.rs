//! The chapter's linear algebra as built-ins: thin adapters from values to
//! the pure routines in `crate::linalg`.

use super::ctx::Ctx;
use super::{one, quad_linalg, require_square, Args, Builtin, Doc, Topic, MANY};
use crate::error::{LaError, Result};
use crate::exact::{self, ExactWork, Rat, RatMat};
use crate::linalg::{self, decomp, norms, predicates, solve, CMat, RMat, C64};
use crate::value::Value;
use std::borrow::Cow;

pub static BUILTINS: &[Builtin] = &[
    // ------------------------------------------------------------ products
    Builtin {
        name: "transpose",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Products,
            signature: "transpose(A), A.', A'",
            summary: "Transpose: rows become columns. A' also conjugates complex entries.",
            math: &["(A')_ij = A_ji; (AB)' = B'A'"],
            example: &[">> [1 2; 3 4]'", "ans =", "", "   1   3", "   2   4"],
            related: &["ctranspose"],
        },
        run: transpose,
    },
    Builtin {
        name: "ctranspose",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Products,
            signature: "ctranspose(A), A'",
            summary: "Conjugate transpose.",
            math: &["(A')_ij = conj(A_ji)"],
            example: &[">> [1+2i 3]'", "ans =", "", "   1 - 2i", "        3"],
            related: &["transpose"],
        },
        run: ctranspose,
    },
    Builtin {
        name: "hadamard",
        min_args: 2,
        max_args: 2,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Products,
            signature: "hadamard(A, B), A .* B",
            summary: "Element-wise (Hadamard) product.",
            math: &["(A .* B)_ij = A_ij * B_ij"],
            example: &[
                ">> hadamard([1 2; 3 4], [5 6; 7 8])",
                "ans =",
                "",
                "    5   12",
                "   21   32",
            ],
            related: &["dot", "kron"],
        },
        run: hadamard,
    },
    Builtin {
        name: "dot",
        min_args: 2,
        max_args: 2,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Products,
            signature: "dot(x, y)",
            summary: concat!(
                "Dot product of two vectors (conjugating x when complex); for ",
                "matrices, column by column."
            ),
            math: &["x . y = sum_i conj(x_i) y_i = x'y; x'y = y'x for real vectors"],
            example: &[">> dot([1 2 3], [4 5 6])", "ans = 32"],
            related: &["cross", "norm"],
        },
        run: dot,
    },
    Builtin {
        name: "cross",
        min_args: 2,
        max_args: 3,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Products,
            signature: "cross(x, y), cross(A, B, dim)",
            summary: concat!(
                "Cross product of two 3-vectors: perpendicular to both. For matrices, ",
                "of each pair of columns (or rows: dim = 2) along the first dimension ",
                "of length 3, as Octave."
            ),
            math: &["x × y = [x2 y3 - x3 y2; x3 y1 - x1 y3; x1 y2 - x2 y1]"],
            example: &[">> cross([1 0 0], [0 1 0])", "ans =", "", "   0   0   1"],
            related: &["dot"],
        },
        run: cross,
    },
    Builtin {
        name: "kron",
        min_args: 2,
        max_args: MANY,
        max_out: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Products,
            signature: "kron(A, B), kron(A, B, C, ...)",
            summary: "Kronecker product: every A_ij scales a copy of B (more: left to right).",
            math: &[
                "kron(A, B) = [A_11 B, A_12 B, ...; ...]",
                "kron(A, B, C) = kron(kron(A, B), C)",
            ],
            example: &[
                ">> kron([1 2], [1; 1])",
                "ans =",
                "",
                "   1   2",
                "   1   2",
            ],
            related: &["repmat"],
        },
        run: kron,
    },
    Builtin {
        name: "trace",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Products,
            signature: "trace(A)",
            summary: concat!(
                "Sum of the diagonal A_11 + A_22 + ... (of any 2-D matrix, as Octave: ",
                "trace(3:10) is 3; 0 when empty)."
            ),
            math: &[
                "tr(A) = sum_i A_ii = sum of eigenvalues",
                "tr(A) = tr(A')",
                "tr(ABC) = tr(CAB) = tr(BCA)",
                "||A||_F = sqrt(tr(A A'))",
            ],
            example: &[">> trace([1 2; 3 4])", "ans = 5"],
            related: &["diag", "eig", "norm"],
        },
        run: trace,
    },
    Builtin {
        name: "quadform",
        min_args: 2,
        max_args: 2,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Definiteness,
            signature: "quadform(A, x)",
            summary: "The quadratic form x'Ax.",
            math: &[
                "f(x) = x'Ax = sum_ij A_ij x_i x_j",
                "over unit x, max = largest eigenvalue, min = smallest (A symmetric)",
            ],
            example: &[">> quadform([2 1; 1 3], [1; 2])", "ans = 18"],
            related: &["definiteness", "eig"],
        },
        run: quadform,
    },
    // ------------------------------------------------------------ norms
    Builtin {
        name: "norm",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Norms,
            signature: "norm(x), norm(x, p), norm(A, 'fro')",
            summary: concat!(
                "Vector p-norms (p >= 1, Inf, -Inf, 0) and matrix norms (2 = largest ",
                "singular value, 1, Inf, 'fro'; any other p > 1 by Higham's iterative ",
                "estimate of max ||Ax||_p / ||x||_p, as Octave)."
            ),
            math: &[
                "||x||_p = (sum |x_i|^p)^(1/p)",
                "||x||_1 = sum |x_i|",
                "||x||_2 = sqrt(x'x)",
                "||x||_inf = max |x_i|",
                "norm(x, 0) = number of non-zeros",
                "||A||_F = sqrt(sum A_ij^2) = sqrt(tr(AA'))",
            ],
            example: &[
                ">> norm([3 -4])",
                "ans = 5",
                ">> norm([3 -4], 1)",
                "ans = 7",
                ">> norm([3 -4], Inf)",
                "ans = 4",
            ],
            related: &["unit", "nnz", "cond"],
        },
        run: norm,
    },
    Builtin {
        name: "unit",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Norms,
            signature: "unit(x)",
            summary: "The unit vector in the direction of x.",
            math: &["unit(x) = x / ||x||_2, so ||unit(x)||_2 = 1"],
            example: &[">> unit([3 4])", "ans =", "", "   0.6000   0.8000"],
            related: &["norm"],
        },
        run: unit,
    },
    // ------------------------------------------------------------ predicates
    Builtin {
        name: "issymmetric",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Special,
            signature: "issymmetric(A), issymmetric(A, tol)",
            summary: concat!(
                "True when A equals its transpose: exactly for exact input, else within ",
                "tol (default relative to norm(A)); giving tol always uses the tolerance. ",
                "Complex A is compared with its plain transpose A.' (exactly, or within ",
                "tol relative to norm(A, Inf), as Octave)."
            ),
            math: &["A = A'"],
            example: &[">> issymmetric([2 1; 1 3])", "ans = 1"],
            related: &["isdiag", "isorthogonal"],
        },
        run: issymmetric,
    },
    Builtin {
        name: "isdiag",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Special,
            signature: "isdiag(A)",
            summary: "True when every off-diagonal entry is zero.",
            math: &["A_ij = 0 for i != j"],
            example: &[">> isdiag(diag([1 2]))", "ans = 1"],
            related: &["diag", "issymmetric"],
        },
        run: isdiag,
    },
    Builtin {
        name: "isorthogonal",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Special,
            signature: "isorthogonal(Q), isorthogonal(Q, tol)",
            summary: "True when Q is square with orthonormal columns.",
            math: &["Q'Q = QQ' = I, so inv(Q) = Q' and ||Qx|| = ||x||"],
            example: &[">> isorthogonal([0 -1; 1 0])", "ans = 1"],
            related: &["qr", "issymmetric"],
        },
        run: isorthogonal,
    },
    Builtin {
        name: "issingular",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Solving,
            signature: "issingular(A), issingular(A, tol)",
            summary: concat!(
                "True when square A has no inverse (dependent columns). Exact input is ",
                "decided exactly (det(A) = 0); otherwise, or with tol, sigma_min <= tol * sigma_max ",
                "(default tol n * eps)."
            ),
            math: &["det(A) = 0 <=> rank(A) < n <=> 0 is an eigenvalue"],
            example: &[">> issingular([1 2; 2 4])", "ans = 1"],
            related: &["rank", "det", "cond"],
        },
        run: issingular,
    },
    Builtin {
        name: "isposdef",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Definiteness,
            signature: "isposdef(A), isposdef(A, tol)",
            summary: concat!(
                "True when A is symmetric positive definite. Exact input is decided ",
                "exactly (every pivot of A = L D L' positive, as chol and definiteness); ",
                "tol is the float tolerance of issymmetric and definiteness."
            ),
            math: &["x'Ax > 0 for all x != 0 <=> all eigenvalues > 0"],
            example: &[">> isposdef([2 -1; -1 2])", "ans = 1"],
            related: &["definiteness", "chol"],
        },
        run: isposdef,
    },
    Builtin {
        name: "definiteness",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Definiteness,
            signature: "definiteness(A), definiteness(A, tol)",
            summary: concat!(
                "Classify A by the signs of the eigenvalues of its symmetric part (A + A')/2. ",
                "Exact input is decided exactly (the signs of the pivots of a symmetric ",
                "elimination, Sylvester's law of inertia); otherwise, or with tol, ",
                "eigenvalues with |lambda| <= tol * max|lambda| count as zero ",
                "(default tol 100 * n * eps)."
            ),
            math: &[
                "all > 0: positive definite",
                ">= 0: positive semidefinite",
                "< 0: negative definite",
                "<= 0: negative semidefinite",
                "mixed: indefinite",
            ],
            example: &[
                ">> definiteness([1 0; 0 -1])",
                "ans = indefinite",
                ">> definiteness([1 0; 0 1e-20])",
                "ans = positive definite",
                ">> definiteness(double([1 0; 0 1e-20]))",
                "ans = positive semidefinite",
            ],
            related: &["isposdef", "eig", "quadform"],
        },
        run: definiteness,
    },
    // ------------------------------------------------------------ solving
    Builtin {
        name: "inv",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Solving,
            signature: "inv(A)",
            summary: concat!(
                "Inverse of a square matrix (warns when singular or ill-conditioned; ",
                "prefer A\\b for solving). An exactly singular exact matrix (det = 0) ",
                "gives all Inf and a warning, as A^-1 does."
            ),
            math: &["inv(A)*A = I; inv(AB) = inv(B)inv(A); inv(A') = inv(A)'"],
            example: &[
                ">> inv([4 7; 2 6])",
                "ans =",
                "",
                "     3/5   -7/10",
                "    -1/5     2/5",
                "",
                ">> inv(double([4 7; 2 6]))",
                "ans =",
                "",
                "   0.6000  -0.7000",
                "  -0.2000   0.4000",
            ],
            related: &["mldivide", "pinv", "det", "cond"],
        },
        run: inv,
    },
    Builtin {
        name: "mldivide",
        min_args: 2,
        max_args: 2,
        max_out: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Solving,
            signature: "A \\ b, mldivide(A, b)",
            summary: concat!(
                "Solve A x = b: LU for square A, least squares (QR) for tall A, ",
                "minimum norm for wide A. Exact A and b give the exact answer for every ",
                "shape and rank (minimum-norm least squares through A = C*R, as pinv); ",
                "square exact A of size 8 and up by Dixon's p-adic lifting, checked by A*x == b."
            ),
            math: &[
                "x = inv(A) b when A is invertible",
                "else argmin ||Ax - b||_2 (smallest ||x|| among minimisers)",
            ],
            example: &[">> [3 1; 1 2] \\ [9; 8]", "ans =", "", "   2", "   3"],
            related: &["inv", "lstsq", "pinv"],
        },
        run: mldivide,
    },
    Builtin {
        name: "det",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Solving,
            signature: "det(A)",
            summary: concat!(
                "Determinant: exact input exactly (for larger matrices modulo word-size ",
                "primes, rebuilt by the Chinese remainder theorem), floats by LU factorisation."
            ),
            math: &[
                "det(A) = product of eigenvalues",
                "det(AB) = det(A)det(B)",
                "|det| is the volume scale factor",
            ],
            example: &[">> det([1 2; 3 4])", "ans = -2"],
            related: &["inv", "eig", "lu"],
        },
        run: det,
    },
    Builtin {
        name: "rank",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Solving,
            signature: "rank(A), rank(A, tol)",
            summary: concat!(
                "Number of independent columns: exactly for exact input (by elimination, or ",
                "modulo a prime with an exact check for larger matrices); ",
                "otherwise, or with tol, the number of singular values above tol ",
                "(default max(m,n) * sigma_max * eps)."
            ),
            math: &["rank(A) = dim of the column space = dim of the row space"],
            example: &[
                ">> rank([1 2; 2 4])",
                "ans = 1",
                ">> rank([1 0; 0 1e-3], 1e-2)",
                "ans = 1",
            ],
            related: &["svd", "null", "orth", "rref"],
        },
        run: rank,
    },
    Builtin {
        name: "cond",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Solving,
            signature: "cond(A), cond(A, p)",
            summary: concat!(
                "Condition number (default 2-norm): how much A amplifies relative errors ",
                "when solving; p = 1, Inf, 'fro' (or any p > 1) use that norm of A and inv(A)."
            ),
            math: &[
                "cond(A) = sigma_max / sigma_min (Inf if singular)",
                "cond(A, p) = ||A||_p ||inv(A)||_p",
            ],
            example: &[">> cond([1 0; 0 2])", "ans = 2"],
            related: &["rcond", "svd", "inv"],
        },
        run: cond,
    },
    Builtin {
        name: "rcond",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Solving,
            signature: "rcond(A)",
            summary:
                "Reciprocal condition number estimate in the 1-norm (near 0: nearly singular).",
            math: &["rcond(A) ~ 1 / (||A||_1 ||inv(A)||_1)"],
            example: &[">> rcond(eye(2))", "ans = 1"],
            related: &["cond"],
        },
        run: rcond,
    },
    Builtin {
        name: "null",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Solving,
            signature: "null(A), null(A, tol), null(A, 'r')",
            summary: concat!(
                "Orthonormal basis of the null space (as columns), from the SVD ",
                "(singular values <= tol count as zero; default max(m,n) * sigma_max * eps); ",
                "null(A, 'r') gives the exact basis from rref (free variables = 1, ",
                "smallest integers)."
            ),
            math: &["A * null(A) = 0; columns = right singular vectors of zero singular values"],
            example: &[
                ">> abs(null([1 1]))'",
                "ans =",
                "",
                "   0.7071   0.7071",
                "",
                ">> size(null([1 0; 0 1e-3], 1e-2))",
                "ans =",
                "",
                "   2   1",
            ],
            related: &["orth", "rank", "rref", "eigenspace"],
        },
        run: null,
    },
    Builtin {
        name: "orth",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Solving,
            signature: "orth(A), orth(A, tol)",
            summary: concat!(
                "Orthonormal basis of the column space (range), from the SVD (singular ",
                "values <= tol count as zero; default max(m,n) * sigma_max * eps)."
            ),
            math: &["span(orth(A)) = span of A's columns; orth(A)'*orth(A) = I"],
            example: &[
                ">> size(orth([1 2; 2 4]))",
                "ans =",
                "",
                "   2   1",
                "",
                ">> size(orth([1 0; 0 1e-3], 1e-2))",
                "ans =",
                "",
                "   2   1",
            ],
            related: &["null", "rank"],
        },
        run: orth,
    },
    Builtin {
        name: "rref",
        min_args: 1,
        max_args: 2,
        max_out: 2,
        heavy: true,
        doc: Doc {
            topic: Topic::Solving,
            signature: "rref(A), rref(A, tol), [R, pivots] = rref(A)",
            summary: concat!(
                "Reduced row echelon form by Gauss-Jordan elimination (exact input: for ",
                "larger matrices, pivots modulo a prime and the rest lifted p-adically, ",
                "then checked exactly); pivots lists the pivot columns."
            ),
            math: &["each pivot is 1, the only non-zero in its column; zero rows last"],
            example: &[
                ">> rref([1 2 3; 4 5 6; 7 8 9])",
                "ans =",
                "",
                "   1   0  -1",
                "   0   1   2",
                "   0   0   0",
            ],
            related: &["rank", "null"],
        },
        run: rref,
    },
    Builtin {
        name: "lstsq",
        min_args: 2,
        max_args: 2,
        max_out: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::LeastSquares,
            signature: "lstsq(A, b)",
            summary: concat!(
                "Minimum-norm least-squares solution for any shape of A (via the SVD; ",
                "exact for exact A and b, through A = C*R as in pinv)."
            ),
            math: &[concat!(
                "x = pinv(A) b minimises ||Ax - b||_2, and has the smallest ||x||_2 ",
                "among minimisers"
            )],
            example: &[
                ">> lstsq([1 1; 1 2; 1 3], [1; 2; 2])'",
                "ans =",
                "",
                "   2/3   1/2",
            ],
            related: &["mldivide", "pinv", "polyfit"],
        },
        run: lstsq,
    },
    Builtin {
        name: "pinv",
        min_args: 1,
        max_args: 2,
        max_out: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::LeastSquares,
            signature: "pinv(A), pinv(A, tol)",
            summary: concat!(
                "Moore-Penrose pseudoinverse. Exact for exact A without tol, through the ",
                "full-rank factorisation A = C*R: C the pivot columns, R the rows of rref(A)."
            ),
            math: &[
                "A+ = R' inv(R R') inv(C'C) C' for A = C R of full rank r",
                concat!(
                    "A+ = V D+ U' from A = U D V', with D+ the reciprocals of the non-zero ",
                    "singular values, transposed"
                ),
                "A+ = inv(A'A) A' for full column rank",
            ],
            example: &[
                ">> pinv([1 0; 0 0; 0 2])",
                "ans =",
                "",
                "     1     0     0",
                "     0     0   1/2",
            ],
            related: &["svd", "lstsq", "inv"],
        },
        run: pinv,
    },
    // ------------------------------------------------------------ decompositions
    Builtin {
        name: "lu",
        min_args: 1,
        max_args: 1,
        max_out: 3,
        heavy: true,
        doc: Doc {
            topic: Topic::Decompositions,
            signature: "[L, U, P] = lu(A), [L, U] = lu(A), Y = lu(A)",
            summary: concat!(
                "LU factorisation with partial pivoting; one output packs both factors ",
                "into Y = L + U - I (LAPACK's form, as Octave)."
            ),
            math: &[
                "P A = L U, L unit lower triangular, U upper triangular, P a permutation",
                "with two outputs L = P'L",
            ],
            example: &[
                ">> [L, U, P] = lu([1 2; 3 4]); U",
                "U =",
                "",
                "   3.0000   4.0000",
                "        0   0.6667",
            ],
            related: &["det", "mldivide"],
        },
        run: lu,
    },
    Builtin {
        name: "qr",
        min_args: 1,
        max_args: 2,
        max_out: 2,
        heavy: true,
        doc: Doc {
            topic: Topic::Decompositions,
            signature: "[Q, R] = qr(A), [Q, R] = qr(A, 0), qr(A, 'econ')",
            summary: concat!(
                "QR factorisation: orthogonal (complex: unitary) Q, upper triangular R ",
                "(qr(A, 0) is the economy size)."
            ),
            math: &["A = Q R, Q'Q = I"],
            example: &[
                ">> [Q, R] = qr([3 0; 4 5]); abs(R)",
                "ans =",
                "",
                "   5   4",
                "   0   3",
            ],
            related: &["lu", "chol", "orth"],
        },
        run: qr,
    },
    Builtin {
        name: "chol",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Decompositions,
            signature: "R = chol(A)",
            summary: concat!(
                "Cholesky factor of a symmetric (complex: Hermitian) positive definite ",
                "matrix; only the upper triangle is read. Exact input is decided exactly, ",
                "as isposdef and definiteness."
            ),
            math: &[
                "A = R'R with R upper triangular; fails exactly when A is not positive definite",
            ],
            example: &[
                ">> chol([4 2; 2 3])",
                "ans =",
                "",
                "   2.0000   1.0000",
                "        0   1.4142",
            ],
            related: &["isposdef", "lu"],
        },
        run: chol,
    },
    Builtin {
        name: "svd",
        min_args: 1,
        max_args: 2,
        max_out: 3,
        heavy: true,
        doc: Doc {
            topic: Topic::Decompositions,
            signature: "s = svd(A), [U, S, V] = svd(A), svd(A, 'econ'), svd(A, 0)",
            summary:
                "Singular value decomposition; one output gives the singular values (descending).",
            math: &[
                concat!(
                    "A = U S V', U (m x m) and V (n x n) orthogonal (unitary for complex ",
                    "A, V' the conjugate transpose), S diagonal with sigma_1 >= sigma_2 >= ",
                    "... >= 0"
                ),
                "sigma_i^2 are the eigenvalues of A'A",
            ],
            example: &[">> svd([3 0; 4 5])", "ans =", "", "   6.7082", "   2.2361"],
            related: &["pinv", "rank", "norm", "eig"],
        },
        run: svd,
    },
    Builtin {
        name: "eig",
        min_args: 1,
        max_args: 2,
        max_out: 2,
        heavy: true,
        doc: Doc {
            topic: Topic::Eigen,
            signature: "lambda = eig(A), [V, D] = eig(A), eig(A, 'vector'), eig(A, 'matrix')",
            summary: concat!(
                "Eigenvalues (descending), or eigenvectors V (unit norm, largest entry ",
                "positive) and D = diag(lambda); 'vector' or 'matrix' chooses the form ",
                "of the eigenvalues whatever the number of outputs. For exact A the ",
                "eigenvalues are exact when the characteristic polynomial splits into linear ",
                "and quadratic factors over the rationals (every 2x2 does). [V, D] of exact ",
                "A is exact when every eigenvalue is rational and simple: the columns are ",
                "shown as v/sqrt(k) (V'*V is then exact too). Otherwise V and D are floating ",
                "point (with a note when the eigenvalues are irrational): for eigenvalues such as those of [1 2; 3 4] ",
                "the norm of an eigenvector is the square root of a number of the ",
                "eigenvalues' field, which no single quadratic field holds; eigenspace(A, ",
                "lambda) gives an exact basis."
            ),
            math: &[
                "A v = lambda v",
                "det(A - lambda I) = 0",
                "A = V D inv(V)",
                "symmetric A: A = Q D Q' with Q orthogonal",
            ],
            example: &[
                ">> eig([2 1; 1 2])",
                "ans =",
                "",
                "   3",
                "   1",
                ">> [V, D] = eig([2 1; 1 2]); V",
                "V =",
                "",
                "    1/sqrt(2)    1/sqrt(2)",
                "    1/sqrt(2)   -1/sqrt(2)",
                ">> eig([1 2; 3 4])",
                "ans =",
                "",
                "   (5 + sqrt(33))/2",
                "   (5 - sqrt(33))/2"
            ],
            related: &["poly", "svd", "definiteness"],
        },
        run: eig,
    },
    Builtin {
        name: "expm",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Decompositions,
            signature: "expm(A)",
            summary: "Matrix exponential.",
            math: &["expm(A) = I + A + A^2/2! + A^3/3! + ..."],
            example: &[
                ">> expm([1 0; 0 2])",
                "ans =",
                "",
                "   2.7183        0",
                "        0   7.3891",
            ],
            related: &["exp"],
        },
        run: expm,
    },
    // ------------------------------------------------------------ polynomials
    Builtin {
        name: "poly",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Eigen,
            signature: "poly(A), poly(r)",
            summary: concat!(
                "Characteristic polynomial of a square matrix (monic, highest power ",
                "first), or the polynomial with roots r."
            ),
            math: &["poly(A) = coefficients of det(lambda I - A)"],
            example: &[">> poly([2 0; 0 3])", "ans =", "", "   1  -5   6"],
            related: &["charpoly", "roots", "eig"],
        },
        run: poly,
    },
    Builtin {
        name: "charpoly",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Eigen,
            signature: "charpoly(A)",
            summary:
                "Characteristic polynomial det(lambda I - A): the same as poly(A) for a matrix.",
            math: &["roots of charpoly(A) are the eigenvalues"],
            example: &[">> charpoly([1 2; 3 4])", "ans =", "", "   1  -5  -2"],
            related: &["poly", "roots"],
        },
        run: poly,
    },
    Builtin {
        name: "roots",
        min_args: 1,
        max_args: 1,
        max_out: 1,
        heavy: true,
        doc: Doc {
            topic: Topic::Eigen,
            signature: "roots(p)",
            summary: concat!(
                "Roots of the polynomial with (real or complex) coefficients p, a vector ",
                "with the highest power first, as eigenvalues of the companion matrix; ",
                "for exact p, exact roots from its linear and quadratic factors over the ",
                "rationals."
            ),
            math: &["p(x) = p_1 x^n + ... + p_(n+1) = 0"],
            example: &[
                ">> roots([1 -3 2])",
                "ans =",
                "",
                "   2",
                "   1",
                ">> roots([1 0 -2])",
                "ans =",
                "",
                "    sqrt(2)",
                "   -sqrt(2)"
            ],
            related: &["poly", "polyval"],
        },
        run: roots,
    },
    Builtin {
        name: "polyval",
        min_args: 2,
        max_args: 2,
        max_out: 1,
        heavy: false,
        doc: Doc {
            topic: Topic::Eigen,
            signature: "polyval(p, x)",
            summary: "Evaluate a polynomial at each element of x (Horner's rule).",
            math: &["p(x) = p_1 x^n + ... + p_n x + p_(n+1)"],
            example: &[">> polyval([1 0 -1], 3)", "ans = 8"],
            related: &["roots", "poly"],
        },
        run: polyval,
    },
    // ------------------------------------------------------------ PCA
    Builtin {
        name: "pca",
        min_args: 1,
        max_args: 2,
        max_out: 4,
        heavy: true,
        doc: Doc {
            topic: Topic::LeastSquares,
            signature: "coeff = pca(X), [coeff, score, latent, mu] = pca(X, k)",
            summary:
                "Principal component analysis of data X (rows are observations), centred first.",
            math: &[
                concat!(
                    "D = top-k eigenvectors of the covariance of the centred X (= right ",
                    "singular vectors)"
                ),
                "encode c = D'x, decode x ~ D c",
                "latent = variances",
            ],
            example: &[
                ">> [c, s, l] = pca([1 1; 2 2; 3 3]); l'",
                "ans =",
                "",
                "   2   0",
            ],
            related: &["svd", "eig", "mean"],
        },
        run: pca,
    },
];

fn transpose(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(crate::ops::transpose(&a.vals[0], false)?)
}

fn ctranspose(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(crate::ops::transpose(&a.vals[0], true)?)
}

fn hadamard(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(it.binary(
        crate::syntax::ast::BinOp::EMul,
        a.num(0)?,
        a.num(1)?,
        a.span,
    )?)
}

/// Argument 0 as exact rationals when it is exact and no tolerance is given:
/// then a yes/no question about it is decided exactly.
fn exact_decision(a: &Args, tol_at: usize) -> Result<Option<&RatMat>> {
    let tol = a.tol(tol_at)?;
    Ok(match (a.num(0)?, tol) {
        (Value::Exact(m), None) => Some(m),
        _ => None,
    })
}

fn issymmetric(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    if complex_arg(&a, 0).is_some() {
        return super::shape::self_adjoint(&a, false);
    }
    if let Some(m) = exact_decision(&a, 1)? {
        return one(Value::bool(m.is_square() && *m == m.transpose()));
    }
    pred(&a, predicates::issymmetric)
}

fn isdiag(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    if let Value::Exact(m) = a.num(0)? {
        let r = m.nrows().max(1);
        let diag = m
            .iter()
            .enumerate()
            .all(|(k, x)| x.is_zero() || k % r == k / r);
        return one(Value::bool(diag));
    }
    one(Value::bool(predicates::isdiag(&*a.real(0)?)))
}

fn isorthogonal(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    pred(&a, predicates::isorthogonal)
}

fn issingular(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    require_square("issingular", a.num(0)?.dims())?;
    if exact_decision(&a, 1)?.is_some() {
        if let Some(x) = exact_input(it, &a, ExactWork::ModularDet, "issingular") {
            return one(Value::bool(
                x.nrows() > 0 && exact::det(&x).map_err(exact_err)?.is_zero(),
            ));
        }
    }
    one(Value::bool(predicates::issingular(
        &*a.real(0)?,
        a.tol(1)?,
    )?))
}

fn isposdef(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    if let Some(m) = exact_decision(&a, 1)? {
        if !m.is_square() || m.is_empty() || *m != m.transpose() {
            return one(Value::bool(false));
        }
        if let Some(x) = exact_input(it, &a, ExactWork::Det, "isposdef") {
            return one(Value::bool(
                exact::ldl_posdef(&x).map_err(exact_err)?.is_ok(),
            ));
        }
    }
    pred(&a, predicates::isposdef)
}

fn inv(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    if a.num(0)?.is_empty() {
        // Octave: the inverse of any empty matrix is the 0x0 empty matrix.
        return one(a.vals[0].reshaped(0, 0, "inv")?);
    }
    require_square("inverse", a.num(0)?.dims())?;
    if let Some(v) = quad_linalg::input(&a).and_then(quad_linalg::inv) {
        return one(v);
    }
    let mut w = Vec::new();
    let r = match exact_input(it, &a, ExactWork::Inverse, "inv") {
        Some(x) => crate::ops::exact::inverse(&x, &mut w)?,
        None => crate::ops::inverse(&a.vals[0], &mut w)?,
    };
    w.iter().for_each(|m| it.warn(m, a.span));
    one(r)
}

fn mldivide(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(it.binary(
        crate::syntax::ast::BinOp::LDiv,
        a.num(0)?,
        a.num(1)?,
        a.span,
    )?)
}

fn rank(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let tol = a.tol(1)?;
    a.num(0)?;
    if let (Some(q), None) = (quad_linalg::input(&a), tol) {
        return one(quad_linalg::rank(q));
    }
    if let (Some(x), None) = (exact_input(it, &a, ExactWork::ModularRref, "rank"), tol) {
        return one(Value::rat(Rat::from_i64(exact::rank(&x) as i64)));
    }
    one(Value::scalar(solve::rank(&*a.real(0)?, tol)? as f64))
}

fn cond(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let kind = norm_kind(&a)?;
    let m = a.real(0)?;
    if kind == norms::NormKind::P(2.0) {
        return one(Value::scalar(solve::cond(&m)?));
    }
    require_square("cond", m.shape())?;
    let mut w = Vec::new();
    let inverse = solve::inv(&m, &mut w)?;
    w.iter().for_each(|x| it.warn(x, a.span));
    let (n, ni) = (
        norms::matrix_norm(&m, kind)?,
        norms::matrix_norm(&inverse, kind)?,
    );
    one(Value::scalar(n * ni))
}

fn rcond(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let m = a.real(0)?;
    require_square("rcond", m.shape())?;
    one(Value::scalar(solve::rcond(&m)?))
}

fn null(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    a.num(0)?;
    if a.get(1).is_some_and(|v| v.as_str().is_some()) {
        a.option(1, &["r"])?;
        if let Some(q) = quad_linalg::input(&a) {
            return one(quad_linalg::null(q));
        }
        let x = a.vals[0]
            .to_exact()
            .map(|m| m.into_owned())
            .or_else(|| exact::matrix::from_f64_exact(&*a.real(0).ok()?));
        let x = x.ok_or_else(|| LaError::eval("null: the 'r' form needs exact input"))?;
        return one(Value::Exact(exact::null(&x).into()));
    }
    one(Value::Real(solve::null(&*a.real(0)?, a.tol(1)?)?.into()))
}

fn orth(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    one(Value::Real(solve::orth(&*a.real(0)?, a.tol(1)?)?.into()))
}

fn rref(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let tol = a.tol(1)?;
    a.num(0)?;
    if let (Some(q), None) = (quad_linalg::input(&a), tol) {
        let (r, p) = quad_linalg::rref(q);
        return Ok(vec![r, pivots(&p)]);
    }
    if let (Some(x), None) = (exact_input(it, &a, ExactWork::ModularRref, "rref"), tol) {
        let (r, p) = exact::rref_plain(&x);
        return Ok(vec![Value::Exact(r.into()), pivots(&p)]);
    }
    let (r, p) = solve::rref(&*a.real(0)?, tol);
    Ok(vec![
        Value::Real(r.into()),
        pivots(&p.iter().map(|k| k - 1).collect::<Vec<_>>()),
    ])
}

fn lstsq(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (ad, bd) = (a.num(0)?.dims(), a.num(1)?.dims());
    if ad.1 == 1 && bd.1 > 1 && ad.0 == bd.0 {
        return Err(LaError::eval(format!(
            "lstsq: the first argument ({}x{}) is a vector and the second ({}x{}) a matrix: the order is lstsq(A, b), matrix A first",
            ad.0, ad.1, bd.0, bd.1
        )));
    }
    if let (Some(Value::Exact(b)), true) = (a.get(1), ad.0 == bd.0) {
        if let Some(x) = exact_input(it, &a, ExactWork::Inverse, "lstsq") {
            let (x, _) = exact::lstsq::lstsq(&x, b).map_err(exact_err)?;
            return one(Value::Exact(x.into()));
        }
    }
    one(Value::Real(
        solve::lstsq(&*a.real(0)?, &*a.real(1)?)?.into(),
    ))
}

fn expm(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let m = real_finite(&a, 0, "expm")?;
    one(Value::Real(decomp::expm(&m)?.into()))
}

fn polyval(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let p: Vec<f64> = a.real(0)?.iter().copied().collect();
    one(Value::Real(
        a.real(1)?
            .map(|x| p.iter().fold(0.0, |s, c| s * x + c))
            .into(),
    ))
}

/// Argument 0 as exact rationals, when it is exact and the work is affordable;
/// otherwise `None` (with a note when only the cost stands in the way).
fn exact_input<'a>(
    it: &mut dyn Ctx,
    a: &'a Args,
    work: ExactWork,
    what: &str,
) -> Option<Cow<'a, RatMat>> {
    let Value::Exact(m) = a.vals.first()? else {
        return None;
    };
    if m.len() > exact::MAX_EXACT_ENTRIES || exact::too_costly_for(m, work) {
        it.warn(&crate::ops::exact::too_slow_warning(what, m), a.span);
        return None;
    }
    Some(Cow::Borrowed(m))
}

fn exact_err(e: exact::ExactError) -> LaError {
    LaError::eval(e.to_string())
}

/// Pivot columns (0-based) as the 1-based row Octave returns.
fn pivots(p: &[usize]) -> Value {
    Value::exact(RatMat::from_row_slice(
        1,
        p.len(),
        &p.iter()
            .map(|&k| Rat::from_i64(k as i64 + 1))
            .collect::<Vec<_>>(),
    ))
}

/// A real argument that must not hold NaN or Inf (iterative solvers loop on them).
fn real_finite<'a>(a: &'a Args, k: usize, what: &'static str) -> Result<Cow<'a, RMat>> {
    let m = a.real(k)?;
    if !linalg::all_finite(&m) {
        return Err(LaError::from(linalg::LinalgError::NonFinite { func: what }));
    }
    Ok(m)
}

fn pred(a: &Args, f: fn(&RMat, Option<f64>) -> bool) -> Result<Vec<Value>> {
    let tol = a.tol(1)?;
    one(Value::bool(f(&*a.real(0)?, tol)))
}

fn complex_arg(a: &Args, k: usize) -> Option<&CMat> {
    match a.get(k) {
        Some(Value::Complex(m)) => Some(m),
        _ => None,
    }
}

fn dot(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (x, y) = (a.complex(0)?, a.complex(1)?);
    if x.len() != y.len() || (x.ncols() != 1 && x.nrows() != 1 && x.shape() != y.shape()) {
        return Err(LaError::eval(format!(
            "dot: sizes of X and Y must match (got {}x{} and {}x{})",
            x.nrows(),
            x.ncols(),
            y.nrows(),
            y.ncols()
        )));
    }
    if x.nrows() == 1 || x.ncols() == 1 {
        return one(Value::complex(CMat::from_element(
            1,
            1,
            x.iter().zip(y.iter()).map(|(p, q)| p.conj() * q).sum(),
        )));
    }
    one(Value::complex(CMat::from_fn(1, x.ncols(), |_, j| {
        x.column(j)
            .iter()
            .zip(y.column(j).iter())
            .map(|(p, q)| p.conj() * q)
            .sum()
    })))
}

fn cross(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (mut x, mut y) = (a.real(0)?.into_owned(), a.real(1)?.into_owned());
    if a.len() == 2 {
        // A column with a row: both as columns (Octave warns and does the same).
        if x.ncols() == 1 && y.nrows() == 1 {
            y = y.transpose();
        } else if x.nrows() == 1 && y.ncols() == 1 {
            x = x.transpose();
        }
    }
    if x.shape() != y.shape() {
        return Err(LaError::eval(format!(
            "cross: X and Y must have the same dimensions (got {}x{} and {}x{})",
            x.nrows(),
            x.ncols(),
            y.nrows(),
            y.ncols()
        )));
    }
    let (r, c) = x.shape();
    let dim = match a.get(2) {
        Some(_) => a.usize(2)?,
        None if r == 3 => 1,
        None if c == 3 => 2,
        None => {
            return Err(LaError::eval(
                "cross: X and Y must have 3 elements along some dimension",
            ))
        }
    };
    if (dim == 1 && r != 3) || (dim == 2 && c != 3) || !(1..=2).contains(&dim) {
        return Err(LaError::eval(format!(
            "cross: dimension {dim} of X and Y must have 3 elements (they are {r}x{c})"
        )));
    }
    // Work on columns: a row-wise product is the column-wise one transposed.
    let (x, y) = if dim == 2 {
        (x.transpose(), y.transpose())
    } else {
        (x, y)
    };
    let z = RMat::from_fn(3, x.ncols(), |i, j| {
        let (p, q) = ((i + 1) % 3, (i + 2) % 3);
        x[(p, j)] * y[(q, j)] - x[(q, j)] * y[(p, j)]
    });
    one(Value::Real(if dim == 2 { z.transpose() } else { z }.into()))
}

fn kron(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let mut x = a.complex(0)?.into_owned();
    for k in 1..a.len() {
        let y = a.complex(k)?;
        let (r, c) = (x.nrows() * y.nrows(), x.ncols() * y.ncols());
        it.check_alloc("kron", r as f64, c as f64, 8)?;
        let (yr, yc) = y.shape();
        x = CMat::from_fn(r, c, |i, j| x[(i / yr, j / yc)] * y[(i % yr, j % yc)]);
    }
    one(Value::complex(x))
}

fn trace(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    fn diagonal<T: nalgebra::Scalar>(m: &nalgebra::DMatrix<T>) -> impl Iterator<Item = T> + '_ {
        (0..m.nrows().min(m.ncols())).map(|i| m[(i, i)].clone())
    }
    if let Value::Exact(m) = a.num(0)? {
        return one(Value::rat(diagonal(m).sum()));
    }
    let m = a.complex(0)?;
    one(Value::complex(CMat::from_element(1, 1, diagonal(&m).sum())))
}

fn quadform(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (m, x) = (a.num(0)?, a.num(1)?);
    let (r, c) = m.dims();
    require_square("quadform", (r, c))?;
    let x = if x.dims().0 == 1 && x.numel() > 1 {
        crate::ops::transpose(x, false)?
    } else {
        x.clone()
    };
    if x.dims().0 != r {
        return Err(LaError::eval(format!(
            "quadform: x must have {r} elements to match A (got {}x{})",
            x.dims().0,
            x.dims().1
        )));
    }
    let ax = it.binary(crate::syntax::ast::BinOp::Mul, m, &x, a.span)?;
    let xt = crate::ops::transpose(&x, true)?;
    one(it.binary(crate::syntax::ast::BinOp::Mul, &xt, &ax, a.span)?)
}

fn norm_kind(a: &Args) -> Result<norms::NormKind> {
    let Some(p) = a.get(1) else {
        return Ok(norms::NormKind::P(2.0));
    };
    if p.as_str().is_some() {
        return Ok(match a.option(1, &["fro", "inf", "-inf"])? {
            Some("fro") => norms::NormKind::Fro,
            Some("-inf") => norms::NormKind::P(f64::NEG_INFINITY),
            _ => norms::NormKind::P(f64::INFINITY),
        });
    }
    let x = a.f64(1)?;
    if x.is_nan() {
        return Err(a.wrong(1, "a number p, Inf, -Inf or 'fro'"));
    }
    Ok(norms::NormKind::P(x))
}

fn norm(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let kind = norm_kind(&a)?;
    let v = a.num(0)?;
    let (r, c) = v.dims();
    let is_vector = r == 1 || c == 1;
    let x = match v {
        Value::Complex(m) if is_vector => norms::vector_norm_c(m.as_slice(), kind),
        Value::Complex(m) => norms::matrix_norm_c(m, kind)?,
        _ if is_vector => norms::vector_norm(v.to_real("norm")?.as_slice(), kind),
        _ => norms::matrix_norm(&*v.to_real("norm")?, kind)?,
    };
    one(Value::scalar(x))
}

fn unit(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let v = a.num(0)?;
    let n = match v {
        Value::Complex(m) => norms::vector_norm_c(m.as_slice(), norms::NormKind::P(2.0)),
        _ => norms::vector_norm(v.to_real("unit")?.as_slice(), norms::NormKind::P(2.0)),
    };
    if n == 0.0 {
        return Err(LaError::eval(
            "unit: the zero vector has no direction (norm is 0)",
        ));
    }
    one(crate::ops::binary(
        crate::syntax::ast::BinOp::EDiv,
        v,
        &Value::scalar(n),
        &mut Vec::new(),
    )?)
}

fn definiteness(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    if let Some(m) = exact_decision(&a, 1)? {
        require_square("definiteness", m.shape())?;
        if m.is_empty() {
            return Err(LaError::eval("definiteness: input is empty"));
        }
        if let Some(x) = exact_input(it, &a, ExactWork::Det, "definiteness") {
            return one(Value::str(exact::definiteness(&x).map_err(exact_err)?));
        }
    }
    let tol = a.tol(1)?;
    let m = real_finite(&a, 0, "definiteness")?;
    require_square("definiteness", m.shape())?;
    one(Value::str(predicates::definiteness(&m, tol)?))
}

fn det(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    require_square("det", a.num(0)?.dims())?;
    if let Some(q) = quad_linalg::input(&a) {
        return one(quad_linalg::det(q));
    }
    if let Some(x) = exact_input(it, &a, ExactWork::ModularDet, "det") {
        return one(Value::rat(exact::det(&x).map_err(exact_err)?));
    }
    if let Some(m) = complex_arg(&a, 0) {
        return one(Value::complex(CMat::from_element(1, 1, solve::det_c(m)?)));
    }
    one(Value::scalar(solve::det(&*a.real(0)?)?))
}

fn pinv(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let tol = a.tol(1)?;
    a.num(0)?;
    if let (Some(x), None) = (exact_input(it, &a, ExactWork::Inverse, "pinv"), tol) {
        return one(Value::Exact(
            exact::lstsq::pinv(&x).map_err(exact_err)?.0.into(),
        ));
    }
    if let Some(m) = complex_arg(&a, 0) {
        return one(Value::complex(solve::pinv_c(m, tol)?));
    }
    one(Value::Real(solve::pinv(&*a.real(0)?, tol)?.into()))
}

/// A real or complex matrix argument with no NaN/Inf, for the
/// factorisations that work over both.
enum Field<'a> {
    Real(Cow<'a, RMat>),
    Complex(&'a CMat),
}

fn field_arg<'a>(a: &'a Args, k: usize, what: &'static str) -> Result<Field<'a>> {
    match complex_arg(a, k) {
        Some(m) => {
            linalg::ensure_finite(what, m)?;
            Ok(Field::Complex(m))
        }
        None => real_finite(a, k, what).map(Field::Real),
    }
}

/// Runs a factorisation over either field; `wrap` turns its matrices into values.
macro_rules! over_field {
    ($arg:expr, |$m:ident, $wrap:ident| $body:expr) => {
        match $arg {
            Field::Real(m) => {
                let $m = &*m;
                let $wrap = Value::real;
                $body
            }
            Field::Complex(m) => {
                let $m = m;
                let $wrap = Value::complex;
                $body
            }
        }
    };
}

fn lu(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    over_field!(field_arg(&a, 0, "lu")?, |m, wrap| {
        if a.nargout <= 1 {
            return one(wrap(decomp::lu_packed(m)));
        }
        if a.nargout <= 2 {
            // Two outputs: L absorbs the permutation so that A = L U.
            let (l, u) = decomp::lu_permuted(m);
            return Ok(vec![wrap(l), wrap(u)]);
        }
        let (l, u, p) = decomp::lu(m);
        Ok(vec![wrap(l), wrap(u), Value::Real(p.into())])
    })
}

/// The economy-size flag of `qr`/`svd`: absent, `0` or `'econ'`.
fn econ_flag(a: &Args, k: usize) -> Result<bool> {
    match a.get(k) {
        None => Ok(false),
        Some(v) if v.as_str().is_some() => Ok(a.option(k, &["econ"])?.is_some()),
        Some(_) if a.f64(k).ok() == Some(0.0) => Ok(true),
        Some(_) => Err(a.wrong(k, "0 or 'econ'")),
    }
}

fn qr(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let econ = econ_flag(&a, 1)?;
    if let Value::Exact(x) = &a.vals[0] {
        if !exact::too_costly_for(x, ExactWork::Inverse) {
            let (q, r) = decomp::qr(&exact::matrix::to_f64(x), econ);
            let (q, r) = quad_linalg::qr(x, &r).unwrap_or((Value::real(q), Value::real(r)));
            return Ok(if a.nargout <= 1 { vec![r] } else { vec![q, r] });
        }
    }
    over_field!(field_arg(&a, 0, "qr")?, |m, wrap| {
        let (q, r) = decomp::qr(m, econ);
        if a.nargout <= 1 {
            return one(wrap(r));
        }
        Ok(vec![wrap(q), wrap(r)])
    })
}

fn chol(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    if let Value::Exact(m) = a.num(0)? {
        require_square("chol", m.shape())?;
        if let Some(x) = exact_input(it, &a, ExactWork::Det, "chol") {
            // Decided exactly (as isposdef and definiteness): A = L D L',
            // so R = sqrt(D) L' (the square roots are not rational).
            return match exact::ldl_posdef(&x).map_err(exact_err)? {
                Ok((l, d)) => {
                    let n = d.len();
                    one(Value::Real(
                        RMat::from_fn(n, n, |i, j| d[i].to_f64().sqrt() * l[(j, i)].to_f64())
                            .into(),
                    ))
                }
                Err(minor) => Err(LaError::from(linalg::LinalgError::NotPositiveDefinite {
                    minor,
                })),
            };
        }
    }
    over_field!(field_arg(&a, 0, "chol")?, |m, wrap| one(wrap(
        decomp::chol(m)?
    )))
}

fn svd(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let econ = econ_flag(&a, 1)?;
    if let Some(m) = complex_arg(&a, 0) {
        if a.nargout <= 1 {
            return one(Value::col(decomp::svd_values_c(m)?));
        }
        let (u, s, v) = decomp::svd_c(m, econ)?;
        return Ok(vec![
            Value::complex(u),
            Value::Real(s.into()),
            Value::complex(v),
        ]);
    }
    let m = real_finite(&a, 0, "svd")?;
    if a.nargout <= 1 {
        return one(Value::col(decomp::svd_values(&m)?));
    }
    let (u, s, v) = decomp::svd(&m, econ)?;
    Ok(vec![
        Value::Real(u.into()),
        Value::Real(s.into()),
        Value::Real(v.into()),
    ])
}

fn eig(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let dims = a.num(0)?.dims();
    // The eigenvalues as a column or as a diagonal matrix: by default a
    // column for one output and a matrix beside the eigenvectors.
    let as_matrix = match a.option(1, &["vector", "matrix"])? {
        Some(form) => form == "matrix",
        None => a.nargout >= 2,
    };
    require_square("eig", dims)?;
    if a.nargout <= 1 {
        if let Some(x) = exact_input(it, &a, ExactWork::CharPoly, "eig") {
            let cp = exact::charpoly(&x).map_err(exact_err)?;
            match quad_linalg::roots(&cp) {
                (v, None) => return one(if as_matrix { diagonal(&v)? } else { v }),
                // Some roots are irrational of degree >= 3: the float eigenvalues
                // of the matrix itself are far more accurate than float roots of
                // its characteristic polynomial (ill-conditioned for large n).
                (_, Some(left)) => it.print(&float_roots_note(&left)),
            }
        }
    }
    let (vals, vecs): (Value, Value) = match &a.vals[0] {
        Value::Exact(m) if a.nargout >= 2 && !exact::too_costly_for(m, ExactWork::CharPoly) => {
            match exact::eig_exact(m) {
                None => {
                    it.print(FLOAT_VECTORS_NOTE);
                    float_eig(&a)?
                }
                // Repeated eigenvalues: no unique unit basis, float as documented.
                Some(l) => match exact::orth::unit_eigenvectors(m, &l) {
                    Some(v) => (
                        Value::exact(RatMat::from_column_slice(l.len(), 1, &l)),
                        Value::quad(v),
                    ),
                    None => float_eig(&a)?,
                },
            }
        }
        _ => float_eig(&a)?,
    };
    if !as_matrix {
        return Ok(if a.nargout <= 1 {
            vec![vals]
        } else {
            vec![vecs, vals]
        });
    }
    let d = diagonal(&vals)?;
    Ok(if a.nargout <= 1 {
        vec![d]
    } else {
        vec![vecs, d]
    })
}

/// Why `[V, D] = eig(A)` of exact A is floating point.
const FLOAT_VECTORS_NOTE: &str = "note: V and D are floating point: the eigenvalues are irrational, and exact unit eigenvectors v/sqrt(k) need rational ones; eig(A) gives the eigenvalues exactly where it can, eigenspace(A, lambda) an exact basis\n";

/// The eigenvalues (a column) and unit eigenvectors in floating point.
fn float_eig(a: &Args) -> Result<(Value, Value)> {
    Ok(match &a.vals[0] {
        Value::Complex(m) => {
            if m.iter().any(|z| !z.re.is_finite() || !z.im.is_finite()) {
                return Err(LaError::from(linalg::LinalgError::NonFinite {
                    func: "eig",
                }));
            }
            let (l, v) = decomp::eig_complex(m)?;
            (
                Value::complex(CMat::from_column_slice(l.len(), 1, &l)),
                Value::complex(v),
            )
        }
        _ => {
            let m = real_finite(a, 0, "eig")?;
            match decomp::eig(&m)? {
                decomp::Eig::Real(l, v) => (Value::col(l), Value::Real(v.into())),
                decomp::Eig::Complex(l, v) => (
                    Value::complex(CMat::from_column_slice(l.len(), 1, &l)),
                    Value::complex(v),
                ),
            }
        }
    })
}

fn poly(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let v = a.num(0)?;
    let (r, c) = v.dims();
    if r * c == 0 {
        return one(Value::scalar(1.0));
    }
    if r == c && r > 1 {
        if let Some(x) = exact_input(it, &a, ExactWork::CharPoly, "poly") {
            let p = exact::charpoly(&x).map_err(exact_err)?;
            return one(Value::Exact(RatMat::from_row_slice(1, p.len(), &p).into()));
        }
        let m = real_finite(&a, 0, "poly")?;
        return one(Value::row(linalg::poly::poly(&m)?));
    }
    if r != 1 && c != 1 {
        return Err(LaError::eval(format!(
            "poly: input must be a vector or a square matrix (got {r}x{c})"
        )));
    }
    // Roots given: multiply out (x - r_k), exactly when they are exact.
    if let Some(p) = v.to_quad().and_then(|q| quad_linalg::poly_from_roots(&q)) {
        return one(p);
    }
    let roots = v.to_complex("poly")?;
    let mut coef = vec![C64::new(1.0, 0.0)];
    for z in roots.iter() {
        let mut next = coef.clone();
        next.push(C64::new(0.0, 0.0));
        for k in 1..next.len() {
            next[k] -= z * coef[k - 1];
        }
        coef = next;
    }
    one(Value::complex(CMat::from_row_slice(1, coef.len(), &coef)))
}

/// A column of eigenvalues as the diagonal matrix D, in its own kind.
fn diagonal(v: &Value) -> Result<Value> {
    fn diag<T: nalgebra::Scalar>(c: &nalgebra::DMatrix<T>, zero: T) -> nalgebra::DMatrix<T> {
        let n = c.len();
        nalgebra::DMatrix::from_fn(
            n,
            n,
            |i, j| if i == j { c[i].clone() } else { zero.clone() },
        )
    }
    Ok(match v {
        Value::Exact(c) => Value::Exact(diag(c, Rat::zero()).into()),
        Value::Quad(c) => Value::quad(diag(c, exact::Quad::from(Rat::zero()))),
        Value::Complex(c) => Value::complex(diag(c, C64::new(0.0, 0.0))),
        other => Value::Real(diag(&*other.to_real("eig")?, 0.0).into()),
    })
}

/// The note that some roots are floating point (correct, only not exact).
fn float_roots_note(left: &[Rat]) -> String {
    let factor = match left.len() - 1 {
        n if n > 4 => format!("a factor of degree {n}"),
        _ => exact::poly_text(left, "x"),
    };
    format!(
        "note: {factor} has no linear or quadratic factor over the rationals; its roots are shown in floating point\n"
    )
}

fn roots(it: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let (rows, cols) = a.num(0)?.dims();
    if rows > 1 && cols > 1 {
        return Err(a.wrong(0, "a vector of coefficients"));
    }
    if let (Value::Exact(p), 1) = (&a.vals[0], rows.min(cols)) {
        if !exact::too_costly_for(p, ExactWork::CharPoly) {
            let (v, left) = quad_linalg::roots(p.as_slice());
            if let Some(left) = left {
                it.print(&float_roots_note(&left));
            }
            return one(v);
        }
    }
    let r = match field_arg(&a, 0, "roots")? {
        Field::Real(p) => linalg::poly::roots(p.as_slice())?,
        Field::Complex(p) => linalg::poly::roots_c(p.as_slice())?,
    };
    one(Value::complex(CMat::from_column_slice(r.len(), 1, &r)))
}

fn pca(_: &mut dyn Ctx, a: Args) -> Result<Vec<Value>> {
    let x = real_finite(&a, 0, "pca")?;
    let k = match a.get(1) {
        Some(_) => Some(a.usize(1)?),
        None => None,
    };
    let p = linalg::pca::pca(&x, k)?;
    Ok(vec![
        Value::Real(p.coeff.into()),
        Value::Real(p.score.into()),
        Value::col(p.latent),
        Value::Real(p.mu.into()),
    ])
}
