//! The register a secretariat keeps: organizations, persons, memberships and election periods.
//! What can be checked without the database is checked here, field by field, so a form shows
//! each problem at its field and the API reports the same words.

use chrono::{Duration, NaiveDate};

use super::EmailAddress;
use super::organization::{MembershipRole, OrganizationKind};
use super::proposal::FieldErrors;
use super::time::parse_date;

/// The longest name of an organization or a person.
pub const NAME_MAX_CHARS: usize = 200;
/// The longest short name (ØKF, a party's list letter).
pub const SHORT_NAME_MAX_CHARS: usize = 20;
/// The longest title of a person ("Rådmand", "Medlem af Borgerrepræsentationen").
pub const TITLE_MAX_CHARS: usize = 200;
/// The longest web address.
pub const WEBSITE_MAX_CHARS: usize = 200;
/// How many addresses an administration's task mail may go to.
pub const EMAILS_MAX: usize = 5;
/// The highest place in a party's order of substitutes.
pub const POSITION_MAX: i32 = 99;

/// Whitespace collapsed to single spaces, trimmed.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn optional(text: &str) -> Option<String> {
    Some(collapse(text)).filter(|t| !t.is_empty())
}

/// An organization as typed: every field a string, so a refused form comes back as it was.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct OrganizationInput {
    pub kind: String,
    pub name: String,
    pub short_name: String,
    /// One address per line (or separated by commas); the first receives the mail, the others
    /// a copy of each task.
    pub emails: String,
    /// The id of the organization it belongs under: a committee under the council, an
    /// administration under its committee.
    pub parent: String,
    pub website: String,
    /// The language of mail to it (`da`, `en`); empty: the municipality's.
    pub language: String,
}

/// An organization's fields once checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganizationFields {
    pub kind: OrganizationKind,
    pub name: String,
    pub short_name: Option<String>,
    pub emails: Vec<EmailAddress>,
    pub parent: Option<i64>,
    pub website: Option<String>,
    pub language: Option<super::language::Lang>,
}

/// A web address: `https://…` or `http://…` with a host; a bare `www.kl.dk` gets `https://`.
pub fn check_website(text: &str) -> Result<Option<String>, crate::i18n::Msg> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let full = if text.starts_with("http://") || text.starts_with("https://") {
        text.to_owned()
    } else {
        format!("https://{text}")
    };
    let host = full
        .split_once("://")
        .map(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or(""))
        .unwrap_or("");
    if full.chars().count() > WEBSITE_MAX_CHARS
        || full.chars().any(|c| c.is_whitespace() || c.is_control())
        || !host.contains('.')
        || host.starts_with('.')
        || host.ends_with('.')
    {
        return Err(crate::i18n::Msg::key("field-not-a-web-address")
            .arg("text", text.chars().take(80).collect::<String>()));
    }
    Ok(Some(full))
}

/// Addresses separated by new lines, commas or semicolons, without repeats (ignoring case).
pub fn parse_emails(text: &str) -> Result<Vec<EmailAddress>, crate::i18n::Msg> {
    let mut out: Vec<EmailAddress> = Vec::new();
    for part in text.split(['\n', ',', ';']).map(str::trim) {
        if part.is_empty() {
            continue;
        }
        let address = EmailAddress::parse(part).map_err(crate::i18n::Msg::from)?;
        if !out
            .iter()
            .any(|a| a.as_str().eq_ignore_ascii_case(address.as_str()))
        {
            out.push(address);
        }
    }
    if out.len() > EMAILS_MAX {
        return Err(crate::i18n::Msg::key("field-too-many-email-addresses").arg("max", EMAILS_MAX));
    }
    Ok(out)
}

fn check_name(errors: &mut FieldErrors, field: &str, text: &str, missing: &'static str) -> String {
    let name = collapse(text);
    if name.is_empty() {
        errors.add(field, missing);
    } else if name.chars().count() > NAME_MAX_CHARS {
        errors.add(
            field,
            crate::i18n::Msg::key("field-the-name-is-too-long-at-2")
                .arg("NAME_MAX_CHARS", NAME_MAX_CHARS),
        );
    }
    name
}

/// Checks an organization as typed. Whether the short name is free and the parent exists is
/// for the caller, who has the database.
pub fn check_organization(input: &OrganizationInput) -> Result<OrganizationFields, FieldErrors> {
    let mut errors = FieldErrors::default();
    let kind = input.kind.trim().parse::<OrganizationKind>().ok();
    if kind.is_none() {
        errors.add("kind", "field-choose-what-kind-of-organisation-it");
    }
    let name = check_name(
        &mut errors,
        "name",
        &input.name,
        "field-write-the-organisations-name",
    );
    let short_name = optional(&input.short_name);
    if let Some(s) = &short_name
        && s.chars().count() > SHORT_NAME_MAX_CHARS
    {
        errors.add(
            "short_name",
            crate::i18n::Msg::key("field-the-abbreviation-is-too-long-at")
                .arg("SHORT_NAME_MAX_CHARS", SHORT_NAME_MAX_CHARS),
        );
    }
    let emails = match parse_emails(&input.emails) {
        Ok(list) => list,
        Err(message) => {
            errors.add("emails", message);
            Vec::new()
        }
    };
    if kind == Some(OrganizationKind::Administration)
        && emails.is_empty()
        && errors.get("emails").is_none()
    {
        errors.add("emails", "field-an-administration-must-have-an-email");
    }
    let parent = match input.parent.trim() {
        "" => None,
        text => match text.parse::<i64>() {
            Ok(id) if id > 0 => Some(id),
            _ => {
                errors.add("parent", "field-choose-an-organisation-from-the-list");
                None
            }
        },
    };
    let website = match check_website(&input.website) {
        Ok(w) => w,
        Err(message) => {
            errors.add("website", message);
            None
        }
    };
    let language = match input.language.trim() {
        "" => None,
        text => match text.parse::<super::language::Lang>() {
            Ok(lang) => Some(lang),
            Err(_) => {
                errors.add("language", "field-choose-danish-or-english");
                None
            }
        },
    };
    match kind {
        Some(kind) if errors.is_empty() => Ok(OrganizationFields {
            language,
            kind,
            name,
            short_name,
            emails,
            parent,
            website,
        }),
        _ => Err(errors),
    }
}

/// A person as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct PersonInput {
    pub name: String,
    pub title: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonFields {
    pub name: String,
    pub title: Option<String>,
    pub email: Option<EmailAddress>,
}

pub fn check_person(input: &PersonInput) -> Result<PersonFields, FieldErrors> {
    let mut errors = FieldErrors::default();
    let name = check_name(
        &mut errors,
        "name",
        &input.name,
        "field-write-the-persons-name",
    );
    let title = optional(&input.title);
    if title
        .as_ref()
        .is_some_and(|t| t.chars().count() > TITLE_MAX_CHARS)
    {
        errors.add(
            "title",
            crate::i18n::Msg::key("field-the-title-is-too-long-at")
                .arg("TITLE_MAX_CHARS", TITLE_MAX_CHARS),
        );
    }
    let email = match input.email.trim() {
        "" => None,
        text => match EmailAddress::parse(text) {
            Ok(e) => Some(e),
            Err(e) => {
                errors.add("email", e);
                None
            }
        },
    };
    if errors.is_empty() {
        Ok(PersonFields { name, title, email })
    } else {
        Err(errors)
    }
}

/// A membership as typed: the person, the organization, the role, the party a member sits
/// for, the first and (optionally) last day, and a substitute's place in the party's order.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct MembershipInput {
    pub person: String,
    pub organization: String,
    pub role: String,
    pub party: String,
    pub start_date: String,
    pub end_date: String,
    pub position: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembershipFields {
    pub person: i64,
    pub organization: i64,
    pub role: MembershipRole,
    pub party: Option<i64>,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub position: Option<i32>,
}

fn id_field(
    errors: &mut FieldErrors,
    field: &str,
    text: &str,
    missing: &'static str,
) -> Option<i64> {
    match text.trim().parse::<i64>() {
        Ok(id) if id > 0 => Some(id),
        _ => {
            errors.add(field, missing);
            None
        }
    }
}

/// The years a membership or an election period may name: far enough for any history and any
/// plan, and inside what both databases store.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// A date as typed, if it is one and within [`YEARS`].
fn register_date(text: &str) -> Option<NaiveDate> {
    use chrono::Datelike;
    parse_date(text).filter(|d| YEARS.contains(&d.year()))
}

pub fn check_membership(input: &MembershipInput) -> Result<MembershipFields, FieldErrors> {
    let mut errors = FieldErrors::default();
    let person = id_field(
        &mut errors,
        "person",
        &input.person,
        "field-choose-the-person",
    );
    let organization = id_field(
        &mut errors,
        "organization",
        &input.organization,
        "field-choose-the-organisation-for-membership",
    );
    let role = input.role.trim().parse::<MembershipRole>().ok();
    if role.is_none() {
        errors.add("role", "field-choose-the-role-chair-vice-chair");
    }
    let party = match input.party.trim() {
        "" => None,
        text => id_field(
            &mut errors,
            "party",
            text,
            "field-choose-a-party-from-the-list",
        ),
    };
    let start_date = register_date(&input.start_date);
    if start_date.is_none() {
        errors.add(
            "start_date",
            crate::i18n::Msg::key("field-write-the-first-day"),
        );
    }
    let end_date = match input.end_date.trim() {
        "" => None,
        text => {
            let date = register_date(text);
            if date.is_none() {
                errors.add(
                    "end_date",
                    crate::i18n::Msg::key("field-write-the-last-day"),
                );
            }
            date
        }
    };
    if let (Some(start), Some(end)) = (start_date, end_date)
        && end < start
    {
        errors.add("end_date", "field-the-membership-cannot-end-before-it");
    }
    let position = match input.position.trim() {
        "" => None,
        text => match text.parse::<i32>() {
            Ok(n) if (1..=POSITION_MAX).contains(&n) => Some(n),
            _ => {
                errors.add(
                    "position",
                    crate::i18n::Msg::key("field-the-order-is-a-number-from")
                        .arg("POSITION_MAX", POSITION_MAX),
                );
                None
            }
        },
    };
    if position.is_some() && role.is_some_and(|r| r != MembershipRole::Substitute) {
        errors.add("position", "field-only-substitutes-have-a-place-in");
    }
    match (person, organization, role, start_date) {
        (Some(person), Some(organization), Some(role), Some(start_date)) if errors.is_empty() => {
            Ok(MembershipFields {
                person,
                organization,
                role,
                party,
                start_date,
                end_date,
                position,
            })
        }
        _ => Err(errors),
    }
}

/// Whether two periods of days (the last day included; `None` = still running) share a day.
pub fn periods_overlap(
    a: (NaiveDate, Option<NaiveDate>),
    b: (NaiveDate, Option<NaiveDate>),
) -> bool {
    let a_before_b = a.1.is_some_and(|end| end < b.0);
    let b_before_a = b.1.is_some_and(|end| end < a.0);
    !a_before_b && !b_before_a
}

/// The last day of the seats of an election period that a new one replaces: the day before the
/// new one begins, so on its first day only the new seats count.
pub fn last_day_before(start: NaiveDate) -> NaiveDate {
    start - Duration::days(1)
}

/// An election period as typed: its name (by default the years it spans) and its first day.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct PeriodInput {
    pub name: String,
    pub start_date: String,
}

/// Municipal councils sit four years: a period from 1 January 2026 is named "2026–2029".
pub const PERIOD_YEARS: i32 = 4;

pub fn default_period_name(start: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}–{}", start.year(), start.year() + PERIOD_YEARS - 1)
}

pub fn check_period(input: &PeriodInput) -> Result<(String, NaiveDate), FieldErrors> {
    let mut errors = FieldErrors::default();
    let start = register_date(&input.start_date);
    if start.is_none() {
        errors.add(
            "start_date",
            crate::i18n::Msg::key("field-write-the-electoral-terms-first-day"),
        );
    }
    let name = collapse(&input.name);
    if name.chars().count() > NAME_MAX_CHARS {
        errors.add(
            "name",
            crate::i18n::Msg::key("field-the-name-is-too-long-at-2")
                .arg("NAME_MAX_CHARS", NAME_MAX_CHARS),
        );
    }
    match start {
        Some(start) if errors.is_empty() => {
            let name = if name.is_empty() {
                default_period_name(start)
            } else {
                name
            };
            Ok((name, start))
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn administration(emails: &str) -> OrganizationInput {
        OrganizationInput {
            kind: "administration".into(),
            name: "  Økonomiforvaltningen ".into(),
            short_name: "ØKF".into(),
            emails: emails.into(),
            ..OrganizationInput::default()
        }
    }

    #[test]
    fn an_administration_needs_an_address() {
        let errors = check_organization(&administration("")).unwrap_err();
        assert!(
            errors
                .get("emails")
                .unwrap()
                .to_string()
                .contains("e-mailadresse")
        );
        let ok = check_organization(&administration("okf@kk.dk,\nsekr@kk.dk; OKF@kk.dk")).unwrap();
        assert_eq!(ok.name, "Økonomiforvaltningen");
        let emails: Vec<&str> = ok.emails.iter().map(EmailAddress::as_str).collect();
        assert_eq!(emails, ["okf@kk.dk", "sekr@kk.dk"]);
    }

    #[test]
    fn every_field_reports_its_own_problem() {
        let errors = check_organization(&OrganizationInput {
            kind: "senate".into(),
            name: " ".into(),
            short_name: "X".repeat(SHORT_NAME_MAX_CHARS + 1),
            emails: "not an address".into(),
            parent: "abc".into(),
            website: "no spaces allowed".into(),
            language: "de".into(),
        })
        .unwrap_err();
        for field in [
            "kind",
            "name",
            "short_name",
            "emails",
            "parent",
            "website",
            "language",
        ] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn websites_get_a_scheme() {
        assert_eq!(
            check_website("www.kl.dk").unwrap().as_deref(),
            Some("https://www.kl.dk")
        );
        assert_eq!(
            check_website("http://kk.dk/x").unwrap().as_deref(),
            Some("http://kk.dk/x")
        );
        assert_eq!(check_website(" ").unwrap(), None);
        assert!(check_website("localhost").is_err());
        assert!(check_website("https://.dk").is_err());
    }

    #[test]
    fn too_many_addresses_are_refused() {
        let many: Vec<String> = (0..=EMAILS_MAX).map(|i| format!("a{i}@kk.dk")).collect();
        assert!(parse_emails(&many.join(",")).is_err());
    }

    fn membership(start: &str, end: &str) -> MembershipInput {
        MembershipInput {
            person: "1".into(),
            organization: "2".into(),
            role: "member".into(),
            party: "3".into(),
            start_date: start.into(),
            end_date: end.into(),
            position: String::new(),
        }
    }

    #[test]
    fn a_membership_cannot_end_before_it_starts() {
        let errors = check_membership(&membership("01.01.2026", "31.12.2025")).unwrap_err();
        assert!(
            errors
                .get("end_date")
                .unwrap()
                .to_string()
                .contains("slutte")
        );
        let same_day = check_membership(&membership("01.01.2026", "2026-01-01")).unwrap();
        assert_eq!(same_day.end_date, Some(d(2026, 1, 1)));
    }

    #[test]
    fn only_substitutes_have_a_place_in_the_order() {
        let mut input = membership("01.01.2026", "");
        input.position = "2".into();
        assert!(
            check_membership(&input)
                .unwrap_err()
                .get("position")
                .is_some()
        );
        input.role = "substitute".into();
        assert_eq!(check_membership(&input).unwrap().position, Some(2));
        input.position = "0".into();
        assert!(check_membership(&input).is_err());
    }

    #[test]
    fn overlap_counts_the_last_day() {
        let jan = (d(2026, 1, 1), Some(d(2026, 1, 31)));
        assert!(periods_overlap(jan, (d(2026, 1, 31), None)));
        assert!(!periods_overlap(jan, (d(2026, 2, 1), None)));
        assert!(periods_overlap(
            (d(2020, 1, 1), None),
            (d(2030, 1, 1), None)
        ));
        assert!(!periods_overlap((d(2026, 2, 1), None), jan));
        assert!(periods_overlap(jan, (d(2025, 1, 1), Some(d(2026, 1, 1)))));
    }

    #[test]
    fn a_new_period_ends_the_old_seats_the_day_before() {
        assert_eq!(last_day_before(d(2026, 1, 1)), d(2025, 12, 31));
        let (name, start) = check_period(&PeriodInput {
            name: String::new(),
            start_date: "01.01.2026".into(),
        })
        .unwrap();
        assert_eq!((name.as_str(), start), ("2026–2029", d(2026, 1, 1)));
        assert!(check_period(&PeriodInput::default()).is_err());
        let far = PeriodInput {
            name: String::new(),
            start_date: "01.01.9999".into(),
        };
        assert!(
            check_period(&far).is_err(),
            "outside the years both databases keep"
        );
    }

    #[test]
    fn persons_are_checked() {
        let errors = check_person(&PersonInput {
            name: String::new(),
            title: String::new(),
            email: "x@".into(),
        })
        .unwrap_err();
        assert!(errors.get("name").is_some() && errors.get("email").is_some());
        let ok = check_person(&PersonInput {
            name: " Anna   Dahl ".into(),
            title: String::new(),
            email: String::new(),
        })
        .unwrap();
        assert_eq!(
            (ok.name.as_str(), ok.title, ok.email),
            ("Anna Dahl", None, None)
        );
    }
}
