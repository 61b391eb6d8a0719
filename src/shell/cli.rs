//! Command-line front end: flags, scripts, `-e`, stdin, `--json`. A thin
//! shell over `Session`; all printing of results happens here.

use super::output::{decode, run_source, Printer};
use crate::error::{ErrorKind, Source};
use crate::eval::{Control, Session};
use std::io::{IsTerminal, Read};

/// One thing to run, in command-line order.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// `-e 'STATEMENTS'`
    Eval(String),
    /// A script file.
    File(String),
}

pub struct Options {
    pub json: bool,
    /// `--json-all`: text, warnings and errors as JSON lines too.
    pub json_all: bool,
    pub inputs: Vec<Input>,
    pub interactive: bool,
    /// After an error in one input, go on with the next.
    pub keep_going: bool,
    pub quiet: bool,
    pub max_memory: Option<usize>,
}

const USAGE: &str = "usage: la [options] [FILE.la ...]

  la                 start the interactive REPL (reads a script from stdin when it is not a terminal)
  la FILE.la ...     run scripts, stopping at the first error (exit status 1)
  -e 'STATEMENTS'    evaluate statements and exit
                     (scripts and -e run in the order given, in one session)
  -i                 enter the REPL after the scripts / -e, keeping their variables
                     (also after an error)
  --keep-going       after an error in one script or -e, run the next (exit status 1 at the end)
  --json             print each displayed value as one JSON line {\"name\",\"value\",\"class\",\"source\",...}
  --json-all         as --json, and text, warnings and errors as JSON lines too, in order (see README)
  --max-memory SIZE  refuse results larger than SIZE (e.g. 2G, 512M); default half of RAM
  -q, --quiet        no banner
  --install-kernel [--user|--sys-prefix|--prefix DIR]
                     install the Jupyter kernel (see README: Notebooks)
  --kernel FILE      run as a Jupyter kernel (Jupyter starts this)
  -h, --help         this help
  -V, --version      print the version";

/// Parse the command line; `Err(code)` means exit now with that status.
pub fn parse_args(args: impl Iterator<Item = String>) -> Result<Options, i32> {
    let mut o = Options {
        json: false,
        json_all: false,
        inputs: vec![],
        interactive: false,
        keep_going: false,
        quiet: false,
        max_memory: None,
    };
    let mut args = args.peekable();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => o.json = true,
            "--json-all" => {
                o.json = true;
                o.json_all = true;
            }
            "-e" | "--eval" => match args.next() {
                Some(e) => o.inputs.push(Input::Eval(e)),
                None => return usage_error("-e needs an argument"),
            },
            "-i" | "--interactive" => o.interactive = true,
            "--keep-going" => o.keep_going = true,
            "-q" | "--quiet" => o.quiet = true,
            "--max-memory" => match args
                .next()
                .as_deref()
                .and_then(crate::eval::limits::parse_size)
            {
                Some(n) => o.max_memory = Some(n),
                None => return usage_error("--max-memory needs a size such as 2G or 512M"),
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return Err(0);
            }
            "-V" | "--version" => {
                println!("la {}", env!("CARGO_PKG_VERSION"));
                return Err(0);
            }
            s if s.starts_with('-') && s.len() > 1 => {
                return usage_error(&format!("unknown option '{s}'"))
            }
            _ => o.inputs.push(Input::File(a)),
        }
    }
    Ok(o)
}

fn usage_error(msg: &str) -> Result<Options, i32> {
    eprintln!("error: {msg}\n{USAGE}");
    Err(2)
}

pub fn main_with(opts: Options) -> i32 {
    let mut session = Session::new();
    if let Some(m) = opts.max_memory {
        session.max_bytes = m;
    }
    install_interrupt(&session);
    let stdout_tty = std::io::stdout().is_terminal();
    let color =
        stdout_tty && std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    colored::control::set_override(color);
    let mut printer = Printer {
        json: opts.json,
        json_all: opts.json_all,
        color,
        width: terminal_width(),
        source: Source::new("<input>", ""),
    };
    session.width = printer.width;

    // A homework sheet of `check` lines ends with `N of M correct`: after a
    // script or stdin with any check, or after -e with several.
    let summary = |session: &Session, printer: &Printer, from_file: bool| {
        let t = session.checks;
        if t.total >= 2 || (from_file && t.total >= 1) {
            printer.check_summary(t);
        }
    };
    let from_file = opts.inputs.iter().any(|i| matches!(i, Input::File(_)));
    let mut failed = false;
    for input in &opts.inputs {
        let source = match input {
            Input::Eval(e) => Ok(Source::new("<input>", e.clone())),
            Input::File(f) => read_script(f),
        };
        let result = match source {
            Ok(src) => run_source(&mut session, &mut printer, src).map_err(|_| ()),
            Err(message) => {
                let file = match input {
                    Input::File(f) => f.as_str(),
                    Input::Eval(_) => "-e",
                };
                printer.error_line(file, &message);
                Err(())
            }
        };
        match result {
            Ok(Control::Exit(code)) => {
                summary(&session, &printer, from_file);
                return code;
            }
            Ok(Control::Continue) => {}
            Err(()) => {
                failed = true;
                // `-i` goes on into the REPL with every variable set so far.
                if !opts.keep_going {
                    break;
                }
            }
        }
    }
    let ran_something = !opts.inputs.is_empty();
    let stdin_tty = std::io::stdin().is_terminal();
    if opts.interactive && ran_something {
        summary(&session, &printer, from_file);
    }
    if opts.interactive || (!ran_something && stdin_tty) {
        return crate::shell::repl::run(&mut session, &mut printer, opts.quiet);
    }
    if ran_something {
        summary(&session, &printer, from_file);
        return i32::from(failed);
    }
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
        eprintln!("error: cannot read standard input: {e}");
        return 1;
    }
    let text = match decode(bytes) {
        Ok(t) => t,
        Err(e) => {
            printer.error_line("<stdin>", &format!("error: <stdin>: {}", e.message));
            return 1;
        }
    };
    let result = run_source(&mut session, &mut printer, Source::new("<stdin>", text));
    summary(&session, &printer, true);
    match result {
        Ok(Control::Exit(code)) => code,
        Ok(Control::Continue) => 0,
        Err(e) if e.kind == ErrorKind::Interrupted => 130,
        Err(_) => 1,
    }
}

/// A script file's text, or the one-line error explaining why it cannot run.
fn read_script(f: &str) -> Result<Source, String> {
    let bytes = std::fs::read(f).map_err(|e| {
        let why = if std::path::Path::new(f).is_dir() {
            "is a directory".to_string()
        } else {
            e.to_string()
        };
        format!("error: cannot run '{f}': {why}")
    })?;
    let text = decode(bytes).map_err(|e| format!("error: {f}: {}", e.message))?;
    Ok(Source::new(f.to_string(), text))
}

fn install_interrupt(session: &Session) {
    let flag = session.interrupt.clone();
    let _ = ctrlc::set_handler(move || flag.store(true, std::sync::atomic::Ordering::Relaxed));
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w: &usize| w >= 20)
        .unwrap_or(80)
}
