//! A block left open at the end of a script or of `-e` input is named, with
//! the place it was opened; a closing word that closes nothing, or the wrong
//! block, is named where it stands.

mod common;
use common::{eval, script};

/// The stderr of a failed run (it must fail).
fn error_of(r: common::Run) -> String {
    assert_eq!(r.status, 1, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    r.stderr
}

#[test]
fn an_unclosed_for_in_a_script_is_named_where_it_opens() {
    let e = error_of(script("x = 1;\nfor i=1:3\n  x = x + i;\n"));
    let first = e.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        "error: parse error: 'for' is never closed: expected 'end' (or 'endfor') before the end of the input"
    );
    // The caret under the `for` of line 2.
    assert!(e.contains(".m:2:1\n"), "{e}");
    assert!(e.contains("2 | for i=1:3\n  | ^^^\n"), "{e}");
}

#[test]
fn every_block_kind_is_named_with_its_closing_words() {
    for (src, says, at) in [
        ("if 1\n x = 2", "'if' is never closed: expected 'end' (or 'endif')", "1:1"),
        ("y = 0;\nwhile y < 3\n y++;", "'while' is never closed: expected 'end' (or 'endwhile')", "2:1"),
        ("switch 2\n case 1\n  y = 1;", "'switch' is never closed: expected 'end' (or 'endswitch')", "1:1"),
        ("try\n x = 1;\ncatch err\n x = 2;", "'try' is never closed: expected 'end' (or 'end_try_catch')", "1:1"),
        ("function y = f(x)\n y = x;", "'function' is never closed: expected 'end' (or 'endfunction')", "1:1"),
        ("x = 0;\ndo\n x++;", "'do' is never closed: expected 'until' and a condition", "2:1"),
        (
            "unwind_protect\n x = 1;",
            "'unwind_protect' is never closed: expected 'unwind_protect_cleanup', then 'end' (or 'end_unwind_protect')",
            "1:1",
        ),
        (
            "unwind_protect\n x = 1;\nunwind_protect_cleanup\n y = 2;",
            "'unwind_protect' is never closed: expected 'end' (or 'end_unwind_protect')",
            "1:1",
        ),
        // Nested: the innermost open block; `end` as an index closes nothing.
        ("for i = 1:3\n if i > 1\n  x(end+1) = i;\n", "'if' is never closed", "2:2"),
        ("for i = 1:3\n if i > 1\n  x = i;\n end\n", "'for' is never closed", "1:1"),
    ] {
        let e = error_of(eval(src));
        assert!(e.contains(says), "{src:?}: {e}");
        assert!(e.contains(&format!("<input>:{at}\n")), "{src:?} at {at}: {e}");
    }
}

#[test]
fn another_mistake_inside_the_open_block_is_reported_as_it_is() {
    // Closing the `for` would not make this parse: the `+` lacks its operand.
    let e = error_of(eval("for i = 1:3\n x = 1 +\n"));
    assert!(e.contains("expected an expression"), "{e}");
    assert!(!e.contains("never closed"), "{e}");
    let e = error_of(eval("for i = 1:3\n x = [1 2\n"));
    assert!(e.contains("unclosed '['"), "{e}");
}

#[test]
fn a_stray_or_wrong_closing_word_is_named() {
    let e = error_of(eval("x = 1\nend\ny = 2"));
    assert!(e.contains("this 'end' closes no block"), "{e}");
    assert!(e.contains("<input>:2:1\n"), "{e}");
    let e = error_of(eval("for i = 1:3, x(end) = 1; end, end"));
    assert!(e.contains("this 'end' closes no block"), "{e}");
    assert!(e.contains("<input>:1:31\n"), "{e}");
    let e = error_of(eval("x = 1\nuntil x > 0"));
    assert!(e.contains("this 'until' closes no block"), "{e}");
    let e = error_of(eval("for i = 1:3\n x = i;\nendwhile"));
    assert!(
        e.contains("'endwhile' cannot close the 'for' at line 1, column 1, which ends with 'end' (or 'endfor')"),
        "{e}"
    );
    assert!(e.contains("<input>:3:1\n"), "{e}");
}

#[test]
fn closed_blocks_still_run() {
    let r = eval("do x = 1; until 1\nif 1, y = 2, end\nswitch 1\n case 1\n  z = 3\nendswitch");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "y = 2\nz = 3\n");
}
