//! Use cases: one function each, called by the pages and the JSON API alike. A use case opens
//! the write transaction, applies the domain rule, writes through `db`, records the audit event,
//! enqueues its mail in the outbox and renders the documents it stores, all or nothing.
//! Handlers parse and render; nothing here knows about HTTP.

pub mod accounts;
pub mod agenda;
pub mod followup;
pub mod import;
pub mod letters;
pub mod meetings;
pub mod municipality;
pub mod outbox;
pub mod proposals;
pub mod register;
pub mod search;
pub mod subscriptions;
pub mod tasks;
pub mod two_factor;
