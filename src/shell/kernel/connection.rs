//! The connection file Jupyter hands the kernel: transport, address, the five
//! ports and the signing key.

use serde_json::Value as Json;

#[derive(Debug, Clone, PartialEq)]
pub struct Connection {
    pub transport: String,
    pub ip: String,
    pub shell_port: u64,
    pub iopub_port: u64,
    pub stdin_port: u64,
    pub control_port: u64,
    pub hb_port: u64,
    pub key: String,
    pub signature_scheme: String,
}

impl Connection {
    pub fn read(path: &str) -> Result<Connection, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read connection file '{path}': {e}"))?;
        Connection::parse(&text).map_err(|e| format!("connection file '{path}': {e}"))
    }

    pub fn parse(text: &str) -> Result<Connection, String> {
        let j: Json = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let s = |k: &str, default: &str| -> String { j[k].as_str().unwrap_or(default).to_string() };
        let port = |k: &str| j[k].as_u64().ok_or_else(|| format!("no '{k}'"));
        let c = Connection {
            transport: s("transport", "tcp"),
            ip: s("ip", "127.0.0.1"),
            shell_port: port("shell_port")?,
            iopub_port: port("iopub_port")?,
            stdin_port: port("stdin_port")?,
            control_port: port("control_port")?,
            hb_port: port("hb_port")?,
            key: s("key", ""),
            signature_scheme: s("signature_scheme", "hmac-sha256"),
        };
        if c.transport != "tcp" {
            return Err(format!(
                "transport '{}' is not supported (only tcp)",
                c.transport
            ));
        }
        if !c.key.is_empty() && c.signature_scheme != "hmac-sha256" {
            return Err(format!(
                "signature scheme '{}' is not supported (only hmac-sha256)",
                c.signature_scheme
            ));
        }
        Ok(c)
    }

    pub fn endpoint(&self, port: u64) -> String {
        format!("{}://{}:{}", self.transport, self.ip, port)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_connection_file() {
        let c = Connection::parse(
            r#"{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4,
                "hb_port": 5, "ip": "127.0.0.1", "key": "abc", "transport": "tcp",
                "signature_scheme": "hmac-sha256", "kernel_name": "la"}"#,
        )
        .unwrap();
        assert_eq!(c.endpoint(c.hb_port), "tcp://127.0.0.1:5");
        assert_eq!(c.key, "abc");
        assert!(Connection::parse(r#"{"shell_port": 1}"#).is_err());
        assert!(Connection::parse("not json").is_err());
    }
}
