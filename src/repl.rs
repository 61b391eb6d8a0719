//! The interactive loop: rustyline for editing and history, the same
//! `Session` and `Printer` as scripts.

use crate::cli::{run_source, Printer};
use crate::error::Source;
use crate::eval::{Control, Session};
use rustyline::error::ReadlineError;

pub fn run(session: &mut Session, printer: &mut Printer, quiet: bool) -> i32 {
    if !quiet {
        println!(
            "la {} - linear algebra for students. Type `help` for functions, `exit` to leave.",
            env!("CARGO_PKG_VERSION")
        );
    }
    let mut rl = match rustyline::DefaultEditor::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the line editor: {e}");
            return 1;
        }
    };
    loop {
        match rl.readline(">> ") {
            Ok(line) => {
                if line.trim().is_empty() {
                    continue;
                }
                let _ = rl.add_history_entry(line.as_str());
                if let Ok(Control::Exit(code)) =
                    run_source(session, printer, Source::new("<input>", line))
                {
                    return code;
                }
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => return 0,
            Err(e) => {
                eprintln!("error: {e}");
                return 1;
            }
        }
    }
}
