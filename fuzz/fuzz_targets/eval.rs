//! Fuzz target: arbitrary bytes (lossy UTF-8) through parse + evaluate, with
//! the resource limits in force. Any panic, abort or hang is a finding.
//!
//! - Memory: `max_bytes` is 256 MB, so a refused allocation is an error, not
//!   an OOM; libFuzzer's `-rss_limit_mb` catches anything that slips past it.
//! - Time: a watchdog thread raises `session.interrupt` once an input has run
//!   for `INTERRUPT_AFTER`, so long loops end with "interrupted". Work that
//!   does not honour the interrupt runs into libFuzzer's `-timeout` instead
//!   and is reported as a hang.
//! - Stack: the `la` binary evaluates on a thread with a 256 MB stack; so do
//!   we, so deep-nesting findings match what users would see.
//! - Files: `save`/`load`/`diary` may touch the working directory, so the
//!   target moves into a scratch directory first.
#![no_main]

use la::syntax::ast::Span;
use la::eval::{Session, Sink};
use la::value::format::Format;
use la::value::Value;
use libfuzzer_sys::fuzz_target;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

const MAX_BYTES: usize = 256 << 20;
const INTERRUPT_AFTER: Duration = Duration::from_millis(1500);

/// Discards everything the session shows (but formats values, so the
/// display code is exercised too).
struct Discard;

impl Sink for Discard {
    fn value(&mut self, name: &str, value: &Value, fmt: Format) {
        std::hint::black_box(la::value::format::display(name, value, fmt, 80));
    }
    fn text(&mut self, text: &str) {
        std::hint::black_box(text);
    }
    fn warning(&mut self, message: &str, _span: Option<Span>) {
        std::hint::black_box(message);
    }
}

struct Worker {
    jobs: Sender<String>,
    done: Receiver<()>,
}

/// Milliseconds since `EPOCH` at which the current input started; 0 = idle.
static STARTED: AtomicU64 = AtomicU64::new(0);
static INTERRUPT: OnceLock<Mutex<Option<Arc<AtomicBool>>>> = OnceLock::new();

fn now_ms() -> u64 {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    EPOCH.get_or_init(Instant::now).elapsed().as_millis() as u64 + 1
}

fn worker() -> &'static Mutex<Worker> {
    static W: OnceLock<Mutex<Worker>> = OnceLock::new();
    W.get_or_init(|| {
        let scratch = std::env::temp_dir().join(format!("la-fuzz-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&scratch);
        let _ = std::env::set_current_dir(&scratch);
        INTERRUPT.get_or_init(|| Mutex::new(None));
        // Watchdog: keeps raising the interrupt flag while an input overruns.
        std::thread::spawn(|| loop {
            std::thread::sleep(Duration::from_millis(50));
            let t0 = STARTED.load(Ordering::Relaxed);
            if t0 != 0 && now_ms().saturating_sub(t0) > INTERRUPT_AFTER.as_millis() as u64 {
                if let Some(flag) = INTERRUPT.get().and_then(|m| m.lock().ok()?.clone()) {
                    flag.store(true, Ordering::Relaxed);
                }
            }
        });
        let (jobs, rx) = channel::<String>();
        let (tx, done) = channel::<()>();
        std::thread::Builder::new()
            .name("la-eval".into())
            .stack_size(256 << 20)
            .spawn(move || {
                for src in rx {
                    let mut session = Session::new();
                    session.max_bytes = MAX_BYTES;
                    *INTERRUPT.get().unwrap().lock().unwrap() = Some(session.interrupt.clone());
                    STARTED.store(now_ms(), Ordering::Relaxed);
                    let _ = session.run(&src, &mut Discard);
                    STARTED.store(0, Ordering::Relaxed);
                    *INTERRUPT.get().unwrap().lock().unwrap() = None;
                    drop(session);
                    let _ = tx.send(());
                }
            })
            .expect("spawn evaluator thread");
        Mutex::new(Worker { jobs, done })
    })
}

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data).into_owned();
    let w = worker().lock().unwrap();
    w.jobs.send(src).unwrap();
    // A panic on the worker aborts the process (libFuzzer's panic hook), so
    // the only way `recv` fails is if the worker is gone: treat that as a crash.
    w.done.recv().expect("evaluator thread died");
});
