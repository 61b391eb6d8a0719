//! `la --kernel CONNECTION_FILE`: a native Jupyter kernel (messaging protocol
//! 5.3 over the pure-Rust `zeromq`). The sockets run on a multi-thread tokio
//! runtime; one OS thread owns the `Session` (it holds `Rc` values) and runs
//! the shell requests in order, talking to the sockets over channels. The
//! control socket answers at once, so `interrupt_request` reaches a running
//! cell through the session's interrupt flag, as Ctrl-C does.
//!
//! | module       | job                                                     |
//! |--------------|---------------------------------------------------------|
//! | `connection` | the connection file                                      |
//! | `wire`       | frames, HMAC-SHA256 signing and verification, headers    |
//! | `handlers`   | the shell requests and the iopub `Sink`                  |
//! | `install`    | `la --install-kernel`: the kernelspec                    |

pub mod connection;
pub mod handlers;
pub mod install;
pub mod wire;

use connection::Connection;
use handlers::{Outbox, Worker};
use serde_json::json;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};
use wire::{Key, Message};
use zeromq::{Socket, SocketRecv, SocketSend, ZmqMessage};

/// Run the kernel until shutdown; the exit status.
pub fn main(args: &[String]) -> i32 {
    let [path] = args else {
        eprintln!("usage: la --kernel CONNECTION_FILE");
        return 2;
    };
    let conn = match Connection::read(path) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    let key = Key::new(&conn.key);
    let interrupt = Arc::new(AtomicBool::new(false));
    let (shell_out, shell_out_rx) = unbounded_channel();
    let (iopub_out, iopub_rx) = unbounded_channel();
    let (requests, requests_rx) = std::sync::mpsc::channel::<Message>();

    let outbox = Outbox {
        shell: shell_out,
        iopub: iopub_out.clone(),
    };
    let flag = interrupt.clone();
    let worker = std::thread::Builder::new()
        .name("la-session".into())
        .stack_size(256 << 20)
        .spawn(move || {
            let mut session = crate::eval::Session::new();
            session.interrupt = flag;
            let mut worker = Worker::new(session, outbox);
            for req in requests_rx {
                worker.handle(req);
            }
        });
    if let Err(e) = worker {
        eprintln!("error: cannot start the session thread: {e}");
        return 1;
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the kernel's runtime: {e}");
            return 1;
        }
    };
    let sockets = Sockets {
        conn,
        key,
        interrupt,
        requests,
        iopub_out,
    };
    match runtime.block_on(sockets.serve(shell_out_rx, iopub_rx)) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: {e}");
            1
        }
    }
}

struct Sockets {
    conn: Connection,
    key: Key,
    interrupt: Arc<AtomicBool>,
    requests: std::sync::mpsc::Sender<Message>,
    iopub_out: UnboundedSender<Message>,
}

fn to_zmq(frames: Vec<Vec<u8>>) -> Option<ZmqMessage> {
    let frames: Vec<bytes::Bytes> = frames.into_iter().map(bytes::Bytes::from).collect();
    ZmqMessage::try_from(frames).ok()
}

fn from_zmq(m: ZmqMessage) -> Vec<Vec<u8>> {
    m.into_vec().into_iter().map(|b| b.to_vec()).collect()
}

impl Sockets {
    async fn serve(
        self,
        mut shell_out_rx: UnboundedReceiver<Message>,
        mut iopub_rx: UnboundedReceiver<Message>,
    ) -> Result<(), String> {
        let c = &self.conn;
        let bind_err =
            |what: &str, e: zeromq::ZmqError| format!("cannot bind the {what} socket: {e}");
        let mut hb = zeromq::RepSocket::new();
        hb.bind(&c.endpoint(c.hb_port))
            .await
            .map_err(|e| bind_err("heartbeat", e))?;
        let mut iopub = zeromq::PubSocket::new();
        iopub
            .bind(&c.endpoint(c.iopub_port))
            .await
            .map_err(|e| bind_err("iopub", e))?;
        let mut shell = zeromq::RouterSocket::new();
        shell
            .bind(&c.endpoint(c.shell_port))
            .await
            .map_err(|e| bind_err("shell", e))?;
        let mut control = zeromq::RouterSocket::new();
        control
            .bind(&c.endpoint(c.control_port))
            .await
            .map_err(|e| bind_err("control", e))?;
        // No request reads input, but the socket must be there for clients to connect.
        let mut stdin = zeromq::RouterSocket::new();
        stdin
            .bind(&c.endpoint(c.stdin_port))
            .await
            .map_err(|e| bind_err("stdin", e))?;

        // Heartbeat: echo every ping unchanged.
        tokio::spawn(async move {
            while let Ok(m) = hb.recv().await {
                if hb.send(m).await.is_err() {
                    break;
                }
            }
        });
        let key = self.key.clone();
        tokio::spawn(async move {
            while let Some(m) = iopub_rx.recv().await {
                if let Some(z) = to_zmq(m.to_frames(&key)) {
                    let _ = iopub.send(z).await;
                }
            }
        });
        tokio::spawn(async move { while stdin.recv().await.is_ok() {} });
        let (mut shell_tx, mut shell_rx) = shell.split();
        let key = self.key.clone();
        tokio::spawn(async move {
            while let Some(m) = shell_out_rx.recv().await {
                if let Some(z) = to_zmq(m.to_frames(&key)) {
                    let _ = shell_tx.send(z).await;
                }
            }
        });
        let key = self.key.clone();
        let requests = self.requests.clone();
        tokio::spawn(async move {
            while let Ok(z) = shell_rx.recv().await {
                match Message::from_frames(&from_zmq(z), &key) {
                    Ok(m) => {
                        if requests.send(m).is_err() {
                            break;
                        }
                    }
                    Err(e) => eprintln!("la kernel: dropped a shell message: {e:?}"),
                }
            }
        });
        self.control_loop(control).await
    }

    /// The control socket: answered here, never queued behind a running cell.
    async fn control_loop(&self, mut control: zeromq::RouterSocket) -> Result<(), String> {
        loop {
            let z = control
                .recv()
                .await
                .map_err(|e| format!("control socket: {e}"))?;
            let req = match Message::from_frames(&from_zmq(z), &self.key) {
                Ok(m) => m,
                Err(e) => {
                    eprintln!("la kernel: dropped a control message: {e:?}");
                    continue;
                }
            };
            let _ = self
                .iopub_out
                .send(req.iopub("status", json!({"execution_state": "busy"})));
            let mut shutdown = false;
            let reply = match req.msg_type() {
                "interrupt_request" => {
                    self.interrupt.store(true, Ordering::Relaxed);
                    Some(req.reply("interrupt_reply", json!({"status": "ok"})))
                }
                "shutdown_request" => {
                    shutdown = true;
                    let restart = req.content["restart"].as_bool().unwrap_or(false);
                    Some(req.reply(
                        "shutdown_reply",
                        json!({"status": "ok", "restart": restart}),
                    ))
                }
                "kernel_info_request" => {
                    Some(req.reply("kernel_info_reply", handlers::kernel_info()))
                }
                _ => None,
            };
            if let Some(r) = reply {
                if let Some(z) = to_zmq(r.to_frames(&self.key)) {
                    let _ = control.send(z).await;
                }
            }
            let _ = self
                .iopub_out
                .send(req.iopub("status", json!({"execution_state": "idle"})));
            if shutdown {
                // Let the reply and the idle status leave before the process ends.
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                return Ok(());
            }
        }
    }
}
