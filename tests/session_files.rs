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
