//! Scalar structures as Octave has them: `s.a = 1`, nested `s.p.q = 1`,
//! `s.v(2) = 5` growing a field, cells of structures `c{2}.name`, and
//! `struct`, `fieldnames`, `isfield`, `isstruct`, `rmfield`. The display is
//! Octave's byte for byte (tests/structs/octave.txt is what octave-cli
//! prints for tests/structs/cases.m; regen.sh there remakes it); JSON gives
//! class "struct" and the fields as an object; save/load keep them;
//! structure arrays are refused by name.

mod common;
use common::{eval, run, script};

#[test]
fn a_script_of_structures_prints_what_octave_prints() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/structs");
    let want = std::fs::read_to_string(dir.join("octave.txt")).expect("octave.txt");
    let cases = dir.join("cases.m");
    let r = run(&[cases.to_str().expect("utf-8 path")], "");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, want);
}

#[test]
fn structure_arrays_and_misuse_are_refused_by_name() {
    let cases = [
        ("s(2).a = 1", "structure arrays are not supported", ":1:1"),
        (
            "s = 1; s.a = 2",
            "s is the number 1, not a structure",
            ":1:8",
        ),
        (
            "s.a = 1; s.a.b = 2",
            "s.a is the number 1, not a structure",
            ":1:10",
        ),
        (
            "s = struct('a', {1, 2})",
            "would make a structure array",
            ":1:5",
        ),
        ("s = struct('a')", "expected name, value pairs", ":1:5"),
        ("s = struct('1a', 2)", "invalid field name '1a'", ":1:5"),
        (
            "s = rmfield(struct('a', 1), 'b')",
            "has no field 'b' to remove",
            ":1:5",
        ),
        ("fieldnames(3)", "fieldnames", ":1:1"),
        ("s.a = 1; s.b", "has no field 'b'", ":1:10"),
    ];
    for (src, word, at) in cases {
        let r = eval(src);
        common::assert_error(&r, word, at);
        assert!(!r.stderr.contains("parse error"), "{src}: {}", r.stderr);
    }
}

#[test]
fn a_failed_field_assignment_changes_nothing() {
    // The subscript 0 fails after the field b would have been made: s keeps its one field.
    let r = eval("s.a = 1; try, s.b(0) = 2; catch, end; fieldnames(s)");
    assert_eq!(r.stdout, "ans =\n{\n  [1,1] = a\n}\n\n", "{}", r.stderr);
    // A new variable appears only on success.
    let r = eval("try, q.a(0) = 1; catch, end; exist('q')");
    assert_eq!(r.stdout, "ans = 0\n", "{}", r.stderr);
}

#[test]
fn json_gives_a_structure_as_an_object() {
    let r = run(
        &[
            "--json",
            "-e",
            "s.a = 2; s.v(3) = 1; s.p.q = 'x'; s.c = {1, 'y'}; s",
        ],
        "",
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(r.stdout.trim()).expect("one JSON line");
    assert_eq!(v["class"], "struct");
    assert_eq!(
        v["value"],
        serde_json::json!({
            "a": 2,
            "v": {"rows": 1, "cols": 3, "data": [[0, 0, 1]]},
            "p": {"q": "x"},
            "c": [1, "y"],
        })
    );
}

#[test]
fn save_and_load_keep_a_structure() {
    let path = std::env::temp_dir().join(format!("la-struct-{}.txt", std::process::id()));
    let p = path.to_str().expect("utf-8 path");
    let r = eval(&format!(
        "s.a = 1/3; s.m = [1 2; 3 4]; s.p.name = 'x'; s.c = {{2, 'y'}}; t = s; \
         save('{p}', 's'); clear s; load('{p}'); isequal(s, t), s.p.name, s.a * 3"
    ));
    let _ = std::fs::remove_file(&path);
    assert_eq!(r.stdout, "ans = 1\nans = x\nans = 1\n", "{}", r.stderr);
}

#[test]
fn fields_through_cells_and_back() {
    // A cell holding a structure, a structure holding a cell, in both directions.
    let r = script(
        "c = {};\nc{2}.n = 3;\nc{2}.n += 1;\ns.k = {};\ns.k{2} = 'b';\n\
         printf('%d %s %d %d\\n', c{2}.n, s.k{2}, numel(c), numel(s.k))\n",
    );
    assert_eq!(r.stdout, "4 b 2 2\n", "{}", r.stderr);
}

/// `struct('u', U)` stores U as it is: an exact complex U stays exact (the
/// same value `s.u = U` stores), also past the 400 entries the exact
/// complex kernels stop at, since storing costs nothing.
#[test]
fn struct_keeps_exact_complex_values() {
    let r = eval(
        "U = [1+2i 3]; s = struct('u', U); t.u = U;\n\
         [isexact(s.u), isequal(s, t), s.u(1) == 1+2i], s.u",
    );
    assert_eq!(
        (r.stdout.as_str(), r.stderr.as_str()),
        ("ans =\n\n  1  1  1\n\nans =\n\n   1 + 2i   3 + 0i\n\n", "")
    );
    // 500 entries k*i, k = 1..500, the last 500i.
    let r = eval("s = struct('u', (1:500)*1i); [isexact(s.u), s.u(500) == 500i]");
    assert_eq!(
        (r.stdout.as_str(), r.stderr.as_str()),
        ("ans =\n\n  1  1\n\n", "")
    );
}
