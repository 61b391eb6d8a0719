//! `save` / `load`: lossless round trip through the documented text format,
//! atomic writes, and malformed files rejected with the line, keeping the session.

mod common;
use common::*;

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("la-save-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("s.txt")
}

#[test]
fn save_and_load_round_trip_every_kind_exactly() {
    let f = temp("rt");
    let p = f.to_str().unwrap();
    let make = "x = pi/7; A = [1/3 2; -4 0.1]; z = [1+2i; -0.5i]; b = [1 0] > 0; s = \"tab\\there\"; F = double(1/3)";
    let r = eval(&format!("{make}; save {p}"));
    assert_eq!(r.status, 0, "{}", r.stderr);
    // Compare in a fresh process against values rebuilt from the same expressions.
    let check = format!(
        "load {p}; x2 = x; A2 = A; z2 = z; b2 = b; s2 = s; F2 = F; {make}; \
         assert(isequal(x, x2)); assert(isequal(A, A2)); assert(isequal(z, z2)); assert(isequal(b, b2)); \
         assert(strcmp(s, s2)); assert(isequal(F, F2)); isexact(A2)"
    );
    let r = eval(&check);
    assert_eq!(
        (r.status, r.stdout.as_str()),
        (0, "ans = 1\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn malformed_file_names_the_line_and_keeps_variables() {
    let f = temp("bad");
    std::fs::write(&f, "# la session v1\nA real 2 2\n1 2\n3\n").unwrap();
    let p = f.to_str().unwrap();
    let r = eval(&format!("keep = 5;\nload {p}"));
    assert_error(&r, ":4: expected 2 numbers", "2:1");
    let r = run(&["-i", "-q"], &format!("keep = 5;\nload {p}\nkeep\n"));
    assert!(r.stdout.contains("keep = 5"), "{}", r.stdout);
}

#[test]
fn save_leaves_no_temporary_files() {
    let f = temp("atomic");
    let r = eval(&format!("v = 1:3; save {}", f.display()));
    assert_eq!(r.status, 0);
    let names: Vec<_> = std::fs::read_dir(f.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

/// Every kind of exact value comes back from `save` and `load` as the same
/// value of the same kind: fractions, one quadratic field (sqrt(2)/3),
/// Gaussian rationals, real numbers of different fields, and the unit
/// columns x/sqrt(k) of exact eig, real and complex (they were written as
/// doubles), also inside a cell and a structure.
#[test]
fn save_and_load_keep_every_exact_kind() {
    let f = temp("exact");
    let p = f.to_str().unwrap();
    let make = "q = [1/3 -2/7]; r = sqrt(2)/3; g = [1+2i 1/3i]; m = [sqrt(2) sqrt(3)]; \
                [P, D] = eig([1 2; 3 5]); [U, L] = eig([0 -1; 1 0]); \
                c = {P, 1/7}; st.u = U";
    let r = eval(&format!("{make}; save {p}"));
    assert_eq!(r.status, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(&f).unwrap();
    // i/sqrt(2): x = 0 + 1*sqrt(-1), k = 2; 1/sqrt(2) is sqrt(2)/2 in its field.
    assert!(
        text.contains("U scaled 2 2\n0 1/2 2 1 0 0 0 1/2 2 1 0 0\n0 -1 -1 2 0 0 0 1 -1 2 0 0\n"),
        "{text}"
    );
    // [1 2; 3 5] has eigenvalues 3 + sqrt(10) and 3 - sqrt(10), with
    // eigenvectors (sqrt(10) - 2, 3) and (sqrt(10) + 2, -3) from its second
    // row, of squared norms 23 - 4*sqrt(10) and 23 + 4*sqrt(10).
    assert!(
        text.contains(
            "P scaled 2 2\n-2 1 10 23 -4 10 2 1 10 23 4 10\n3 0 0 23 -4 10 -3 0 0 23 4 10\n"
        ),
        "{text}"
    );
    let names = ["q", "r", "g", "m", "P", "U", "c", "st"];
    let keep: String = names.iter().map(|n| format!("{n}0 = {n}; ")).collect();
    let same: Vec<String> = names
        .iter()
        .map(|n| format!("isequal({n}, {n}0)"))
        .collect();
    let exact: Vec<String> = names[..6].iter().map(|n| format!("isexact({n})")).collect();
    let check = format!(
        "{make}; {keep} clear q r g m P U c st; load {p}; \
         disp([{}]); disp([{}]); disp([isexact(c{{1}}), isexact(st.u)]); \
         disp(class(P))",
        same.join(", "),
        exact.join(", ")
    );
    let r = eval(&check);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "  1  1  1  1  1  1  1  1\n  1  1  1  1  1  1\n  1  1\ndouble\n"
    );
}

/// Files written before the `scaled` kind still load.
#[test]
fn older_session_files_still_load() {
    let f = temp("old");
    std::fs::write(
        &f,
        "# la session v1\nV quad2 2 2\n0 1/2 0 1/2\n0 1/2 0 -1/2\nm quad 1 2\n0 1 2 0 1 3\n\
         P real 1 1\n0.7071067811865475\n",
    )
    .unwrap();
    let r = eval(&format!(
        "load {}; disp([isequal(V, [1 1; 1 -1]/sqrt(2)), isequal(m, [sqrt(2) sqrt(3)]), isexact(P)])",
        f.display()
    ));
    assert_eq!(
        (r.status, r.stdout.as_str()),
        (0, "  1  1  0\n"),
        "{}",
        r.stderr
    );
}
