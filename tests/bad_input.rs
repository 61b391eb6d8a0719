//! Robustness (issue 6): a table of malformed and hostile inputs, each run
//! through the real binary and checked for a clean answer:
//!
//! - exit status 1 (2 for bad command-line usage),
//! - exactly one stderr line starting with `error:`,
//! - a ` --> SOURCE:LINE:COL` location under it (file-level problems such as a
//!   missing script get a one-line error instead),
//! - no panic text (`panicked`, `internal error`) and no death by signal,
//! - done within `TIMEOUT` (the child is killed and the case fails otherwise).
//!
//! The cases run in parallel worker threads. Every built-in in the registry is
//! also called with too few/too many arguments and outputs and with arguments
//! of every wrong type, and every decomposition gets NaN and Inf input.
//! Known bugs live in `known_bugs()`: an ignored test runs them, and each moves
//! back into `cases()` when its fix lands.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A hang detector, not a speed test: far above what any case needs (the
/// slowest take about a second in a release build), so a loaded machine or
/// an unoptimised build does not trip it.
const TIMEOUT: Duration = Duration::from_secs(60);
/// Memory limit given to every case that evaluates code, so a case that slips
/// past the checks cannot hurt the machine.
const MAX_MEMORY: &str = "1G";
/// Output kept per stream; a runaway printer is cut off here.
const KEEP_OUTPUT: usize = 1 << 20;
const WORKERS: usize = 4;
/// Address space allowed beyond `--max-memory` (stacks, code, allocator
/// slack, one temporary copy). The child runs under `ulimit -v`, so an
/// allocation that slips past the memory checks aborts and fails the case
/// instead of quietly using the machine's memory.
const ADDRESS_SLACK_MB: u64 = 1536;

#[derive(Clone, Debug)]
enum Input {
    /// `la --max-memory M -e SRC`
    Eval(String),
    /// The bytes written to a temporary `case.la`, run as `la --max-memory M case.la`.
    Script(Vec<u8>),
    /// The bytes fed on standard input to `la --max-memory M`.
    Stdin(Vec<u8>),
    /// Raw command-line arguments (no `--max-memory` added).
    Argv(Vec<OsString>),
    /// `data.txt` with these bytes in the working directory, then `-e SRC`.
    WithFile(Vec<u8>, String),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Expect {
    /// Exit 1, one `error:` line, followed by a ` --> SRC:LINE:COL` line.
    Error,
    /// Exit 1 and a single stderr line, `error: ...` (file-level problems).
    OneLine,
    /// Exit 2 and an `error:` line (bad command-line usage).
    Usage,
    /// Exit 0 and no `error:` line (input that must work, e.g. CRLF + BOM).
    Works,
    /// Either `Works` or `Error`: the input may be valid, but it must not
    /// panic, hang, or fail without a position.
    Clean,
}

#[derive(Clone, Debug)]
struct Case {
    name: String,
    input: Input,
    expect: Expect,
    max_memory: &'static str,
    /// Text that must appear in stderr (Error) or stdout (Works).
    contains: Option<String>,
    /// The exact location, e.g. `2:5`, when it matters.
    at: Option<&'static str>,
    /// A known bug in the core makes this case fail today: what it is.
    bug: Option<&'static str>,
}

impl Case {
    fn new(name: impl Into<String>, input: Input, expect: Expect) -> Case {
        Case {
            name: name.into(),
            input,
            expect,
            max_memory: MAX_MEMORY,
            contains: None,
            at: None,
            bug: None,
        }
    }
    fn mem(mut self, m: &'static str) -> Case {
        self.max_memory = m;
        self
    }
    fn says(mut self, s: impl Into<String>) -> Case {
        self.contains = Some(s.into());
        self
    }
    fn at(mut self, loc: &'static str) -> Case {
        self.at = Some(loc);
        self
    }
    /// Marks a case that fails because of a known bug (it then runs only with
    /// `--ignored`). No case needs it at the moment; kept for the next one.
    #[allow(dead_code)]
    fn bug(mut self, what: &'static str) -> Case {
        self.bug = Some(what);
        self
    }
}

fn err(name: &str, src: impl Into<String>) -> Case {
    Case::new(name, Input::Eval(src.into()), Expect::Error)
}
fn clean(name: &str, src: impl Into<String>) -> Case {
    Case::new(name, Input::Eval(src.into()), Expect::Clean)
}
fn works(name: &str, src: impl Into<String>) -> Case {
    Case::new(name, Input::Eval(src.into()), Expect::Works)
}
fn script(name: &str, bytes: impl Into<Vec<u8>>, expect: Expect) -> Case {
    Case::new(name, Input::Script(bytes.into()), expect)
}
fn stdin(name: &str, bytes: impl Into<Vec<u8>>, expect: Expect) -> Case {
    Case::new(name, Input::Stdin(bytes.into()), expect)
}
fn argv(name: &str, args: &[&str], expect: Expect) -> Case {
    Case::new(
        name,
        Input::Argv(args.iter().map(OsString::from).collect()),
        expect,
    )
}

fn nested(open: &str, inner: &str, close: &str, n: usize) -> String {
    format!("{}{inner}{}", open.repeat(n), close.repeat(n))
}

/// Every case expected to pass today.
fn cases() -> Vec<Case> {
    let mut v = Vec::new();
    v.extend(syntax_errors());
    v.extend(eval_errors());
    v.extend(index_errors());
    v.extend(huge_sizes());
    v.extend(decompositions());
    v.extend(nesting_and_long_input());
    v.extend(files_and_encodings());
    v.extend(command_line());
    v.extend(session_files());
    v.extend(fuzz_findings());
    v.extend(registry_cases());
    v
}

fn syntax_errors() -> Vec<Case> {
    vec![
        err("unclosed paren", "x = (1 + 2")
            .says("unclosed '('")
            .at("1:5"),
        err("unclosed bracket", "x = [1 2; 3 4").says("unclosed '['"),
        // The error is where `=` cannot be a matrix element; it names the cause.
        err("unclosed bracket over lines", "x = [1 2\n3 4\ny = 2")
            .says("(the '[' at line 1, column 5 is never closed)")
            .at("3:3"),
        err("stray close paren", "x = 1 + 2)")
            .says("parse error")
            .at("1:10"),
        err("stray close bracket", "x = 1]").says("parse error"),
        // No message asserted: today "parse error: expected an expression",
        // where the double-quoted case says "unterminated string".
        err("unclosed single-quoted string", "s = 'abc"),
        err("unclosed double-quoted string", "s = \"abc").says("unterminated string"),
        err("string broken by newline", "s = 'ab\ncd'"),
        err("dangling operator", "x = 1 +").says("parse error"),
        err("leading binary operator", "* 2").says("parse error"),
        err("assignment without value", "x =").says("parse error"),
        err("assignment without target", "= 3").says("parse error"),
        err("double assignment", "a = b = 3").says("parse error"),
        err("assign to a literal", "1 = x").says("parse error"),
        clean("assign to a call result", "sin(1) = 2"),
        err("two operands in a row", "x = 1 2").says("parse error"),
        err("unclosed call", "sin(1,").says("unclosed '('"),
        err("empty argument", "max(1,,2)").says("parse error"),
        err("empty matrix element", "[1,,2]").says("parse error"),
        err("if without end", "if 1\n x = 2")
            .says("'if' is never closed")
            .at("1:1"),
        err("for without end", "for k = 1:3\n k").says("'for' is never closed"),
        err("while without end", "while 0").says("'while' is never closed"),
        err("function without end", "function y = f(x)\n y = x;")
            .says("'function' is never closed"),
        err("end without block", "x = 1\nend")
            .says("'end' closes no block")
            .at("2:1"),
        err("else without if", "else\n x = 1").says("parse error"),
        err("elseif without if", "elseif 1").says("parse error"),
        err("endfor closes an if", "if 1, x = 1; endfor")
            .says("'endfor' cannot close the 'if' at line 1, column 1")
            .at("1:14"),
        err("for without variable", "for = 1:3, end").says("parse error"),
        err("for without range", "for k, end").says("parse error"),
        err("keyword as variable", "if = 3").says("parse error"),
        err("end as variable", "end = 1").says("parse error"),
        err("function with bad params", "function f(1)\nend").says("parse error"),
        err("anonymous function without body", "f = @(x)").says("parse error"),
        err("anonymous function unclosed params", "f = @(x").says("unclosed '('"),
        err("lone at sign", "@").says("parse error"),
        err("number with two dots", "x = 1.2.3").says("parse error"),
        err("exponent without digits", "x = 1e").says("parse error"),
        err("exponent sign without digits", "x = 1e+").says("parse error"),
        err("number glued to a name", "x = 3abc").says("parse error"),
        err("dollar sign", "x = $y").says("parse error"),
        err("backtick", "x = `ls`").says("parse error"),
        err("cell braces on an undefined name", "x{1}").says("undefined"),
        works("struct field", "s.field = 1"),
        err("structure array element", "s(2).field = 1").says("structure arrays are not supported"),
        err("field of a number", "s = 1; s.field = 1").says("not a structure"),
        err("increment without a variable", "1++").says("parse error"),
        err("compound op without rhs", "x = 1; x +=").says("parse error"),
        err("space inside compound op", "x = 1; x + = 1").says("parse error"),
        err("unterminated block comment", "%{\nx = 1\n").says("unterminated block comment"),
        err("continuation at end of input", "x = 1 + ...").says("parse error"),
        err("non-ASCII operator", "x = 2 × 3").says("parse error"),
        err("non-ASCII identifier", "ä = 1").says("parse error"),
        err("emoji", "x = 😀").says("parse error"),
        err("zero-width space", "x\u{200b} = 1").says("parse error"),
        err("control character", "x = 1\u{7}").says("parse error"),
        clean("nested function definition", "if 1\nfunction f()\nend\nend"),
        err("multi-assign to a literal", "[a, 1] = size(1)").says("parse error"),
        err("multi-assign unclosed", "[a, b = size(1)").says("unclosed '['"),
        err(
            "error on line 3 after good lines",
            "a = 1;\nb = 2;\nc = (3\n",
        )
        .says("unclosed '('"),
        err("tab before error", "\tx = )").says("parse error"),
    ]
}

fn eval_errors() -> Vec<Case> {
    vec![
        err("undefined variable", "y = nosuch + 1")
            .says("'nosuch' undefined")
            .at("1:5"),
        err("undefined function", "nosuchfn(1)").says("'nosuchfn' undefined"),
        err("nonconformant plus", "[1 2] + [1 2 3]").says("nonconformant"),
        err("nonconformant times", "[1 2] * [3 4]").says("nonconformant"),
        err("nonconformant elementwise", "[1 2; 3 4] .* [1 2 3]").says("nonconformant"),
        err("nonconformant compare", "[1 2] == [1 2 3]").says("nonconformant"),
        err("nonconformant and", "[1 0] & [1 0 1]").says("nonconformant"),
        err("nonconformant backslash", "[1 2; 3 4] \\ [1 2 3]").says("nonconformant"),
        err("nonconformant slash", "[1 2 3] / [1 2; 3 4]").says("nonconformant"),
        err("vertical dimensions mismatch", "[1 2; 3]").says("vertical dimensions mismatch"),
        err("horizontal dimensions mismatch", "[ones(2), ones(3)]")
            .says("horizontal dimensions mismatch"),
        err("nested concat mismatch", "[[1 2]; [1 2 3]]").says("dimensions mismatch"),
        err("power of a non-square matrix", "[1 2 3]^2").says("only square matrix"),
        err("matrix power of a matrix", "[1 2; 3 4]^[1 2; 3 4]").says("only square matrix"),
        err("operator on a function handle", "f = @sin; f + 1").says("function_handle"),
        err("transpose a function handle", "f = @sin; f'").says("function handle"),
        err("handle in a matrix", "[@sin, @cos]").says("function handles cannot be used here"),
        err(
            "anonymous function with too many args",
            "f = @(x) x; f(1, 2)",
        )
        .says("too many inputs"),
        err(
            "user function with too many args",
            "function y = f(x)\n y = x;\nend\nf(1, 2)",
        )
        .says("too many inputs"),
        err(
            "user function with too many outputs",
            "function y = f(x)\n y = x;\nend\n[a, b] = f(1)",
        )
        .says("too many outputs"),
        err("output never set", "function y = f(x)\n x;\nend\nz = f(1)").says("never set"),
        err("multi-assign from a number", "[a, b] = 5").says("undefined in return list"),
        err("unbounded recursion", "function f()\n f();\nend\nf()").says("max_recursion_depth"),
        err(
            "mutual recursion",
            "function a()\n b();\nend\nfunction b()\n a();\nend\na()",
        )
        .says("max_recursion_depth"),
        err("error() builtin", "error('boom')").says("boom"),
        err("assert failure", "assert(false)").says("failed"),
        err("if on a handle", "if @sin, end").says("function handle"),
        err(
            "while on a string compare mismatch",
            "while 'ab' == 'abc', end",
        )
        .says("nonconformant"),
        err(
            "index into a function-handle result",
            "f = @() 1; f(1, 2, 3)",
        )
        .says("too many inputs"),
        err("call a number", "x = 3; x(1, 1, 1, 2)").says("x(_,_,_,2): out of bound 1"),
        err("load a missing file", "load /nonexistent/dir/file.mat").says("cannot read"),
        err(
            "save into a missing directory",
            "x = 1; save /nonexistent/dir/x.mat",
        )
        .says("cannot write"),
        err("format with a bad style", "format bogus").says("unknown format"),
        clean("clear junk", "clear 1abc"),
        clean("help for an unknown name", "help nosuchthing"),
        clean("if on NaN", "if NaN, x = 1; end"),
        clean("while on empty", "while [], end"),
        clean("colon with NaN", "x = 1:NaN"),
        clean("colon with zero step", "x = 1:0:5"),
        clean("integer power overflow", "x = 2^100000"),
        clean(
            "exact fraction blow-up",
            "x = 1/3; for k = 1:40, x = x^2 + 1/7; end",
        ),
        clean("exact matrix power", "A = [1 2; 3 4]^100000"),
        clean("huge decimal literal", format!("x = 1{}", "0".repeat(5000))),
        clean(
            "huge decimal fraction",
            format!("x = 0.{}1", "0".repeat(5000)),
        ),
        clean("huge exponent literal", "x = 1e999999999999"),
        clean("printf with missing args", "printf(\"%d %d %s\\n\", 1)"),
        clean("printf with a lone percent", "printf(\"%\", 1)"),
        clean("printf with star width", "printf(\"%*d\", 5, 1)"),
        clean("num2str with huge precision", "num2str(pi, 1e9)"),
        clean("break at top level", "break"),
        clean("return at top level", "return"),
        clean("division by zero", "x = 1/0, y = 0/0, z = [1 2] / 0"),
        clean("mod by zero", "mod(5, 0), rem(5, 0)"),
        works(
            "assign through a mask of itself",
            "A = [1 2; 3 4]; A(A > 3) = -1",
        )
        .says("-1"),
        works("index by an element of itself", "x = 1:5; x(x(2)) = 9"),
        works("power written **", "z = 2 ** 3").says("z = 8"),
        works("exit as a function", "x = 1; exit(0)"),
        clean(
            "sprintf with a huge width",
            "s = sprintf(\"%1000000000d\", 1);",
        )
        .mem("100M"),
        clean(
            "sprintf with a huge precision",
            "s = sprintf(\"%.1000000000f\", 1);",
        )
        .mem("100M"),
        err("grow by a huge range index", "x = 1:3; x(end+1:1e10) = 1").says("too large"),
    ]
}

fn index_errors() -> Vec<Case> {
    vec![
        err("row out of bounds", "A = [1 2; 3 4]; A(3, 1)").says("out of bound"),
        err("linear index out of bounds", "x = 1:3; x(4)").says("out of bound"),
        err("index zero", "x = 1:3; x(0)").says("subscripts must be"),
        err("negative index", "x = 1:3; x(-1)").says("subscripts must be"),
        err("fractional index", "x = 1:3; x(1.5)").says("subscripts must be"),
        err("NaN index", "x = 1:3; x(NaN)").says("subscripts must be"),
        err("Inf index", "x = 1:3; x(Inf)").says("subscripts must be"),
        err("huge index", "x = 1:3; x(1e20)").says("subscripts must be"),
        err("three subscripts", "A = eye(2); A(1, 1, 2)").says("A(_,_,2): out of bound 1"),
        err("char index", "x = 1:3; x('a')").says("out of bound"),
        err("logical mask too long", "x = 1:3; x(logical([1 0 1 1]))").says("out of bound"),
        err("end past the end", "x = 1:3; x(end + 1)").says("out of bound"),
        err("assign at index zero", "x = 1:3; x(0) = 1").says("subscripts must be"),
        err("assign at negative index", "x(-1) = 1").says("subscripts must be"),
        err("assign at fractional index", "x(1.5) = 1").says("subscripts must be"),
        err("assign at NaN index", "x(NaN) = 1").says("subscripts must be"),
        err("assign wrong count", "x = 1:3; x([1 2]) = [1 2 3]").says("nonconformant"),
        err("assign wrong shape", "A = eye(3); A(:, 1) = [1 2]").says("nonconformant"),
        err("assign a handle into a matrix", "x = 1:3; x(2) = @sin")
            .says("function handles cannot be used here"),
        err("delete out of range", "x = 1:3; x(5) = []").says("out of bound"),
        err("delete one element of a matrix", "A = eye(2); A(1, 1) = []").says("null assignment"),
        err("index an undefined variable", "nosuch(1)").says("'nosuch' undefined"),
        err("end outside an index", "x = end").says("invalid use of 'end'"),
        // Octave 7.3: "invalid use of 'end': may only be used to index existing value".
        err("end in a call of a handle", "f = @(x) x.^2; f(end)").says("invalid use of 'end'"),
        err("index a scalar out of range", "x = 5; x(2, 2)").says("out of bound"),
        // The caret is at the index itself, not at the start of the statement.
        err(
            "index out of range inside an expression",
            "A = [1 2; 3 4]; y = 2 + A(3, 1)",
        )
        .says("out of bound 2")
        .at("1:25"),
        err("index a literal out of range", "y = [1 2 3](4)")
            .says("out of bound 3")
            .at("1:5"),
        err("index with a handle", "x = 1:3; x(@sin)").says("function handle"),
        err("index with a complex number", "x = 1:3; x(1i)").says("complex"),
        clean("index with empty", "x = 1:3; x([])"),
        clean("chained index", "x = 1:3; x(2)(1)"),
        clean("grow by assignment", "x = []; x(3) = 1; x(2, 4) = 2"),
        clean("logical index on empty", "x = []; x(x > 0)"),
    ]
}

fn huge_sizes() -> Vec<Case> {
    vec![
        err("zeros 1e6 x 1e6", "zeros(1e6, 1e6)").says("limit"),
        err("ones 1e5 square", "ones(1e5)").says("too large"),
        err("eye 1e6", "eye(1e6)").says("too large"),
        err("rand 1e6", "rand(1e6)").says("too large"),
        err("randn huge", "randn(1e5, 1e5)").says("too large"),
        err("magic huge", "magic(1e6)").says("too large"),
        err("hilb huge", "hilb(1e5)").says("too large"),
        err("zeros Inf", "zeros(Inf)").says("must be integers"),
        err("zeros NaN", "zeros(NaN)").says("must be integers"),
        err("range 1:1e12", "1:1e12").says("limit"),
        err("range with tiny step", "0:1e-12:1").says("too large"),
        err("range to Inf", "1:Inf").says("never ends"),
        err("range from -Inf", "x = -Inf:0").says("never ends"),
        err("linspace huge", "linspace(0, 1, 1e12)").says("too large"),
        err("grow to 1e10 by index", "x(1e10) = 1").says("limit"),
        err("grow to 1e5 x 1e5 by index", "x(1e5, 1e5) = 1").says("too large"),
        err("grow a column to 1e10", "A = 1; A(:, 1e10) = 1").says("too large"),
        err("grow past end", "x = []; x(end + 1e10) = 1").says("too large"),
        err("index 2^64", "x(2^64) = 1").says("x(1.84467e+19): subscripts must be"),
        err("product too big", "ones(1e5, 1) * ones(1, 1e5)").says("limit"),
        err("product too big after transpose", "x = 1:1e5; y = x' * x").says("too large"),
        err("kron too big", "kron(ones(1000), ones(1000))").says("too large"),
        err("repmat too big", "repmat(1, 1e6, 1e6)").says("too large"),
        err("repmat a string too big", "repmat('ab', 1e5, 1e5)").says("too large"),
        err("reshape to the wrong count", "reshape(1:6, 4, 2)").says("can't reshape"),
        err("reshape to a huge shape", "reshape(1:6, 1e10, 1e10)").says("can't reshape"),
        err("reshape with a negative size", "reshape(1:6, -1, -6)").says("can't reshape"),
        err("diag of a long vector", "diag(ones(1, 1e5))")
            .says("too large")
            .mem("100M"),
        err(
            "grow a 3000x3000 matrix by index",
            "A = zeros(3000); A(6000, 6000) = 1",
        )
        .says("too large")
        .mem("100M"),
        err("outer product under 100M", "ones(1e4, 1) * ones(1, 1e4)")
            .says("too large")
            .mem("100M"),
        err(
            "string repeat in a loop",
            "s = 'x'; for k = 1:40, s = [s s]; end",
        )
        .says("too large")
        .mem("100M"),
        clean("zeros negative", "zeros(-1)"),
        clean("zeros fractional", "zeros(1.5)"),
        clean("zeros 0 x 1e12", "zeros(0, 1e12)"),
        clean("ones with three dims", "ones(2, 3, 4)"),
        clean("power of a matrix 1e9", "A = [1 1; 1 0] * 0.5; A^1e9"),
        clean("magic 0 and negative", "magic(0), magic(-3)"),
        clean("linspace negative count", "linspace(0, 1, -5)"),
    ]
}

/// NaN and Inf into every decomposition and solver, plus the awkward shapes
/// (empty, non-square, complex, text, handle). While a built-in is not wired
/// in yet these end with "'svd' undefined", which is still a clean error.
fn decompositions() -> Vec<Case> {
    let fns = [
        "svd",
        "eig",
        "inv",
        "det",
        "chol",
        "lu",
        "qr",
        "rank",
        "null",
        "orth",
        "pinv",
        "expm",
        "cond",
        "rcond",
        "rref",
        "norm",
        "roots",
        "poly",
        "charpoly",
        "pca",
        "isposdef",
        "definiteness",
        "issingular",
    ];
    let inputs = [
        ("NaN", "[1 NaN; 2 3]"),
        ("Inf", "[Inf 1; 1 1]"),
        ("-Inf", "[1 2; -Inf 4]"),
        ("all NaN", "NaN(3)"),
        ("large all-Inf", "Inf * ones(20)"),
    ];
    let mut v = Vec::new();
    for f in fns {
        for (what, m) in inputs {
            v.push(clean(&format!("{f} of {what}"), format!("x = {f}({m})")));
        }
        v.push(clean(
            &format!("{f} with two outputs of NaN"),
            format!("[a, b] = {f}([NaN 1; 1 1])"),
        ));
        v.push(clean(&format!("{f} of empty"), format!("x = {f}([])")));
        v.push(clean(&format!("{f} of a string"), format!("x = {f}('ab')")));
        v.push(clean(
            &format!("{f} of complex"),
            format!("x = {f}([1i 2; 3 4])"),
        ));
        v.push(
            err(&format!("{f} of a handle"), format!("x = {f}(@sin)"))
                .says("must be a number, not a function handle"),
        );
    }
    for f in ["inv", "det", "chol", "eig", "expm", "charpoly", "lu"] {
        v.push(clean(
            &format!("{f} of a non-square matrix"),
            format!("x = {f}(ones(2, 3))"),
        ));
    }
    v.extend([
        clean("mldivide with NaN", "x = [1 NaN; 2 3] \\ [1; 2]"),
        clean("mrdivide with Inf", "x = [1 2] / [Inf 1; 1 1]"),
        clean("singular solve", "x = [1 2; 2 4] \\ [1; 2]"),
        clean("chol of an indefinite matrix", "chol([1 2; 2 -4])"),
        clean("roots of all zeros", "roots([0 0 0])"),
        clean("roots with Inf", "roots([1 Inf 2])"),
        clean("polyval with NaN", "polyval([1 NaN], 2)"),
        clean("norm with a bad type", "norm([1 2], 'bogus')"),
        clean("norm with p = NaN", "norm([1 2], NaN)"),
        clean("lstsq with NaN", "lstsq([1 2; 3 NaN; 5 6], [1; 2; 3])"),
        clean("matrix to a fractional power", "[1 2; 3 4]^0.5"),
        clean("matrix to a NaN power", "[1 2; 3 4]^NaN"),
        clean("inverse of a singular matrix", "inv([1 2; 2 4])"),
        clean("eig of a large NaN matrix", "eig(NaN(60))"),
        clean("svd of a large Inf matrix", "svd(Inf(60))"),
    ]);
    v
}

fn nesting_and_long_input() -> Vec<Case> {
    let long_sum = format!("x = 1{}", "+1".repeat(50_000));
    let long_row = format!("x = [{}1]", "1,".repeat(50_000));
    vec![
        err(
            "10000 nested parens",
            format!("x = {}", nested("(", "1", ")", 10_000)),
        )
        .says("nested"),
        err(
            "10000 nested brackets",
            format!("x = {}", nested("[", "1", "]", 10_000)),
        )
        .says("nested too deeply"),
        err(
            "10000 nested calls",
            format!("x = {}", nested("abs(", "1", ")", 10_000)),
        )
        .says("nested too deeply"),
        err("10000 unclosed parens", "(".repeat(10_000)).says("nested too deeply"),
        clean(
            "10000 nested ifs",
            nested("if 1\n", "x = 1;\n", "end\n", 10_000),
        ),
        clean(
            "10000 nested fors",
            nested("for k = 1\n", "x = 1;\n", "end\n", 10_000),
        ),
        err("50000 transposes", format!("x = 1{}", "'".repeat(50_000))).says("nested"),
        err("50000 unary minus", format!("x = {}1", "-".repeat(50_000))).says("nested too deeply"),
        err("50000 nots", format!("x = {}1", "!".repeat(50_000))).says("nested too deeply"),
        err("50000 powers", format!("x = 1{}", "^1".repeat(50_000))).says("nested too deeply"),
        clean(
            "nested anonymous functions",
            format!("f = {}1", "@() ".repeat(10_000)),
        ),
        clean("100000-character sum", long_sum),
        works("100000-character row", long_row),
        err(
            "100000-character undefined name",
            format!("x = {} + 1", "a".repeat(100_000)),
        )
        .says("undefined"),
        err(
            "error at the end of a 100000-character line",
            format!("x = [{}1 +]", "1 ".repeat(50_000)),
        )
        .says("parse error"),
        clean(
            "100000-character string",
            format!("s = '{}'", "x".repeat(100_000)),
        ),
        clean(
            "100000-character comment",
            format!("x = 1 % {}", "c".repeat(100_000)),
        ),
        script(
            "20000-line script",
            "x = 1;\n".repeat(20_000).into_bytes(),
            Expect::Works,
        ),
        script(
            "error on line 20001",
            format!("{}y = nosuch\n", "x = 1;\n".repeat(20_000)).into_bytes(),
            Expect::Error,
        )
        .says("'nosuch' undefined")
        .at("20001:5"),
        err(
            "recursion through anonymous functions",
            "f = @(g, x) g(g, x); f(f, 1)",
        )
        .says("max_recursion_depth"),
        err(
            "20 unclosed call-and-bracket pairs",
            format!("x = {}", "f([".repeat(20)),
        )
        .says("unclosed '['"),
        err(
            "20 unclosed bracket-minus-call",
            format!("x = {}", "[1 - f(".repeat(20)),
        )
        .says("unclosed '('"),
    ]
}

/// Inputs the fuzzer reported (lossy UTF-8, as the fuzz target decodes them).
fn fuzz_findings() -> Vec<Case> {
    let hang = |name: &str, src: &str| err(name, src);
    vec![
        // "fuzz oom-aba8c6a0" (displaying `8880:8^8` built 1.3 GB of cell
        // strings) has its own test: `display_of_a_huge_result_costs_only_its_text`.
        hang(
            "fuzz timeout-3daafe1c",
            "\u{feff}ptilb1iu(I*(sf~=printf(isefontf(isb1iu(I*(sf~=printf(isefontf(isefor([1 - sd1  r-[(sdspg(M([is0efur([0 - sdspg()* diag(efor([1 - sd1  r-[(sdspg(M([is0efur([0 - sdspg()* diag([1 floor(ag(M),@\u{fffd}r([1 - sd1  r-[(sdspg(M([is0efur([0 - sdspg()* \u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{5e4}\u{fffd}\u{fffd}floor(ag(M),@\u{fffd}",
        ).says("parse error"),
        hang(
            "fuzz timeout-6fe7b90a",
            "dniptilb1iu(I( 1), 2\\mpsf~=printf(isefor([1 - sdspg(M([%{defur\r\n0 - sdspg()* iptilb1iu(I( 1), 2\\mpsf~=printf(ismpsf~=printf(isefor([1 - sdspg(MI([isdefur\r\n0 - sdspg()* diadiag([efor([1 - sdspg(MI([isdefur\r\n0 - sdspg()* diadiag([1 floor(ac(M!=),@\u{fffd}",
        ).says("parse error"),
        hang(
            "fuzz timeout-e6aec05c",
            "\u{feff}ptilb1iu(I*(sf~=prir-[(sdspg(M([is0efur([0 - sdspntf(isefontf(isefor([1 - sd1  r-[(sdspg(M([is0efur([sd1  r-[(sdspg(M([is0efur([0 - sdspg()* diag([1 floor0 - sdspg()* diag([1 floor(ag(M),@\u{fffd}r([1 - sd1  r-[(sdspg(M([is0efur([0 - sdspg()* diag([1 floor(ag(M),@\u{fffd}",
        ).says("parse error"),
    ]
}

fn crlf_bom_script() -> Vec<u8> {
    let mut s = b"\xef\xbb\xbf".to_vec();
    s.extend_from_slice(
        b"% a comment\r\nx = 1;\r\ny = x + 1\r\nif y == 2\r\n  disp('ok')\r\nend\r\n\
          %{\r\nblock comment\r\n%}\r\nA = [1 2\r\n3 4];\r\nz = 1 + ...\r\n  2\r\n\
          function r = twice(v)\r\n  r = 2 * v;\r\nend\r\nw = twice(4)\r\n",
    );
    s
}

fn files_and_encodings() -> Vec<Case> {
    vec![
        script("CRLF + BOM script works", crlf_bom_script(), Expect::Works).says("w = 8"),
        stdin(
            "CRLF + BOM on stdin works",
            crlf_bom_script(),
            Expect::Works,
        )
        .says("ok"),
        script(
            "error position in a CRLF script",
            b"x = 1;\r\ny = nosuch\r\n".to_vec(),
            Expect::Error,
        )
        .says("'nosuch' undefined")
        .at("2:5"),
        script(
            "error position after a BOM",
            b"\xef\xbb\xbfy = nosuch\n".to_vec(),
            Expect::Error,
        )
        .says("'nosuch' undefined")
        .at("1:5"),
        script(
            "CR-only line endings",
            b"x = 1\ry = 2\r".to_vec(),
            Expect::Clean,
        ),
        script("BOM only", b"\xef\xbb\xbf".to_vec(), Expect::Works),
        script("empty script", Vec::new(), Expect::Works),
        script(
            "invalid UTF-8 in a script",
            b"x = 1;\n\xff\xfe = 2\n".to_vec(),
            Expect::OneLine,
        )
        .says("line 2"),
        // In a comment, other bytes are accepted (issue 22), as Octave does.
        script(
            "truncated UTF-8 sequence in a comment at the end",
            b"x = 1; % caf\xc3".to_vec(),
            Expect::Works,
        ),
        script(
            "truncated UTF-8 sequence in code at the end",
            b"x = 1; y = caf\xc3".to_vec(),
            Expect::OneLine,
        )
        .says("invalid UTF-8"),
        script(
            "invalid UTF-8 inside a string",
            b"s = 'a\x80b'\n".to_vec(),
            Expect::OneLine,
        )
        .says("invalid UTF-8"),
        stdin(
            "invalid UTF-8 on stdin",
            b"x = 1\n\xc0\xaf\n".to_vec(),
            Expect::OneLine,
        )
        .says("invalid UTF-8 in input at line 2"),
        script("NUL byte in a script", b"x = 1\0\n".to_vec(), Expect::Error).says("parse error"),
        script("truncated script", b"x = [1 2\n3".to_vec(), Expect::Error).says("parse error"),
        script(
            "bracket left open in a script",
            b"x = 1;\ny = [1 2\nz = 3\n".to_vec(),
            Expect::Error,
        )
        .says("(the '[' at line 2, column 5 is never closed)")
        .at("3:3"),
        script(
            "truncated function",
            b"function y = f(x)\n  y = ".to_vec(),
            Expect::Error,
        )
        .says("parse error"),
        stdin(
            "stdin error has a position",
            b"x = 1;\ny = )\n".to_vec(),
            Expect::Error,
        )
        .says("parse error")
        .at("2:5"),
        script(
            "UTF-16 script",
            b"\xff\xfex\0 \0=\0 \x001\0".to_vec(),
            Expect::OneLine,
        )
        .says("invalid UTF-8"),
        script(
            "a 1 MB line of spaces then an error",
            format!("{}x = nosuch\n", " ".repeat(1 << 20)).into_bytes(),
            Expect::Error,
        )
        .says("'nosuch' undefined"),
        script(
            "binary junk",
            (0u8..=255).cycle().take(4096).collect::<Vec<_>>(),
            Expect::OneLine,
        )
        .says("invalid UTF-8"),
    ]
}

fn command_line() -> Vec<Case> {
    vec![
        argv(
            "missing script file",
            &["/nonexistent/dir/missing.la"],
            Expect::OneLine,
        )
        .says("No such file"),
        argv("directory as script", &["/"], Expect::OneLine).says("directory"),
        argv("unknown option", &["--bogus"], Expect::Usage).says("unknown option '--bogus'"),
        argv("-e without argument", &["-e"], Expect::Usage).says("-e needs an argument"),
        argv(
            "--max-memory without size",
            &["--max-memory"],
            Expect::Usage,
        )
        .says("--max-memory needs a size"),
        argv(
            "--max-memory junk",
            &["--max-memory", "lots"],
            Expect::Usage,
        )
        .says("--max-memory needs a size"),
        argv(
            "--max-memory negative",
            &["--max-memory", "-5G"],
            Expect::Usage,
        )
        .says("--max-memory needs a size"),
        argv("--max-memory zero", &["--max-memory", "0"], Expect::Usage)
            .says("--max-memory needs a size"),
        argv(
            "--max-memory bad unit",
            &["--max-memory", "5Q"],
            Expect::Usage,
        )
        .says("--max-memory needs a size"),
        argv(
            "error in the second -e",
            &["-e", "x = 1;", "-e", "y = nosuch"],
            Expect::Error,
        )
        .says("'nosuch' undefined"),
        argv(
            "tiny memory limit refuses a small matrix",
            &["--max-memory", "1K", "-e", "x = zeros(100)"],
            Expect::Error,
        )
        .says("too large"),
    ]
}

/// `load` of damaged session files: one located error each, never a panic or
/// an allocation sized by the file.
fn session_files() -> Vec<Case> {
    let load = |name: &str, bytes: &[u8], expect: Expect| {
        Case::new(
            name,
            Input::WithFile(bytes.to_vec(), "load data.txt".into()),
            expect,
        )
    };
    let h = "# la session v1\n";
    vec![
        load("load: empty file", b"", Expect::Error).says("no rows of numbers"),
        // Not a session file: read as numeric data, the text line skipped as a header.
        load("load: no header", b"A real 1 1\n5\n", Expect::Works),
        load(
            "load: huge dimensions",
            format!("{h}A real 1e10 1e10\n").as_bytes(),
            Expect::Error,
        )
        .says("data.txt:2"),
        load(
            "load: dimensions past the limit",
            format!("{h}A real 100000 100000\n1 2\n").as_bytes(),
            Expect::Error,
        )
        .says("matrix too large"),
        load(
            "load: dimensions overflow",
            format!("{h}A real 99999999999999999999 1\n").as_bytes(),
            Expect::Error,
        )
        .says("data.txt:2"),
        load(
            "load: negative dimensions",
            format!("{h}A real -1 2\n").as_bytes(),
            Expect::Error,
        )
        .says("data.txt:2"),
        load(
            "load: truncated matrix",
            format!("{h}A real 2 2\n1 2\n").as_bytes(),
            Expect::Error,
        )
        .says("file ends inside a matrix"),
        load(
            "load: short row",
            format!("{h}A complex 1 1\n1\n").as_bytes(),
            Expect::Error,
        )
        .says("expected 2 numbers"),
        load(
            "load: zero denominator",
            format!("{h}A rational 1 1\n1/0\n").as_bytes(),
            Expect::Error,
        )
        .says("bad fraction"),
        load(
            "load: bad fraction",
            format!("{h}A rational 1 1\n1/3/4\n").as_bytes(),
            Expect::Error,
        )
        .says("bad fraction"),
        load(
            "load: unterminated string",
            format!("{h}s string\n\"abc\n").as_bytes(),
            Expect::Error,
        )
        .says("bad string"),
        load(
            "load: unknown type",
            format!("{h}A quaternion 1 1\n1\n").as_bytes(),
            Expect::Error,
        )
        .says("unknown type 'quaternion'"),
        load(
            "load: invalid UTF-8",
            format!("{h}A real 1 1\n")
                .bytes()
                .chain(*b"\xff\n")
                .collect::<Vec<_>>()
                .as_slice(),
            Expect::Error,
        )
        .says("data.txt:3"),
        load(
            "load: binary junk",
            &(0u8..=255).cycle().take(4096).collect::<Vec<_>>(),
            Expect::Error,
        )
        .says("is not a number"),
        load(
            "load: a 1 MB line",
            format!("{h}A real 1 1\n{}\n", "9".repeat(1 << 20)).as_bytes(),
            Expect::Clean,
        ),
        load(
            "load: CRLF works",
            b"# la session v1\r\nA real 1 1\r\n5\r\n",
            Expect::Works,
        ),
        load(
            "load: BOM works",
            b"\xef\xbb\xbf# la session v1\nA real 1 1\n5\n",
            Expect::Works,
        ),
        load(
            "load: a keyword as a name",
            format!("{h}if real 1 1\n1\n").as_bytes(),
            Expect::Clean,
        ),
        load(
            "load: duplicate names",
            format!("{h}A real 1 1\nNaN\nA real 1 1\n2\n").as_bytes(),
            Expect::Clean,
        ),
        err("load: a directory", "load /").says("cannot read"),
        err("load: no file name", "load").says("file name is required"),
        err("save: no file name", "x = 1; save").says("file name is required"),
        err("save: onto a directory", "x = 1; save /").says("cannot write"),
    ]
}

/// Every built-in in the registry with too few and too many arguments, too
/// many outputs, and every wrong type of argument.
fn registry_cases() -> Vec<Case> {
    let bad_args = [
        "@sin",
        "'abc'",
        "[1 2; 3 4]",
        "1 + 2i",
        "[]",
        "NaN",
        "-Inf",
        "true",
        "1e308",
        "-1",
        "ones(3, 0)",
    ];
    let mut v = Vec::new();
    for b in la::builtins::all() {
        let name = b.name;
        let ones = |n: usize| vec!["1"; n].join(", ");
        if b.min_args > 0 {
            let src = format!("x = {name}({})", ones(b.min_args - 1));
            v.push(
                err(&format!("{name}: too few arguments"), src)
                    .says(format!("Invalid call to {name}")),
            );
        }
        if b.max_args != la::builtins::MANY && b.max_args < 20 {
            let src = format!("x = {name}({})", ones(b.max_args + 1));
            v.push(
                err(&format!("{name}: too many arguments"), src)
                    .says(format!("Invalid call to {name}")),
            );
        }
        if b.max_out < 10 {
            let outs: Vec<String> = (0..=b.max_out).map(|k| format!("o{k}")).collect();
            let src = format!(
                "[{}] = {name}({})",
                outs.join(", "),
                ones(b.min_args.max(1).min(b.max_args))
            );
            let row = err(&format!("{name}: too many outputs"), src);
            // `error(1)` and `warning(1)` raise their own error first, and printf/fprintf
            // refuse the number 1 as a template. A built-in with no
            // outputs says "element number 1 undefined in return list"
            // instead of naming itself (see the report on issue 20).
            v.push(match b.max_out {
                _ if matches!(name, "error" | "warning" | "printf" | "fprintf") => row,
                0 => row.says("undefined in return list"),
                _ => row.says(format!("{name}: function called with too many outputs")),
            });
        }
        let arity = b.min_args.max(1).min(b.max_args);
        if arity == 0 {
            continue;
        }
        for a in bad_args {
            // Every argument position gets the bad value in turn.
            for pos in 0..arity {
                let args: Vec<&str> = (0..arity).map(|k| if k == pos { a } else { "2" }).collect();
                let src = format!("x = {name}({})", args.join(", "));
                v.push(clean(&format!("{name}: {src}"), src));
            }
        }
    }
    v
}

/// Generated cases that fail today because of a bug in the core: a case-name
/// prefix and the bug. Remove an entry once its fix lands.
const REGISTRY_BUGS: &[(&str, &str)] = &[];

fn all_cases() -> Vec<Case> {
    let mut v = cases();
    for c in &mut v {
        if let Some((_, bug)) = REGISTRY_BUGS.iter().find(|(p, _)| c.name.starts_with(p)) {
            c.bug = c.bug.or(Some(bug));
        }
    }
    v
}

// ---------------------------------------------------------------- running

struct Outcome {
    status: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
    timed_out: bool,
    /// The name the binary uses for the source: `<input>`, `<stdin>` or the file.
    source: String,
}

fn scratch_dir() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = std::env::temp_dir().join(format!(
        "la-bad-input-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&d).expect("create scratch dir");
    d
}

/// `1G` / `100M` in MiB (round numbers are all the table uses).
fn parse_mb(size: &str) -> u64 {
    let (num, unit) = size.split_at(size.len() - 1);
    let n: u64 = num.parse().expect("size like 1G or 100M");
    match unit {
        "G" => n * 1024,
        "M" => n,
        _ => panic!("size like 1G or 100M"),
    }
}

/// Read a pipe to the end, keeping at most `KEEP_OUTPUT` bytes.
fn drain(mut r: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut kept = Vec::new();
        let mut buf = [0u8; 64 * 1024];
        while let Ok(n) = r.read(&mut buf) {
            if n == 0 {
                break;
            }
            let room = KEEP_OUTPUT.saturating_sub(kept.len());
            kept.extend_from_slice(&buf[..n.min(room)]);
        }
        kept
    })
}

fn run_case(case: &Case) -> Outcome {
    let dir = scratch_dir();
    let mut cmd = match &case.input {
        Input::Argv(_) => Command::new(env!("CARGO_BIN_EXE_la")),
        _ => {
            let mb = parse_mb(case.max_memory) + ADDRESS_SLACK_MB;
            let mut c = Command::new("sh");
            c.arg("-c")
                .arg(format!("ulimit -v {} && exec \"$0\" \"$@\"", mb * 1024))
                .arg(env!("CARGO_BIN_EXE_la"));
            c
        }
    };
    cmd.current_dir(&dir)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut stdin_bytes = Vec::new();
    // The kernel refuses a single argument over 128 kB: long programs go in a file.
    let input = match &case.input {
        Input::Eval(src) if src.len() > 100_000 => Input::Script(src.clone().into_bytes()),
        other => other.clone(),
    };
    let source = match &input {
        Input::Eval(src) => {
            cmd.args(["--max-memory", case.max_memory, "-e", src]);
            "<input>".to_string()
        }
        Input::WithFile(bytes, src) => {
            std::fs::write(dir.join("data.txt"), bytes).expect("write data file");
            cmd.args(["--max-memory", case.max_memory, "-e", src]);
            "<input>".to_string()
        }
        Input::Script(bytes) => {
            let f = dir.join("case.la");
            std::fs::write(&f, bytes).expect("write script");
            cmd.args(["--max-memory", case.max_memory]).arg(&f);
            f.display().to_string()
        }
        Input::Stdin(bytes) => {
            cmd.args(["--max-memory", case.max_memory]);
            stdin_bytes = bytes.clone();
            "<stdin>".to_string()
        }
        Input::Argv(args) => {
            cmd.args(args);
            "<input>".to_string()
        }
    };
    let start = Instant::now();
    let mut child = cmd.spawn().expect("spawn la");
    let mut pipe = child.stdin.take().expect("stdin");
    let feeder = std::thread::spawn(move || {
        let _ = pipe.write_all(&stdin_bytes);
    });
    let out = drain(child.stdout.take().expect("stdout"));
    let errs = drain(child.stderr.take().expect("stderr"));
    let mut timed_out = false;
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait la") {
            break s;
        }
        if start.elapsed() > TIMEOUT {
            timed_out = true;
            let _ = child.kill();
            break child.wait().expect("wait killed la");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let elapsed = start.elapsed();
    let _ = feeder.join();
    let stdout = String::from_utf8_lossy(&out.join().unwrap_or_default()).into_owned();
    let stderr = String::from_utf8_lossy(&errs.join().unwrap_or_default()).into_owned();
    let _ = std::fs::remove_dir_all(&dir);
    Outcome {
        status: status.code(),
        stdout,
        stderr,
        elapsed,
        timed_out,
        source,
    }
}

/// `Ok` or what is wrong with the outcome of `case`.
fn check(case: &Case, o: &Outcome) -> Result<(), String> {
    if o.timed_out {
        return Err(format!("still running after {TIMEOUT:?}; killed"));
    }
    let Some(status) = o.status else {
        return Err("killed by a signal".into());
    };
    for bad in [
        "panicked",
        "internal error",
        "RUST_BACKTRACE",
        "stack overflow",
    ] {
        if o.stderr.contains(bad) || o.stdout.contains(bad) {
            return Err(format!("output mentions {bad:?}"));
        }
    }
    let error_lines: Vec<&str> = o
        .stderr
        .lines()
        .filter(|l| l.starts_with("error:"))
        .collect();
    let expect = match case.expect {
        Expect::Clean if status == 0 => Expect::Works,
        Expect::Clean => Expect::Error,
        e => e,
    };
    let want_status = match expect {
        Expect::Works => 0,
        Expect::Usage => 2,
        _ => 1,
    };
    if status != want_status {
        return Err(format!("exit status {status}, expected {want_status}"));
    }
    match expect {
        Expect::Works => {
            if !error_lines.is_empty() {
                return Err("exit status 0 but an error was printed".into());
            }
            if let Some(s) = &case.contains {
                if !o.stdout.contains(s.as_str()) {
                    return Err(format!("stdout lacks {s:?}"));
                }
            }
            return Ok(());
        }
        Expect::Usage => {
            if !o.stderr.starts_with("error:") || error_lines.len() != 1 {
                return Err("usage error should start with one `error:` line".into());
            }
        }
        Expect::OneLine => {
            if o.stderr.lines().count() != 1 || error_lines.len() != 1 {
                return Err("expected exactly one stderr line, `error: ...`".into());
            }
        }
        Expect::Error => {
            if error_lines.len() != 1 {
                return Err(format!(
                    "expected one `error:` line, got {}",
                    error_lines.len()
                ));
            }
            let lines: Vec<&str> = o.stderr.lines().collect();
            let k = lines
                .iter()
                .position(|l| l.starts_with("error:"))
                .unwrap_or(0);
            let arrow = lines.get(k + 1).map(|l| l.trim_start()).unwrap_or("");
            let Some(loc) = arrow.strip_prefix("--> ") else {
                return Err("no ` --> SOURCE:LINE:COL` line under the error".into());
            };
            let Some(rest) = loc.strip_prefix(&o.source) else {
                return Err(format!("location {loc:?} does not name {:?}", o.source));
            };
            let mut parts = rest.split(':').skip(1);
            let line: Option<usize> = parts.next().and_then(|p| p.parse().ok());
            let col: Option<usize> = parts.next().and_then(|p| p.parse().ok());
            let (Some(line), Some(_col)) = (line, col) else {
                return Err(format!("location {loc:?} is not SOURCE:LINE:COL"));
            };
            let n_lines = match &case.input {
                Input::Eval(s) | Input::WithFile(_, s) => s.lines().count().max(1),
                Input::Script(b) | Input::Stdin(b) => b.split(|&c| c == b'\n').count().max(1),
                Input::Argv(_) => usize::MAX,
            };
            if line > n_lines {
                return Err(format!("line {line} is past the end of the input"));
            }
            if let Some(at) = case.at {
                if !rest.ends_with(&format!(":{at}")) {
                    return Err(format!("location {loc:?}, expected :{at}"));
                }
            }
        }
        Expect::Clean => unreachable!(),
    }
    if let Some(s) = &case.contains {
        if !o.stderr.contains(s.as_str()) {
            return Err(format!("stderr lacks {s:?}"));
        }
    }
    Ok(())
}

/// Run every case on `WORKERS` threads; the failures, described.
fn run_all(cases: &[Case]) -> Vec<String> {
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..WORKERS {
            s.spawn(|| loop {
                let k = next.fetch_add(1, Ordering::Relaxed);
                let Some(case) = cases.get(k) else { break };
                let o = run_case(case);
                if let Err(why) = check(case, &o) {
                    failures.lock().unwrap().push(describe(case, &o, &why));
                }
            });
        }
    });
    let mut f = failures.into_inner().unwrap();
    f.sort();
    f
}

fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let head: String = s.chars().take(n).collect();
    format!("{head}... ({} chars)", s.chars().count())
}

fn describe(case: &Case, o: &Outcome, why: &str) -> String {
    let input = match &case.input {
        Input::Eval(s) => format!("-e {:?}", short(s, 120)),
        Input::Script(b) => format!("script {:?}", short(&String::from_utf8_lossy(b), 120)),
        Input::Stdin(b) => format!("stdin {:?}", short(&String::from_utf8_lossy(b), 120)),
        Input::Argv(a) => format!("argv {a:?}"),
        Input::WithFile(b, s) => format!(
            "data.txt {:?}, -e {:?}",
            short(&String::from_utf8_lossy(b), 120),
            short(s, 120)
        ),
    };
    let bug = case
        .bug
        .map(|b| format!(" (known bug: {b})"))
        .unwrap_or_default();
    format!(
        "[{}]{bug} {why}\n    input:  {input}\n    status: {:?} after {:.1?}\n    stderr: {:?}\n    stdout: {:?}",
        case.name,
        o.status,
        o.elapsed,
        short(o.stderr.trim_end(), 400),
        short(o.stdout.trim_end(), 200),
    )
}

fn assert_all_pass(cases: &[Case]) {
    let failures = run_all(cases);
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

#[test]
fn bad_input_is_answered_with_one_located_error() {
    let cases: Vec<Case> = all_cases()
        .into_iter()
        .filter(|c| c.bug.is_none())
        .collect();
    assert!(cases.len() >= 100, "only {} cases", cases.len());
    let mut names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), cases.len(), "case names must be unique");
    let errors: Vec<&Case> = cases
        .iter()
        .filter(|c| !matches!(c.expect, Expect::Works | Expect::Clean))
        .collect();
    let checked = errors.iter().filter(|c| c.contains.is_some()).count();
    eprintln!(
        "{} bad-input cases; {} must fail, {checked} of them with a stated message",
        cases.len(),
        errors.len()
    );
    assert_all_pass(&cases);
}

#[test]
#[ignore = "known bugs in the core, marked .bug(...) or in REGISTRY_BUGS; run with --ignored"]
fn known_bugs_are_fixed() {
    let bugs: Vec<Case> = all_cases()
        .into_iter()
        .filter(|c| c.bug.is_some())
        .collect();
    assert_all_pass(&bugs);
}

/// Ctrl-C (SIGINT) stops a runaway loop and `la` exits promptly with a clean error.
#[test]
fn interrupt_stops_a_runaway_loop() {
    for src in [
        "while 1, end",
        "x = 0; while true, x = x + 1; end",
        "for k = 1:1e7, x = sqrt(k) + k^2; end",
        "function f()\n  while 1, end\nend\nf()",
    ] {
        // `started` is printed by the same run as the loop: the Ctrl-C handler
        // is installed before any code runs and the interrupt flag is cleared
        // when a run starts, so a SIGINT sent once `started` is seen cannot be
        // lost, however slowly the machine gets there.
        let mut child = Command::new(env!("CARGO_BIN_EXE_la"))
            .args([
                "--max-memory",
                MAX_MEMORY,
                "-e",
                &format!("disp('started')\n{src}"),
            ])
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn la");
        let mut first = String::new();
        std::io::BufRead::read_line(
            &mut std::io::BufReader::new(child.stdout.take().unwrap()),
            &mut first,
        )
        .unwrap();
        assert_eq!(first, "started\n");
        let sent = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(sent.success());
        // A hang detector: stopping takes milliseconds.
        let start = Instant::now();
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break Some(s);
            }
            if start.elapsed() > TIMEOUT {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .ok();
        let status =
            status.unwrap_or_else(|| panic!("{src:?}: still running {TIMEOUT:?} after SIGINT"));
        assert!(
            matches!(status.code(), Some(1 | 130)),
            "{src:?}: exit {status:?} after SIGINT, stderr {stderr:?}"
        );
        assert!(
            stderr.starts_with("error: interrupted"),
            "{src:?}: stderr {stderr:?}"
        );
    }
}

/// A file name and an argument that are not valid UTF-8 get an error, not a panic.
#[test]

fn non_utf8_command_line() {
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch_dir();
    for args in [
        vec![std::ffi::OsStr::from_bytes(b"/nonexistent/\xff.la").to_owned()],
        vec![
            OsString::from("-e"),
            std::ffi::OsStr::from_bytes(b"x = '\xff'").to_owned(),
        ],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_la"))
            .args(&args)
            .current_dir(&dir)
            .stdin(Stdio::null())
            .output()
            .expect("run la");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            matches!(out.status.code(), Some(1 | 2)) && stderr.starts_with("error:"),
            "{args:?}: exit {:?}, stderr {stderr:?}",
            out.status
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The table must keep covering what issue 6 asks for.
#[test]
fn the_table_covers_the_issue() {
    let all = all_cases();
    let has = |needle: &str| {
        all.iter().any(|c| match &c.input {
            Input::Eval(s) => s.contains(needle),
            _ => false,
        })
    };
    for needle in [
        "zeros(1e6, 1e6)",
        "1:1e12",
        "x(1e10) = 1",
        "ones(1e5, 1) * ones(1, 1e5)",
        "svd([1 NaN; 2 3])",
        "eig([Inf 1; 1 1])",
    ] {
        assert!(has(needle), "no case runs {needle:?}");
    }
}

/// The REPL (`-i`, reading piped lines) keeps the session after parse errors,
/// evaluation errors and anything that panics inside, then exits 0 at EOF.
#[test]
fn repl_keeps_the_session_after_bad_input() {
    let mut lines = String::from("x = 41;\n");
    // Each of these must be an error; the last two panicked when written
    // (they may have become valid since), so they only count as at most one.
    let bad = [
        "y = )",
        "[1 2] + [1 2 3]",
        "zeros(1e6, 1e6)",
        ")))))",
        "x(0) = 5",
    ];
    let panicked = ["magic(true)", "num2str(pi, 1e9)"];
    for line in bad.iter().chain(&panicked) {
        lines.push_str(line);
        lines.push('\n');
    }
    lines.push_str("x = x + 1\n");
    let mut child = Command::new(env!("CARGO_BIN_EXE_la"))
        .args(["-i", "-q", "--max-memory", MAX_MEMORY])
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn la");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(lines.as_bytes())
        .unwrap();
    let out = child.wait_with_output().expect("wait la");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stdout.contains("x = 42"),
        "stdout {stdout:?}, stderr {stderr:?}"
    );
    let errors = stderr.lines().filter(|l| l.starts_with("error:")).count();
    assert!(
        (bad.len()..=bad.len() + panicked.len()).contains(&errors),
        "one error per bad line: {stderr:?}"
    );
    assert!(!stderr.contains("panicked"), "{stderr:?}");
}

/// Peak resident memory (kB) and exit status of `la --max-memory 1G -e SRC`
/// with standard output written to `out` (a file: nothing is read through a
/// pipe while the clock runs). The child runs under the same `ulimit -v` as
/// the table's cases, and is killed after `TIMEOUT`.
// The child is reaped with `wait4` (for its rusage), which clippy cannot see.
#[allow(clippy::zombie_processes)]
fn peak_memory(src: &str, out: &std::path::Path) -> (i32, u64, String) {
    let mb = parse_mb(MAX_MEMORY) + ADDRESS_SLACK_MB;
    let err_path = out.with_extension("err");
    let child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {} && exec \"$0\" \"$@\"", mb * 1024))
        .arg(env!("CARGO_BIN_EXE_la"))
        .args(["--max-memory", MAX_MEMORY, "-e", src])
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(out).expect("create output file"))
        .stderr(std::fs::File::create(&err_path).expect("create error file"))
        .spawn()
        .expect("spawn la");
    // `sh` execs `la`, so the child's own rusage is la's.
    let pid = child.id() as libc::pid_t;
    let start = Instant::now();
    let (status, rss_kb) = loop {
        let mut status: libc::c_int = 0;
        // SAFETY: plain system call on our own child; `ru` is written by the kernel.
        let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
        let done = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut ru) };
        assert!(done >= 0, "wait4 failed");
        if done == pid {
            let code = if libc::WIFEXITED(status) {
                libc::WEXITSTATUS(status)
            } else {
                -libc::WTERMSIG(status)
            };
            break (code, ru.ru_maxrss as u64);
        }
        if start.elapsed() > TIMEOUT {
            unsafe { libc::kill(pid, libc::SIGKILL) };
            panic!("{src:?}: still running after {TIMEOUT:?}; killed");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
    (status, rss_kb, stderr)
}

/// "fuzz oom-aba8c6a0": displaying `8880:8^8` (16.7 million entries) once
/// built a string per cell, 1.3 GB in all, and ran out of memory. Showing a
/// big result must cost about its output text, not a string per cell.
///
/// Measured by peak resident memory, with and without the display, for a
/// 4-million-entry result of one-digit cells (so a string per cell, 32 bytes
/// or more each, stands out against ~6 bytes of text per entry): today the
/// display costs ~3.8x its output (the text, the copy `display` makes, string
/// growth); with one `String` per cell it was measured at ~9.3x. An address-
/// space limit (`ulimit -v`) cannot tell these apart: the allocator reserves
/// address space in large chunks whatever the cells cost.
#[test]
fn display_of_a_huge_result_costs_only_its_text() {
    let dir = scratch_dir();
    let out = dir.join("out.txt");
    let (status, quiet_kb, stderr) = peak_memory("x = mod(1:4e6, 7);", &out);
    assert_eq!(status, 0, "without display: {stderr}");
    let (status, shown_kb, stderr) = peak_memory("x = mod(1:4e6, 7)", &out);
    assert_eq!(status, 0, "with display: {stderr}");
    let text = std::fs::read(&out).expect("output file");
    let _ = std::fs::remove_dir_all(&dir);
    // 20 one-digit columns (4 characters each) per block at width 80, as
    // Octave; 4e6 = 20 * 200000, and 4e6 = 7 * 571428 + 4, so the last block
    // is k = 3999981..4000000, starting at (4 - 19) mod 7 = 6 and ending at 4.
    assert!(
        text.starts_with(b"x =\n\n Columns 1 through 20:\n\n   1   2   3   4   5   6   0   1"),
        "{:?}",
        String::from_utf8_lossy(&text[..text.len().min(200)])
    );
    assert!(
        text.ends_with(
            b"\n Columns 3999981 through 4000000:\n\n   6   0   1   2   3   4   5   6   0   1   2   3   4   5   6   0   1   2   3   4\n\n"
        ),
        "{:?}",
        String::from_utf8_lossy(&text[text.len().saturating_sub(200)..])
    );
    let extra = shown_kb.saturating_sub(quiet_kb) * 1024;
    let ratio = extra as f64 / text.len() as f64;
    eprintln!(
        "display of {} bytes: peak {quiet_kb} kB -> {shown_kb} kB ({ratio:.2}x the text)",
        text.len()
    );
    assert!(
        ratio < 6.0,
        "displaying {} bytes of text raised peak memory by {extra} bytes ({ratio:.1}x): \
         is a string kept per cell?",
        text.len()
    );
}
