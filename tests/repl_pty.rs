//! The REPL as a person uses it: the real binary in a pseudo-terminal,
//! driven keystroke by keystroke. Nothing waits a fixed time: keys that must
//! not be typed early (Ctrl-C, Ctrl-D) are sent once the output that shows
//! la is ready has been seen. Every wait is bounded by `TIMEOUT_MS`, a hang
//! detector set far above any real wait so a loaded machine cannot trip it.

#![cfg(unix)]

use rexpect::process::WaitStatus;
use rexpect::reader::Options;
use rexpect::session::{spawn_with_options, PtySession};
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

const TIMEOUT_MS: u64 = 60_000;
const ENTER: &str = "\r";

/// A private HOME / XDG_DATA_HOME so tests never touch the user's history.
struct TempHome(PathBuf);

impl TempHome {
    fn new() -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "la-pty-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp home");
        TempHome(dir)
    }
    fn data(&self) -> PathBuf {
        self.0.join("data")
    }
}

impl Drop for TempHome {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct Repl {
    p: PtySession,
    home: TempHome,
    /// A line was finished (Enter, Ctrl-C) and its fresh prompt not yet seen.
    prompt_due: bool,
}

fn start(color: bool) -> Repl {
    start_in(TempHome::new(), color)
}

fn start_in(home: TempHome, color: bool) -> Repl {
    start_with(home, color, &[])
}

fn start_with(home: TempHome, color: bool, args: &[&str]) -> Repl {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_la"));
    cmd.args(args)
        .env("HOME", &home.0)
        .env("XDG_DATA_HOME", home.data())
        .env("TERM", "xterm")
        .env_remove("COLUMNS");
    if color {
        cmd.env_remove("NO_COLOR");
    } else {
        cmd.env("NO_COLOR", "1");
    }
    let opts = Options::new()
        .timeout_ms(Some(TIMEOUT_MS))
        .strip_ansi_escape_codes(true);
    let mut p = spawn_with_options(cmd, opts).expect("spawn la in a pty");
    p.exp_string("Type `help`").expect("banner");
    p.exp_string(">> ").expect("first prompt");
    Repl {
        p,
        home,
        prompt_due: false,
    }
}

/// A fresh prompt with escapes stripped: rustyline draws it at the start of a
/// new line once the terminal is in raw mode (keys typed before that can be
/// lost). Redraws while typing start with `\r>> ` after the typed text, and
/// help examples print `  >> `, so neither matches.
const FRESH_PROMPT: &str = "\n\r>> ";

impl Repl {
    fn send(&mut self, keys: &str) {
        self.prompt_due |= keys.contains(ENTER) || keys.contains('\x03');
        self.p.send(keys).expect("send keys");
        self.p.flush().expect("flush");
    }
    fn line(&mut self, text: &str) {
        self.send(text);
        self.send(ENTER);
    }
    fn expect(&mut self, text: &str) -> String {
        match self.p.exp_string(text) {
            Ok(before) => before,
            Err(e) => panic!("waiting for {text:?}: {e}"),
        }
    }
    /// Wait for the prompt after the last finished line.
    fn prompt(&mut self) {
        self.expect(FRESH_PROMPT);
        self.prompt_due = false;
    }
    /// Leave with Ctrl-D (once the prompt is up: a Ctrl-D typed before rustyline
    /// has the terminal in raw mode is lost) and return the exit status.
    fn quit(mut self) -> i32 {
        if self.prompt_due {
            self.prompt();
        }
        self.send("\x04");
        self.p.exp_eof().expect("la exits on Ctrl-D");
        self.status()
    }
    fn status(&self) -> i32 {
        match self.p.process().wait().expect("wait for la") {
            WaitStatus::Exited(_, code) => code,
            other => panic!("la did not exit normally: {other:?}"),
        }
    }
}

#[test]
fn matrix_typed_over_several_lines_runs_as_one_statement() {
    let mut r = start(false);
    r.line("A = [1, 2,");
    r.expect(".. ");
    r.line(" 3, 4]");
    r.expect("A =");
    r.expect("   1   2\r\n   3   4");
    r.prompt();
    // NumPy style, and a block with `end` inside an index.
    r.line("B = [[5, 6],");
    r.expect(".. ");
    r.line(" [7, 8]]");
    r.expect("   5   6\r\n   7   8");
    r.line("for k = 1:2");
    r.expect(".. ");
    r.line("  B(end, k) = 0;");
    r.expect(".. ");
    r.line("end");
    r.prompt();
    r.line("B");
    r.expect("   5   6\r\n   0   0");
    assert_eq!(r.quit(), 0);
}

#[test]
fn bracketed_paste_of_a_matrix_does_not_run_half_way() {
    let mut r = start(false);
    // A terminal wraps pasted text in ESC[200~ ... ESC[201~.
    r.send("\x1b[200~M = [1 2\r3 4\r5 6]\x1b[201~");
    r.send(ENTER);
    r.expect("M =");
    r.expect("   1   2\r\n   3   4\r\n   5   6");
    r.prompt();
    r.line("size(M)");
    r.expect("3   2");
    assert_eq!(r.quit(), 0);
}

#[test]
fn tab_completes_functions_and_variables() {
    let mut r = start(true);
    r.line("velocity = 42;");
    r.prompt();
    // `magi` -> `magic`, `velo` -> `velocity`.
    // Wait for each completion to be drawn before typing on: keys sent while
    // the editor is still redrawing can be lost on a loaded machine.
    r.send("x = magi\t");
    r.expect("magic");
    r.send("(3) + velo\t");
    r.expect("velocity");
    r.send(ENTER);
    r.expect("x =");
    r.expect("50   43   48");
    r.prompt();
    r.send("help nor\t");
    r.expect("norm");
    r.send(ENTER);
    r.expect("norm(x)");
    assert_eq!(r.quit(), 0);
}

#[test]
fn help_shows_a_function() {
    let mut r = start(false);
    r.line("help svd");
    r.expect("Singular value decomposition");
    r.prompt();
    r.line("help svdd");
    r.expect("did you mean `svd`?");
    r.prompt();
    assert_eq!(r.quit(), 0);
}

#[test]
fn ctrl_c_interrupts_a_loop_and_keeps_variables() {
    let mut r = start(false);
    r.line("keep = 7;");
    r.prompt();
    // `42` is printed by the loop's own run (the typed line shows only `6*7`):
    // from then on the terminal is out of raw mode and Ctrl-C is a signal.
    r.line("disp(6*7); while true, x = 1; end");
    r.expect("42\r\n");
    r.send("\x03");
    r.expect("interrupt");
    r.prompt();
    r.line("keep + 1");
    r.expect("ans = 8");
    assert_eq!(r.quit(), 0);
}

/// Ctrl-C in the middle of one long decomposition gives the prompt back
/// (the work is abandoned on its worker thread) with every variable kept.
#[test]
fn ctrl_c_abandons_a_long_decomposition() {
    let mut r = start(false);
    r.line("keep = 7; A = rand(3000);");
    r.prompt();
    r.line("disp(6*7); [U, S, V] = svd(A);");
    r.expect("42\r\n");
    r.send("\x03");
    r.expect("abandoned");
    r.prompt();
    r.line("[keep + 1, exist('U')]");
    r.expect("8   0");
    assert_eq!(r.quit(), 0);
}

#[test]
fn ctrl_c_at_the_prompt_cancels_the_line() {
    let mut r = start(false);
    r.send("y = 5");
    r.send("\x03");
    r.prompt();
    // A pending multi-line input is dropped too.
    r.line("z = [1 2");
    r.expect(".. ");
    r.send("\x03");
    r.prompt();
    r.line("exist('y') + exist('z')");
    r.expect("ans = 0");
    assert_eq!(r.quit(), 0);
}

#[test]
fn exit_command_and_history_file() {
    let home = TempHome::new();
    let mut r = start_in(home, false);
    // Typed twice, stored once; the output differs from the input so the
    // expectations below cannot match the echoed line.
    r.line("h1 = 40 + 1");
    r.expect("h1 = 41");
    r.line("h1 = 40 + 1");
    r.expect("h1 = 41");
    r.prompt();
    r.line("exit");
    r.p.exp_eof().expect("la exits on `exit`");
    assert_eq!(r.status(), 0);
    let text = std::fs::read_to_string(r.home.data().join("la").join("history"))
        .expect("history file written");
    assert_eq!(
        text.matches("h1 = 40 + 1").count(),
        1,
        "de-duplicated: {text}"
    );
    assert!(text.contains("\"exit\""));

    // The next session recalls it with the up arrow (past `exit`).
    let Repl { p, home, .. } = r;
    drop(p);
    let mut r = start_in(home, false);
    r.send("\x1b[A\x1b[A");
    r.send(ENTER);
    r.expect("h1 = 41");
    r.prompt();
    assert_eq!(r.quit(), 0);
}

#[test]
fn damaged_history_is_a_warning() {
    let home = TempHome::new();
    let dir = home.data().join("la");
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(dir.join("history"), b"\xff\xfe garbage\n").expect("write");
    let mut r = start_in_expect_warning(home);
    r.line("1 + 1");
    r.expect("ans = 2");
    assert_eq!(r.quit(), 0);
}

fn start_in_expect_warning(home: TempHome) -> Repl {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_la"));
    cmd.env("HOME", &home.0)
        .env("XDG_DATA_HOME", home.data())
        .env("TERM", "xterm")
        .env("NO_COLOR", "1");
    let opts = Options::new()
        .timeout_ms(Some(TIMEOUT_MS))
        .strip_ansi_escape_codes(true);
    let mut p = spawn_with_options(cmd, opts).expect("spawn la in a pty");
    p.exp_string("warning: history file").expect("warning");
    p.exp_string(">> ").expect("prompt after the warning");
    Repl {
        p,
        home,
        prompt_due: false,
    }
}

/// Spawn with raw output (escape codes kept) to see the colours.
fn spawn_raw(home: &TempHome, no_color: bool, args: &[&str]) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_la"));
    cmd.args(args)
        .env("HOME", &home.0)
        .env("XDG_DATA_HOME", home.data())
        .env("TERM", "xterm");
    if no_color {
        cmd.env("NO_COLOR", "1");
    } else {
        cmd.env_remove("NO_COLOR");
    }
    let opts = Options::new().timeout_ms(Some(TIMEOUT_MS));
    spawn_with_options(cmd, opts).expect("spawn la in a pty")
}

#[test]
fn numbers_are_coloured_unless_no_color() {
    let home = TempHome::new();
    for no_color in [false, true] {
        let mut p = spawn_raw(&home, no_color, &["-q"]);
        p.exp_string(">> ").expect("prompt");
        // `42` appears only in the output, so everything before it includes
        // the echoed (and possibly coloured) input line.
        p.send("x = 12345; disp(7 * 6)\r").expect("type");
        p.flush().expect("flush");
        let seen = p.exp_string("42\r\n").expect("output");
        // Nothing is typed after the line, so the next `>> ` is its prompt.
        p.exp_string(">> ").expect("prompt after the output");
        // The cyan number colour is `ESC[36m`.
        let coloured = seen.contains("\x1b[36m12345");
        assert_eq!(coloured, !no_color, "no_color={no_color}: {seen:?}");
        leave(&mut p);
    }
}

#[test]
fn quiet_suppresses_the_banner() {
    let home = TempHome::new();
    let mut p = spawn_raw(&home, true, &["--quiet"]);
    let before = p.exp_string(">> ").expect("prompt");
    assert!(!before.contains("Type `help`"), "{before:?}");
    leave(&mut p);
}

/// Ctrl-D; the caller has seen the prompt (a Ctrl-D typed before rustyline
/// has the terminal in raw mode is lost).
fn leave(p: &mut PtySession) {
    p.send("\x04").expect("ctrl-d");
    p.flush().expect("flush");
    p.exp_eof().expect("la exits on Ctrl-D");
}

/// Several lines in one write, as a terminal without bracketed paste (tmux
/// send-keys, screen, some SSH clients) delivers a paste: every line arrives,
/// in order, each as if typed; an error in one does not stop the rest.
#[test]
fn paste_without_bracketed_paste_runs_every_line_in_order() {
    let mut r = start(false);
    r.send("A = [4 1\r     2 3]\rB = [[1, 2],\r [3, 4]]\rx = 1\rq = nosuchvar + 1\ry = 2\r");
    r.expect("A =");
    r.expect("   4   1\r\n   2   3");
    r.expect("B =");
    r.expect("   1   2\r\n   3   4");
    r.expect("x = 1");
    r.expect("'nosuchvar' undefined");
    r.expect("y = 2");
    r.line("disp(x + y)");
    r.expect("3");
    assert_eq!(r.quit(), 0);
}

/// Lines typed while a slow statement runs are kept and run after it.
#[test]
fn typeahead_during_a_long_computation_is_not_lost() {
    let mut r = start(false);
    r.line("s = 0; for k = 1:3e6, s = s + k; end, done = 1");
    r.send("t1 = 11\rt2 = 22\r");
    r.expect("done = 1");
    r.expect("t1 = 11");
    r.expect("t2 = 22");
    assert_eq!(r.quit(), 0);
}

/// Blocks the REPL now waits out (`switch`, `do`...`until`, `try`) arrive
/// in one write while a slow statement runs: each runs whole, in order.
#[test]
fn pasted_blocks_typed_ahead_run_whole_and_in_order() {
    let mut r = start(false);
    r.line("s = 0; for k = 1:3e6, s = s + k; end, done = 1");
    r.send(concat!(
        "switch 2\rcase 1\r  w = 10\rcase 2\r  w = 20\rend\r",
        "n = 0; do\r  n += 5;\runtil n > 12\r",
        "try\r  error('boom');\rcatch err\r  caught = 7\rend\r",
        "after = w + n\r"
    ));
    r.expect("done = 1");
    r.expect("w = 20");
    r.expect("caught = 7");
    r.expect("after = 35");
    assert_eq!(r.quit(), 0);
}

/// A newline inside parentheses continues the expression; an unterminated
/// string ends the statement with an error instead of waiting for more lines.
#[test]
fn parentheses_continue_and_unterminated_strings_end_the_statement() {
    let mut r = start(false);
    r.line("y = max([1 2],");
    r.expect(".. ");
    r.line("[3 0])");
    r.expect("   3   2");
    r.line("A = 2;");
    r.line("D = [A ']");
    r.expect("unterminated string");
    r.line("z = A + 1");
    r.expect("z = 3");
    assert_eq!(r.quit(), 0);
}

/// `la -i script.la`: a failing script shows its error, then the REPL starts
/// with every variable the script had set.
#[test]
fn interactive_after_a_failing_script_keeps_its_variables() {
    let home = TempHome::new();
    let script = home.0.join("hw.la");
    std::fs::write(&script, "a = 41;\nb = nosuch + 1;\nc = 3;\n").expect("write script");
    let path = script.to_str().expect("utf-8 path").to_string();
    let mut r = start_with(home, false, &["-i", &path]);
    r.line("a + 1");
    r.expect("ans = 42");
    r.line("exist('c')");
    r.expect("ans = 0");
    assert_eq!(r.quit(), 0);
}

#[test]
fn exit_with_a_status_that_is_no_integer_is_refused_and_the_session_goes_on() {
    let mut r = start(false);
    r.line("k = 6 * 7");
    r.expect("k = 42");
    r.prompt();
    r.line("exit abc");
    r.expect("exit: the status must be an integer, not 'abc'");
    r.prompt();
    r.line("exit 1 2");
    r.expect("exit: one status at most");
    r.prompt();
    // Still the same session, and a real status still leaves with it.
    r.line("k + 1");
    r.expect("ans = 43");
    r.prompt();
    r.line("exit 3");
    r.p.exp_eof().expect("la exits on `exit 3`");
    assert_eq!(r.status(), 3);
}

/// On a real 80-column terminal (the pty sized by stty before la starts,
/// COLUMNS unset), the banner, a long error message and a long help page wrap so that
/// no line shown is wider than 80, and no formula is split across lines.
#[test]
fn errors_and_help_wrap_at_80_columns_on_a_terminal() {
    let home = TempHome::new();
    let la = env!("CARGO_BIN_EXE_la");
    let mut cmd = Command::new("sh");
    cmd.args(["-c", "stty cols 80 rows 50 && exec \"$0\"", la])
        .env("HOME", &home.0)
        .env("XDG_DATA_HOME", home.data())
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS");
    let opts = Options::new()
        .timeout_ms(Some(TIMEOUT_MS))
        .strip_ansi_escape_codes(true);
    let p = spawn_with_options(cmd, opts).expect("spawn la in a pty");
    let mut r = Repl {
        p,
        home,
        prompt_due: false,
    };
    let banner = r.expect("Type `help`") + &r.expect(">> ");
    // What the terminal shows: each line (the pty ends it with `\r\n`) as
    // it stands after its last carriage return.
    let shown = |text: &str| -> Vec<String> {
        text.split('\n')
            .map(|l| l.trim_end_matches('\r'))
            .map(|l| l.rsplit('\r').next().unwrap_or("").to_string())
            .collect()
    };
    r.line("A = [1 2; 3 4]; A ** A");
    let err = shown(&r.expect(FRESH_PROMPT));
    r.line("help save");
    let help = shown(&r.expect(FRESH_PROMPT));
    r.prompt_due = false;
    for l in shown(&banner).iter().chain(&err).chain(&help) {
        assert!(l.chars().count() <= 80, "wider than 80: {l:?}");
    }
    let err = err.join("\n");
    // the message is longer than 80 (so it did wrap), and its formulas and
    // remarks are each on one line
    assert!(err.matches('\n').count() >= 6, "{err:?}");
    assert!(err.contains("error: operator ^:"), "{err}");
    for whole in ["x^y", "(got 2x2 and 2x2)", ".^ is element-wise"] {
        assert!(
            err.lines().any(|l| l.contains(whole)),
            "{whole} split:\n{err}"
        );
    }
    assert!(err.contains("A ** A"), "{err}");
    let help = help.join("\n");
    assert!(help.contains("save FILE"), "{help}");
    assert!(
        help.lines().filter(|l| l.starts_with("  ")).count() >= 4,
        "{help}"
    );
    assert_eq!(r.quit(), 0);
}

/// A function typed at one prompt that fails when called at a later one:
/// the caret shows the line that defined it, not the line typed last.
#[test]
fn a_function_from_an_earlier_input_shows_its_own_line() {
    let mut r = start(false);
    r.line("function y = f(x), y = x + undefined_q; end");
    r.prompt();
    r.line("z = 1 + f(2)");
    r.expect("'undefined_q' undefined");
    r.expect("1 | function y = f(x), y = x + undefined_q; end");
    r.expect("called from f at line 1 column 28 (defined in an earlier input)");
    r.expect("called from <input> at line 1 column 9");
    r.prompt();
    assert_eq!(r.quit(), 0);
}

/// The same for an anonymous function typed at an earlier prompt.
#[test]
fn an_anonymous_function_from_an_earlier_input_shows_its_own_line() {
    let mut r = start(false);
    r.line("f = @(x) x + undefined_q;");
    r.prompt();
    r.line("z = 1 + f(2)");
    r.expect("'undefined_q' undefined");
    r.expect("1 | f = @(x) x + undefined_q;");
    r.expect("called from @<anonymous> at line 1 column 14 (defined in an earlier input)");
    r.expect("called from <input> at line 1 column 9");
    r.prompt();
    assert_eq!(r.quit(), 0);
}
