//! Issue 12, "no silently wrong answer": every argument of every built-in is
//! checked, never misread or ignored. One table, run through the real binary:
//! for each registry entry and each of its arguments, a row where the
//! argument changes the result (the expected value worked out by hand) or is
//! rejected with an error that names the function, the argument's position
//! and what was expected. Also: argument order checked by shape, exact
//! decisions on exact input, and singular exact inverses.
//!
//! Rows run in parallel worker threads; every failing row is reported.

mod common;
use common::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

#[derive(Clone, Debug)]
enum Want {
    /// Exit 0, nothing on stderr, and exactly this on stdout (trimmed).
    Out(String),
    /// Exit 1, first stderr line `error: ...` containing this fragment.
    Err(String),
    /// Exit 0, this stdout (trimmed), and a `warning:` containing the fragment.
    Warn(String, String),
}

fn out(src: &str, stdout: &str) -> (String, Want) {
    (src.to_string(), Want::Out(stdout.to_string()))
}
fn err(src: &str, fragment: &str) -> (String, Want) {
    (src.to_string(), Want::Err(fragment.to_string()))
}
fn warn(src: &str, stdout: &str, fragment: &str) -> (String, Want) {
    (
        src.to_string(),
        Want::Warn(stdout.to_string(), fragment.to_string()),
    )
}
/// `f(args)` where argument `pos` (1-based, named `param`) is a string that
/// must be refused as a number.
fn not_a_number(f: &str, args: &str, pos: usize, param: &str, s: &str) -> (String, Want) {
    err(
        &format!("{f}({args})"),
        &format!("{f}: argument {pos} ({param}) must be a number, not the string '{s}'"),
    )
}

/// Functions of one numeric argument `x`: a value at a point worked out by
/// hand, and the refusal of a string (no character codes).
const ONE_ARG: &[(&str, &str, &str, &str)] = &[
    // (name, parameter, input, expected display)
    ("sqrt", "x", "16", "ans = 4"),
    ("exp", "x", "0", "ans = 1"),
    ("log", "x", "1", "ans = 0"),
    ("log10", "x", "1000", "ans = 3"),
    ("log2", "x", "8", "ans = 3"),
    ("sin", "x", "0", "ans = 0"),
    ("cos", "x", "0", "ans = 1"),
    ("tan", "x", "0", "ans = 0"),
    ("asin", "x", "1", "ans = 1.5708"),
    ("acos", "x", "1", "ans = 0"),
    ("atan", "x", "1", "ans = 0.7854"),
    ("sinh", "x", "0", "ans = 0"),
    ("cosh", "x", "0", "ans = 1"),
    ("tanh", "x", "0", "ans = 0"),
    ("round", "x", "2.5", "ans = 3"),
    ("floor", "x", "-2.5", "ans = -3"),
    ("ceil", "x", "2.1", "ans = 3"),
    ("fix", "x", "-2.5", "ans = -2"),
    ("sign", "x", "-3", "ans = -1"),
    ("abs", "x", "-3", "ans = 3"),
    ("real", "z", "3+4i", "ans = 3"),
    ("imag", "z", "3+4i", "ans = 4"),
    ("angle", "z", "1i", "ans = 1.5708"),
    ("conj", "z", "3+4i", "ans = 3 - 4i"),
    ("isnan", "x", "NaN", "ans = 1"),
    ("isinf", "x", "-Inf", "ans = 1"),
    ("isfinite", "x", "Inf", "ans = 0"),
    ("logical", "x", "2", "ans = 1"),
    ("not", "x", "0", "ans = 1"),
    ("diff", "x", "[1 4]", "ans = 3"),
    ("nnz", "x", "[1 0 2]", "ans = 2"),
    ("trace", "A", "[1 2; 3 4]", "ans = 5"),
    ("unit", "x", "[0 2]", "ans =\n\n   0   1"),
    ("det", "A", "[1 2; 3 4]", "ans = -2"),
    (
        "inv",
        "A",
        "[2 0; 0 4]",
        "ans =\n\n   1/2     0\n     0   1/4",
    ),
    ("cond", "A", "[1 0; 0 2]", "ans = 2"),
    ("rcond", "A", "[1 0; 0 1]", "ans = 1"),
    ("isdiag", "A", "[1 0; 0 2]", "ans = 1"),
    ("charpoly", "A", "[1 2; 3 4]", "ans =\n\n   1  -5  -2"),
    ("roots", "p", "[1 -3 2]", "ans =\n\n   2\n   1"),
    ("colspace", "A", "[1 2; 2 4]", "ans =\n\n   1\n   2"),
    ("rowspace", "A", "[1 2; 2 4]", "ans =\n\n   1\n   2"),
    ("leftnull", "A", "[1 2; 2 4]", "ans =\n\n  -2\n   1"),
    ("eps", "x", "2", "ans = 4.4409e-16"),
    ("magic", "n", "1", "ans = 1"),
    ("hilb", "n", "1", "ans = 1"),
];

fn rows() -> Vec<(String, Want)> {
    let mut t = Vec::new();
    for (f, p, x, want) in ONE_ARG {
        t.push(out(&format!("{f}({x})"), want));
        t.push(not_a_number(f, "'a'", 1, p, "a"));
    }
    t.extend([
        // ------------------------------------------------ pictures
        err("plot([1 2], [1 2 3])", "same number of elements"),
        // arguments that go together must agree in size, all named and counted
        err(
            "quiver(0, 0, [1 2], 1)",
            "quiver: x, y, u and v must have the same number of elements (1, 1, 2 and 1)",
        ),
        err(
            "polyfit([1 2 3], [1 2], 1)",
            "polyfit: x and y must have the same number of elements (3 and 2)",
        ),
        err(
            "cov([1; 2; 3], [1; 2])",
            "cov: x and y must have the same number of rows, one observation each (3 and 2)",
        ),
        err(
            "corr([1 2 3], [1 2])",
            "corr: x and y must have the same number of rows, one observation each (3 and 2)",
        ),
        err("scatter([1 2], [1 2], 'q')", "unknown format character 'q'"),
        err("quiver(0, 0, 1, 1, 'q')", "unknown format character 'q'"),
        err("fplot(@(x) x, [1 0], 'r')", "a < b"),
        err("hold('maybe')", "one of 'on', 'off'"),
        err("title(3)", "must be a string"),
        err("xlabel(3)", "must be a string"),
        err("ylabel(3)", "must be a string"),
        err("legend('a', 3)", "must be a string"),
        err("axis([1 0 0 1])", "xmin < xmax"),
        err("grid('x')", "one of 'on', 'off'"),
        err("figure(0)", "positive figure number"),
        out("gcf()", "ans = 1"),
        out("clf()", ""),
        err("close('x')", "one of 'all'"),
        err("print('-dpng', 'a.png')", "only -dsvg"),
        err("saveas(7, 'a.svg')", "no figure 7"),
        err("showmap(eye(3))", "2x2"),
        err("showeig([1 2 3])", "2x2"),
        err("showquad(zeros(2))", "no level curves"),
        err("shownorms(1, 0)", "argument 2 (p2) must be p > 0"),
        err("showpca([1 2 3; 4 5 6])", "2 columns"),
        err("showfit([1 2 3], [1 2 3], 1.5)", "argument 3 (n)"),
        // ------------------------------------------------ the issue's examples
        not_a_number("rank", "[1 2; 3 4], 'r'", 2, "tol", "r"),
        not_a_number("rref", "[1 2; 3 4], 'x'", 2, "tol", "x"),
        not_a_number("pinv", "[1 2; 3 4], 'x'", 2, "tol", "x"),
        not_a_number("definiteness", "[2 1; 1 2], 'x'", 2, "tol", "x"),
        not_a_number("eye", "2, 'x'", 2, "n", "x"),
        not_a_number("diag", "[1 2], 'x'", 2, "k", "x"),
        out("size(diag([1 2], 2, 3))", "ans =\n\n   2   3"),
        not_a_number("diag", "[1 2], 2, 'x'", 3, "n", "x"),
        not_a_number("repmat", "[1 2], 'a'", 2, "n", "a"),
        not_a_number("repmat", "[1 2], 'a', 2", 2, "m", "a"),
        err(
            "qr([1 2; 3 4], 'foo')",
            "qr: argument 2 must be one of 'econ'",
        ),
        err(
            "norm([1 2; 3 4], 'x')",
            "norm: argument 2 (p) must be one of 'fro', 'inf', '-inf'",
        ),
        // ------------------------------------------------------- calculus
        out("g = grad(@(x) x'*x, [1; 2]); round(g(2))", "ans = 4"),
        err(
            "grad('x', [1; 2])",
            "grad: argument 1 (f) must be a function handle",
        ),
        not_a_number("grad", "@(x) x'*x, 'ab'", 2, "x", "ab"),
        out(
            "H = hessian(@(x) x(1)^2*x(2), [1; 2]); round(H(1, 2))",
            "ans = 2",
        ),
        err(
            "hessian(5, [1; 2])",
            "hessian: argument 1 (f) must be a function handle",
        ),
        not_a_number("hessian", "@(x) x'*x, 'ab'", 2, "x", "ab"),
        out(
            "J = jacobian(@(x) [x(1)*x(2); x(1)], [2; 3]); round(J(1, 1))",
            "ans = 3",
        ),
        err(
            "jacobian([1 2], [1; 2])",
            "jacobian: argument 1 (f) must be a function handle",
        ),
        not_a_number("jacobian", "@(x) x, 'ab'", 2, "x", "ab"),
        // ------------------------------------------------------- construct
        out("numel(zeros(2, 3))", "ans = 6"),
        out("numel(zeros(3))", "ans = 9"),
        not_a_number("zeros", "'a'", 1, "n", "a"),
        not_a_number("zeros", "2, 'a'", 2, "n", "a"),
        out("numel(ones(2, 3))", "ans = 6"),
        out("sum(sum(ones(3)))", "ans = 9"),
        not_a_number("ones", "'a', 2", 1, "m", "a"),
        not_a_number("ones", "2, 'a'", 2, "n", "a"),
        out("size(eye(2, 3))", "ans =\n\n   2   3"),
        out("sum(sum(eye(3)))", "ans = 3"),
        not_a_number("eye", "'x'", 1, "n", "x"),
        out("size(rand(2, 3))", "ans =\n\n   2   3"),
        out("size(rand(4))", "ans =\n\n   4   4"),
        out(
            "rand('seed', 1); a = rand; rand('seed', 1); b = rand; a == b",
            "ans = 1",
        ),
        out(
            "rand('seed', 1); a = rand; rand('seed', 2); b = rand; a == b",
            "ans = 0",
        ),
        err("rand('foo')", "rand: unrecognized string argument 'foo'"),
        err("rand('seed', 'x')", "rand: argument 2"),
        not_a_number("rand", "2, 'x'", 2, "n", "x"),
        out("size(randn(2, 3))", "ans =\n\n   2   3"),
        out("size(randn(4))", "ans =\n\n   4   4"),
        out(
            "randn('seed', 1); a = randn; randn('seed', 1); b = randn; a == b",
            "ans = 1",
        ),
        out(
            "randn('seed', 1); a = randn; randn('seed', 2); b = randn; a == b",
            "ans = 0",
        ),
        not_a_number("randn", "2, 'x'", 2, "n", "x"),
        out("sum(linspace(0, 1, 3))", "ans = 1.5000"),
        out("numel(linspace(0, 1))", "ans = 100"),
        out("x = linspace(2, 10, 5); x(2)", "ans = 4"),
        not_a_number("linspace", "'a', 1", 1, "a", "a"),
        not_a_number("linspace", "0, 'b'", 2, "b", "b"),
        not_a_number("linspace", "0, 1, 'c'", 3, "n", "c"),
        out("numel(colon(1, 2, 7))", "ans = 4"),
        out("numel(colon(1, 3))", "ans = 3"),
        not_a_number("colon", "'a', 3", 1, "a", "a"),
        not_a_number("colon", "1, 'b'", 2, "b", "b"),
        not_a_number("colon", "1, 2, 'c'", 3, "b", "c"),
        not_a_number("colon", "1, 'c', 3", 2, "step", "c"),
        out("x = reshape(1:6, 3, 2); x(1, 2)", "ans = 4"),
        out("x = reshape(1:6, [2 3]); x(1, 2)", "ans = 3"),
        out("x = reshape(1:6, [], 2); x(1, 2)", "ans = 4"),
        not_a_number("reshape", "'abcdef', 2, 3", 1, "A", "abcdef"),
        not_a_number("reshape", "1:6, 'a', 2", 2, "m", "a"),
        not_a_number("reshape", "1:6, 3, 'b'", 3, "n", "b"),
        out("size(repmat([1 2], 2, 3))", "ans =\n\n   2   6"),
        out("size(repmat([1 2], 2))", "ans =\n\n   2   4"),
        not_a_number("repmat", "[1 2], 1, 'b'", 3, "n", "b"),
        out("M = magic(4); M(1, 1)", "ans = 16"),
        out("H = hilb(3); H(3, 3)", "ans = 1/5"),
        out("D = diag([1 2], 1); D(1, 2)", "ans = 1"),
        out("D = diag([1 2], -1); D(2, 1)", "ans = 1"),
        out("d = diag([1 2; 3 4]); d(2)", "ans = 4"),
        out("diag([1 2; 3 4], 1)", "ans = 2"),
        not_a_number("diag", "'ab'", 1, "v", "ab"),
        err(
            "diag([1 2], 1.5)",
            "diag: argument 2 (k) must be an integer",
        ),
        out("sum(sum(triu([1 2; 3 4])))", "ans = 7"),
        out("sum(sum(triu([1 2; 3 4], 1)))", "ans = 2"),
        not_a_number("triu", "'ab'", 1, "A", "ab"),
        not_a_number("triu", "[1 2; 3 4], 'a'", 2, "k", "a"),
        out("sum(sum(tril([1 2; 3 4])))", "ans = 8"),
        out("sum(sum(tril([1 2; 3 4], -1)))", "ans = 3"),
        not_a_number("tril", "'ab'", 1, "A", "ab"),
        not_a_number("tril", "[1 2; 3 4], 'a'", 2, "k", "a"),
        out("size(horzcat([1 2], 3, [4 5]))", "ans =\n\n   1   5"),
        // Whole numbers beside a string are character codes, as in Octave.
        out("horzcat([72 105], '!')", "ans = Hi!"),
        err(
            "horzcat([1.5 2], 'a')",
            "concatenation: strings can only be joined",
        ),
        out("size(vertcat([1 2], [3 4], [5 6]))", "ans =\n\n   3   2"),
        err(
            "vertcat([1 2], 'ab')",
            "concatenation: strings can only be joined",
        ),
        // ------------------------------------------------------- elementwise
        out("complex(1, 2)", "ans =  1 + 2i"),
        not_a_number("complex", "'a', 2", 1, "a", "a"),
        not_a_number("complex", "1, 'b'", 2, "b", "b"),
        out("double(1/4)", "ans = 0.2500"),
        out("double('ab')", "ans =\n\n   97   98"),
        err(
            "double(@sin)",
            "double: argument 1 (x) must be a number or a string",
        ),
        out("exact(0.3333)", "ans = 3333/10000"),
        out("exact(0.3333, 1e-3)", "ans = 1/3"),
        not_a_number("exact", "'a'", 1, "x", "a"),
        not_a_number("exact", "0.5, 'a'", 2, "tol", "a"),
        err(
            "exact(0.5, -1)",
            "exact: argument 2 (tol) must be a non-negative tolerance",
        ),
        out("atan2(1, 1)", "ans = 0.7854"),
        out("atan2(1, -1)", "ans = 2.3562"),
        not_a_number("atan2", "'a', 1", 1, "y", "a"),
        not_a_number("atan2", "1, 'a'", 2, "x", "a"),
        out("hypot(3, 4)", "ans = 5"),
        not_a_number("hypot", "'a', 1", 1, "x", "a"),
        not_a_number("hypot", "3, 'a'", 2, "y", "a"),
        out("mod(-1, 3)", "ans = 2"),
        out("mod(7, 4)", "ans = 3"),
        not_a_number("mod", "'a', 3", 1, "x", "a"),
        not_a_number("mod", "5, 'a'", 2, "y", "a"),
        out("rem(-1, 3)", "ans = -1"),
        out("rem(7, 4)", "ans = 3"),
        not_a_number("rem", "'a', 3", 1, "x", "a"),
        not_a_number("rem", "5, 'a'", 2, "y", "a"),
        out("power(2, 3)", "ans = 8"),
        out("power(3, 2)", "ans = 9"),
        not_a_number("power", "'a', 2", 1, "x", "a"),
        not_a_number("power", "2, 'a'", 2, "y", "a"),
        // ------------------------------------------------------- homework
        out("latex(1/2)", "\\frac{1}{2}"),
        out("latex('x')", "\\text{x}"),
        err("latex(@sin)", "latex: function handles have no LaTeX form"),
        out("eigenspace([2 0; 0 3], 2)", "ans =\n\n   1\n   0"),
        out("eigenspace([2 0; 0 3], 3)", "ans =\n\n   0\n   1"),
        not_a_number("eigenspace", "'ab', 2", 1, "A", "ab"),
        not_a_number("eigenspace", "[2 0; 0 3], 'a'", 2, "lambda", "a"),
        // ------------------------------------------------------- info
        out("eps(1) == eps", "ans = 1"),
        out("size([1 2 3], 2)", "ans = 3"),
        out("size([1 2 3], 1)", "ans = 1"),
        not_a_number("size", "[1 2 3], 'a'", 2, "dim", "a"),
        out("numel('abc')", "ans = 3"),
        out("length([1 2; 3 4; 5 6])", "ans = 3"),
        out("rows([1 2; 3 4; 5 6])", "ans = 3"),
        out("columns([1 2; 3 4; 5 6])", "ans = 2"),
        out("isempty([])", "ans = 1"),
        out("isscalar([1 2])", "ans = 0"),
        out("isvector([1 2])", "ans = 1"),
        out("isreal(1i)", "ans = 0"),
        out("iscomplex(1i)", "ans = 1"),
        out("iscomplex([1 2])", "ans = 0"),
        out("class('a')", "ans = char"),
        // ------------------------------------------------------- lang
        out("isnumeric(2)", "ans = 1"),
        out("isnumeric('2')", "ans = 0"),
        out("isfloat(true)", "ans = 0"),
        out("isinteger(2)", "ans = 0"),
        out("ischar('')", "ans = 1"),
        out("islogical(1 == 1)", "ans = 1"),
        out("isexact(0.5)", "ans = 1"),
        out("isexact(pi)", "ans = 0"),
        out("is_function_handle('sin')", "ans = 0"),
        out("isstruct(@sin)", "ans = 0"),
        out("isa(true, 'logical')", "ans = 1"),
        out("isa(1, 'char')", "ans = 0"),
        err("isa(1, 2)", "isa: argument 2 (classname) must be a string"),
        out("feval(@max, [2 5 3])", "ans = 5"),
        out("feval('hypot', 3, 4)", "ans = 5"),
        err(
            "feval(3, 2)",
            "feval: argument 1 (f) must be a function handle or a function name",
        ),
        out("arrayfun(@(x, y) x * y, [1 2], [3 4])", "ans =\n\n   3   8"),
        out(
            "arrayfun(@(x) -x, [1 2], 'UniformOutput', true)",
            "ans =\n\n  -1  -2",
        ),
        out(
            "c = arrayfun(@(x) -x, [1 2], 'UniformOutput', false); c{2}",
            "ans = -2",
        ),
        err(
            "arrayfun(@(x, y) x, [1 2], [1 2 3])",
            "must have the same size",
        ),
        // ------------------------------------------------------- cells
        out("c = cell(1, 2); size(c)", "ans =\n\n   1   2"),
        err("cell(-1)", "cell: argument 1"),
        out("iscell({1})", "ans = 1"),
        out("iscellstr({'a', 1})", "ans = 0"),
        out("s = struct('a', 1, 'b', 2); s.b", "ans = 2"),
        err("struct('a')", "expected name, value pairs"),
        out("isfield(struct('a', 1), 'a')", "ans = 1"),
        err("isfield(struct('a', 1), 3)", "field name"),
        out("numel(fieldnames(struct('a', 1, 'b', 2)))", "ans = 2"),
        err("fieldnames(1)", "must be a structure"),
        out(
            "isfield(rmfield(struct('a', 1, 'b', 2), 'a'), 'a')",
            "ans = 0",
        ),
        err("rmfield(struct('a', 1), 'z')", "has no field 'z'"),
        out("nthroot(-8, 3)", "ans = -2"),
        err("nthroot(-8, 2)", "n must be odd"),
        err("nthroot(8, 0.5)", "nonzero integer"),
        out("c = num2cell([5 6]); c{2}", "ans = 6"),
        err(
            "num2cell({1})",
            "num2cell: argument 1 (A) must be a matrix or string",
        ),
        out("cellfun(@numel, {'ab', 1})", "ans =\n\n   2   1"),
        err(
            "cellfun(@numel, 3)",
            "cellfun: argument 2 (c) must be a cell array",
        ),
        out("c = strsplit('a-b', '-'); c{2}", "ans = b"),
        err("strsplit(1)", "strsplit: argument 1 (s) must be a string"),
        out(
            "numel(strsplit('a--b', '-', 'CollapseDelimiters', false))",
            "ans = 3",
        ),
        out("strjoin({'a', 'b'}, '+')", "ans = a+b"),
        err(
            "strjoin({'a'}, 1)",
            "strjoin: argument 2 (delimiter) must be a string",
        ),
        out("func2str(@(t) t - 1)", "ans = @(t) t - 1"),
        err(
            "func2str('sin')",
            "func2str: argument 1 (f) must be a function handle",
        ),
        out("g = str2func('cos'); g(0)", "ans = 1"),
        err("str2func(1)", "str2func: argument 1 (s) must be a string"),
        out("try, error('a %d', 1); end; lasterr", "ans = a 1"),
        // ------------------------------------------------------- strings
        out("upper('x1y')", "ans = X1Y"),
        err("upper(1)", "upper: argument 1 (s) must be a string"),
        out("lower('X1Y')", "ans = x1y"),
        out("strtrim(' a ')", "ans = a"),
        out("strcat('a', 'b ', 'c')", "ans = abc"),
        err("strcat('a', 2)", "strcat: argument 2 (s2) must be a string"),
        out("strrep('aaa', 'a', 'bb')", "ans = bbbbbb"),
        out("strrep('abc', 'c', '')", "ans = ab"),
        err(
            "strrep('abc', 3, 'x')",
            "strrep: argument 2 (pattern) must be a string",
        ),
        out("regexprep('a1b22', '\\d+', '#')", "ans = a#b#"),
        out("regexprep('ab', '(a)(b)', '$2$1')", "ans = ba"),
        err(
            "regexprep('ab', '(', 'x')",
            "regexprep: argument 2 (pattern) is not a regular expression",
        ),
        out("strcmpi('aB', 'Ab')", "ans = 1"),
        out("strcmpi('a', 'b')", "ans = 0"),
        out("int2str(-0.5)", "ans = -1"),
        out("int2str([1.5 2.4])", "ans = 2  2"),
        out("mat2str([0.5; -1])", "ans = [0.5;-1]"),
        out("mat2str(pi, 4)", "ans = 3.142"),
        err("mat2str('ab')", "mat2str: argument 1 (A) must be a number"),
        out("str2double(' -1.5 ')", "ans = -1.5000"),
        out("str2double('1 2')", "ans = NaN"),
        out("str2num('2 * 3, 1')", "ans =\n\n   6   1"),
        err("str2num('2 +* ')", "str2num: cannot read"),
        // ------------------------------------------------------- limits
        out("realmax == (2 - 2^-52) * 2^1023", "ans = 1"),
        out("realmin == 2^-1022", "ans = 1"),
        out("flintmax == 2^53", "ans = 1"),
        out("intmax('int16')", "ans = 32767"),
        out("intmax('uint32')", "ans = 4294967295"),
        out("intmin('int64')", "ans = -9223372036854775808"),
        out("intmin('uint8')", "ans = 0"),
        err("intmin('int7')", "intmin: argument 1 (type) must be one of"),
        out("array([[1, 2], [3, 4]])", "ans =\n\n   1   2\n   3   4"),
        err("array([1 2], 3)", "Invalid call to array"),
        out("exist('pi')", "ans = 5"),
        err(
            "exist(5)",
            "exist: argument 1 (name) must be a string, not the number 5",
        ),
        // ------------------------------------------------------- io
        out("strcmp('ab', 'ab')", "ans = 1"),
        out("strcmp('ab', 'ba')", "ans = 0"),
        out("strcmp('a', 97)", "ans = 0"),
        out("disp(5)", "5"),
        out("printf('%d-%d\\n', 5, 6)", "5-6"),
        err(
            "printf(5)",
            "printf: argument 1 (template) must be a string, not the number 5",
        ),
        out("fprintf(1, '%d\\n', 7)", "7"),
        out("fprintf('%d\\n', 7)", "7"),
        err("fprintf(7, 'x')", "fprintf: argument 1"),
        out("s = sprintf('%d', 42); s", "s = 42"),
        err(
            "sprintf(5)",
            "sprintf: argument 1 (template) must be a string",
        ),
        out("num2str(pi)", "ans = 3.1416"),
        out("num2str(pi, 8)", "ans = 3.1415927"),
        out("num2str(pi, '%4.1f')", "ans =  3.1"),
        err(
            "num2str(pi, -1)",
            "num2str: argument 2 (prec) must be a non-negative integer",
        ),
        out("assert(true); disp(1)", "1"),
        err("assert(false)", "assert (cond) failed"),
        err("assert(false, 'n = %d', 7)", "n = 7"),
        out("warning('off', 'all'); disp(1)", "1"),
        out("assert(1, 1.1, 0.2); disp(1)", "1"),
        err("assert(1, 1.1)", "assert (observed, expected, tol) failed"),
        not_a_number("assert", "1, 1, 'a'", 3, "tol", "a"),
        err("error('boom %d', 3)", "boom 3"),
        err("error(5)", "error: argument 1 (template) must be a string"),
        out("tic; t = toc; t < 10", "ans = 1"),
        // ------------------------------------------------------- products
        out("size(transpose([1 2 3]))", "ans =\n\n   3   1"),
        out("ctranspose(1 + 2i)", "ans = 1 - 2i"),
        out("hadamard([1 2], [3 4])", "ans =\n\n   3   8"),
        not_a_number("hadamard", "'ab', [1 2]", 1, "A", "ab"),
        not_a_number("hadamard", "[1 2], 'ab'", 2, "B", "ab"),
        out("dot([1 2 3], [4 5 6])", "ans = 32"),
        not_a_number("dot", "'abc', [1 2 3]", 1, "x", "abc"),
        not_a_number("dot", "[1 2 3], 'abc'", 2, "y", "abc"),
        out("c = cross([1 0 0], [0 1 0]); c(3)", "ans = 1"),
        out("c = cross([1; 0; 0], [0; 1; 0], 1); c(3)", "ans = 1"),
        err(
            "cross([1; 0; 0], [0; 1; 0], 2)",
            "cross: dimension 2 of X and Y must have 3 elements",
        ),
        not_a_number("cross", "[1 0 0], [0 1 0], 'a'", 3, "dim", "a"),
        out("cond([1 0; 0 2], 1)", "ans = 2"),
        err(
            "cond([1 0; 0 2], 'x')",
            "cond: argument 2 (p) must be one of 'fro', 'inf', '-inf'",
        ),
        not_a_number("cross", "'abc', [1 2 3]", 1, "x", "abc"),
        not_a_number("cross", "[1 2 3], 'abc'", 2, "y", "abc"),
        out("size(kron([1 2], [1; 1]))", "ans =\n\n   2   2"),
        not_a_number("kron", "'a', 1", 1, "A", "a"),
        not_a_number("kron", "1, 'a'", 2, "B", "a"),
        out("diff([1 2; 4 8], 1, 2)", "ans =\n\n   1\n   4"),
        out("xor(1, 0)", "ans = 1"),
        out("and(1, 0)", "ans = 0"),
        out("or(1, 0)", "ans = 1"),
        out("quadform([2 0; 0 3], [1; 1])", "ans = 5"),
        out("quadform([2 0; 0 3], [1; 2])", "ans = 14"),
        not_a_number("quadform", "'ab', [1; 1]", 1, "A", "ab"),
        not_a_number("quadform", "[2 0; 0 3], 'ab'", 2, "x", "ab"),
        // ------------------------------------------------------- norms
        out("norm([3 4])", "ans = 5"),
        out("norm([3 4], 1)", "ans = 7"),
        out("norm([3 4], Inf)", "ans = 4"),
        out("norm([3 4], 'inf')", "ans = 4"),
        out("norm([3 4], '-inf')", "ans = 3"),
        out("round(norm([1 0; 0 1], 'fro')^2)", "ans = 2"),
        out("norm([1 0; 0 1])", "ans = 1"),
        not_a_number("norm", "'ab'", 1, "x", "ab"),
        // ------------------------------------------------------- special matrices
        out("issymmetric([1 2; 2.0000001 1])", "ans = 0"),
        out("issymmetric([1 2; 2.0000001 1], 1e-3)", "ans = 1"),
        out("issymmetric([1 2; 2 1])", "ans = 1"),
        not_a_number("issymmetric", "'ab'", 1, "A", "ab"),
        not_a_number("issymmetric", "[1 2; 2 1], 'x'", 2, "tol", "x"),
        out("isorthogonal([0 1; 1 0])", "ans = 1"),
        out("isorthogonal([1 0; 0 1.001])", "ans = 0"),
        out("isorthogonal([1 0; 0 1.001], 1e-2)", "ans = 1"),
        not_a_number("isorthogonal", "'ab'", 1, "Q", "ab"),
        not_a_number("isorthogonal", "[0 1; 1 0], 'x'", 2, "tol", "x"),
        // ------------------------------------------------------- solving, rank
        out("issingular([1 2; 2 4])", "ans = 1"),
        out("issingular([1 0; 0 1e-20])", "ans = 0"),
        out("issingular([1 0; 0 1e-20], 1e-10)", "ans = 1"),
        out("issingular(double([1 0; 0 1e-20]))", "ans = 1"),
        not_a_number("issingular", "'ab'", 1, "A", "ab"),
        not_a_number("issingular", "[1 2; 2 4], 'x'", 2, "tol", "x"),
        out("mldivide([2 0; 0 4], [2; 4])", "ans =\n\n   1\n   1"),
        not_a_number("mldivide", "'ab', 1", 1, "A", "ab"),
        not_a_number("mldivide", "[2 0; 0 4], 'ab'", 2, "b", "ab"),
        out("rank([1 0; 0 1e-3])", "ans = 2"),
        out("rank([1 0; 0 1e-3], 1e-2)", "ans = 1"),
        out("rank(magic(4))", "ans = 3"),
        out("rank([1 2 3; 4 5 6; 7 8 9])", "ans = 2"),
        not_a_number("rank", "'ab'", 1, "A", "ab"),
        err(
            "rank([1 2; 3 4], -1)",
            "rank: argument 2 (tol) must be a non-negative tolerance",
        ),
        out("size(null([1 1]))", "ans =\n\n   2   1"),
        out("size(null([1 0; 0 1e-3]))", "ans =\n\n   2   0"),
        out("size(null([1 0; 0 1e-3], 1e-2))", "ans =\n\n   2   1"),
        out("null([1 1], 'r')", "ans =\n\n  -1\n   1"),
        err(
            "null([1 1], 'x')",
            "null: argument 2 (tol) must be one of 'r', not the string 'x'",
        ),
        not_a_number("null", "'ab'", 1, "A", "ab"),
        out("size(orth([1 0; 0 1e-3]))", "ans =\n\n   2   2"),
        out("size(orth([1 0; 0 1e-3], 1e-2))", "ans =\n\n   2   1"),
        not_a_number("orth", "'ab'", 1, "A", "ab"),
        not_a_number("orth", "[1 0; 0 1], 'x'", 2, "tol", "x"),
        out("R = rref([1 2; 2 4.0000001]); R(2, 2)", "ans = 1"),
        out("R = rref([1 2; 2 4.0000001], 1e-3); R(2, 2)", "ans = 0"),
        out("[R, p] = rref([1 2; 2 4]); p", "p = 1"),
        not_a_number("rref", "'ab'", 1, "A", "ab"),
        out("lstsq([1; 1], [1; 3])", "ans = 2"),
        out("lstsq([1 0; 0 1; 0 0], [1; 2; 3])", "ans =\n\n   1\n   2"),
        not_a_number("lstsq", "'ab', 1", 1, "A", "ab"),
        not_a_number("lstsq", "[1; 1], 'ab'", 2, "b", "ab"),
        out("P = pinv([2 0; 0 1e-3]); round(P(2, 2))", "ans = 1000"),
        out("P = pinv([2 0; 0 1e-3], 1e-2); P(2, 2)", "ans = 0"),
        not_a_number("pinv", "'ab'", 1, "A", "ab"),
        // ------------------------------------------------------- decompositions
        out("[L, U] = lu([1 2; 3 4]); U(1, 1)", "ans = 3"),
        not_a_number("lu", "'ab'", 1, "A", "ab"),
        out("[Q, R] = qr([1 0; 0 1; 1 1]); size(Q)", "ans =\n\n   3   3"),
        out(
            "[Q, R] = qr([1 0; 0 1; 1 1], 0); size(Q)",
            "ans =\n\n   3   2",
        ),
        out(
            "[Q, R] = qr([1 0; 0 1; 1 1], 'econ'); size(Q)",
            "ans =\n\n   3   2",
        ),
        err(
            "qr([1 0; 0 1], 1)",
            "qr: argument 2 must be 0 or 'econ', not the number 1",
        ),
        not_a_number("qr", "'ab'", 1, "A", "ab"),
        out("R = chol([4 2; 2 3]); R(1, 2)", "ans = 1"),
        not_a_number("chol", "'ab'", 1, "A", "ab"),
        out(
            "[U, S, V] = svd([1 0; 0 1; 1 1]); size(U)",
            "ans =\n\n   3   3",
        ),
        out(
            "[U, S, V] = svd([1 0; 0 1; 1 1], 'econ'); size(U)",
            "ans =\n\n   3   2",
        ),
        out(
            "[U, S, V] = svd([1 0; 0 1; 1 1], 0); size(U)",
            "ans =\n\n   3   2",
        ),
        err(
            "svd([1 0; 0 1], 'x')",
            "svd: argument 2 must be one of 'econ', not the string 'x'",
        ),
        err("svd([1 0; 0 1], 1)", "svd: argument 2 must be 0 or 'econ'"),
        not_a_number("svd", "'ab'", 1, "A", "ab"),
        // ------------------------------------------------------- eigen, polynomials
        out("prod(eig([2 1; 1 2]))", "ans = 3"),
        out("size(eig([2 1; 1 2], 'matrix'))", "ans =\n\n   2   2"),
        err(
            "eig([2 1; 1 2], 'x')",
            "eig: argument 2 must be one of 'vector', 'matrix'",
        ),
        out("sum(eig([2 1; 1 2]))", "ans = 4"),
        not_a_number("eig", "'ab'", 1, "A", "ab"),
        out("round(trace(expm([0 0; 0 0])))", "ans = 2"),
        out("E = expm([0 1; 0 0]); round(E(1, 2))", "ans = 1"),
        not_a_number("expm", "'ab'", 1, "A", "ab"),
        out("poly([1 2])", "ans =\n\n   1  -3   2"),
        not_a_number("poly", "'ab'", 1, "A", "ab"),
        out("polyval([1 2], 3)", "ans = 5"),
        out("polyval([1 0 0], 3)", "ans = 9"),
        not_a_number("polyval", "'ab', 1", 1, "p", "ab"),
        not_a_number("polyval", "[1 2], 'a'", 2, "x", "a"),
        out("c = pca([1 2; 3 4; 5 7]); size(c)", "ans =\n\n   2   2"),
        out("c = pca([1 2; 3 4; 5 7], 1); size(c)", "ans =\n\n   2   1"),
        not_a_number("pca", "'ab'", 1, "X", "ab"),
        not_a_number("pca", "[1 2; 3 4; 5 7], 'a'", 2, "k", "a"),
        // ------------------------------------------------------- reductions
        out("s = sum([1 2; 3 4], 2); s(2)", "ans = 7"),
        out("sum([1 2; 3 4], 'all')", "ans = 10"),
        out("s = sum([1 2; 3 4], 1); s(2)", "ans = 6"),
        not_a_number("sum", "'ab'", 1, "x", "ab"),
        err(
            "sum([1 2], 'a')",
            "sum: argument 2 (dim) must be a dimension number or 'all', not the string 'a'",
        ),
        err("sum([1 2], 0)", "sum: DIM must be a valid dimension"),
        out("p = prod([1 2; 3 4], 2); p(2)", "ans = 12"),
        out("p = prod([1 2; 3 4]); p(2)", "ans = 8"),
        not_a_number("prod", "'ab'", 1, "x", "ab"),
        err(
            "prod([1 2], 'a')",
            "prod: argument 2 (dim) must be a dimension number or 'all', not the string 'a'",
        ),
        out("m = mean([1 2; 3 4], 2); m(2)", "ans = 7/2"),
        out("m = mean([1 2; 3 4]); m(2)", "ans = 3"),
        not_a_number("mean", "'ab'", 1, "x", "ab"),
        err(
            "mean([1 2], 'a')",
            "mean: argument 2 (dim) must be a dimension number or 'all', not the string 'a'",
        ),
        out("m = median([1 2 9; 3 4 5], 2); m(1)", "ans = 2"),
        out("m = median([1 2 9; 3 4 5]); m(3)", "ans = 7"),
        not_a_number("median", "'ab'", 1, "x", "ab"),
        not_a_number("median", "[1 2], 'a'", 2, "dim", "a"),
        out("var([1 2 3 4])", "ans = 5/3"),
        out("var([1 2 3 4], 1)", "ans = 5/4"),
        err(
            "var([1 2 3 4], 5)",
            "var: argument 2 (opt) must be 0 (divide by n - 1) or 1",
        ),
        not_a_number("var", "'ab'", 1, "x", "ab"),
        not_a_number("var", "[1 2], 'a'", 2, "opt", "a"),
        // the row [3 5]: mean 4, (1 + 1)/(2 - 1) = 2
        out("v = var([1 2; 3 5], 0, 2); v(2)", "ans = 2"),
        err(
            "var([1 2], 0, 'a')",
            "var: argument 3 (dim) must be a dimension number or 'all', not the string 'a'",
        ),
        out("std([2 4 4 4 5 5 7 9], 1)", "ans = 2"),
        out("std([1 3])", "ans = sqrt(2)"),
        not_a_number("std", "'ab'", 1, "x", "ab"),
        not_a_number("std", "[1 2], 'a'", 2, "opt", "a"),
        // the row [3 5] over n: sqrt((1 + 1)/2) = 1
        out("s = std([1 2; 3 5], 1, 2); s(2)", "ans = 1"),
        err(
            "std([1 2], 0, 'a')",
            "std: argument 3 (dim) must be a dimension number or 'all', not the string 'a'",
        ),
        // [1 2; 1 3]: 1 twice in column 1; rows [1 2] and [1 3] each tie at 1
        out("m = mode([1 2; 1 3]); m(1)", "ans = 1"),
        out("m = mode([1 2; 2 3], 2); m(2)", "ans = 2"),
        not_a_number("mode", "'ab'", 1, "x", "ab"),
        not_a_number("mode", "[1 2], 'a'", 2, "dim", "a"),
        out("c = cumsum([1 2; 3 4], 2); c(2, 2)", "ans = 7"),
        out("c = cumsum([1 2; 3 4]); c(2, 2)", "ans = 6"),
        not_a_number("cumsum", "'ab'", 1, "x", "ab"),
        not_a_number("cumsum", "[1 2], 'a'", 2, "dim", "a"),
        out("c = cumprod([1 2; 3 4], 2); c(2, 2)", "ans = 12"),
        out("c = cumprod([1 2; 3 4]); c(2, 2)", "ans = 8"),
        not_a_number("cumprod", "'ab'", 1, "x", "ab"),
        not_a_number("cumprod", "[1 2], 'a'", 2, "dim", "a"),
        out("m = max([1 5; 7 2], [], 2); m(1)", "ans = 5"),
        out("max([1 5; 7 2], [], 'all')", "ans = 7"),
        out("m = max([1 5; 7 2]); m(1)", "ans = 7"),
        out("max(3, [1 5])", "ans =\n\n   3   5"),
        not_a_number("max", "'ab'", 1, "x", "ab"),
        not_a_number("max", "[1 2], 'a'", 2, "b", "a"),
        err(
            "max([1 2], [], 'a')",
            "max: argument 3 (dim) must be a dimension number or 'all', not the string 'a'",
        ),
        out("m = min([1 5; 7 2], [], 2); m(2)", "ans = 2"),
        out("min(3, [1 5])", "ans =\n\n   1   3"),
        not_a_number("min", "'ab'", 1, "x", "ab"),
        not_a_number("min", "[1 2], 'a'", 2, "b", "a"),
        err(
            "min([1 2], [], 'a')",
            "min: argument 3 (dim) must be a dimension number or 'all', not the string 'a'",
        ),
        out("sort([3 1 2], 'descend')", "ans =\n\n   3   2   1"),
        out("sort([3 1 2], 'ascend')", "ans =\n\n   1   2   3"),
        out("s = sort([3 1; 2 4], 2); s(1, 1)", "ans = 1"),
        out("[s, i] = sort([3 1 2]); i(1)", "ans = 2"),
        out("s = sort([3 1; 2 4], 2, 'descend'); s(2, 1)", "ans = 4"),
        err(
            "sort([3 1; 2 4], 2, 'up')",
            "sort: argument 3 must be one of 'ascend', 'descend'",
        ),
        err(
            "sort([3 1 2], 'foo')",
            "sort: argument 2 must be one of 'ascend', 'descend'",
        ),
        out("sort('ba')", "ans = ab"),
        out("unique([3 1 3])", "ans =\n\n   1   3"),
        out("[u, i] = unique([3 1 3], 'last'); i'", "ans =\n\n   2   3"),
        out(
            "unique([1 2; 1 2; 0 1], 'rows')",
            "ans =\n\n   0   1\n   1   2",
        ),
        out("unique([3 1 3], 'stable')", "ans =\n\n   3   1"),
        out(
            "unique([1 2; 1 2; 0 1], 'rows', 'stable')",
            "ans =\n\n   1   2\n   0   1",
        ),
        err("unique([3 1 3], 'bogus')", "unique: unknown option 'bogus'"),
        err(
            "unique([1 2], 3)",
            "unique: argument 2 must be an option string",
        ),
        out("a = any([0 0; 0 1], 2); a(1)", "ans = 0"),
        out("a = any([0 0; 0 1]); a(2)", "ans = 1"),
        not_a_number("any", "'ab'", 1, "x", "ab"),
        err(
            "any([1 0], 'a')",
            "any: argument 2 (dim) must be a dimension number or 'all', not the string 'a'",
        ),
        out("a = all([1 1; 0 1], 2); a(1)", "ans = 1"),
        out("a = all([1 1; 0 1]); a(1)", "ans = 0"),
        not_a_number("all", "'ab'", 1, "x", "ab"),
        err(
            "all([1 0], 'a')",
            "all: argument 2 (dim) must be a dimension number or 'all', not the string 'a'",
        ),
        out("find([0 1 1 1], 2)", "ans =\n\n   2   3"),
        out("numel(find([0 1 1 1]))", "ans = 3"),
        out("[r, c] = find([0 1; 0 0]); c", "c = 2"),
        not_a_number("find", "'ab'", 1, "x", "ab"),
        not_a_number("find", "[0 1], 'a'", 2, "n", "a"),
        // ------------------------------------------------------- regression
        out("p = polyfit([1 2 3], [2 4 6], 1); round(p(1))", "ans = 2"),
        out("p = polyfit([1 2 3], [1 4 9], 2); round(p(1))", "ans = 1"),
        out("numel(polyfit([1 2 3], [1 4 9], 2))", "ans = 3"),
        not_a_number("polyfit", "'abc', [1 2 3], 1", 1, "x", "abc"),
        not_a_number("polyfit", "[1 2 3], 'abc', 1", 2, "y", "abc"),
        not_a_number("polyfit", "[1 2 3], [1 2 3], 'a'", 3, "n", "a"),
        out("w = linreg([1; 2; 3], [3; 5; 7]); round(w(2))", "ans = 2"),
        out(
            "[w, mse] = linreg([1; 2; 3], [3; 5; 7]); round(mse)",
            "ans = 0",
        ),
        not_a_number("linreg", "'abc', [1; 2; 3]", 1, "X", "abc"),
        not_a_number("linreg", "[1; 2; 3], 'abc'", 2, "y", "abc"),
        // ------------------------------------------------------- spaces
        out("inspan([2; 3; 5], [1 0; 0 1; 1 1])", "ans = 1"),
        out("inspan([1; 0; 0], [1 0; 0 1; 1 1])", "ans = 0"),
        out("inspan([1; 1e-6], [1; 0])", "ans = 0"),
        out("inspan([1; 1e-6], [1; 0], 1e-3)", "ans = 1"),
        out("[t, x] = inspan([2; 4], [1; 2]); x", "x = 2"),
        not_a_number("inspan", "'ab', [1; 2]", 1, "b", "ab"),
        not_a_number("inspan", "[1; 2], 'ab'", 2, "A", "ab"),
        not_a_number("inspan", "[1; 2], [1; 2], 'x'", 3, "tol", "x"),
        out("numel(colspace([1 2; 3 4]))", "ans = 4"),
        out("numel(rowspace([1 2 3]))", "ans = 3"),
        out("size(leftnull([1; 1]))", "ans =\n\n   2   1"),
        out("proj([1; 2], [1; 1])", "ans =\n\n   3/2\n   3/2"),
        out("proj([3; 4], [1; 0])", "ans =\n\n   3\n   0"),
        not_a_number("proj", "'ab', [1; 2]", 1, "b", "ab"),
        not_a_number("proj", "[1; 2], 'ab'", 2, "A", "ab"),
        out("size(gramschmidt([1 1; 0 1e-6]))", "ans =\n\n   2   2"),
        warn(
            "size(gramschmidt([1 1; 0 1e-6], 1e-3))",
            "ans =\n\n   2   1",
            "gramschmidt: dropped column 2",
        ),
        out(
            "[Q, R] = gramschmidt([3 0; 4 5]); round(R(1, 1))",
            "ans = 5",
        ),
        not_a_number("gramschmidt", "'ab'", 1, "A", "ab"),
        not_a_number("gramschmidt", "[1 0; 0 1], 'x'", 2, "tol", "x"),
        out("isequal([1 2], [1 2], [1 2])", "ans = 1"),
        out("isequal([1 2], [1 2], [1 3])", "ans = 0"),
        out("isequal('ab', 'ab')", "ans = 1"),
        out("isequal('a', 97)", "ans = 1"),
        out("approx(1, 1.001)", "ans = 0"),
        out("approx(1, 1.001, 1e-2)", "ans = 1"),
        not_a_number("approx", "'a', 1", 1, "A", "a"),
        not_a_number("approx", "1, 'a'", 2, "B", "a"),
        not_a_number("approx", "1, 1, 'x'", 3, "tol", "x"),
        // ------------------------------------------------------- operators keep Octave's character arithmetic
        out("'a' + 1", "ans = 98"),
        out("x = 'a':'c'; x(3)", "ans = 99"),
    ]);
    t.extend(order_rows());
    t.extend(exact_rows());
    t
}

/// Argument order is checked by shape: the documented orders stay, a call
/// whose shapes contradict them is refused with the right order shown.
fn order_rows() -> Vec<(String, Want)> {
    vec![
        // inspan(A, b) with b in span(A): refused, never "0"
        err(
            "inspan([1 0; 0 1; 1 1], [2; 3; 5])",
            "the order is inspan(b, A), vector first",
        ),
        err(
            "proj([1 0; 0 1; 1 1], [1; 2; 3])",
            "the order is proj(b, A), vector first",
        ),
        err(
            "lstsq([1; 2; 3], [1 0; 0 1; 1 1])",
            "the order is lstsq(A, b), matrix A first",
        ),
        // the documented orders, and projecting several columns onto a plane
        out("inspan([2; 3; 5], [1 0; 0 1; 1 1])", "ans = 1"),
        out("inspan([2 3 5], [1 0; 0 1; 1 1])", "ans = 1"),
        out(
            "P = proj([1 0; 0 1; 1 0], [1 0; 0 1; 0 0]); P(3, 1)",
            "ans = 0",
        ),
        out("x = lstsq([1 0; 0 1; 1 1], [2; 3; 5]); x(2)", "ans = 3"),
        out("x = [1 0; 0 1; 1 1] \\ [2; 3; 5]; round(x(2))", "ans = 3"),
    ]
}

/// Exact input gets exact decisions; exactly singular matrices are reported
/// as such by inv and ^-1 alike.
fn exact_rows() -> Vec<(String, Want)> {
    vec![
        out("definiteness([1 0; 0 -1e-15])", "ans = indefinite"),
        out("definiteness([1 0; 0 1e-20])", "ans = positive definite"),
        out(
            "definiteness([1 0; 0 1e-20], 1e-10)",
            "ans = positive semidefinite",
        ),
        out(
            "definiteness(double([1 0; 0 1e-20]))",
            "ans = positive semidefinite",
        ),
        out("definiteness([1 1; 1 1])", "ans = positive semidefinite"),
        out("definiteness([-1 0; 0 0])", "ans = negative semidefinite"),
        out("definiteness([-2 1; 1 -2])", "ans = negative definite"),
        out("definiteness([0 1; 1 0])", "ans = indefinite"),
        out("definiteness([0 0; 0 0])", "ans = positive semidefinite"),
        // the symmetric part of [1 4; 0 1] is [1 2; 2 1]: eigenvalues 3, -1
        out("definiteness([1 4; 0 1])", "ans = indefinite"),
        out("isposdef([1 0; 0 1e-20])", "ans = 1"),
        out("isposdef([1 0; 0 1e-20], 1e-10)", "ans = 0"),
        out("isposdef([1 0; 0 -1e-15])", "ans = 0"),
        out("isposdef([1 1; 1 1])", "ans = 0"),
        out("isposdef([2 1; 0 2])", "ans = 0"),
        not_a_number("isposdef", "'ab'", 1, "A", "ab"),
        not_a_number("isposdef", "[2 1; 1 2], 'x'", 2, "tol", "x"),
        // chol agrees with isposdef and definiteness on exact input
        out("R = chol([1 0; 0 1e-20]); R(2, 2) > 0", "ans = 1"),
        err(
            "chol([1 0; 0 -1e-15])",
            "chol: input matrix must be positive definite (leading minor 2",
        ),
        err(
            "chol([1 1; 1 1])",
            "chol: input matrix must be positive definite (leading minor 2",
        ),
        err(
            "chol([-1 0; 0 1])",
            "chol: input matrix must be positive definite (leading minor 1",
        ),
        // [4 2; 2 3] = L D L' with d = (4, 2): R(2, 2) = sqrt(2) exactly.
        out("R = chol([4 2; 2 3]); R(2, 2)^2", "ans = 2"),
        out("R = chol([4 2; 2 3]); isexact(R)", "ans = 1"),
        // The 1-2-1 matrix: pivots 2, 3/2, 4/3 and multipliers -1/2, -2/3, so
        // R = [sqrt(2) -sqrt(2)/2 0; 0 sqrt(6)/2 -sqrt(6)/3; 0 0 2*sqrt(3)/3].
        out(
            "R = chol([2 -1 0; -1 2 -1; 0 -1 2]); \
             isequal(R, [sqrt(2) -sqrt(2)/2 0; 0 sqrt(6)/2 -sqrt(6)/3; 0 0 2*sqrt(3)/3])",
            "ans = 1",
        ),
        out(
            "A = [2 -1 0; -1 2 -1; 0 -1 2]; R = chol(A); isequal(R'*R, A)",
            "ans = 1",
        ),
        // R'R for R = [2 1 1; 0 2 1; 0 0 2] is [4 2 2; 2 5 3; 2 3 6]: every
        // pivot a square, so R comes back exactly.
        out(
            "R = chol([4 2 2; 2 5 3; 2 3 6])",
            "R =\n\n   2   1   1\n   0   2   1\n   0   0   2",
        ),
        out("issymmetric([1 2; 2 1+1e-20])", "ans = 1"),
        out("issymmetric([1 2; 2+1e-20 1])", "ans = 0"),
        out("issingular([1 2 3; 4 5 6; 7 8 9])", "ans = 1"),
        out("issingular([1 2; 3 4])", "ans = 0"),
        out("rank([1 1; 1 1+1e-20])", "ans = 2"),
        // singular exact matrices: inv and ^-1 agree, with an exact warning
        warn(
            "inv([1 2 3; 4 5 6; 7 8 9])",
            "ans =\n\n   Inf   Inf   Inf\n   Inf   Inf   Inf\n   Inf   Inf   Inf",
            "singular: det(A) = 0 exactly",
        ),
        warn(
            "inv([1 2; 2 4])",
            "ans =\n\n   Inf   Inf\n   Inf   Inf",
            "singular: det(A) = 0 exactly",
        ),
        warn(
            "[1 2; 2 4]^-1",
            "ans =\n\n   Inf   Inf\n   Inf   Inf",
            "singular: det(A) = 0 exactly",
        ),
        out("[1 2; 3 4]^-1", "ans =\n\n     -2      1\n    3/2   -1/2"),
        // Functions added for Octave parity and data files; values by hand:
        // rot90 turns counter-clockwise, circshift moves right along dim 2,
        // cov with opt 1 divides by N (var_N([1 2 3 4]) = 1.25, y = 2x),
        // corr([1 2 3], [2 4 7]) = 5 / sqrt(2 * 114/9) = 5*sqrt(3)/sqrt(76) = 5*sqrt(57)/38.
        out("fliplr([1 2 3])", "ans =\n\n   3   2   1"),
        out("flipud([1; 2])", "ans =\n\n   2\n   1"),
        out("rot90([1 2; 3 4], 1)", "ans =\n\n   2   4\n   1   3"),
        out("circshift([1 2 3 4], 1, 2)", "ans =\n\n   4   1   2   3"),
        out("blkdiag(1, 2)", "ans =\n\n   1   0\n   0   2"),
        out("cat(1, [1 2], [3 4])", "ans =\n\n   1   2\n   3   4"),
        out("ndims([1 2])", "ans = 2"),
        out("isrow([1 2 3])", "ans = 1"),
        out("iscolumn([1 2])", "ans = 0"),
        out("issquare(eye(2))", "ans = 1"),
        out("istriu([1 2; 0 3])", "ans = 1"),
        out("istril([1 2; 0 3])", "ans = 0"),
        out("isbanded([1 2 0; 3 4 5; 0 6 7], 1, 1)", "ans = 1"),
        out("isbanded([1 2 9; 3 4 5; 0 6 7], 1, 1)", "ans = 0"),
        out("ishermitian([2 1; 1 2], 0)", "ans = 1"),
        out("factorial(5)", "ans = 120"),
        out("nchoosek(5, 2)", "ans = 10"),
        out("randi(1, 2, 3)", "ans =\n\n   1   1   1\n   1   1   1"),
        out("cov([1 2 3 4], [2 4 6 8], 1)", "ans = 5/2"),
        out("corr([1 2 3], [2 4 7])", "ans = 5*sqrt(57)/38"),
        out("vecnorm([3 4; 0 0], 2, 2)", "ans =\n\n   5\n   0"),
        out("sqrtm([4 0; 0 9])", "ans =\n\n   2   0\n   0   3"),
        out("logm(eye(2))", "ans =\n\n   0   0\n   0   0"),
        err(
            "csvread('no-such-file.csv')",
            "csvread: cannot read 'no-such-file.csv'",
        ),
        err("dlmread('no-such-file.txt', ',')", "dlmread: cannot read"),
    ]
}

fn check(src: &str, want: &Want) -> Option<String> {
    let r = eval(src);
    let stdout = r.stdout.trim_end();
    let first = r.stderr.lines().next().unwrap_or("");
    let problem = match want {
        Want::Out(s) => {
            if r.status != 0 || !r.stderr.is_empty() || stdout != s.trim_end() {
                Some(format!("want stdout {s:?}"))
            } else {
                None
            }
        }
        Want::Err(frag) => {
            if r.status != 1 || !first.starts_with("error: ") || !first.contains(frag.as_str()) {
                Some(format!("want an error containing {frag:?}"))
            } else {
                None
            }
        }
        Want::Warn(s, frag) => {
            let warned = r
                .stderr
                .lines()
                .any(|l| l.starts_with("warning: ") && l.contains(frag.as_str()));
            if r.status != 0 || !warned || stdout != s.trim_end() {
                Some(format!(
                    "want stdout {s:?} and a warning containing {frag:?}"
                ))
            } else {
                None
            }
        }
    };
    if r.stderr.contains("panicked") {
        return Some(format!("{src}: panicked: {}", r.stderr));
    }
    problem.map(|p| {
        format!(
            "{src}\n    {p}\n    got status {}, stdout {:?}, stderr {:?}",
            r.status, r.stdout, first
        )
    })
}

#[test]
fn every_argument_changes_the_result_or_is_refused() {
    let table = rows();
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| loop {
                let k = next.fetch_add(1, Ordering::Relaxed);
                let Some((src, want)) = table.get(k) else {
                    break;
                };
                if let Some(f) = check(src, want) {
                    failures.lock().unwrap().push(f);
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n\n{}",
        failures.len(),
        table.len(),
        failures.join("\n\n")
    );
}

/// Every built-in of the registry appears in the table (so a new one gets
/// its rows), and every argument position it accepts is exercised.
#[test]
fn the_table_covers_every_builtin_and_argument() {
    let table = rows();
    let calls = |name: &str| -> Vec<&String> {
        table
            .iter()
            .map(|(src, _)| src)
            .filter(|src| {
                src.match_indices(&format!("{name}(")).any(|(at, _)| {
                    !src[..at]
                        .chars()
                        .last()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_')
                })
            })
            .collect()
    };
    // Constants and the timer take no arguments.
    let no_args = [
        "pi", "e", "Inf", "NaN", "true", "false", "i", "j", "tic", "toc", "lasterr", "realmax",
        "realmin", "flintmax",
    ];
    let mut missing = Vec::new();
    for b in la::builtins::all() {
        if no_args.contains(&b.name) {
            continue;
        }
        let found = calls(b.name);
        if found.is_empty() {
            missing.push(format!("{}: no row", b.name));
            continue;
        }
        // The most arguments any row passes (counted at the top level).
        let most = found
            .iter()
            .filter_map(|src| arg_count(src, b.name))
            .max()
            .unwrap_or(0);
        let wanted = if b.max_args == la::builtins::MANY {
            b.min_args.max(2)
        } else {
            b.max_args
        };
        if most < wanted {
            missing.push(format!(
                "{}: rows pass at most {most} of {wanted} arguments",
                b.name
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// Number of top-level arguments of the first call `name(...)` in `src`.
fn arg_count(src: &str, name: &str) -> Option<usize> {
    let pat = format!("{name}(");
    let start = src.match_indices(&pat).find_map(|(at, _)| {
        let ok = !src[..at]
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        ok.then_some(at + pat.len())
    })?;
    let (mut depth, mut count, mut quoted, mut any) = (0i32, 1, false, false);
    let mut prev = ' ';
    for c in src[start..].chars() {
        // A quote right after a value is a transpose, not a string.
        let transpose = !quoted && (prev.is_alphanumeric() || ")]'.".contains(prev));
        if !c.is_whitespace() {
            prev = c;
        }
        match c {
            '\'' if transpose => {}
            '\'' => quoted = !quoted,
            _ if quoted => {}
            '(' | '[' => depth += 1,
            ')' | ']' if depth > 0 => depth -= 1,
            ')' => return Some(if any { count } else { 0 }),
            ',' if depth == 0 => count += 1,
            _ => {}
        }
        if !c.is_whitespace() {
            any = true;
        }
    }
    None
}
