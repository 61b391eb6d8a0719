//! Help pages of the operators (`help \`, `help '`, `help .*`): the grammar
//! parses them and `ops` runs them; these entries are what `help`, search
//! and the help-example test read.

use super::{Doc, Topic};

/// One operator page; `names` are the spellings `help` accepts for it.
pub struct Operator {
    pub names: &'static [&'static str],
    pub doc: Doc,
}

macro_rules! op {
    ($names:expr, $sig:expr, $summary:expr, $math:expr, $example:expr, $related:expr) => {
        Operator {
            names: $names,
            doc: Doc {
                topic: Topic::Operators,
                signature: $sig,
                summary: $summary,
                math: $math,
                example: $example,
                related: $related,
            },
        }
    };
}

pub static OPERATORS: &[Operator] = &[
    op!(
        &["+", "-"],
        "A + B, A - B, -A",
        "Sum and difference, entry by entry; a scalar is added to every entry, and a row and a column broadcast.",
        &["(A + B)(i,j) = A(i,j) + B(i,j)"],
        &[">> [1 2] + [3 4]", "ans =", "", "   4   6", ""],
        &["sum", ".*"]
    ),
    op!(
        &["*"],
        "A * B",
        "The matrix product (columns of A must equal rows of B); with a scalar, every entry is scaled. For entry by entry use .*",
        &["(A*B)(i,j) = sum over k of A(i,k) B(k,j)"],
        &[">> [1 2; 3 4] * [1; 1]", "ans =", "", "   3", "   7", ""],
        &[".*", "kron", "dot"]
    ),
    op!(
        &[".*", "./", ".\\"],
        "A .* B, A ./ B, A .\\ B",
        "Product and quotients entry by entry (the Hadamard product); sizes must match or broadcast.",
        &["(A .* B)(i,j) = A(i,j) B(i,j)"],
        &[">> [1 2; 3 4] .* [1 2; 3 4]", "ans =", "", "    1    4", "    9   16", ""],
        &["*", ".^"]
    ),
    op!(
        &["/"],
        "A / B",
        "Right division: the solution X of X*B = A, that is A*inv(B) without forming the inverse; by a scalar, every entry is divided.",
        &["A / B = (B' \\ A')'"],
        &[">> [2 4] / 2", "ans =", "", "   1   2", ""],
        &["\\", "inv"]
    ),
    op!(
        &["\\"],
        "A \\ b",
        "Solve A*x = b: by elimination when A is square and invertible (exact for fractions), in the least-squares sense when A has more rows than columns.",
        &["A \\ b = x with A*x = b", "tall A: x minimises norm(A*x - b)"],
        &[">> [2 0; 0 4] \\ [2; 2]", "ans =", "", "     1", "   1/2", ""],
        &["mldivide", "/", "inv", "rref", "lstsq"]
    ),
    op!(
        &["'", ".'"],
        "A', A.'",
        "Transpose: rows become columns. A' also conjugates complex entries (the adjoint); A.' does not.",
        &["A'(i,j) = conj(A(j,i))", "A.'(i,j) = A(j,i)"],
        &[">> [1 2; 3 4]'", "ans =", "", "   1   3", "   2   4", ""],
        &["transpose", "ctranspose"]
    ),
    op!(
        &["^", "**"],
        "A ^ p, s ^ A",
        "Matrix power: A^p multiplies A by itself p times (A square, p an integer; A^-1 is the inverse); s^A for a positive scalar s is expm(log(s)*A). For entry by entry use .^",
        &["A^3 = A*A*A", "A^(-p) = inv(A)^p", "s^A = expm(log(s)*A)"],
        &[">> [1 1; 0 1]^3", "ans =", "", "   1   3", "   0   1", ""],
        &[".^", "expm", "inv"]
    ),
    op!(
        &[".^"],
        "A .^ p",
        "Power entry by entry.",
        &["(A .^ p)(i,j) = A(i,j)^p"],
        &[">> [1 2 3] .^ 2", "ans =", "", "   1   4   9", ""],
        &["^", "sqrt"]
    ),
    op!(
        &[":"],
        "a:b, a:step:b, A(:, j), A(:)",
        "A range a, a+step, ... up to b (step 1 when left out); as an index, : alone means every row or every column, and A(:) is A as one column.",
        &["a:step:b = [a, a+step, ..., a+k*step] with a+k*step <= b"],
        &[">> 1:2:7", "ans =", "", "   1   3   5   7", ""],
        &["linspace", "colon"]
    ),
    op!(
        &["==", "~=", "!=", "<", "<=", ">", ">="],
        "A == B, A ~= B, A < B, A <= B, A > B, A >= B",
        "Comparisons entry by entry, giving a logical matrix (true is 1). To compare whole matrices use isequal.",
        &[],
        &[">> [1 2 3] >= 2", "ans =", "", "  0  1  1", ""],
        &["isequal", "find", "any", "all"]
    ),
    op!(
        &["&", "|"],
        "A & B, A | B",
        "Logical and, or, entry by entry: nonzero is true, and the result is a logical matrix; sizes must match or broadcast. For exclusive or use xor.",
        &[
            "(A & B)(i,j) = 1 where A(i,j) ~= 0 and B(i,j) ~= 0",
            "(A | B)(i,j) = 1 where A(i,j) ~= 0 or B(i,j) ~= 0",
        ],
        &[">> [1 0 1] & [1 1 0]", "ans =", "", "  1  0  0", "", ">> [1 0 0] | [0 0 1]", "ans =", "", "  1  0  1", ""],
        &["&&", "~", "xor", "and", "or", "any", "all"]
    ),
    op!(
        &["~", "!"],
        "~A, !A",
        "Logical not, entry by entry: 1 where A is zero, 0 elsewhere. ~= (or !=) is the comparison 'not equal'.",
        &["(~A)(i,j) = 1 where A(i,j) == 0"],
        &[">> ~[1 0 2]", "ans =", "", "  0  1  0", ""],
        &["not", "&", "==", "any"]
    ),
    op!(
        &["&&", "||"],
        "a && b, a || b",
        "Short-circuit and, or for conditions (if, while): each side is one true or false (a matrix counts as all(A(:))), and the right side is not evaluated when the left decides.",
        &["a && b = 0 without evaluating b when a is 0", "a || b = 1 without evaluating b when a is nonzero"],
        &[">> x = 0;", ">> x ~= 0 && 1/x > 2", "ans = 0"],
        &["&", "|", "all", "any"]
    ),
];

/// The operator page `name` names.
pub fn lookup(name: &str) -> Option<&'static Operator> {
    OPERATORS.iter().find(|o| o.names.contains(&name))
}
