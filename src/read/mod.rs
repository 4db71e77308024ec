//! Read models: what a person may see of a thing, as typed structs that pages and the JSON API
//! render alike, so both apply one rule.

pub mod access;
pub mod calendar;
pub mod case;
pub mod feed;
pub mod followup;
pub mod letters;
pub mod minutes;
pub mod oparl;
pub mod proposal;
pub mod register;
pub mod search;
pub mod task;
