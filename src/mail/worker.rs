//! The delivery worker: a tokio task inside `agendum serve`. It claims due messages in batches,
//! delivers a few at a time, and records each outcome as soon as it is known, so a crash repeats
//! at most the messages that were in flight.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use rand::Rng;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use super::transport::Transport;
use crate::db::outbox::{self, Outcome, StoredMessage};
use crate::db::{Db, write_transaction};
use crate::domain::MessageId;
use crate::domain::mail::{NextStep, RetryPolicy};
use crate::error::AppResult;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkerConfig {
    pub policy: RetryPolicy,
    /// How long a claim holds; a worker that dies loses its messages to another after this.
    pub claim_for: Duration,
    pub batch: i64,
    /// Messages sent at the same time (each on its own pooled SMTP connection).
    pub concurrency: usize,
    /// How long to wait when nothing is due.
    pub idle_poll: Duration,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        Self {
            policy: RetryPolicy::default(),
            claim_for: Duration::from_secs(60),
            batch: 400,
            concurrency: 8,
            idle_poll: Duration::from_secs(1),
        }
    }
}

#[derive(Clone)]
pub struct Worker {
    db: Db,
    transport: Transport,
    config: WorkerConfig,
    id: Arc<str>,
}

impl Worker {
    pub fn new(db: Db, transport: Transport, config: WorkerConfig) -> Self {
        let host = hostname();
        let random: u32 = rand::rng().random();
        let id = format!("{host}:{}:{random:08x}", std::process::id());
        Self {
            db,
            transport,
            config,
            id: id.into(),
        }
    }

    /// Runs until `stop` turns true (or its sender is gone). A batch under way is finished first,
    /// so its outcomes are recorded.
    pub async fn run(self, mut stop: tokio::sync::watch::Receiver<bool>) {
        tracing::info!(worker = %self.id, "mail worker started");
        while !*stop.borrow() {
            let pause = match self.run_once().await {
                Ok(0) => self.config.idle_poll,
                Ok(_) => continue,
                Err(err) => {
                    tracing::error!(error = %err.chain(), "mail worker: cannot reach the outbox");
                    self.config.idle_poll
                }
            };
            tokio::select! {
                changed = stop.changed() => if changed.is_err() { break },
                () = tokio::time::sleep(pause) => {}
            }
        }
        tracing::info!(worker = %self.id, "mail worker stopped");
    }

    /// Claims one batch of due messages and delivers it; returns how many were claimed.
    pub async fn run_once(&self) -> AppResult<usize> {
        let (worker, limit) = (self.id.clone(), self.config.batch);
        let claim_for = chrono::Duration::from_std(self.config.claim_for)
            .unwrap_or(chrono::Duration::seconds(60));
        let ids = self
            .db
            .run(move |conn| {
                let now = Utc::now();
                outbox::claim(conn, &worker, now, now + claim_for, limit)
            })
            .await?;
        if ids.is_empty() {
            return Ok(0);
        }
        let claimed = ids.len();
        let messages = {
            let ids = ids.clone();
            self.db.run(move |conn| outbox::load(conn, &ids)).await?
        };
        // Keep the claims alive while the batch is being worked through.
        let keeper = {
            let (db, worker, ids) = (self.db.clone(), self.id.clone(), ids.clone());
            let every = self.config.claim_for / 3;
            tokio::spawn(async move {
                loop {
                    tokio::time::sleep(every).await;
                    let (worker, ids) = (worker.clone(), ids.clone());
                    let _ = db
                        .run(move |conn| {
                            outbox::extend_claims(conn, &worker, &ids, Utc::now() + claim_for)
                        })
                        .await;
                }
            })
        };
        // Outcomes go to one recorder, which writes whatever has queued up in one transaction:
        // one write per message under light load, batches under heavy load, no timer.
        let (outcomes, mut queue) = tokio::sync::mpsc::unbounded_channel::<(MessageId, NextStep)>();
        let recorder = {
            let (db, worker) = (self.db.clone(), self.id.clone());
            tokio::spawn(async move {
                while let Some(first) = queue.recv().await {
                    let mut batch = vec![first];
                    while batch.len() < RECORD_BATCH {
                        match queue.try_recv() {
                            Ok(next) => batch.push(next),
                            Err(_) => break,
                        }
                    }
                    let worker = worker.clone();
                    let written = db
                        .run(move |conn| {
                            write_transaction(conn, |conn| record_all(conn, &worker, &batch))
                        })
                        .await;
                    if let Err(err) = written {
                        tracing::error!(error = %err.chain(), "mail worker: cannot record deliveries; their claims will lapse and they are sent again");
                    }
                }
            })
        };
        let permits = Arc::new(Semaphore::new(self.config.concurrency.max(1)));
        let mut tasks = JoinSet::new();
        for message in messages {
            let (worker, permits, outcomes) = (self.clone(), permits.clone(), outcomes.clone());
            tasks.spawn(async move {
                let _permit = permits.acquire_owned().await;
                let id = message.id;
                let step = worker.deliver(message).await;
                let _ = outcomes.send((id, step));
            });
        }
        drop(outcomes);
        while tasks.join_next().await.is_some() {}
        let _ = recorder.await;
        keeper.abort();
        Ok(claimed)
    }

    /// One attempt, and what is to become of the message.
    async fn deliver(&self, message: StoredMessage) -> NextStep {
        let outcome = self.transport.deliver(&message).await;
        let jitter: f64 = rand::rng().random();
        let step = self
            .config
            .policy
            .next_step(message.attempts.max(1) as u32, outcome, jitter);
        match &step {
            NextStep::Sent => {
                tracing::debug!(id = %message.id, message_id = %message.message_id, "mail sent")
            }
            NextStep::Retry { after, error } => {
                tracing::warn!(id = %message.id, attempt = message.attempts, retry_in = ?after, %error, "mail delivery failed; will retry")
            }
            NextStep::Dead { error } => {
                tracing::error!(id = %message.id, %error, "mail delivery gave up")
            }
        }
        step
    }
}

/// The most outcomes written in one transaction.
pub const RECORD_BATCH: usize = 256;

fn record_all(
    conn: &mut crate::db::DbConnection,
    worker: &str,
    batch: &[(MessageId, NextStep)],
) -> AppResult<()> {
    let now = Utc::now();
    for (id, step) in batch {
        let outcome = match step {
            NextStep::Sent => Outcome::Sent,
            NextStep::Retry { after, error } => Outcome::Retry {
                at: now + chrono::Duration::from_std(*after).unwrap_or(chrono::Duration::hours(6)),
                error,
            },
            NextStep::Dead { error } => Outcome::Dead { error },
        };
        outbox::record(conn, *id, worker, outcome, now)?;
    }
    Ok(())
}

fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_owned())
        .ok()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "agendum".to_owned())
}
