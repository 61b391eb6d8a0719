//! Indexing, indexed assignment, deletion and concatenation through the real
//! binary, with results worked out by hand from Octave's rules (column-major
//! linear order; a vector indexed by a vector keeps its orientation; growing
//! pads with zeros). Written to kill mutants of src/ops/index.rs and
//! src/eval/assign.rs that the rest of the suite let through (scripts/mutants).

mod common;
use common::{eval, last_value, matrix};

/// The first line of the error `src` stops with.
fn error_line(src: &str) -> String {
    let r = eval(src);
    assert_eq!(r.status, 1, "{src:?} should fail; stdout: {}", r.stdout);
    r.stderr.lines().next().unwrap_or("").to_string()
}

// ------------------------------------------------------------ reading

/// Shapes of `A(I)`: I's shape, except that a vector A indexed by a vector
/// keeps A's orientation, and a mask gives a column (a row for a row A).
#[test]
fn linear_index_result_shapes() {
    let a = "A = [1 2 3; 4 5 6];"; // linear order 1 4 2 5 3 6
    assert_eq!(
        matrix(&format!("{a} A([1 2 3])")),
        (1, 3, vec![1.0, 4.0, 2.0])
    );
    assert_eq!(matrix(&format!("{a} A([1; 2])")), (2, 1, vec![1.0, 4.0]));
    assert_eq!(
        matrix(&format!("{a} A([1 2; 3 4])")),
        (2, 2, vec![1.0, 4.0, 2.0, 5.0])
    );
    assert_eq!(
        matrix(&format!("{a} A(:)")),
        (6, 1, vec![1.0, 4.0, 2.0, 5.0, 3.0, 6.0])
    );
    // A mask on a matrix: the chosen elements in linear order, as a column.
    assert_eq!(
        matrix(&format!("{a} A(A > 2)")),
        (4, 1, vec![4.0, 5.0, 3.0, 6.0])
    );
    // A row keeps its orientation whatever the index's shape ...
    assert_eq!(matrix("x = 10:10:50; x([1; 2])"), (1, 2, vec![10.0, 20.0]));
    assert_eq!(
        matrix("x = 10:10:50; x(x > 25)"),
        (1, 3, vec![30.0, 40.0, 50.0])
    );
    // ... and so does a column.
    assert_eq!(matrix("y = (1:5)'; y([1 2])"), (2, 1, vec![1.0, 2.0]));
    assert_eq!(matrix("y = (1:5)'; y(y > 3)"), (2, 1, vec![4.0, 5.0]));
    // A scalar is no vector: the index's shape wins.
    assert_eq!(matrix("s = 5; s([1 1 1])"), (1, 3, vec![5.0, 5.0, 5.0]));
    assert_eq!(matrix("s = 5; s([1; 1])"), (2, 1, vec![5.0, 5.0]));
}

#[test]
fn two_subscripts_pick_rows_and_columns() {
    let a = "A = [1 2 3; 4 5 6; 7 8 9];";
    assert_eq!(
        matrix(&format!("{a} A([3 1], [2 3])")),
        (2, 2, vec![8.0, 9.0, 2.0, 3.0])
    );
    assert_eq!(matrix(&format!("{a} A(:, 3)")), (3, 1, vec![3.0, 6.0, 9.0]));
    assert_eq!(matrix(&format!("{a} A(2, :)")), (1, 3, vec![4.0, 5.0, 6.0]));
    assert_eq!(matrix(&format!("{a} A(end, end)")), (1, 1, vec![9.0]));
}

/// Out-of-bound messages name the subscript that is out (`5`, `3,_` or `_,3`),
/// its bound, and the dimensions.
#[test]
fn out_of_bound_messages_name_the_position_and_bound() {
    assert_eq!(
        error_line("x = 1:3; x(5)"),
        "error: x(5): out of bound 3 (dimensions are 1x3)"
    );
    assert_eq!(
        error_line("A = [1 2; 3 4; 5 6]; A(4, 1)"),
        "error: A(4,_): out of bound 3 (dimensions are 3x2)"
    );
    assert_eq!(
        error_line("A = [1 2; 3 4; 5 6]; A(1, 3)"),
        "error: A(_,3): out of bound 2 (dimensions are 3x2)"
    );
    assert_eq!(
        error_line("A = [1 2; 3 4]; A(5) = []"),
        "error: A(5): out of bound 4 (dimensions are 2x2)"
    );
    assert_eq!(
        error_line("A = [1 2 3; 4 5 6]; A(3, 1) = []"),
        "error: A(3,_): out of bound 2 (dimensions are 2x3)"
    );
}

// ------------------------------------------------------------ writing

#[test]
fn assignment_through_two_subscripts() {
    // A scalar fills the whole block.
    assert_eq!(
        matrix("A = zeros(2, 3); A(1:2, [1 3]) = 7; A"),
        (2, 3, vec![7.0, 0.0, 7.0, 7.0, 0.0, 7.0])
    );
    // A block goes in column by column.
    assert_eq!(
        matrix("A = zeros(2, 3); A(:, [3 1]) = [1 2; 3 4]; A"),
        (2, 3, vec![2.0, 0.0, 1.0, 4.0, 0.0, 3.0])
    );
    // A column may fill a row (and a row a column): only the count matters.
    assert_eq!(
        matrix("A = zeros(2, 3); A(2, :) = [7; 8; 9]; A"),
        (2, 3, vec![0.0, 0.0, 0.0, 7.0, 8.0, 9.0])
    );
    assert_eq!(
        matrix("A = zeros(3, 2); A(:, 2) = [4 5 6]; A"),
        (3, 2, vec![0.0, 4.0, 0.0, 5.0, 0.0, 6.0])
    );
}

#[test]
fn assignment_shape_mismatches_are_refused() {
    assert_eq!(
        error_line("A = zeros(2); A(1:2, 1:2) = [1 2 3 4]"),
        "error: =: nonconformant arguments (op1 is 2x2, op2 is 1x4)"
    );
    assert_eq!(
        error_line("A = zeros(2); A(1:2, 1) = [1 2 3]"),
        "error: =: nonconformant arguments (op1 is 2x1, op2 is 1x3)"
    );
    // Octave's own wording for a linear index: op1 is count x 1.
    assert_eq!(
        error_line("x = 1:5; x([1 2]) = [1 2 3]"),
        "error: =: nonconformant arguments (op1 is 2x1, op2 is 1x3)"
    );
}

/// Growing keeps every old element at its (row, column) and pads with zeros.
#[test]
fn assignment_past_the_end_grows_with_zeros() {
    assert_eq!(
        matrix("A = [1 2; 3 4]; A(3, 4) = 5; A"),
        (
            3,
            4,
            vec![1.0, 2.0, 0.0, 0.0, 3.0, 4.0, 0.0, 0.0, 0.0, 0.0, 0.0, 5.0]
        )
    );
    assert_eq!(
        matrix("A = [1 2; 3 4]; A(3, :) = [5 6]; A"),
        (3, 2, vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
    );
    assert_eq!(
        matrix("A = [1 2 3; 4 5 6]; A(4, 2) = 9; A"),
        (
            4,
            3,
            vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 0.0, 0.0, 0.0, 0.0, 9.0, 0.0]
        )
    );
    // Through one subscript: an empty matrix or a scalar becomes a row, a column stays one.
    assert_eq!(matrix("x = []; x(3) = 1; x"), (1, 3, vec![0.0, 0.0, 1.0]));
    assert_eq!(matrix("s = 5; s(3) = 1; s"), (1, 3, vec![5.0, 0.0, 1.0]));
    assert_eq!(
        matrix("y = [1; 2]; y(4) = 4; y"),
        (4, 1, vec![1.0, 2.0, 0.0, 4.0])
    );
    assert_eq!(
        matrix("x = [1 2]; x([4 3]) = [8 7]; x"),
        (1, 4, vec![1.0, 2.0, 7.0, 8.0])
    );
    assert_eq!(
        error_line("A = eye(2); A(7) = 1"),
        "error: Octave:index out of bound; A(I) = X: X must fit in A when A is a 2x2 matrix \
         (index 7 is past its 4 elements)"
    );
}

/// A colon into an empty 0x0 matrix takes its length from the value (checked
/// against Octave 8): the way students build a matrix column by column.
#[test]
fn colon_assignment_into_an_empty_matrix_takes_the_values_size() {
    assert_eq!(
        matrix("M = []; for k = 1:3, M(:, k) = [k; 2*k]; end; M"),
        (2, 3, vec![1.0, 2.0, 3.0, 2.0, 4.0, 6.0])
    );
    assert_eq!(
        matrix("B = []; B(:, 2) = [1; 2; 3]; B"),
        (3, 2, vec![0.0, 1.0, 0.0, 2.0, 0.0, 3.0])
    );
    // Beside one position, the colon takes a whole vector, row or column.
    assert_eq!(
        matrix("B = []; B(:, 2) = [1 2 3]; B"),
        (3, 2, vec![0.0, 1.0, 0.0, 2.0, 0.0, 3.0])
    );
    assert_eq!(
        matrix("B = []; B(2, :) = [1; 2; 3]; B"),
        (2, 3, vec![0.0, 0.0, 0.0, 1.0, 2.0, 3.0])
    );
    assert_eq!(
        matrix("B = []; B(:, [1 3]) = [1 2; 3 4]; B"),
        (2, 3, vec![1.0, 0.0, 2.0, 3.0, 0.0, 4.0])
    );
    assert_eq!(
        matrix("B = []; B([1 2], :) = [1 2; 3 4]; B"),
        (2, 2, vec![1.0, 2.0, 3.0, 4.0])
    );
    assert_eq!(matrix("B = []; B(:, 1) = 5; B"), (1, 1, vec![5.0]));
    assert_eq!(
        matrix("B = []; B(:, :) = [1 2; 3 4]; B"),
        (2, 2, vec![1.0, 2.0, 3.0, 4.0])
    );
    // A 0x3 matrix has its row count: zero rows cannot take two values.
    assert_eq!(
        error_line("B = zeros(0, 3); B(:, 1) = [1; 2]"),
        "error: =: nonconformant arguments (op1 is 0x1, op2 is 2x1)"
    );
}

// ------------------------------------------------------------ deleting

#[test]
fn deleting_elements_rows_and_columns() {
    let a = "A = [1 2 3; 4 5 6; 7 8 9];";
    assert_eq!(
        matrix(&format!("{a} A(:, 2) = []; A")),
        (3, 2, vec![1.0, 3.0, 4.0, 6.0, 7.0, 9.0])
    );
    assert_eq!(
        matrix(&format!("{a} A([3 1], :) = []; A")),
        (1, 3, vec![4.0, 5.0, 6.0])
    );
    // A row subscript naming every row (in any order) deletes columns, and the other way round.
    assert_eq!(
        matrix(&format!("{a} A([3 1 2], [1 3]) = []; A")),
        (3, 1, vec![2.0, 5.0, 8.0])
    );
    assert_eq!(
        matrix(&format!("{a} A(2, [3 2 1]) = []; A")),
        (2, 3, vec![1.0, 2.0, 3.0, 7.0, 8.0, 9.0])
    );
    assert_eq!(
        error_line(&format!("{a} A(1:2, 1:2) = []")),
        "error: a null assignment can only have one non-colon index"
    );
    // One subscript: a column stays a column; anything else becomes a row.
    assert_eq!(
        matrix("y = (1:4)'; y([2 2 4]) = []; y"),
        (2, 1, vec![1.0, 3.0])
    );
    assert_eq!(matrix("x = 1:4; x(1) = []; x"), (1, 3, vec![2.0, 3.0, 4.0]));
    assert_eq!(
        matrix("A = [1 2; 3 4]; A([1 4]) = []; A"),
        (1, 2, vec![3.0, 2.0])
    );
}

// ------------------------------------------------------------ concatenating

#[test]
fn concatenation_joins_blocks_and_checks_their_sizes() {
    assert_eq!(
        matrix("[[1; 2] [3 4; 5 6]; 7 8 9]"),
        (3, 3, vec![1.0, 3.0, 4.0, 2.0, 5.0, 6.0, 7.0, 8.0, 9.0])
    );
    // Empty blocks are skipped.
    assert_eq!(matrix("[[] 1 2; 3 [] 4]"), (2, 2, vec![1.0, 2.0, 3.0, 4.0]));
    assert_eq!(
        error_line("[1 2; 3 4 5]"),
        "error: vertical dimensions mismatch (1x2 vs 1x3)"
    );
    assert_eq!(
        error_line("[[1; 2] [1; 2; 3]]"),
        "error: horizontal dimensions mismatch (2x1 vs 3x1)"
    );
    // Whole numbers beside a string are character codes.
    let r = eval("s = ['a' 66 67]");
    assert_eq!(r.stdout, "s = aBC\n");
    assert_eq!(
        error_line("['ab'; 'cd']"),
        "error: concatenation: strings can only be joined side by side with other strings"
    );
}

// ------------------------------------------------------------ kinds and paths of assignment

/// What the target becomes depends on both kinds: a double stays double, an
/// exact target stays exact only for exact sources, a logical one only for
/// logicals, a complex one becomes real again when no imaginary part is left.
#[test]
fn assignment_keeps_or_widens_the_kind() {
    let v = last_value("x = double([1 2]); x(2) = 1/3").0;
    assert_eq!(v["exact"], serde_json::Value::Null, "{v}");
    assert_eq!(v["value"]["data"][0][1], serde_json::json!(1.0 / 3.0));
    let v = last_value("x = [1 2]; x(2) = 1/3").0;
    assert_eq!(v["exact"], serde_json::json!([["1", "1/3"]]));
    let v = last_value("x = [1 2]; x(1) = double(0.5)").0;
    assert_eq!(v["exact"], serde_json::Value::Null, "{v}");
    assert_eq!(v["value"]["data"][0][0], serde_json::json!(0.5));
    let v = last_value("b = [true false]; b(2) = true").0;
    assert_eq!(v["class"], "logical");
    let v = last_value("b = [true false]; b(2) = 5").0;
    assert_eq!(
        (v["class"].clone(), v["exact"].clone()),
        ("double".into(), serde_json::json!([["1", "5"]]))
    );
    // A character is its exact code there too. Octave 7.3 keeps a logical array
    // logical (5 becomes true, with a warning) and fails on 'a' with an
    // internal type error (tests/logical_assign/octave.txt): README lists
    // this difference.
    for src in [
        "b = [true false]; b(3) = 'a'",
        "b = [true false]; b(2:3) = 'aa'; b(2) = 0",
    ] {
        let v = last_value(src).0;
        assert_eq!(
            (v["class"].clone(), v["exact"].clone()),
            ("double".into(), serde_json::json!([["1", "0", "97"]])),
            "{src}"
        );
    }
    // An exact array stays exact: 97 beside 1/2.
    let v = last_value("x = [1/2 1]; x(3) = 'a'").0;
    assert_eq!(v["exact"], serde_json::json!([["1/2", "1", "97"]]), "{v}");
    let v = last_value("b = [true false]; b(1:2) = [0 1] > 0").0;
    assert_eq!(v["value"]["data"], serde_json::json!([[false, true]]));
    assert_eq!(v["class"], "logical");
    let v = last_value("z = [1+1i, 2]; z(1) = 3").0;
    assert_eq!(v["complex"], serde_json::Value::Null, "{v}");
    assert_eq!(v["value"]["data"], serde_json::json!([[3, 2]]));
    let v = last_value("z = [1+1i, 2]; z(2) = 2i").0;
    assert_eq!(
        v["value"]["data"],
        serde_json::json!([[{"re": 1, "im": 1}, {"re": 0, "im": 2}]])
    );
    let v = last_value("x = double([1 2]); x(2) = 1i").0;
    assert_eq!(
        v["value"]["data"],
        serde_json::json!([[{"re": 1, "im": 0}, {"re": 0, "im": 1}]])
    );
    let v = last_value("z = [1+1i, 2]; z(1:2) = [5 6]").0;
    assert_eq!(v["complex"], serde_json::Value::Null, "{v}");
    assert_eq!(v["value"]["data"], serde_json::json!([[5, 6]]));
}

/// One element through two scalar subscripts is written in place at
/// row + column * rows (column-major); anything else takes the general path.
#[test]
fn element_writes_land_at_their_row_and_column() {
    for a in ["[1 2 3; 4 5 6]", "double([1 2 3; 4 5 6])"] {
        assert_eq!(
            matrix(&format!("A = {a}; A(2, 1) = 9; A")),
            (2, 3, vec![1.0, 2.0, 3.0, 9.0, 5.0, 6.0])
        );
        assert_eq!(
            matrix(&format!("A = {a}; A(1, 3) = 9; A")),
            (2, 3, vec![1.0, 2.0, 9.0, 4.0, 5.0, 6.0])
        );
        assert_eq!(
            matrix(&format!("A = {a}; A(2, 3) = 9; A")),
            (2, 3, vec![1.0, 2.0, 3.0, 4.0, 5.0, 9.0])
        );
        assert_eq!(
            matrix(&format!("A = {a}; A(5) = 9; A")),
            (2, 3, vec![1.0, 2.0, 9.0, 4.0, 5.0, 6.0])
        );
        // Past the end through two subscripts: the matrix grows.
        assert_eq!(
            matrix(&format!("A = {a}; A(3, 1) = 9; A")),
            (3, 3, vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 9.0, 0.0, 0.0])
        );
    }
    // `end` in two subscripts is that dimension's size; in one, the element count.
    assert_eq!(
        matrix("A = [1 2 3; 4 5 6]; A(end, end - 2) = 0; A"),
        (2, 3, vec![1.0, 2.0, 3.0, 0.0, 5.0, 6.0])
    );
    // A logical scalar subscript is a mask, not position 1 by accident.
    assert_eq!(
        matrix("x = [1 2 3]; x(true) = 9; x"),
        (1, 3, vec![9.0, 2.0, 3.0])
    );
    assert_eq!(
        matrix("x = [1 2 3]; x(false) = 9; x"),
        (1, 3, vec![1.0, 2.0, 3.0])
    );
    // Subscripts may read the variable being assigned.
    assert_eq!(
        matrix("A = [1 2; 3 4]; A(A > 2) = 0; A"),
        (2, 2, vec![1.0, 2.0, 0.0, 0.0])
    );
    // A new variable is created by an indexed assignment.
    assert_eq!(matrix("w(2, 2) = 1; w"), (2, 2, vec![0.0, 0.0, 0.0, 1.0]));
    assert_eq!(
        error_line("x = [1 2 3]; x(2.5) = 1"),
        "error: x(2.5): subscripts must be either integers 1 to (2^63)-1 or logicals"
    );
    assert_eq!(
        error_line("x = [1 2 3]; x(1/2) = 1"),
        "error: x(0.5): subscripts must be either integers 1 to (2^63)-1 or logicals"
    );
}

#[test]
fn strings_and_other_kinds_under_assignment_and_deletion() {
    let s = |src: &str| last_value(src).0["value"].clone();
    assert_eq!(s("s = 'abc'; s(2) = 'X'"), "aXc");
    assert_eq!(s("s = 'abc'; s(end + 1) = 'd'"), "abcd");
    assert_eq!(s("s = 'hello'; s([1 5]) = []"), "ell");
    assert_eq!(
        error_line("s = 'ab'; s(2, 1) = 'c'"),
        "error: a string is one row of characters; this assignment would make a 2x2 char matrix"
    );
    let v = last_value("b = [true false true]; b(2) = []").0;
    assert_eq!(
        (v["class"].clone(), v["value"]["data"].clone()),
        ("logical".into(), serde_json::json!([[true, true]]))
    );
    let v = last_value("z = [1+1i, 2, 3i]; z(2) = []").0;
    assert_eq!(
        v["value"]["data"],
        serde_json::json!([[{"re": 1, "im": 1}, {"re": 0, "im": 3}]])
    );
    let v = last_value("x = [1/2 1/3 1/4]; x(2) = []").0;
    assert_eq!(v["exact"], serde_json::json!([["1/2", "1/4"]]));
    let v = last_value("x = double([1 2 3]); x(1) = []").0;
    assert_eq!(
        (v["exact"].clone(), v["value"]["data"].clone()),
        (serde_json::Value::Null, serde_json::json!([[2, 3]]))
    );
    assert_eq!(error_line("q(1) = []"), "error: 'q' undefined");
}

/// An index error names the variable indexed, as Octave does; the value of
/// an expression is `index`. The expected lines are what Octave 7.3
/// (`octave-cli --eval SRC`) printed for the same input.
#[test]
fn index_errors_name_the_variable_as_octave_does() {
    let must = "subscripts must be either integers 1 to (2^63)-1 or logicals";
    for (src, octave) in [
        (
            "A = [1 2; 3 4]; A(3,1)",
            "error: A(3,_): out of bound 2 (dimensions are 2x2)".to_string(),
        ),
        (
            "A = [1 2; 3 4]; A(7)",
            "error: A(7): out of bound 4 (dimensions are 2x2)".into(),
        ),
        (
            "A = [1 2; 3 4]; A(1,1,3)",
            "error: A(_,_,3): out of bound 1 (dimensions are 2x2)".into(),
        ),
        (
            "A = [1 2; 3 4]; A(:,3)",
            "error: A(_,3): out of bound 2 (dimensions are 2x2)".into(),
        ),
        (
            "A = [1 2; 3 4]; A([1 5])",
            "error: A(5): out of bound 4 (dimensions are 2x2)".into(),
        ),
        ("A = [1 2; 3 4]; A(0)", format!("error: A(0): {must}")),
        ("A = [1 2; 3 4]; A(1.5)", format!("error: A(1.5): {must}")),
        ("A = [1 2; 3 4]; A(0) = 1", format!("error: A(0): {must}")),
        (
            "A = [1 2; 3 4]; A(1.5) = 1",
            format!("error: A(1.5): {must}"),
        ),
        ("A = [1 2; 3 4]; A(0,1)", format!("error: A(0,_): {must}")),
        (
            "A = [1 2; 3 4]; A(2,1.5)",
            format!("error: A(_,1.5): {must}"),
        ),
        ("A = [1 2; 3 4]; A(-1) = 2", format!("error: A(-1): {must}")),
        (
            "A = [1 2; 3 4]; A(1/3)",
            format!("error: A(0.333333): {must}"),
        ),
        (
            "A = [1 2; 3 4]; A(1e20)",
            format!("error: A(1e+20): {must}"),
        ),
        (
            "c = {1, 2}; c{3}",
            "error: c(3): out of bound 2 (dimensions are 1x2)".into(),
        ),
        (
            "x = magic(3)(4,1)",
            "error: index (4,_): out of bound 3 (dimensions are 3x3)".into(),
        ),
    ] {
        assert_eq!(error_line(src), octave, "{src}");
    }
    // Octave 7.3 reads a third subscript of 1 as the matrix itself (`ans = 1`).
    assert_eq!(matrix("A = [1 2; 3 4]; A(2,1,1)"), (1, 1, vec![3.0]));
}

/// Where la differs from Octave 7.3, on purpose: a subscript `%g` would
/// round to an integer is written in full (Octave: `A(1e+10-0.5)`), NaN is
/// `NaN` (Octave: `nan`), an error inside a subscript keeps its own name,
/// and a third subscript that would need an N-d array is refused.
#[test]
fn index_errors_never_blame_the_wrong_thing() {
    let must = "subscripts must be either integers 1 to (2^63)-1 or logicals";
    assert_eq!(
        error_line("A = [1 2; 3 4]; A(1e10 + 0.5)"),
        format!("error: A(10000000000.5): {must}")
    );
    assert_eq!(
        error_line("A = [1 2; 3 4]; A(NaN)"),
        format!("error: A(NaN): {must}")
    );
    assert_eq!(
        error_line("A = [1 2; 3 4]; A(magic(3)(4,1))"),
        "error: index (4,_): out of bound 3 (dimensions are 3x3)"
    );
    assert_eq!(
        error_line("B = [1 2]; A = [1 2; 3 4]; A(B(3))"),
        "error: B(3): out of bound 2 (dimensions are 1x2)"
    );
    assert_eq!(
        error_line("f = @(x) x(5); f([1 2])"),
        "error: x(5): out of bound 2 (dimensions are 1x2)"
    );
    assert_eq!(
        error_line("A = [1 2; 3 4]; A(1,1,2) = 5"),
        "error: A(_,_,2): la's arrays have two dimensions, so a subscript past the second must be the single index 1"
    );
    assert_eq!(
        error_line("A = [1 2; 3 4]; A(1,1,[1 1])"),
        "error: A(_,_,[1 1]): la's arrays have two dimensions, so a subscript past the second must be the single index 1"
    );
}
