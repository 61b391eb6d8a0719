//! The `la` binary. Runs on a thread with a large stack so deeply nested
//! input is refused by our own limits, never by a stack overflow.

fn main() {
    // Panics are reported as `error: internal error ...` by the runner; keep the default hook quiet.
    std::panic::set_hook(Box::new(|_| {}));
    // Arguments that are not UTF-8 are taken lossily rather than aborting.
    let args = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned());
    let opts = match la::cli::parse_args(args) {
        Ok(o) => o,
        Err(code) => std::process::exit(code),
    };
    let worker = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || la::cli::main_with(opts));
    let code = match worker.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("error: internal error: the evaluator thread failed (this is a bug in la; please report it)");
            1
        }
    };
    std::process::exit(code);
}
