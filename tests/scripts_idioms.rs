//! The idioms of a student's Octave script (issue 22, "Script idioms"),
//! through the real binary; expected values worked out by hand.

mod common;
use common::{eval, run};

/// Run `src` as a script file, the way a student runs one.
fn script(src: &str) -> common::Run {
    let dir = std::env::temp_dir().join(format!("la-idioms-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let n = std::sync::atomic::AtomicUsize::new(0);
    let path = dir.join(format!(
        "s{}_{}.m",
        n.fetch_add(1, std::sync::atomic::Ordering::SeqCst),
        src.len() ^ src.bytes().map(usize::from).sum::<usize>()
    ));
    std::fs::write(&path, src).expect("write script");
    let r = run(&[path.to_str().expect("utf-8 path")], "");
    let _ = std::fs::remove_file(&path);
    r
}

#[test]
fn usual_first_lines_run() {
    let r = script(
        "clear all; clc; close all; clf\nclear\nwarning off\nwarning('off', 'all')\n\
         more off\nformat compact\nx = 1\n",
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "x = 1\n");
    assert_eq!(r.stderr, "");
}

#[test]
fn clear_close_all_on_one_line() {
    let r = eval("y = 2; clear; clc; close all; x = 1");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "x = 1\n");
    let r = eval("y = 2; clear all; exist('y')");
    assert_eq!(r.stdout, "ans = 0\n");
}

#[test]
fn pkg_load_is_accepted_with_a_note() {
    let r = eval("pkg load statistics\nx = 2");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(r.stdout.contains("la needs no packages"), "{}", r.stdout);
    assert!(r.stdout.ends_with("x = 2\n"), "{}", r.stdout);
}

#[test]
fn warning_with_an_identifier_shows_the_message() {
    let r = eval("warning('my:id', 'careful %d', 3); x = 1");
    assert_eq!(r.status, 0);
    assert!(r.stderr.contains("warning: careful 3"), "{}", r.stderr);
    assert_eq!(r.stdout, "x = 1\n");
}

#[test]
fn error_with_an_identifier_formats_the_rest() {
    let r = eval("error('la:test', 'bad value %d', 4)");
    assert_eq!(r.status, 1);
    assert!(r.stderr.starts_with("error: bad value 4\n"), "{}", r.stderr);
}

#[test]
fn assert_message_form() {
    let r = eval("assert(true, 'ok'); assert(1 == 1, 'x is %d', 1); x = 3");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "x = 3\n");
    let r = eval("assert(1 == 2, 'values differ: %d vs %d', 1, 2)");
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.starts_with("error: values differ: 1 vs 2\n"),
        "{}",
        r.stderr
    );
    // A scalar (not logical) condition with a message, as Octave allows.
    let r = eval("assert(0, 'zero is false')");
    assert!(
        r.stderr.starts_with("error: zero is false\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn assert_compare_form_still_works() {
    let r = eval("assert(norm([3 4]), 5); assert(pi, 3.1416, 1e-4); assert('ab', 'ab'); x = 1");
    assert_eq!(r.status, 0, "{}", r.stderr);
    let r = eval("assert('ab', 'ac')");
    assert_eq!(r.status, 1);
}

#[test]
fn assert_fails_when_dimensions_differ() {
    let r = eval("assert([3 3; 3 3], 3)");
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("dimensions do not agree"), "{}", r.stderr);
}
