//! Cell arrays as Octave has them (issue 22), through the real binary. Every
//! expected display is what Octave 8 prints for the same input; the values
//! follow from the definitions (c{i} is the i-th element in column-major order).

mod common;
use common::{eval, run, script};

fn out(src: &str) -> String {
    let r = eval(src);
    assert_eq!(r.status, 0, "{src}: {}", r.stderr);
    r.stdout
}

fn fails(src: &str, words: &str) {
    let r = eval(src);
    assert_eq!(r.status, 1, "{src} should fail: {}", r.stdout);
    assert!(r.stderr.contains(words), "{src}: {}", r.stderr);
}

#[test]
fn a_literal_displays_as_octave() {
    assert_eq!(
        out("c = {1, 'a'; [1 2], @sin}"),
        "c =\n{\n  [1,1] = 1\n  [2,1] =\n\n     1   2\n\n  [1,2] = a\n  [2,2] = @sin\n}\n\n"
    );
    assert_eq!(out("d = {}"), "d = {}(0x0)\n");
    assert_eq!(out("cell(1, 0)"), "ans = {}(1x0)\n");
    // Nested cells indent by two more; an empty string and an empty matrix as Octave shows them.
    assert_eq!(
        out("e = {{2, 'x'}, [], ''}"),
        "e =\n{\n  [1,1] =\n  {\n    [1,1] = 2\n    [1,2] = x\n  }\n\n  [1,2] = [](0x0)\n  [1,3] = \n}\n\n"
    );
    // Rows may be separated by newlines, as in a matrix.
    assert_eq!(
        out("z = {1 2\n3 4}"),
        "z =\n{\n  [1,1] = 1\n  [2,1] = 3\n  [1,2] = 2\n  [2,2] = 4\n}\n\n"
    );
    assert_eq!(out("disp({7})"), "{\n  [1,1] = 7\n}\n");
}

#[test]
fn content_and_paren_indexing() {
    let c = "c = {1, 'a'; [1 2], @sin}; ";
    assert_eq!(out(&format!("{c}x = c{{2,1}}")), "x =\n\n   1   2\n\n");
    // Linear content index runs down the columns: c{3} is c{1,2}.
    assert_eq!(out(&format!("{c}c{{3}}")), "ans = a\n");
    assert_eq!(out(&format!("{c}f = c{{end}}; f(0)")), "ans = 0\n");
    assert_eq!(
        out(&format!("{c}y = c(1, :)")),
        "y =\n{\n  [1,1] = 1\n  [1,2] = a\n}\n\n"
    );
    assert_eq!(out("c = {[1 2 3]}; c{1}(2)"), "ans = 2\n");
    // c{:} stands for every element: in an argument list, in brackets, as a statement.
    assert_eq!(out("c = {4, 9}; max(c{:})"), "ans = 9\n");
    assert_eq!(out("c = {4, 9}; [c{:}]"), "ans =\n\n   4   9\n\n");
    assert_eq!(out("c = {4, 9}; c{:}"), "ans = 4\nans = 9\n");
    assert_eq!(out("f = @(c) c{2}; f({1, 5})"), "ans = 5\n");
    fails("c = {1, 2}; c{3}", "out of bound 2");
    fails("c = {1, 2}; c{1.5}", "subscripts must be either integers");
    fails(
        "x = [1 2]; x{1}",
        "'{' indexing needs a cell array, but x is a 1x2 matrix",
    );
}

#[test]
fn assignment_grows_the_cell() {
    assert_eq!(
        out("w = {}; w{3} = 5"),
        "w =\n{\n  [1,1] = [](0x0)\n  [1,2] = [](0x0)\n  [1,3] = 5\n}\n\n"
    );
    assert_eq!(
        out("c = {}; c{end+1} = 'a'; c{end+1} = 'b'"),
        "c =\n{\n  [1,1] = a\n  [1,2] = b\n}\n\n"
    );
    // A new variable (or []) becomes a cell; a 2-D subscript grows both ways.
    assert_eq!(out("q{2} = 1; size(q)"), "ans =\n\n   1   2\n\n");
    assert_eq!(
        out("x = {1, 2}; x{2, 3} = 4; size(x)"),
        "ans =\n\n   2   3\n\n"
    );
    assert_eq!(out("c = {1, 2}; c{2} += 3; c{2}"), "ans = 5\n");
    // c(i) = {v} and c(i) = v set elements; c(i) = [] deletes them; c{i} = [] stores [].
    assert_eq!(out("q = {}; q(3) = {7}; q{3}"), "ans = 7\n");
    assert_eq!(out("r = {1, 'a'}; r(2) = 5; r{2}"), "ans = 5\n");
    assert_eq!(
        out("r = {1, 'a'}; r(2) = []; size(r)"),
        "ans =\n\n   1   1\n\n"
    );
    assert_eq!(
        out("r = {1, 'a'}; r{2} = []; size(r)"),
        "ans =\n\n   1   2\n\n"
    );
    fails(
        "x = 1; x{2} = 3",
        "'{' indexing needs a cell array, but x is the number 1",
    );
    fails("c = {1, 2}; c{1:2} = 5", "sets one element");
}

#[test]
fn size_class_and_tests() {
    let c = "c = {1, 'a'; [1 2], @sin}; ";
    assert_eq!(
        out(&format!(
            "{c}[numel(c), length(c), isempty(c), isempty({{}})]"
        )),
        "ans =\n\n   4   2   0   1\n\n"
    );
    assert_eq!(out(&format!("{c}size(c)")), "ans =\n\n   2   2\n\n");
    assert_eq!(out(&format!("{c}class(c)")), "ans = cell\n");
    assert_eq!(
        out("[iscell({}), iscell('a'), iscellstr({'a', 'bc'}), iscellstr({'a', 1}), isa({}, 'cell')]"),
        "ans =\n\n  1  0  1  0  1\n\n"
    );
    assert_eq!(
        out("[isequal({1, 'a'}, {1, 'a'}), isequal({1, 'a'}, {1, 'b'}), isequal({1}, {1, 1}), isequal({[1 2]}, {[1 2]})]"),
        "ans =\n\n  1  0  0  1\n\n"
    );
    fails(
        "c = {1}; c + 1",
        "binary operator '+' not implemented for 'cell' by 'double' operations",
    );
    fails("c = {1}; sum(c)", "got a 1x1 cell array");
    fails("if {1}, end", "got a 1x1 cell array");
}

#[test]
fn concatenation_and_transpose() {
    assert_eq!(out("c = [{1}, {2, 3}]; size(c)"), "ans =\n\n   1   3\n\n");
    // A non-cell block joins as a 1x1 cell, as in Octave.
    assert_eq!(out("m = [{1}, 2]; m{2}"), "ans = 2\n");
    assert_eq!(out("c = {1, 2}'; size(c)"), "ans =\n\n   2   1\n\n");
    // A cell inside a cell literal stays whole.
    assert_eq!(
        out("a = {1, 2}; b = {a, 3}; size(b)"),
        "ans =\n\n   1   2\n\n"
    );
    fails("{1, 2; 3}", "vertical dimensions mismatch (1x2 vs 1x1)");
}

#[test]
fn strsplit_and_strjoin() {
    // Runs of delimiters count as one unless asked otherwise (Octave's default).
    assert_eq!(
        out("s = strsplit('a,b,,c', ',')"),
        "s =\n{\n  [1,1] = a\n  [1,2] = b\n  [1,3] = c\n}\n\n"
    );
    assert_eq!(
        out("numel(strsplit('a,b,,c', ',', 'CollapseDelimiters', false))"),
        "ans = 4\n"
    );
    assert_eq!(out("s = strsplit('x y  z'); s{3}"), "ans = z\n");
    assert_eq!(
        out("s = strsplit('1+2-3', {'+', '-'}); [s{:}]"),
        "ans = 123\n"
    );
    assert_eq!(out("strjoin({'a', 'b', 'c'}, '-')"), "ans = a-b-c\n");
    assert_eq!(out("strjoin({'a', 'b'})"), "ans = a b\n");
    assert_eq!(out("strjoin(strsplit('p q r'), ', ')"), "ans = p, q, r\n");
    fails(
        "strjoin({'a', 1})",
        "strjoin: argument 1 (c) must be a cell of strings",
    );
    // strcmp and strcmpi answer per element of a cell.
    assert_eq!(
        out("strcmp({'a', 'b', 'a'}, 'a')"),
        "ans =\n\n  1  0  1\n\n"
    );
    assert_eq!(out("strcmpi('B', {'a'; 'b'})"), "ans =\n\n  0\n  1\n\n");
}

#[test]
fn cellfun_num2cell_and_cell() {
    assert_eq!(
        out("cellfun(@length, {'ab', [1 2 3], []})"),
        "ans =\n\n   2   3   0\n\n"
    );
    assert_eq!(
        out("cellfun('isempty', {1, [], ''})"),
        "ans =\n\n  0  1  1\n\n"
    );
    assert_eq!(
        out("u = cellfun(@(x) [x x], {'a', 'b'}, 'UniformOutput', false)"),
        "u =\n{\n  [1,1] = aa\n  [1,2] = bb\n}\n\n"
    );
    // Two outputs of max for each element: the maxima, then their positions.
    assert_eq!(
        out("[m, k] = cellfun(@max, {[1 3], [5 2]})"),
        "m =\n\n   3   5\n\nk =\n\n   2   1\n\n"
    );
    assert_eq!(
        out("cellfun(@(a, b) a * b, {2, 3}, {4, 5})"),
        "ans =\n\n    8   15\n\n"
    );
    fails(
        "cellfun(@(x) [x x], {1, 2})",
        "all values must be scalars when UniformOutput = true",
    );
    fails(
        "cellfun(@numel, [1 2])",
        "cellfun: argument 2 (c) must be a cell array",
    );
    fails(
        "cellfun(@numel, {1}, 'ErrorHandler', @disp)",
        "'ErrorHandler' option is not supported",
    );
    assert_eq!(
        out("n = num2cell([1 2; 3 4])"),
        "n =\n{\n  [1,1] = 1\n  [2,1] = 3\n  [1,2] = 2\n  [2,2] = 4\n}\n\n"
    );
    assert_eq!(
        out("c = cell(2)"),
        "c =\n{\n  [1,1] = [](0x0)\n  [2,1] = [](0x0)\n  [1,2] = [](0x0)\n  [2,2] = [](0x0)\n}\n\n"
    );
    assert_eq!(out("size(cell(2, 3))"), "ans =\n\n   2   3\n\n");
    // arrayfun's 'UniformOutput', false makes a cell too.
    assert_eq!(
        out("a = arrayfun(@(n) 1:n, [1 2], 'UniformOutput', false); a{2}"),
        "ans =\n\n   1   2\n\n"
    );
}

#[test]
fn switch_and_for_over_cells() {
    let src = "for s = {'b', 'z'}\n  switch s{1}\n    case {'a', 'b'}\n      disp('ab')\n    otherwise\n      disp('other')\n  end\nend\n";
    let r = script(src);
    assert_eq!(r.stdout, "ab\nother\n", "{}", r.stderr);
    // A case list may be a cell variable too; numbers match by value.
    assert_eq!(
        out("L = {1, 2}; switch 2, case L, disp('in'), otherwise, disp('out'), end"),
        "in\n"
    );
    // Each iteration of a for over a cell row is a 1x1 cell, as Octave.
    assert_eq!(
        out("for k = {1, 'b'}\nk\nend"),
        "k =\n{\n  [1,1] = 1\n}\n\nk =\n{\n  [1,1] = b\n}\n\n"
    );
}

#[test]
fn sort_of_a_cell_of_strings() {
    assert_eq!(
        out("[s, i] = sort({'pear'; 'apple'; 'fig'})"),
        "s =\n{\n  [1,1] = apple\n  [2,1] = fig\n  [3,1] = pear\n}\n\ni =\n\n   2\n   3\n   1\n\n"
    );
    assert_eq!(
        out("s = sort({'b', 'a', 'c'}, 'descend'); [s{:}]"),
        "ans = cba\n"
    );
    fails("sort({'b', 1})", "a cell array must hold only strings");
}

#[test]
fn json_value_of_a_cell() {
    let r = run(&["--json", "-e", "c = {1, 'a'; [1 2], true}"], "");
    assert_eq!(r.status, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(r.stdout.trim()).expect("one JSON line");
    assert_eq!(v["class"], "cell");
    assert_eq!(v["size"], serde_json::json!([2, 2]));
    // A matrix cell is an array of rows; each element is its own JSON value.
    assert_eq!(v["value"][0][0], 1);
    assert_eq!(v["value"][0][1], "a");
    assert_eq!(v["value"][1][0]["data"], serde_json::json!([[1, 2]]));
    assert_eq!(v["value"][1][1], true);
    let r = run(&["--json", "-e", "r = {2, {3}}"], "");
    let v: serde_json::Value = serde_json::from_str(r.stdout.trim()).expect("one JSON line");
    assert_eq!(v["value"], serde_json::json!([2, [3]]));
}

#[test]
fn save_and_load_keep_a_cell() {
    let dir = std::env::temp_dir().join(format!("la-cells-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("c.txt");
    let f = file.to_str().expect("utf-8 path");
    let src = format!(
        "c = {{1/3, 'ab', [1 2; 3 4], {{2}}, @sin}}; save('{f}', 'c'); clear c; load('{f}'); \
         isequal(c, {{1/3, 'ab', [1 2; 3 4], {{2}}, @sin}}), c{{1}}, size(c)"
    );
    assert_eq!(out(&src), "ans = 1\nans = 1/3\nans =\n\n   1   5\n\n");
    let _ = std::fs::remove_dir_all(&dir);
}
