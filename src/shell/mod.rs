//! The front ends: command line, scripts, stdin and the REPL, sharing one
//! `output` module (how values, warnings and errors reach the terminal).
//! The top of the house: may use anything; nothing imports it.

pub mod cli;
#[cfg(feature = "jupyter")]
pub mod kernel;
pub mod output;
pub mod repl;

/// `la --kernel FILE` and `la --install-kernel ...`: the exit status, or
/// `None` when the command line asks for something else.
pub fn jupyter_main(args: &[String]) -> Option<i32> {
    let first = args.first().map(String::as_str)?;
    if first != "--kernel" && first != "--install-kernel" {
        return None;
    }
    #[cfg(feature = "jupyter")]
    {
        Some(if first == "--kernel" {
            kernel::main(&args[1..])
        } else {
            kernel::install::main(&args[1..])
        })
    }
    #[cfg(not(feature = "jupyter"))]
    {
        eprintln!("error: this la was built without the Jupyter kernel (cargo feature `jupyter`)");
        Some(2)
    }
}
