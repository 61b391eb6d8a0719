//! Issue 19: the element-by-element fast path (`x(k) = v`, `x(end+1) = v`
//! with plain-number subscripts, written in place) at its edges, through the
//! real binary: growth past the end and its orientation, each kind of
//! vector, the subscripts it must refuse with the general path's errors and
//! positions, and loops inside functions. Expected values are hand-derived.

mod common;

use common::{assert_error, eval, matrix, run, script};

/// `disp(class(x)); disp(size(x))` after `src`, as two lines.
fn class_and_size(src: &str, name: &str) -> String {
    let r = eval(&format!("{src}\ndisp(class({name})); disp(size({name}))"));
    assert_eq!(r.status, 0, "{src}: {}", r.stderr);
    r.stdout
}

#[test]
fn growth_past_the_end_keeps_the_orientation() {
    // A row grows to the right, zeros filling the gap.
    assert_eq!(
        matrix("r = [1 2]; r(5) = 9; r(end+1) = 4; r"),
        (1, 6, vec![1.0, 2.0, 0.0, 0.0, 9.0, 4.0])
    );
    // A column grows downwards, by `end+1` and by a number past the end.
    assert_eq!(
        matrix("c = [1; 2]; for k = 3:4, c(end+1) = 10*k; end\nc(6) = -1; c"),
        (6, 1, vec![1.0, 2.0, 30.0, 40.0, 0.0, -1.0])
    );
    // `[]` and a 1x1 start grow into rows.
    assert_eq!(
        matrix("y = []; for k = 1:3, y(end+1) = k^2; end\ny"),
        (1, 3, vec![1.0, 4.0, 9.0])
    );
    assert_eq!(matrix("s = 7; s(3) = 1; s"), (1, 3, vec![7.0, 0.0, 1.0]));
    // Two subscripts past the end grow both ways (the general path).
    assert_eq!(
        matrix("A = [1 2; 3 4]; A(3, 3) = 5; A"),
        (3, 3, vec![1.0, 2.0, 0.0, 3.0, 4.0, 0.0, 0.0, 0.0, 5.0])
    );
}

#[test]
fn a_matrix_cannot_grow_through_one_subscript() {
    // Octave: "Octave:index-out-of-bounds ... A(I) = X: X must fit" (la's wording names the shape).
    let r = eval("A = magic(3);\nfor k = 9:10\n  A(k) = 0;\nend");
    assert_error(&r, "X must fit in A when A is a 3x3 matrix", "3:3");
    let r = eval("A = magic(3); A(end+1) = 1");
    assert_error(&r, "index 10 is past its 9 elements", "1:15");
}

#[test]
fn each_kind_grows_as_its_kind() {
    // Exact numbers stay exact (the gap is an exact 0).
    let r = run(&["--json", "-e", "e = [1 2]; e(4) = 1/3; e(end+1) = 2"], "");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(r#""exact":[["1","2","0","1/3","2"]]"#),
        "{}",
        r.stdout
    );
    // A logical vector grows with false; a number written into it makes it double.
    assert_eq!(
        class_and_size("b = [true]; b(3) = true;", "b"),
        "logical\n   1   3\n"
    );
    assert_eq!(
        matrix("b = [true]; b(3) = true; b"),
        (1, 3, vec![1.0, 0.0, 1.0])
    );
    assert_eq!(
        class_and_size("b = [true]; b(end+1) = 2;", "b"),
        "double\n   1   2\n"
    );
    // A complex vector grows with 0 and stays complex while an element is.
    let r =
        eval("x = [1i]; x(3) = 2; disp(isreal(x)); disp(size(x)); disp(imag(x)); disp(real(x))");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "0\n   1   3\n   1   0   0\n   0   0   2\n");
    // A double vector takes exact and logical values as doubles (Octave shows the same).
    let r = eval("d = double([0.5]); d(end+1) = 1/4; d(end+1) = true; d");
    assert_eq!(
        r.stdout, "d =\n\n   0.5000   0.2500   1.0000\n\n",
        "{}",
        r.stderr
    );
}

#[test]
fn bad_subscripts_in_assignments_keep_their_errors() {
    // Zero, negative and fractional positions: the error names the subscript
    // and points at it (the column of the subscript expression).
    let r = eval("v = [5 6 7]; v(0) = 1");
    assert_error(&r, "v(0): subscripts must be", "1:16");
    let r = eval("v = [5 6 7]; v(-1) = 1");
    assert_error(&r, "v(-1): subscripts must be", "1:16");
    let r = eval("v = [5 6 7]; k = 1.5; v(k) = 1");
    assert_error(
        &r,
        "subscripts must be either integers 1 to (2^63)-1 or logicals",
        "1:25",
    );
    let r = eval("v = [5 6 7]; v(2, 0) = 1");
    assert_error(&r, "v(_,0): subscripts must be", "1:19");
    // In a loop the error comes on the iteration that reaches 0, after the others wrote.
    let r = eval("v = [5 6 7]; for k = 2:-1:0, v(k) = 10*k; end");
    assert_error(&r, "v(0): subscripts must be", "1:32");
    let r = eval("v = [5 6 7];\ntry\n  for k = 2:-1:0, v(k) = 10*k; end\ncatch\nend\ndisp(v)");
    assert_eq!(r.stdout, "   10   20    7\n", "{}", r.stderr);
    // `end+0.5` is fractional too, and `end-3` of a 3-vector is 0.
    let r = eval("v = [5 6 7]; v(end+0.5) = 1");
    assert_error(&r, "subscripts must be either integers", "1:16");
    let r = eval("v = [5 6 7]; v(end-3) = 1");
    assert_error(&r, "v(0): subscripts must be", "1:16");
}

#[test]
fn loops_inside_functions_and_nested_loops() {
    // Each call builds its own vector (a function's variables are its own);
    // the workspace's `y` is not touched.
    let src = "function y = squares(n)\n  y = [];\n  for k = 1:n\n    y(end+1) = k^2;\n  end\nend\n\
               function T = table(n)\n  T = zeros(n);\n  for i = 1:n\n    for j = 1:n\n      T(i, j) = 10*i + j;\n    end\n  end\nend\n\
               y = 5;\na = squares(3); b = squares(4);\ndisp(a); disp(b); disp(y)\ndisp(table(3))\n\
               s = 0; for i = 1:3, for j = 1:i, s = s + b(j); end, end\ndisp(s)";
    let r = script(src);
    assert_eq!(r.status, 0, "{}", r.stderr);
    // s = b(1) + (b(1) + b(2)) + (b(1) + b(2) + b(3)) = 3*1 + 2*4 + 9 = 20.
    assert_eq!(
        r.stdout,
        "   1   4   9\n    1    4    9   16\n5\n   11   12   13\n   21   22   23\n   31   32   33\n20\n"
    );
    // An error inside the function's loop points into the function, in the file.
    let r = script("function v = fill(n)\n  v = [1 2 3];\n  for k = n:-1:0\n    v(k) = k;\n  end\nend\nfill(2)\n");
    assert_error(&r, "v(0): subscripts must be", "4:7");
}

#[test]
fn variables_undefined_before_the_loop_start_as_rows() {
    // `end` of a variable not yet defined is 0, so `end+1` is 1; `w(k)` grows a row.
    assert_eq!(
        matrix("for k = 1:3, u(end+1) = k^2; end\nu"),
        (1, 3, vec![1.0, 4.0, 9.0])
    );
    assert_eq!(
        matrix("for k = 1:4, w(k) = 2*k; end\nw"),
        (1, 4, vec![2.0, 4.0, 6.0, 8.0])
    );
    // Two subscripts grow both ways.
    assert_eq!(
        matrix("for i = 1:2, for j = 1:3, M(i, j) = 10*i + j; end, end\nM"),
        (2, 3, vec![11.0, 12.0, 13.0, 21.0, 22.0, 23.0])
    );
    // Inside a function, from nothing, in nested loops: the pairs i < j of 1..3.
    let r = script(
        "function p = pairs(n)\n  for i = 1:n\n    for j = i+1:n\n      p(end+1) = 10*i + j;\n    end\n  end\nend\np = -1;\ndisp(pairs(3)); disp(p)\n",
    );
    assert_eq!(r.stdout, "   12   13   23\n-1\n", "{}", r.stderr);
}

#[test]
fn nested_loops_and_matrices_by_one_subscript() {
    assert_eq!(
        matrix("y = []; for i = 1:3, for j = 1:i, y(end+1) = 10*i + j; end, end\ny"),
        (1, 6, vec![11.0, 21.0, 22.0, 31.0, 32.0, 33.0])
    );
    // A matrix is written by linear position, column by column (shown row by row).
    assert_eq!(
        matrix("x = zeros(2, 3); for k = 1:6, x(k) = 10*k; end\nx"),
        (2, 3, vec![10.0, 30.0, 50.0, 20.0, 40.0, 60.0])
    );
    // `end` is the element count alone and the extent along each of two subscripts.
    assert_eq!(
        matrix("x = zeros(2, 3); x(end) = 5; x(end, end-1) = 4; x(end-4) = 3; x"),
        (2, 3, vec![0.0, 0.0, 0.0, 3.0, 4.0, 5.0])
    );
    // A logical matrix cannot grow through one subscript either.
    let r = eval("B = [true false; false true]; B(end+1) = false");
    assert_error(&r, "X must fit in A when A is a 2x2 matrix", "1:31");
}

#[test]
fn strings_and_cells_grow_as_their_kind() {
    let r = eval(
        "s = 'ab'; for k = 1:3, s(end+1) = 'x'; end\ndisp(s); s(2) = 'Y'; disp(s); disp(class(s))",
    );
    assert_eq!(r.stdout, "abxxx\naYxxx\nchar\n", "{}", r.stderr);
    // `c{end+1} = v` appends an element; `c(end+1) = v` puts v in a new element.
    let r = eval(
        "c = {}; for k = 1:3, c{end+1} = k^2; end\ndisp(size(c)); disp(c{3}); c(end+1) = 5; disp(class(c)); disp(c{4}); disp(numel(c))",
    );
    assert_eq!(r.stdout, "   1   3\n9\ncell\n5\n4\n", "{}", r.stderr);
    // A cell from nothing, its elements any kind.
    let r =
        eval("for k = 1:2, d{k} = -k; end\nd{end+1} = 'z'; disp(d{2}); disp(d{3}); disp(size(d))");
    assert_eq!(r.stdout, "-2\nz\n   1   3\n", "{}", r.stderr);
}

#[test]
fn kinds_convert_as_the_general_path_does() {
    // A double (pi) into an exact vector makes it double; a complex number into it a complex one.
    let r = eval("e = [1 2]; e(end+1) = pi; disp(class(e)); disp(e(3) == pi)");
    assert_eq!(r.stdout, "double\n1\n", "{}", r.stderr);
    let r =
        eval("d = double([1 2]); for k = 1:2, d(end+1) = k*1i; end\ndisp(imag(d)); disp(real(d))");
    assert_eq!(
        r.stdout, "   0   0   1   2\n   1   2   0   0\n",
        "{}",
        r.stderr
    );
    // An exact complex number keeps an exact vector exact.
    let r = run(&["--json", "-e", "e = [1 2]; e(end+1) = 1/2 + 2i"], "");
    assert!(
        r.stdout.contains(r#""exact":[["1","2","(1 + 4i)/2"]]"#),
        "{}",
        r.stdout
    );
}

#[test]
fn nan_subscripts_are_refused_with_their_position() {
    let r = eval("v = [5 6 7]; k = NaN; v(k) = 1");
    assert_error(&r, "v(NaN): subscripts must be either integers", "1:25");
    let r = eval("v = [5 6 7]; v(end+NaN) = 1");
    assert_error(&r, "v(NaN): subscripts must be either integers", "1:16");
    let r = eval("v = [5 6 7]; for k = [1 NaN], v(k) = 0; end");
    assert_error(&r, "v(NaN)", "1:33");
}

#[test]
fn structure_fields_grow_and_change_element_by_element() {
    assert_eq!(
        matrix("s.n = 'x'; s.v = []; for k = 1:4, s.v(end+1) = k^2; end\ns.v(2) = -1; s.v"),
        (1, 4, vec![1.0, -1.0, 9.0, 16.0])
    );
    // A field that is not there yet, a nested one, and a column field.
    assert_eq!(
        matrix("s.a = 1; for k = 1:3, s.w(k) = k; s.p.q(k, 1) = -k; end\n[s.w; s.p.q']"),
        (2, 3, vec![1.0, 2.0, 3.0, -1.0, -2.0, -3.0])
    );
    // A copy keeps its values when the original's field changes.
    assert_eq!(
        matrix("s.v = [1 2 3]; t = s; s.v(2) = 0; s.v(end+1) = 4; [t.v, s.v]"),
        (1, 7, vec![1.0, 2.0, 3.0, 1.0, 0.0, 3.0, 4.0])
    );
    // A structure put into a new field by `(1)` is the field itself (not an element).
    let r = eval("s.a = 1; s.b(1) = struct('c', 2); disp(s.b.c)");
    assert_eq!(r.stdout, "2\n", "{}", r.stderr);
    // Bad subscripts keep their errors, and the structure is unchanged after one.
    let r = eval("s.v = [1 2]; s.v(0) = 1");
    assert_error(&r, "index (0): subscripts must be", "1:18");
    let r = eval("s.v = [1 2; 3 4]; s.v(end+1) = 1");
    assert_error(&r, "X must fit in A when A is a 2x2 matrix", "1:19");
    let r = eval("s.v = [1 2];\ntry\n  s.v(1.5) = 9;\ncatch\nend\ndisp(s.v)");
    assert_eq!(r.stdout, "   1   2\n", "{}", r.stderr);
}

#[test]
fn the_empty_matrix_is_double_and_a_new_variable_takes_its_source_class() {
    // Octave 7.3: class([]) is double, and a logical written into [] gives a
    // double; a variable made by an indexed assignment takes the source's
    // class (logical, char with NUL gaps).
    let r = eval("class([]), y = []; y(end+1) = true; class(y), clear b; b(2) = true; class(b)");
    assert_eq!(
        r.stdout, "ans = double\nans = double\nans = logical\n",
        "{}",
        r.stderr
    );
    let r = eval("clear s; s(3) = 'a'; double(s)");
    assert_eq!(r.stdout, "ans =\n\n    0    0   97\n\n", "{}", r.stderr);
    // [] keeps exact values exact as they are appended.
    let r = eval("v = []; v(end+1) = 1/3; v(end+1) = 2; v");
    assert_eq!(r.stdout, "v =\n\n   1/3     2\n\n", "{}", r.stderr);
}
