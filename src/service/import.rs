//! The members file: organizations, persons and memberships from a CSV file
//! (`domain::import`), through the register's own use cases, so every row is checked and
//! audited as if typed on the settings pages. A preview runs the whole file in a transaction
//! that is rolled back; applying runs it again and commits only when no row is refused. A row
//! that matches what the register holds changes nothing, so a file applied twice changes
//! nothing the second time.

use crate::db::organizations::{self as orgs, Organization, Person};
use crate::db::{DbConnection, write_transaction};
use crate::domain::PersonId;
use crate::domain::account::Actor;
use crate::domain::import::{ImportRow, RowKind, parse_members};
use crate::domain::organization::OrganizationKind;
use crate::domain::proposal::FieldErrors;
use crate::domain::register::{
    MembershipInput, OrganizationInput, PersonInput, check_membership, collapse, parse_emails,
};
use crate::error::{AppError, AppResult};

use super::register;

/// What a row does, or why it cannot.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "action", content = "reason", rename_all = "snake_case")]
pub enum Outcome {
    New,
    Changed,
    Unchanged,
    /// Why not, one message per problem.
    Refused(Vec<crate::i18n::Msg>),
}

impl Outcome {
    /// The catalogue key of what the row does.
    pub fn label_key(&self) -> &'static str {
        match self {
            Outcome::New => "import-outcome-new",
            Outcome::Changed => "import-outcome-changed",
            Outcome::Unchanged => "import-outcome-unchanged",
            Outcome::Refused(_) => "import-outcome-refused",
        }
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct RowReport {
    pub line: usize,
    pub kind: crate::i18n::Msg,
    pub name: String,
    pub detail: String,
    pub outcome: Outcome,
    pub label: crate::i18n::Msg,
}

/// What a file does (or did) to the register.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ImportReport {
    pub rows: Vec<RowReport>,
    /// Whether the changes were written (never when a row is refused).
    pub applied: bool,
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub refused: usize,
}

impl ImportReport {
    fn of(rows: Vec<RowReport>, applied: bool) -> Self {
        let count = |f: fn(&Outcome) -> bool| rows.iter().filter(|r| f(&r.outcome)).count();
        ImportReport {
            new: count(|o| *o == Outcome::New),
            changed: count(|o| *o == Outcome::Changed),
            unchanged: count(|o| *o == Outcome::Unchanged),
            refused: count(|o| matches!(o, Outcome::Refused(_))),
            rows,
            applied,
        }
    }
}

/// The most persons the register is read with for matching (far above any council's).
const PERSONS_READ: i64 = 1_000_000;

fn refused(errors: &FieldErrors) -> Outcome {
    Outcome::Refused(errors.0.iter().map(|(_, m)| m.clone()).collect())
}

/// A row refused for one reason.
fn refused_because(message: crate::i18n::Msg) -> Outcome {
    Outcome::Refused(vec![message])
}

fn same(a: &str, b: &str) -> bool {
    collapse(a).to_lowercase() == collapse(b).to_lowercase()
}

/// An organization named by its name or short name (ignoring case), of the given kinds; the
/// active one first.
fn find_org<'a>(
    all: &'a [Organization],
    text: &str,
    kinds: &[OrganizationKind],
) -> Option<&'a Organization> {
    let mut found: Vec<&Organization> = all
        .iter()
        .filter(|o| kinds.contains(&o.kind))
        .filter(|o| same(&o.name, text) || o.short_name.as_deref().is_some_and(|s| same(s, text)))
        .collect();
    found.sort_by_key(|o| !o.active);
    found.into_iter().next()
}

fn find_person<'a>(persons: &'a [Person], name: &str, email: &str) -> Option<&'a Person> {
    if !email.trim().is_empty() {
        return persons.iter().find(|p| {
            p.email
                .as_deref()
                .is_some_and(|e| e.eq_ignore_ascii_case(email.trim()))
        });
    }
    let mut named = persons.iter().filter(|p| same(&p.name, name));
    match (named.next(), named.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

struct Importer<'a> {
    actor: &'a Actor,
}

impl Importer<'_> {
    fn organization(
        &self,
        conn: &mut DbConnection,
        kind: OrganizationKind,
        row: &ImportRow,
    ) -> AppResult<Outcome> {
        let all = orgs::list(conn)?;
        let parent = if row.organization.is_empty() {
            String::new()
        } else {
            match find_org(&all, &row.organization, OrganizationKind::ALL) {
                Some(p) => p.id.to_string(),
                None => {
                    return Ok(refused_because(
                        crate::i18n::Msg::key("import-unknown-organization-column")
                            .arg("name", &row.organization),
                    ));
                }
            }
        };
        let existing = all.iter().find(|o| {
            o.kind == kind
                && (same(&o.name, &row.name)
                    || (!row.short_name.is_empty()
                        && o.short_name
                            .as_deref()
                            .is_some_and(|s| same(s, &row.short_name))))
        });
        let mut input = OrganizationInput {
            kind: kind.as_str().to_owned(),
            name: row.name.clone(),
            short_name: row.short_name.clone(),
            emails: row.email.clone(),
            parent,
            website: String::new(),
            language: String::new(),
        };
        match existing {
            None => Ok(
                match register::create_organization(conn, self.actor, &input)? {
                    Ok(_) => Outcome::New,
                    Err(errors) => refused(&errors),
                },
            ),
            Some(o) => {
                let stored = register::organization_input(o);
                // What the file leaves out stays as stored.
                input.website = stored.website.clone();
                if row.email.is_empty() {
                    input.emails = stored.emails.clone();
                }
                if row.short_name.is_empty() {
                    input.short_name = stored.short_name.clone();
                }
                if row.organization.is_empty() {
                    input.parent = stored.parent.clone();
                }
                // Addresses compared as addresses, whatever their separators; the order counts
                // (the first gets the tasks).
                let addresses = |text: &str| {
                    parse_emails(text).map(|list| {
                        list.iter()
                            .map(|a| a.as_str().to_lowercase())
                            .collect::<Vec<_>>()
                    })
                };
                let unchanged = same(&stored.name, &input.name)
                    && same(&stored.short_name, &input.short_name)
                    && addresses(&stored.emails) == addresses(&input.emails)
                    && stored.parent == input.parent;
                if unchanged {
                    return Ok(Outcome::Unchanged);
                }
                Ok(
                    match register::update_organization(conn, self.actor, o.id, &input)? {
                        Ok(()) => Outcome::Changed,
                        Err(errors) => refused(&errors),
                    },
                )
            }
        }
    }

    /// The person of a row, made when new; `None` with the outcome when refused.
    fn person(
        &self,
        conn: &mut DbConnection,
        row: &ImportRow,
    ) -> AppResult<(Option<PersonId>, Outcome)> {
        let (persons, _) = orgs::persons_page(conn, 0, PERSONS_READ)?;
        match find_person(&persons, &row.name, &row.email) {
            None => {
                let input = PersonInput {
                    name: row.name.clone(),
                    title: String::new(),
                    email: row.email.clone(),
                };
                Ok(match register::create_person(conn, self.actor, &input)? {
                    Ok(id) => (Some(id), Outcome::New),
                    Err(errors) => (None, refused(&errors)),
                })
            }
            Some(p) if same(&p.name, &row.name) => Ok((Some(p.id), Outcome::Unchanged)),
            Some(p) => {
                let input = PersonInput {
                    name: row.name.clone(),
                    ..register::person_input(p)
                };
                Ok(
                    match register::update_person(conn, self.actor, p.id, &input)? {
                        Ok(()) => (Some(p.id), Outcome::Changed),
                        Err(errors) => (None, refused(&errors)),
                    },
                )
            }
        }
    }

    fn membership(&self, conn: &mut DbConnection, row: &ImportRow) -> AppResult<Outcome> {
        let all = orgs::list(conn)?;
        let Some(org) = find_org(
            &all,
            &row.organization,
            &[
                OrganizationKind::Council,
                OrganizationKind::Committee,
                OrganizationKind::Party,
                OrganizationKind::Administration,
            ],
        ) else {
            return Ok(refused_because(if row.organization.is_empty() {
                crate::i18n::Msg::key("import-organization-missing")
            } else {
                crate::i18n::Msg::key("import-unknown-organization").arg("name", &row.organization)
            }));
        };
        let party = if row.party.is_empty() {
            String::new()
        } else {
            match find_org(&all, &row.party, &[OrganizationKind::Party]) {
                Some(p) => p.id.to_string(),
                None => {
                    return Ok(refused_because(
                        crate::i18n::Msg::key("import-unknown-party").arg("name", &row.party),
                    ));
                }
            }
        };
        let (person, person_outcome) = self.person(conn, row)?;
        let Some(person) = person else {
            return Ok(person_outcome);
        };
        let input = MembershipInput {
            person: person.to_string(),
            organization: org.id.to_string(),
            role: if row.role.is_empty() {
                "member".to_owned()
            } else {
                row.role.clone()
            },
            party,
            start_date: row.start_date.clone(),
            end_date: row.end_date.clone(),
            position: row.position.clone(),
        };
        let fields = match check_membership(&input) {
            Ok(fields) => fields,
            Err(errors) => return Ok(refused(&errors)),
        };
        let existing = orgs::memberships_of_person(conn, person)?
            .into_iter()
            .find(|m| m.organization_id == org.id && m.start_date == fields.start_date);
        match existing {
            None => Ok(match register::add_membership(conn, self.actor, &input)? {
                Ok(_) => Outcome::New,
                Err(errors) => refused(&errors),
            }),
            Some(m) => {
                let same_fields = m.role == fields.role
                    && m.party_id.map(|p| p.0) == fields.party
                    && m.end_date == fields.end_date
                    && m.position == fields.position;
                if same_fields {
                    return Ok(Outcome::Unchanged);
                }
                Ok(
                    match register::update_membership(conn, self.actor, m.id, &input)? {
                        Ok(()) => Outcome::Changed,
                        Err(errors) => refused(&errors),
                    },
                )
            }
        }
    }

    fn row(&self, conn: &mut DbConnection, row: &ImportRow) -> AppResult<RowReport> {
        let kind = RowKind::parse(&row.kind);
        let outcome = match kind {
            None => refused_because(
                crate::i18n::Msg::key("import-unknown-kind")
                    .arg("kind", row.kind.chars().take(40).collect::<String>()),
            ),
            Some(_) if row.name.is_empty() => {
                refused_because(crate::i18n::Msg::key("import-name-missing"))
            }
            Some(RowKind::Organization(kind)) => self.organization(conn, kind, row)?,
            Some(RowKind::Person) => self.person(conn, row)?.1,
            Some(RowKind::Membership) => self.membership(conn, row)?,
        };
        let detail = match kind {
            Some(RowKind::Membership) => [
                row.role.as_str(),
                row.organization.as_str(),
                row.party.as_str(),
                row.start_date.as_str(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
            _ => [row.short_name.as_str(), row.email.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
        };
        Ok(RowReport {
            line: row.line,
            kind: kind.map_or_else(
                || crate::i18n::Msg::text(row.kind.clone()),
                |k| crate::i18n::Msg::key(k.label_key()),
            ),
            name: row.name.clone(),
            detail,
            label: crate::i18n::Msg::key(outcome.label_key()),
            outcome,
        })
    }
}

/// Runs a members file: with `apply` false (the preview) or a refused row, nothing is kept.
/// A file that cannot be read at all is refused as a whole (422, the reason in Danish).
pub fn members(
    conn: &mut DbConnection,
    actor: &Actor,
    file: &[u8],
    apply: bool,
) -> AppResult<ImportReport> {
    let rows = parse_members(file).map_err(AppError::invalid)?;
    let importer = Importer { actor };
    let mut report = None;
    let done = write_transaction(conn, |conn| {
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            out.push(importer.row(conn, row)?);
        }
        let keep = apply && !out.iter().any(|r| matches!(r.outcome, Outcome::Refused(_)));
        report = Some(ImportReport::of(out, keep));
        if keep {
            Ok(())
        } else {
            // Rolled back: the preview (or a refused file) leaves the register as it was.
            Err(AppError::conflict(ROLLED_BACK))
        }
    });
    match (done, report) {
        (Ok(()), Some(report)) => Ok(report),
        (Err(err), Some(report)) if err.message.to_string() == ROLLED_BACK => Ok(report),
        (Err(err), _) => Err(err),
        (Ok(()), None) => Err(AppError::internal("the import made no report")),
    }
}

const ROLLED_BACK: &str = "import rolled back";
