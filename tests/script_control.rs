//! Octave's control flow beyond if/for/while, through the real binary:
//! `switch`, `try`/`catch err`, `unwind_protect`, `do ... until`, `x++` and
//! `x += ...`, and the `called from` notes of an error inside a function.
//! Expected outputs are what Octave 7.3 prints for the same script.

mod common;
use common::{eval, script};

#[test]
fn switch_numbers_cell_lists_and_otherwise() {
    let r = script(
        "1;\nfunction r = classify(x)\n  switch x\n    case {1, 2}\n      r = 'small';\n\
         \x20   case 3\n      r = 'three';\n    otherwise\n      r = 'big';\n  end\nend\n\
         disp(classify(1)); disp(classify(2)); disp(classify(3)); disp(classify(7))\n",
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "small\nsmall\nthree\nbig\n");
}

#[test]
fn switch_strings_compare_whole_strings() {
    let r = script(
        "s = 'abc';\nswitch s\n  case 'ab'\n    disp('no')\n  case {'x', 'abc'}\n    disp('yes')\nend\n\
         switch 'A'\n  case 65\n    disp('code match')\nend\n\
         switch 1\n  case [1 2]\n    disp('vector')\n  otherwise\n    disp('sizes differ')\nendswitch\n",
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "yes\ncode match\nsizes differ\n");
}

#[test]
fn switch_on_one_line_and_inside_a_loop() {
    let r = eval("switch 2, case {1, 2}, disp(5), end");
    assert_eq!(r.stdout, "5\n", "{}", r.stderr);
    // k = 1..4: odd k add 1, even k add 10 -> 1 + 10 + 1 + 10 = 22
    let r = eval(
        "n = 0;\nfor k = 1:4\n  switch mod(k, 2)\n    case 0\n      n = n + 10;\n    otherwise\n      n = n + 1;\n  end\nend\nn",
    );
    assert_eq!(r.stdout, "n = 22\n", "{}", r.stderr);
}

#[test]
fn try_catch_binds_message_and_identifier() {
    let r = script(
        "try\n  error('Course:bad', 'value %d too big', 7);\ncatch err\n  disp(err.message)\n  disp(err.identifier)\nend\n\
         try\n  [1 2] * [3 4];\ncatch e\n  disp(class(e.message))\nend\n\
         try\n  x = 1;\ncatch\n  x = 2;\nend\nx\n",
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "value 7 too big\nCourse:bad\nchar\nx = 1\n");
}

#[test]
fn caught_error_without_identifier_and_lasterr() {
    let r =
        eval("try, error('boom %d', 2); catch e, end; isempty(e.identifier), e.message, lasterr");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "ans = 1\nans = boom 2\nans = boom 2\n");
}

#[test]
fn caught_error_shows_as_a_structure() {
    let r = eval("try, error('a:b', 'oops'); catch err, end; err");
    assert_eq!(
        r.stdout,
        "err =\n\n  scalar structure containing the fields:\n\n    message = oops\n    identifier = a:b\n    stack =\n\n      scalar structure containing the fields:\n\n        file = <input>\n        name = <input>\n        line = 1\n        column = 6\n\n\n"
    );
    let r = eval("try, error('oops'); catch err, end; err.nope");
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("no field 'nope'"), "{}", r.stderr);
    let r = eval("x = 3; x.message");
    assert!(r.stderr.contains("is not a structure"), "{}", r.stderr);
}

#[test]
fn unwind_protect_cleanup_runs_and_the_error_goes_on() {
    let r = script(
        "log = '';\ntry\n  unwind_protect\n    log = [log 'a'];\n    error('stop');\n\
         \x20 unwind_protect_cleanup\n    log = [log 'b'];\n  end_unwind_protect\ncatch q\n  log = [log 'c'];\nend\nlog\n",
    );
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "log = abc\n");
    let r = eval("unwind_protect\n error('stop')\nunwind_protect_cleanup\n disp('cleanup')\nend");
    assert_eq!(r.status, 1);
    assert_eq!(r.stdout, "cleanup\n");
    assert!(r.stderr.starts_with("error: stop"), "{}", r.stderr);
}

#[test]
fn do_until_runs_the_body_first() {
    // 10 -> 7 -> 4 -> 1 -> -2, then k < 0 holds.
    let r = eval("k = 10;\ndo\n  k -= 3;\nuntil k < 0\nk");
    assert_eq!(r.stdout, "k = -2\n", "{}", r.stderr);
    // i = 1..4 skipping 2 in the sum: 1 + 3 + 4 = 8; `continue` goes to the test.
    let r =
        eval("s = 0; i = 0;\ndo\n  i++;\n  if i == 2, continue; end\n  s += i;\nuntil i >= 4\ns");
    assert_eq!(r.stdout, "s = 8\n", "{}", r.stderr);
    let r = eval("do x = 1; until true, x");
    assert_eq!(r.stdout, "x = 1\n", "{}", r.stderr);
}

#[test]
fn increment_and_compound_assignment() {
    let r = eval("v = [1 2 3]; v(2) += 10; v(3) *= 2; v");
    assert_eq!(r.stdout, "v =\n\n    1   12    6\n\n", "{}", r.stderr);
    // Octave: `x++` shows and stores the old value in ans.
    let r = eval("x = 5; x++\nx");
    assert_eq!(r.stdout, "ans = 5\nx = 6\n", "{}", r.stderr);
    let r = eval("y = 1; y--; y, A = [1 2]; A(2)++; A");
    assert_eq!(r.stdout, "y = 0\nA =\n\n   1   3\n\n", "{}", r.stderr);
    let r = eval("z = 6; z /= 4; z -= 1; z * 4");
    assert_eq!(r.stdout, "ans = 2\n", "{}", r.stderr);
}

#[test]
fn prefix_increment_gives_the_new_value() {
    // Octave: `++x` changes x and its value (and ans) is the new x.
    let r = eval("x = 1; ++x\nx");
    assert_eq!(r.stdout, "ans = 2\nx = 2\n", "{}", r.stderr);
    let r = eval("x = 5; --x; ans, x");
    assert_eq!(r.stdout, "ans = 4\nx = 4\n", "{}", r.stderr);
    // Inside an expression: y = 3 - (x after --x) = 3 - 0.
    let r = eval("x = 1; y = 3 - --x, x");
    assert_eq!(r.stdout, "y = 3\nx = 0\n", "{}", r.stderr);
    let r = eval("v = [1 2]; ++v(2); v");
    assert_eq!(r.stdout, "v =\n\n   1   3\n\n", "{}", r.stderr);
    // On anything but a variable the two signs stay signs.
    let r = eval("[--2, ++3, 1 --2]");
    assert_eq!(r.stdout, "ans =\n\n   2   3   1   2\n\n", "{}", r.stderr);
}

#[test]
fn a_caught_error_has_its_stack() {
    // err.stack(1) is where the error happened: in g, line 5, column 3.
    let r = script(
        "function r = f(x)\n  r = g(x);\nend\nfunction r = g(x)\n  error('bad %d', x);\nend\n\
         try\n  f(2)\ncatch err\n  s = err.stack(1);\n  printf('%s %d %d\\n', s.name, s.line, s.column)\n\
         printf('%d\\n', err.stack.line)\nend\n",
    );
    assert_eq!(r.stdout, "g 5 3\n5\n", "{}", r.stderr);
    // Outside functions the frame is the script itself, named by its file.
    let r = script("x = 1;\ntry\n  x(3)\ncatch e\n  disp(e.stack.line)\nend\n");
    assert_eq!(r.stdout, "3\n", "{}", r.stderr);
    let r = eval("try, error('x'); catch e, e.stack(2), end");
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains("a structure has one element"),
        "{}",
        r.stderr
    );
}

#[test]
fn error_inside_functions_lists_where_it_was_called_from() {
    let r = script(
        "function r = g(x)\n  r = f(x) + 1;\nend\nfunction y = f(x)\n  y = x + undefined_q;\nend\nz = 2;\ng(3)\n",
    );
    assert_eq!(r.status, 1);
    // f failed at 5:11, g at its call of f (2:7), the script at its call of g (8:1).
    let notes: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.contains("called from"))
        .collect();
    assert_eq!(notes.len(), 3, "{}", r.stderr);
    assert_eq!(notes[0], "  called from f at line 5 column 11");
    assert_eq!(notes[1], "  called from g at line 2 column 7");
    assert!(notes[2].ends_with(" at line 8 column 1"), "{}", r.stderr);
    // A caught error leaves no notes behind, and an error outside functions has none.
    let r = eval("x = [1 2] + [1 2 3]");
    assert!(!r.stderr.contains("called from"), "{}", r.stderr);
}

#[test]
fn the_last_note_points_at_the_call_not_its_statement() {
    // `f` is the 9th character of `y = 2 + f(3)`; the statement starts at 1.
    let r = script("function y = f(x)\n  y = x + undefined_q;\nend\ny = 2 + f(3)\n");
    assert_eq!(r.status, 1);
    let last = r.stderr.lines().last().unwrap_or("");
    assert!(last.starts_with("  called from s"), "{}", r.stderr);
    assert!(last.ends_with(" at line 4 column 9"), "{}", r.stderr);
    // Inside a condition and an argument list too: `if 1 < f(2)` has f at 8.
    let r = script("function y = f(x)\n  error('no');\nend\nif 1 < f(2), end\n");
    let last = r.stderr.lines().last().unwrap_or("");
    assert!(last.ends_with(" at line 4 column 8"), "{}", r.stderr);
    let r = eval("function y = f(x), error('no'); end; disp(abs(f(1)))");
    let last = r.stderr.lines().last().unwrap_or("");
    assert_eq!(
        last, "  called from <input> at line 1 column 47",
        "{}",
        r.stderr
    );
}

#[test]
fn a_caught_error_saves_and_loads_as_a_structure() {
    let path = std::env::temp_dir().join(format!("la-err-{}.txt", std::process::id()));
    let p = path.to_str().expect("utf-8 path");
    let r = eval(&format!(
        "try, error('a:b', 'it''s %d', 5); catch e, end; save {p} e; clear e; load {p}; e.message, e.identifier"
    ));
    let _ = std::fs::remove_file(&path);
    assert_eq!(r.stdout, "ans = it's 5\nans = a:b\n", "{}", r.stderr);
}
