//! The shell requests, answered on the thread that owns the `Session`:
//! kernel_info, execute, complete, inspect, is_complete, history, comm_info.
//! Every request is wrapped in iopub `busy`/`idle`; a cell's output goes to
//! iopub through `KernelSink` before its reply (values as text, LaTeX and
//! JSON; figures as SVG).

use super::wire::Message;
use crate::builtins::{self, help};
use crate::error::{render, ErrorKind, LaError, Severity, Source};
use crate::eval::{Session, Sink};
use crate::value::format::{self, Format};
use crate::value::Value;
use serde_json::{json, Value as Json};
use tokio::sync::mpsc::UnboundedSender;

/// Where the session thread sends messages: the socket tasks.
#[derive(Clone)]
pub struct Outbox {
    pub shell: UnboundedSender<Message>,
    pub iopub: UnboundedSender<Message>,
}

pub fn kernel_info() -> Json {
    json!({
        "status": "ok",
        "protocol_version": "5.3",
        "implementation": "la",
        "implementation_version": env!("CARGO_PKG_VERSION"),
        "language_info": {
            "name": "la",
            "version": env!("CARGO_PKG_VERSION"),
            "mimetype": "text/x-octave",
            "file_extension": ".la",
            "codemirror_mode": "octave",
            "pygments_lexer": "octave",
        },
        "banner": format!("la {}: linear algebra with exact fractions (Octave syntax)", env!("CARGO_PKG_VERSION")),
        "help_links": [],
    })
}

pub struct Worker {
    pub session: Session,
    pub out: Outbox,
    /// Cells run with `store_history`; the first is 1.
    pub execution_count: u64,
}

impl Worker {
    pub fn new(session: Session, out: Outbox) -> Worker {
        Worker {
            session,
            out,
            execution_count: 0,
        }
    }

    fn status(&self, req: &Message, state: &str) {
        let _ = self
            .out
            .iopub
            .send(req.iopub("status", json!({"execution_state": state})));
    }

    /// Answer one shell request.
    pub fn handle(&mut self, req: Message) {
        self.status(&req, "busy");
        let reply = match req.msg_type() {
            "kernel_info_request" => Some(("kernel_info_reply", kernel_info())),
            "execute_request" => Some(("execute_reply", self.execute(&req))),
            "complete_request" => Some(("complete_reply", self.complete(&req.content))),
            "inspect_request" => Some(("inspect_reply", inspect(&req.content))),
            "is_complete_request" => Some(("is_complete_reply", is_complete(&req.content))),
            "history_request" => Some(("history_reply", json!({"status": "ok", "history": []}))),
            "comm_info_request" => Some(("comm_info_reply", json!({"status": "ok", "comms": {}}))),
            // comm_open/comm_msg/comm_close and unknown types: no reply.
            _ => None,
        };
        if let Some((t, content)) = reply {
            let _ = self.out.shell.send(req.reply(t, content));
        }
        self.status(&req, "idle");
    }

    fn execute(&mut self, req: &Message) -> Json {
        let c = &req.content;
        let code = c["code"].as_str().unwrap_or("").to_string();
        let silent = c["silent"].as_bool().unwrap_or(false);
        let store = c["store_history"].as_bool().unwrap_or(true) && !silent;
        if store {
            self.execution_count += 1;
        }
        let count = self.execution_count;
        if !silent {
            let _ = self.out.iopub.send(req.iopub(
                "execute_input",
                json!({"code": code, "execution_count": count}),
            ));
        }
        let source = Source::new("<cell>", code.clone());
        let mut sink = KernelSink {
            req,
            iopub: &self.out.iopub,
            source: source.clone(),
            silent,
            count,
        };
        let session = &mut self.session;
        session.source = std::sync::Arc::new(source.clone());
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            session.run(&code, &mut sink)
        }))
        .unwrap_or_else(|p| {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()));
            Err(LaError::internal(msg.unwrap_or_else(|| "panic".into())))
        });
        match result {
            Ok(_) => json!({
                "status": "ok",
                "execution_count": count,
                "payload": [],
                "user_expressions": {},
            }),
            Err(e) => {
                let ename = match e.kind {
                    ErrorKind::Parse => "SyntaxError",
                    ErrorKind::Eval => "Error",
                    ErrorKind::Interrupted => "KeyboardInterrupt",
                    ErrorKind::Internal => "InternalError",
                };
                let mut traceback = vec![render(
                    Severity::Error,
                    &e.message,
                    e.span,
                    e.origin(&source),
                    false,
                    None,
                )];
                traceback.extend(crate::error::called_from_notes(&e, &source));
                let err = json!({"ename": ename, "evalue": e.message, "traceback": traceback});
                if !silent {
                    let _ = self.out.iopub.send(req.iopub("error", err.clone()));
                }
                let mut reply = err;
                reply["status"] = json!("error");
                reply["execution_count"] = json!(count);
                reply
            }
        }
    }

    fn complete(&self, c: &Json) -> Json {
        let code = c["code"].as_str().unwrap_or("");
        let cursor = c["cursor_pos"].as_u64().unwrap_or(0) as usize;
        let chars: Vec<char> = code.chars().collect();
        let end = cursor.min(chars.len());
        let mut start = end;
        while start > 0 && is_name_char(chars[start - 1]) {
            start -= 1;
        }
        let prefix: String = chars[start..end].iter().collect();
        let mut matches: Vec<String> = self
            .session
            .vars
            .keys()
            .cloned()
            .chain(self.session.funcs.keys().cloned())
            .chain(builtins::help_names().map(str::to_string))
            .filter(|n| n.starts_with(&prefix))
            .collect();
        matches.sort();
        matches.dedup();
        json!({
            "status": "ok",
            "matches": matches,
            "cursor_start": start,
            "cursor_end": end,
            "metadata": {},
        })
    }
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `help NAME` for the name under the cursor (offsets count code points).
fn inspect(c: &Json) -> Json {
    let code = c["code"].as_str().unwrap_or("");
    let cursor = c["cursor_pos"].as_u64().unwrap_or(0) as usize;
    let chars: Vec<char> = code.chars().collect();
    let at = cursor.min(chars.len());
    let mut start = at;
    while start > 0 && is_name_char(chars[start - 1]) {
        start -= 1;
    }
    let mut end = at;
    while end < chars.len() && is_name_char(chars[end]) {
        end += 1;
    }
    let name: String = chars[start..end].iter().collect();
    match help::page(&name, usize::MAX) {
        Some(page) => json!({
            "status": "ok",
            "found": true,
            "data": {"text/plain": page},
            "metadata": {},
        }),
        None => json!({"status": "ok", "found": false, "data": {}, "metadata": {}}),
    }
}

/// The REPL's validator: an open bracket or block asks for more.
fn is_complete(c: &Json) -> Json {
    let code = c["code"].as_str().unwrap_or("");
    if crate::shell::repl::validate::needs_more(code) {
        json!({"status": "incomplete", "indent": "  "})
    } else {
        json!({"status": "complete"})
    }
}

/// Sends a running cell's output to iopub.
struct KernelSink<'a> {
    req: &'a Message,
    iopub: &'a UnboundedSender<Message>,
    source: Source,
    silent: bool,
    count: u64,
}

impl KernelSink<'_> {
    fn stream(&self, name: &str, text: &str) {
        if self.silent || text.is_empty() {
            return;
        }
        let _ = self.iopub.send(
            self.req
                .iopub("stream", json!({"name": name, "text": text})),
        );
    }

    fn display(&self, msg_type: &str, data: Json) {
        if self.silent {
            return;
        }
        let mut content = json!({"data": data, "metadata": {}});
        if msg_type == "execute_result" {
            content["execution_count"] = json!(self.count);
        }
        let _ = self.iopub.send(self.req.iopub(msg_type, content));
    }
}

impl Sink for KernelSink<'_> {
    fn value(&mut self, name: &str, value: &Value, fmt: Format) {
        let plain = format::display(name, value, fmt, 80);
        let mut data = json!({"text/plain": plain.trim_end_matches('\n')});
        if let Ok(tex) = builtins::homework::latex_value(value) {
            let lhs = if name.is_empty() {
                String::new()
            } else {
                format!("\\mathtt{{{}}} = ", name.replace('_', "\\_"))
            };
            data["text/latex"] = json!(format!("$${lhs}{tex}$$"));
        }
        data["application/json"] =
            serde_json::from_str::<Json>(&format::json_line(name, value)).unwrap_or(Json::Null);
        if data["application/json"].is_null() {
            if let Some(m) = data.as_object_mut() {
                m.remove("application/json");
            }
        }
        self.display("execute_result", data);
    }

    fn text(&mut self, text: &str) {
        self.stream("stdout", text);
    }

    fn warning(&mut self, message: &str, span: Option<crate::syntax::ast::Span>) {
        let text = render(Severity::Warning, message, span, &self.source, false, None);
        self.stream("stderr", &format!("{text}\n"));
    }

    /// A figure as SVG, with its braille drawing for text-only front ends.
    fn figure(&mut self, fig: &crate::plot::Figure) {
        let svg = crate::plot::svg::render(fig);
        let plain = crate::plot::braille::render(fig, 80, 22, false);
        self.display(
            "display_data",
            json!({"image/svg+xml": svg, "text/plain": plain.trim_end_matches('\n')}),
        );
    }

    fn working(&mut self, text: &str, latex: bool) {
        if latex {
            self.display(
                "display_data",
                json!({"text/plain": text, "text/latex": text}),
            );
        } else {
            self.stream("stdout", &format!("{text}\n"));
        }
    }
}
