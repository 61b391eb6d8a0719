//! Jupyter wire framing: the frames of one message (identities, `<IDS|MSG>`,
//! HMAC-SHA256 signature, header, parent header, metadata, content, buffers),
//! signing and verification, and reply/child headers.

use hmac::{Hmac, Mac};
use serde_json::{json, Value as Json};
use sha2::Sha256;

const DELIMITER: &[u8] = b"<IDS|MSG>";

/// The signing key of a connection; an empty key means no signing (the spec allows it).
#[derive(Clone)]
pub struct Key(Option<Hmac<Sha256>>);

impl Key {
    pub fn new(key: &str) -> Key {
        if key.is_empty() {
            return Key(None);
        }
        // HMAC takes keys of any length: `new_from_slice` cannot fail for it.
        Key(Hmac::<Sha256>::new_from_slice(key.as_bytes()).ok())
    }

    fn mac(&self, parts: &[&[u8]]) -> Option<Hmac<Sha256>> {
        let mut mac = self.0.clone()?;
        for p in parts {
            mac.update(p);
        }
        Some(mac)
    }

    /// The hex signature of the four JSON parts ("" without a key).
    pub fn sign(&self, parts: &[&[u8]]) -> String {
        self.mac(parts)
            .map(|m| hex::encode(m.finalize().into_bytes()))
            .unwrap_or_default()
    }

    /// Constant-time check of a received signature.
    pub fn verify(&self, parts: &[&[u8]], signature: &[u8]) -> bool {
        let Some(mac) = self.mac(parts) else {
            return true;
        };
        match hex::decode(signature) {
            Ok(sig) => mac.verify_slice(&sig).is_ok(),
            Err(_) => false,
        }
    }
}

/// One Jupyter message.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// Routing identities (ROUTER) or the topic (PUB).
    pub identities: Vec<Vec<u8>>,
    pub header: Json,
    pub parent_header: Json,
    pub metadata: Json,
    pub content: Json,
    pub buffers: Vec<Vec<u8>>,
}

/// Why a received message was dropped.
#[derive(Debug, PartialEq, Eq)]
pub enum WireError {
    NoDelimiter,
    TooFewFrames,
    BadSignature,
    BadJson(&'static str),
}

impl Message {
    /// Parse and verify the frames of a received message.
    pub fn from_frames(frames: &[Vec<u8>], key: &Key) -> Result<Message, WireError> {
        let d = frames
            .iter()
            .position(|f| f.as_slice() == DELIMITER)
            .ok_or(WireError::NoDelimiter)?;
        let rest = &frames[d + 1..];
        if rest.len() < 5 {
            return Err(WireError::TooFewFrames);
        }
        let parts: Vec<&[u8]> = rest[1..5].iter().map(Vec::as_slice).collect();
        if !key.verify(&parts, &rest[0]) {
            return Err(WireError::BadSignature);
        }
        let json = |i: usize, what: &'static str| -> Result<Json, WireError> {
            serde_json::from_slice(parts[i]).map_err(|_| WireError::BadJson(what))
        };
        Ok(Message {
            identities: frames[..d].to_vec(),
            header: json(0, "header")?,
            parent_header: json(1, "parent_header")?,
            metadata: json(2, "metadata")?,
            content: json(3, "content")?,
            buffers: rest[5..].to_vec(),
        })
    }

    /// The signed frames to send.
    pub fn to_frames(&self, key: &Key) -> Vec<Vec<u8>> {
        let parts: Vec<Vec<u8>> = [
            &self.header,
            &self.parent_header,
            &self.metadata,
            &self.content,
        ]
        .iter()
        .map(|j| j.to_string().into_bytes())
        .collect();
        let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
        let mut frames = self.identities.clone();
        frames.push(DELIMITER.to_vec());
        frames.push(key.sign(&refs).into_bytes());
        frames.extend(parts);
        frames.extend(self.buffers.iter().cloned());
        frames
    }

    pub fn msg_type(&self) -> &str {
        self.header["msg_type"].as_str().unwrap_or("")
    }

    /// A message caused by this one (a reply or an iopub message): same
    /// session, this header as parent.
    pub fn child(&self, msg_type: &str, content: Json) -> Message {
        let session = self.header["session"].as_str().unwrap_or("");
        let username = self.header["username"].as_str().unwrap_or("la");
        Message {
            identities: vec![],
            header: header(msg_type, session, username),
            parent_header: self.header.clone(),
            metadata: json!({}),
            content,
            buffers: vec![],
        }
    }

    /// The reply on the same socket, routed back to the sender.
    pub fn reply(&self, msg_type: &str, content: Json) -> Message {
        let mut m = self.child(msg_type, content);
        m.identities = self.identities.clone();
        m
    }

    /// A message for iopub, its topic the message type.
    pub fn iopub(&self, msg_type: &str, content: Json) -> Message {
        let mut m = self.child(msg_type, content);
        m.identities = vec![msg_type.as_bytes().to_vec()];
        m
    }
}

pub fn header(msg_type: &str, session: &str, username: &str) -> Json {
    json!({
        "msg_id": uuid::Uuid::new_v4().to_string(),
        "session": session,
        "username": username,
        "date": now_iso8601(),
        "msg_type": msg_type,
        "version": "5.3",
    })
}

/// The current UTC time as ISO 8601 (no date crate needed).
fn now_iso8601() -> String {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = d.as_secs();
    let (days, rem) = (secs / 86400, secs % 86400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:06}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        d.subsec_micros()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(sig: &[u8]) -> Vec<Vec<u8>> {
        vec![
            b"client-id".to_vec(),
            DELIMITER.to_vec(),
            sig.to_vec(),
            br#"{"msg_id":"1","session":"s","username":"u","msg_type":"kernel_info_request","version":"5.3","date":""}"#.to_vec(),
            b"{}".to_vec(),
            b"{}".to_vec(),
            b"{}".to_vec(),
        ]
    }

    #[test]
    fn signs_and_verifies_a_hand_made_message() {
        let key = Key::new("secret");
        // HMAC-SHA256("secret", header || parent || metadata || content), computed independently.
        let f = frames(b"");
        let parts: Vec<&[u8]> = f[3..7].iter().map(Vec::as_slice).collect();
        let mut mac = Hmac::<Sha256>::new_from_slice(b"secret").unwrap();
        for p in &parts {
            mac.update(p);
        }
        let sig = hex::encode(mac.finalize().into_bytes());
        let m = Message::from_frames(&frames(sig.as_bytes()), &key).unwrap();
        assert_eq!(m.identities, vec![b"client-id".to_vec()]);
        assert_eq!(m.msg_type(), "kernel_info_request");
        // A bad or missing signature is refused.
        assert_eq!(
            Message::from_frames(&frames(b"00ff"), &key),
            Err(WireError::BadSignature)
        );
        assert_eq!(
            Message::from_frames(&frames(b"not hex"), &key),
            Err(WireError::BadSignature)
        );
        assert_eq!(
            Message::from_frames(&frames(b"")[2..], &key),
            Err(WireError::NoDelimiter)
        );
        // Without a key nothing is signed and anything verifies.
        assert!(Message::from_frames(&frames(b""), &Key::new("")).is_ok());
    }

    #[test]
    fn replies_round_trip_through_frames() {
        let key = Key::new("k");
        let f = frames(b"");
        let parts: Vec<&[u8]> = f[3..7].iter().map(Vec::as_slice).collect();
        let req = Message::from_frames(&frames(key.sign(&parts).as_bytes()), &key).unwrap();
        let reply = req.reply("kernel_info_reply", json!({"status": "ok"}));
        let out = reply.to_frames(&key);
        assert_eq!(out[0], b"client-id".to_vec());
        assert_eq!(out[1], DELIMITER.to_vec());
        let back = Message::from_frames(&out, &key).unwrap();
        assert_eq!(back, reply);
        assert_eq!(back.parent_header["msg_id"], "1");
        assert_eq!(back.header["session"], "s");
        assert_eq!(back.header["version"], "5.3");
        let date = back.header["date"].as_str().unwrap();
        assert!(date.len() == 27 && date.ends_with('Z') && date.starts_with("20"));
        // Tampering with the content breaks the signature.
        let mut bad = out.clone();
        bad[6] = br#"{"status":"error"}"#.to_vec();
        assert_eq!(
            Message::from_frames(&bad, &key),
            Err(WireError::BadSignature)
        );
    }
}
