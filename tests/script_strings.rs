//! Strings as char arrays, types as MATLAB code tests them, and Octave's
//! numeric edge cases (issue 22), through the real binary. Every expected
//! value is what Octave 7.3 prints for the same input.

mod common;
use common::{assert_error, eval, run, script_bytes};

fn out(src: &str) -> String {
    let r = eval(src);
    assert_eq!(r.status, 0, "{src}: {}", r.stderr);
    r.stdout
}

#[test]
fn indexed_assignment_keeps_a_string() {
    assert_eq!(out("s = 'hello'; s(2) = 'X'"), "s = hXllo\n");
    assert_eq!(out("s = 'hello'; s(end+1) = 'd'"), "s = hellod\n");
    assert_eq!(out("s = 'hello'; s(1) = []"), "s = ello\n");
    assert_eq!(out("s = 'abc'; s([1 3]) = 'XY'"), "s = XbY\n");
    // A gap is filled with NUL (code 0), as in Octave.
    assert_eq!(
        out("x = 'abc'; x(5) = 'e'; double(x)"),
        "ans =\n\n    97    98    99     0   101\n\n"
    );
    let r = eval("s = 'ab'; s(2, 1) = 'c'");
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("char matrix"), "{}", r.stderr);
}

#[test]
fn strings_index_measure_and_compare_as_char_rows() {
    assert_eq!(out("s = 'hello'; s(2:3), s(end)"), "ans = el\nans = o\n");
    assert_eq!(
        out("size('abc'), length('abcd'), numel('ab')"),
        "ans =\n\n   1   3\n\nans = 4\nans = 2\n"
    );
    assert_eq!(out("double('AZ')"), "ans =\n\n   65   90\n\n");
    assert_eq!(out("'abc' == 'b'"), "ans =\n\n  0  1  0\n\n");
    assert_eq!(out("['ab' 'cd'], ['a' 66 67]"), "ans = abcd\nans = aBC\n");
}

#[test]
fn string_functions() {
    assert_eq!(
        out("upper('abC1'), lower('ABc'), strcat('a ', 'b ', 'c'), strrep('abcabc', 'bc', 'X')"),
        "ans = ABC1\nans = abc\nans = abc\nans = aXaX\n"
    );
    assert_eq!(out("strtrim(sprintf('  a b \\t\\n'))"), "ans = a b\n");
    assert_eq!(
        out("strcmpi('ABC', 'abc'), strcmpi('a', 'ab')"),
        "ans = 1\nans = 0\n"
    );
    assert_eq!(
        out("regexprep('abc123', '[0-9]+', '#'), regexprep('hello world', '(\\w+) (\\w+)', '$2 $1')"),
        "ans = abc#\nans = world hello\n"
    );
}

#[test]
fn numbers_to_text_and_back() {
    assert_eq!(
        out("num2str(123456789), num2str(12345678901234567890), num2str(pi), num2str(-7), num2str(2.5)"),
        "ans = 123456789\nans = 12345678901234567890\nans = 3.1416\nans = -7\nans = 2.5\n"
    );
    assert_eq!(
        out("int2str(2.5), int2str(3.5), int2str(-2.5), int2str([1.2 2.7])"),
        "ans = 3\nans = 4\nans = -3\nans = 1  3\n"
    );
    assert_eq!(
        out("mat2str([1 2;3 4]), mat2str([1.5 -2]), mat2str(pi), mat2str(true), mat2str([true false])"),
        "ans = [1 2;3 4]\nans = [1.5 -2]\nans = 3.14159265358979\nans = true\nans = [true false]\n"
    );
    assert_eq!(
        out("str2num('3+4'), str2double('2.5'), str2double('abc'), str2double('1e3'), str2double(5)"),
        "ans = 7\nans = 2.5000\nans = NaN\nans = 1000\nans = NaN\n"
    );
    assert_eq!(out("str2num('[1 2 3]')"), "ans =\n\n   1   2   3\n\n");
}

#[test]
fn printf_conversions_as_octave() {
    assert_eq!(
        out("fprintf('%d\\n', 1.5); fprintf('%s\\n', 65)"),
        "1.5\nA\n"
    );
    assert_eq!(
        out("sprintf('%d|', pi, 1e10 + 0.5, 7)"),
        "ans = 3.14159|1e+10|7|\n"
    );
}

#[test]
fn classes_as_matlab_code_checks_them() {
    assert_eq!(
        out("class(1), class(1/3), class(1i), class(@sin), class('a'), class(true)"),
        "ans = double\nans = double\nans = double\nans = function_handle\nans = char\nans = logical\n"
    );
    assert_eq!(
        out("[isexact(1/3), isexact(pi), isreal('a'), isreal(2i), isfloat(true)]"),
        "ans =\n\n  1  0  1  0  0\n\n"
    );
    assert_eq!(out("[isa(1, 'numeric'), isa(true, 'numeric'), isa(1, 'float'), ischar('x'), islogical(2 > 1)]"), "ans =\n\n  1  0  1  1  1\n\n");
    assert_eq!(
        out("try, error('x'); catch e, end; class(e), isstruct(e)"),
        "ans = struct\nans = 1\n"
    );
}

#[test]
fn calling_functions_by_value() {
    assert_eq!(
        out("feval(@sin, 0), feval('max', [3 7 5])"),
        "ans = 0\nans = 7\n"
    );
    assert_eq!(
        out("arrayfun(@(x) x^2, [1 2; 3 4])"),
        "ans =\n\n    1    4\n    9   16\n\n"
    );
    assert_eq!(
        out("[m, k] = arrayfun(@max, [4 5])"),
        "m =\n\n   4   5\n\nk =\n\n   1   1\n\n"
    );
    assert_eq!(
        out("func2str(@sin), func2str(@(x) x + 1)"),
        "ans = sin\nans = @(x) x + 1\n"
    );
    assert_eq!(
        out("f = str2func('@(x) 2*x'); f(4), g = str2func('cos'); g(0)"),
        "ans = 8\nans = 1\n"
    );
}

#[test]
fn numeric_edge_cases_as_octave() {
    assert_eq!(
        out("rem(5, 0), mod(5, 0), rem(-1, 3), mod(-1, 3)"),
        "ans = NaN\nans = 5\nans = -1\nans = 2\n"
    );
    assert_eq!(
        out("any([NaN 0]), all([NaN 1]), all([NaN 0]), any(NaN)"),
        "ans = 0\nans = 1\nans = 0\nans = 0\n"
    );
    assert_eq!(out("find([NaN 0 2])"), "ans =\n\n   1   3\n\n");
    assert_eq!(
        out("[r, c, v] = find([0 2; 3 0])"),
        "r =\n\n   2\n   1\n\nc =\n\n   1\n   2\n\nv =\n\n   3\n   2\n\n"
    );
    assert_eq!(
        out("realmax, realmin, intmax, intmin, flintmax, intmax('int64'), intmin('int8'), intmax('uint64')"),
        "ans = 1.7977e+308\nans = 2.2251e-308\nans = 2147483647\nans = -2147483648\nans = 9.0072e+15\n\
         ans = 9223372036854775807\nans = -128\nans = 18446744073709551615\n"
    );
}

#[test]
fn real_roots_logic_and_char_concatenation_as_octave() {
    // The real cube root of -27 is -3 (exactly: a root that is an integer
    // comes out as one); 8^(-1/3) = 1/2; 16^(1/4) = 2.
    assert_eq!(
        out("nthroot(-27, 3) == -3, nthroot(8, -3) == 0.5, nthroot(16, 4) == 2"),
        "ans = 1\nans = 1\nans = 1\n"
    );
    let r = common::eval("nthroot(-16, 4)");
    common::assert_error(&r, "n must be odd when x has negative elements", ":1:1");
    assert_eq!(
        out("xor(true, [true false]), fix([-2.5 2.5])"),
        "ans =\n\n  0  1\n\nans =\n\n  -2   2\n\n"
    );
    // 66 is the code of B; Octave warns of the implicit conversion, la need not.
    assert_eq!(out("x = ['a' 66], class(x)"), "x = aB\nans = char\n");
    assert_eq!(
        out("[is_function_handle(@sin), isnumeric(1), isnumeric('a'), isnumeric(true)]"),
        "ans =\n\n  1  1  0  0\n\n"
    );
}

#[test]
fn latin1_bytes_in_comments_are_accepted() {
    let r = script_bytes(
        b"% caf\xe9 au lait\nx = 1 % na\xefve\n%{\n\xff\xfe\n%}\ns = 'it''s' % \xe9\n",
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "x = 1\ns = it's\n");
    let r = script_bytes(b"x = 1;\ns = 'caf\xe9'\n");
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains("invalid UTF-8 in input at line 2"),
        "{}",
        r.stderr
    );
}

#[test]
fn sort_of_a_string_is_a_string() {
    assert_eq!(out("sort('hello')"), "ans = ehllo\n");
    assert_eq!(out("class(sort('ba'))"), "ans = char\n");
    // Descending, with the original positions: 'bca' -> c(2) b(1) a(3).
    assert_eq!(
        out("[s, i] = sort('bca', 'descend')"),
        "s = cba\ni =\n\n   2   1   3\n\n"
    );
    assert_eq!(out("sort('Ba a')"), "ans =  Baa\n");
}

/// Numbers assigned into a string are character codes and the string stays
/// a string (`s(end+1) = 65` is 'abA'); characters assigned into numbers
/// are their codes. tests/char_codes/octave.txt is what octave-cli 7.3
/// prints for tests/char_codes/cases.m (regen.sh there remakes it).
#[test]
fn numbers_assigned_into_a_string_are_character_codes_as_in_octave() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/char_codes");
    let want = std::fs::read_to_string(dir.join("octave.txt")).expect("octave.txt");
    let cases = dir.join("cases.m");
    let r = run(&[cases.to_str().expect("utf-8 path")], "");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, want);
    // An exact target stays exact: 'a' is the exact 97 (cases.m uses doubles
    // to print as Octave does).
    assert_eq!(
        out("z = [1+2i 3]; z(3) = 'a'; [isexact(z), isequal(z, [1+2i 3 97])]"),
        "ans =\n\n  1  1\n\n"
    );
    // la's characters are Unicode, not Octave's bytes: 128512 is U+1F600.
    assert_eq!(out("s = 'ab'; s(3) = 128512"), "s = ab\u{1F600}\n");
    // A new variable takes the source's class, as in Octave: a double.
    assert_eq!(out("clear s; s(2) = 65; class(s)"), "ans = double\n");
}

/// Octave rounds 65.5 to 'B', turns -1 and 70000 into NUL with a warning
/// and refuses only NaN; la refuses every number that names no character,
/// at the assignment, and leaves the string as it was.
#[test]
fn a_string_refuses_numbers_that_are_no_character_code() {
    for (rhs, shown) in [
        ("65.5", "65.500"),
        ("1/3", "0.3333"),
        ("-1", "-1"),
        ("NaN", "NaN"),
        ("[72 Inf]", "Inf"),
        ("1114112", "1114112"),
        ("55296", "55296"),
    ] {
        let r = eval(&format!("s = 'ab';\ns(2:3) = {rhs}"));
        assert_error(&r, &format!("{shown} is not a character code"), "2:1");
    }
    let r = run(&["-i", "-q"], "s = 'ab';\ns(3) = -1\ns\n");
    assert!(r.stdout.contains("s = ab\n"), "{}", r.stdout);
}

/// printf-style formats have no complex conversion: the real parts alone
/// would print a different number (Octave's %g does that silently), so a
/// complex argument is refused, with what to type instead; real-valued
/// complex arguments and the parts print as usual.
#[test]
fn printf_refuses_complex_arguments_rather_than_dropping_imaginary_parts() {
    for src in [
        "s = sprintf('%d', [1+2i 3-1i])",
        "fprintf('%g\\n', 2i)",
        "s = sprintf('%g', sqrt(2)*i)",
    ] {
        let r = eval(src);
        assert_eq!(r.status, 1, "{src}");
        assert!(
            r.stderr.contains("no conversion for complex numbers")
                && r.stderr.contains("real(z) and imag(z)"),
            "{src}: {}",
            r.stderr
        );
        assert_eq!(r.stdout, "", "{src}");
    }
    assert_eq!(
        out("z = 1+2i; s = sprintf('%g%+gi', real(z), imag(z)), t = sprintf('%g', complex(3, 0))"),
        "s = 1+2i\nt = 3\n"
    );
}
