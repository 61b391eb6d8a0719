//! The `la` binary. Runs on a thread with a large stack so deeply nested
//! input is refused by our own limits, never by a stack overflow.

/// mimalloc keeps freed pages for reuse. With the system allocator each large
/// temporary (the copy of A that LU factors in place, say) came back from the
/// kernel as fresh pages, and at n = 1000 the page faults cost as much as
/// the factorisation itself.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // Panics are reported as `error: internal error ...` by the runner; keep the default hook quiet.
    std::panic::set_hook(Box::new(|_| {}));
    let mut args = Vec::new();
    for (k, a) in std::env::args_os().skip(1).enumerate() {
        match a.into_string() {
            Ok(s) => args.push(s),
            Err(raw) => {
                let shown = raw.to_string_lossy();
                eprintln!(
                    "error: command-line argument {} is not valid UTF-8: {shown}",
                    k + 1
                );
                std::process::exit(2);
            }
        }
    }
    if let Some(code) = la::shell::jupyter_main(&args) {
        std::process::exit(code);
    }
    let opts = match la::shell::cli::parse_args(args.into_iter()) {
        Ok(o) => o,
        Err(code) => std::process::exit(code),
    };
    let worker = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || la::shell::cli::main_with(opts));
    let code = match worker.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        Ok(Err(_)) => {
            eprintln!("error: internal error: the evaluator thread failed (this is a bug in la; please report it)");
            1
        }
        // Typically `ulimit -v` below what the evaluator's deep stack reserves.
        Err(e) => {
            eprintln!("error: cannot start the evaluator ({e}); if the address space is limited (ulimit -v), allow at least 1 GB");
            1
        }
    };
    std::process::exit(code);
}
