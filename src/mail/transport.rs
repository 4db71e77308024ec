//! Where delivered mail goes: an SMTP server, or the development mailbox on disk.

use std::path::{Path, PathBuf};

use std::sync::Arc;

use super::smtp::SmtpClient;

use super::compose::compose;
use crate::db::outbox::StoredMessage;
use crate::domain::mail::DeliveryOutcome;

#[derive(Clone)]
pub enum Transport {
    Smtp(Arc<SmtpClient>),
    /// The development mailbox: one `.eml` file per message.
    Mailbox(PathBuf),
}

impl Transport {
    pub async fn deliver(&self, stored: &StoredMessage) -> DeliveryOutcome {
        let message = match compose(stored) {
            Ok(m) => m,
            Err(e) => {
                return DeliveryOutcome::Permanent(format!("cannot compose the message: {e}"));
            }
        };
        match self {
            Transport::Smtp(smtp) => smtp.send(message.envelope(), &message.formatted()).await,
            Transport::Mailbox(dir) => {
                let bytes = message.formatted();
                let path = mailbox_file(dir, stored.id);
                let dir = dir.clone();
                let written =
                    tokio::task::spawn_blocking(move || write_atomically(&dir, &path, &bytes))
                        .await;
                match written {
                    Ok(Ok(())) => DeliveryOutcome::Delivered,
                    Ok(Err(e)) => DeliveryOutcome::Temporary(format!(
                        "cannot write the development mailbox: {e}"
                    )),
                    Err(e) => DeliveryOutcome::Temporary(e.to_string()),
                }
            }
        }
    }
}

/// One file per outbox message: delivering it again replaces the file rather than adding one.
pub fn mailbox_file(dir: &Path, id: crate::domain::MessageId) -> PathBuf {
    let id = id.0;
    dir.join(format!("{id:010}.eml"))
}

fn write_atomically(dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let tmp = path.with_extension("eml.tmp");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}
