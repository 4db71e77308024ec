//! Agendum: agendas, member proposals, decisions and follow-up for municipal councils.
//!
//! - [`auth`]: password hashes, random secrets and their stored digests
//! - [`documents`]: PDFs rendered by Typst from the same data as the pages
//! - [`domain`]: pure types and rules (no web, no database)
//! - [`db`]: every database difference, one connection type over SQLite and PostgreSQL
//! - [`web`]: actix-web handlers, templates and assets
//! - [`mail`]: the outbox worker, SMTP and the development mailbox
//! - [`read`]: read models (a case as one person may see it) for pages and API alike
//! - [`service`]: one function per use case (a transaction with its rule, writes, audit event
//!   and mail), called by pages and API alike
//! - [`demo`]: the demo council loaded into an empty database

pub mod app;
pub mod auth;
pub mod config;
pub mod db;
pub mod demo;
pub mod documents;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod mail;
pub mod read;
pub mod render;
pub mod service;
pub mod urls;
pub mod web;

pub use error::{AppError, AppResult};
