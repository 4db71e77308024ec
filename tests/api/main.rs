//! Integration tests: the real application over real HTTP, on SQLite and (when
//! `AGENDUM_TEST_POSTGRES_URL` is set) PostgreSQL, each test with its own fresh database.
//! One test binary, so the crate is linked once.

mod architecture;
mod helpers;

mod accessibility;
mod account_admin;
mod accounts;
mod agendas;
mod api;
mod api_proposals;
mod browser;
mod browser_council;
mod browser_layout;
mod cli;
mod feedback;
mod followup;
mod followup_pages;
mod import;
mod language;
mod leaks;
mod letters;
mod mail;
mod meetings_admin;
mod minutes;
mod oparl;
mod openapi;
mod pages;
mod permissions;
mod plans;
mod proposals;
mod register;
mod repository;
mod search;
mod security;
mod settings;
mod setup;
mod tls;
mod two_factor;
mod workflow;
