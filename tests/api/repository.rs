//! The database layer on both backends, without HTTP.

use agendum::db::agenda::{self, NewAgendaItem, ReleaseState};
use agendum::db::organizations::{self as orgs, OrganizationRecord};
use agendum::db::{self, cases, meetings, proposals};
use agendum::demo;
use agendum::domain::agenda::{AgendaItemKind, ReleasedStanding};
use agendum::domain::language::Lang;
use agendum::domain::meeting::{MeetingKind, MeetingStatus};
use agendum::domain::organization::{MembershipRole, OrganizationKind};
use agendum::domain::proposal::ProposalStatus;
use agendum::domain::{AgendaItemId, BodyId, CaseReference, MeetingId, OrganizationId, ProposalId};
use agendum::error::ErrorKind;
use chrono::Utc;
use diesel::prelude::*;

use crate::helpers::{Backend, database, on_both_backends, release_before_meeting};

on_both_backends!(
    migrations_are_idempotent_and_demo_loads_once,
    demo_has_the_council_committees_and_administrations,
    case_references_are_unique,
    release_is_all_or_nothing,
    released_agenda_is_frozen,
    foreign_keys_are_enforced,
    administrations_need_an_email_address,
    listings_say_what_each_proposal_says,
);

async fn migrations_are_idempotent_and_demo_loads_once(backend: Backend) {
    let Some((db, _guard)) = database(backend, true) else {
        return;
    };
    assert!(db.migrate().unwrap().is_empty(), "nothing left to apply");
    let err = demo::load(&mut db.conn().unwrap(), agendum::domain::time::today()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Conflict);
    assert!(!db::is_empty(&mut db.conn().unwrap()).unwrap());
}

async fn demo_has_the_council_committees_and_administrations(backend: Backend) {
    let Some((db, _guard)) = database(backend, true) else {
        return;
    };
    let mut conn = db.conn().unwrap();
    let all = orgs::list(&mut conn).unwrap();
    let of = |kind| all.iter().filter(|o| o.kind == kind).collect::<Vec<_>>();
    assert_eq!(of(OrganizationKind::Council).len(), 1);
    assert_eq!(of(OrganizationKind::Committee).len(), 7);
    assert_eq!(of(OrganizationKind::Party).len(), 10);
    let administrations = of(OrganizationKind::Administration);
    assert_eq!(administrations.len(), 7);
    assert!(
        administrations
            .iter()
            .all(|a| a.email.as_deref().is_some_and(|e| e.contains('@')))
    );
    let okf = administrations
        .iter()
        .find(|a| a.name == "Økonomiforvaltningen")
        .unwrap();
    assert_eq!(okf.short_name.as_deref(), Some("ØKF"));

    let members =
        orgs::members(&mut conn, OrganizationId(1), agendum::domain::time::today()).unwrap();
    assert_eq!(members.len(), 55);
    assert_eq!(members[0].role, MembershipRole::Chair);
    let maja = members
        .iter()
        .find(|m| m.name == demo::DEMO_POLITICIAN)
        .unwrap();
    assert_eq!(maja.party_short_name.as_deref(), Some("Ø"));

    let proposal = proposals::get(&mut conn, ProposalId(1)).unwrap().unwrap();
    assert_eq!(proposal.title, demo::SEED_TITLE);
    assert_eq!(
        proposal.clauses,
        demo::SEED_CLAUSES.map(String::from).to_vec()
    );
    assert_eq!(
        proposal.cases,
        vec![CaseReference::parse("2025-0124174").unwrap()]
    );
    assert_eq!(proposal.status, ProposalStatus::OnAgenda);
    assert_eq!(
        proposal.submitted_by(Lang::Da).as_deref(),
        Some("Stillet af Enhedslisten")
    );

    let seed = meetings::get(&mut conn, MeetingId(1)).unwrap().unwrap();
    assert_eq!(seed.status, MeetingStatus::AgendaReleased);
    assert_eq!(
        agendum::domain::time::datetime_da(seed.starts_at),
        "30.04.2025, kl. 17:30"
    );
    let upcoming = meetings::upcoming(&mut conn, OrganizationId(1), Utc::now(), 5).unwrap();
    assert_eq!(upcoming.len(), 1, "one upcoming council meeting");
}

async fn case_references_are_unique(backend: Backend) {
    let Some((db, _guard)) = database(backend, true) else {
        return;
    };
    let mut conn = db.conn().unwrap();
    let reference = CaseReference::parse("2025-0124174").unwrap();
    let err = cases::insert(&mut conn, BodyId(1), &reference, "Igen").unwrap_err();
    assert_eq!(err.kind, ErrorKind::Conflict);
    assert!(err.message.to_string().contains("2025-0124174"));
    let other = CaseReference::parse("2025-0124175").unwrap();
    cases::insert(&mut conn, BodyId(1), &other, "Ny").unwrap();
    assert_eq!(
        cases::by_reference(&mut conn, &other)
            .unwrap()
            .unwrap()
            .title,
        "Ny"
    );
}

fn plan_meeting(conn: &mut db::DbConnection) -> MeetingId {
    meetings::insert(
        conn,
        &meetings::NewMeeting {
            organization_id: OrganizationId(1),
            kind: MeetingKind::Regular,
            starts_at: Utc::now() + chrono::Duration::days(30),
            ends_at: None,
            location: "Mødesal",
        },
    )
    .unwrap()
}

fn item<'a>(meeting: MeetingId, number: &'a str, public: bool) -> NewAgendaItem<'a> {
    NewAgendaItem {
        number: Some(number),
        ..NewAgendaItem::plain(meeting, "Et punkt", AgendaItemKind::Other, public)
    }
}

async fn release_is_all_or_nothing(backend: Backend) {
    let Some((db, _guard)) = database(backend, true) else {
        return;
    };
    let mut conn = db.conn().unwrap();
    let meeting = plan_meeting(&mut conn);
    let err = release_before_meeting(&mut conn, meeting).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Invalid);
    assert_eq!(err.message.to_string(), "Dagsordenen har ingen punkter.");
    // Closed items are put after the open ones as they are added; typed-in numbers may clash.
    agenda::append_item(&mut conn, &item(meeting, "1", false)).unwrap();
    agenda::append_item(&mut conn, &item(meeting, "1", true)).unwrap();
    let publics: Vec<bool> = agenda::working_items(&mut conn, meeting)
        .unwrap()
        .iter()
        .map(|i| i.public)
        .collect();
    assert_eq!(publics, [true, false]);
    let err = release_before_meeting(&mut conn, meeting).unwrap_err();
    assert!(
        err.message
            .to_string()
            .contains("»1« står mere end én gang"),
        "{}",
        err.message
    );
    // Nothing was released half-way.
    assert_eq!(
        agenda::release_state(&mut conn, meeting).unwrap(),
        ReleaseState::Unreleased
    );
    assert_eq!(
        meetings::get(&mut conn, meeting).unwrap().unwrap().status,
        MeetingStatus::Planned
    );
    assert_eq!(
        agenda::release_state(&mut conn, MeetingId(424242)).unwrap(),
        ReleaseState::Missing
    );
}

async fn released_agenda_is_frozen(backend: Backend) {
    let Some((db, _guard)) = database(backend, true) else {
        return;
    };
    let mut conn = db.conn().unwrap();
    // Editing the proposal after release leaves version 1 as it was.
    {
        use agendum::db::schema::proposal_clauses::dsl::*;
        diesel::update(
            proposal_clauses
                .filter(proposal_id.eq(1))
                .filter(position.eq(1)),
        )
        .set(text.eq("at noget helt andet"))
        .execute(&mut *conn)
        .unwrap();
    }
    let v1 = agenda::released(&mut conn, MeetingId(1), None)
        .unwrap()
        .unwrap();
    assert_eq!(v1.version, 1);
    assert_eq!(
        v1.snapshot.items[0].proposal.as_ref().unwrap().clauses[0],
        demo::SEED_CLAUSES[0]
    );
    let version = release_before_meeting(&mut conn, MeetingId(1))
        .unwrap()
        .version;
    assert_eq!(version, 2);
    let v2 = agenda::released(&mut conn, MeetingId(1), None)
        .unwrap()
        .unwrap();
    assert_eq!(
        v2.snapshot.items[0].proposal.as_ref().unwrap().clauses[0],
        "at noget helt andet"
    );
    let v1_again = agenda::released(&mut conn, MeetingId(1), Some(1))
        .unwrap()
        .unwrap();
    assert_eq!(v1_again, v1);
    assert_eq!(v1_again.snapshot.items[0].id, AgendaItemId(1));
}

async fn foreign_keys_are_enforced(backend: Backend) {
    let Some((db, _guard)) = database(backend, true) else {
        return;
    };
    let mut conn = db.conn().unwrap();
    let err = agenda::append_item(&mut conn, &item(MeetingId(987654), "1", true)).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Internal);
    assert!(
        err.chain().to_lowercase().contains("foreign key"),
        "{}",
        err.chain()
    );
}

async fn administrations_need_an_email_address(backend: Backend) {
    let Some((db, _guard)) = database(backend, true) else {
        return;
    };
    let mut conn = db.conn().unwrap();
    let err = orgs::insert_organization(
        &mut conn,
        &OrganizationRecord {
            body_id: BodyId(1),
            kind: OrganizationKind::Administration,
            name: "Ny forvaltning",
            short_name: None,
            emails: &[],
            parent_id: None,
            website: None,
            language: None,
        },
    )
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::BadRequest);
}

/// The batched listing of many proposals says of each what loading it alone says: who
/// submitted it, its cases, how it stands on the released agendas.
async fn listings_say_what_each_proposal_says(backend: Backend) {
    let Some((db, _guard)) = database(backend, true) else {
        return;
    };
    let mut conn = db.conn().unwrap();
    // A proposal with a party, submitters and two cases, on a closed item of an agenda.
    let meeting = plan_meeting(&mut conn);
    let party = orgs::list(&mut conn)
        .unwrap()
        .into_iter()
        .find(|o| o.kind == OrganizationKind::Party)
        .unwrap();
    let cases: Vec<_> = ["2026-0000901", "2026-0000902"]
        .iter()
        .map(|r| {
            cases::insert(
                &mut conn,
                BodyId(1),
                &CaseReference::parse(r).unwrap(),
                "Sag",
            )
            .unwrap()
        })
        .collect();
    let persons = orgs::persons_of_body(&mut conn, BodyId(1)).unwrap();
    let closed = proposals::insert(
        &mut conn,
        &proposals::NewProposal {
            body_id: BodyId(1),
            organization_id: OrganizationId(1),
            title: "Medlemsforslag om noget lukket",
            opening: "Det foreslås,",
            clauses: &["at noget sker.".to_owned()],
            motivation: "Fordi.",
            status: ProposalStatus::Accepted,
            submitting_party_id: Some(party.id),
            submitters: &[
                (
                    persons[0].0,
                    agendum::domain::proposal::SubmitterRole::Proposer,
                ),
                (
                    persons[1].0,
                    agendum::domain::proposal::SubmitterRole::Cosigner,
                ),
            ],
            cases: &cases,
            target_meeting_id: Some(meeting),
            submitted_at: None,
        },
    )
    .unwrap();
    agenda::append_item(
        &mut conn,
        &NewAgendaItem {
            proposal_id: Some(closed),
            ..NewAgendaItem::plain(
                meeting,
                "Lukket punkt",
                AgendaItemKind::MemberProposal,
                false,
            )
        },
    )
    .unwrap();
    // Only a release decides: on the working agenda it is not yet anything.
    assert_eq!(
        proposals::released_standing(&mut conn, closed).unwrap(),
        ReleasedStanding::NotReleased
    );
    release_before_meeting(&mut conn, meeting).unwrap();
    let ids: Vec<ProposalId> = {
        use agendum::db::schema::proposals::dsl::*;
        proposals
            .select(id)
            .load::<i64>(&mut conn)
            .unwrap()
            .into_iter()
            .map(ProposalId)
            .collect()
    };
    assert!(ids.len() >= 2 && ids.contains(&closed));
    let listings = proposals::listings(&mut conn, &ids).unwrap();
    for id in ids {
        let one = proposals::get(&mut conn, id).unwrap().unwrap();
        let listed = &listings[&id];
        assert_eq!(
            listed.submitted_by(Lang::Da),
            one.submitted_by(Lang::Da),
            "{id:?}"
        );
        assert_eq!(listed.cases, one.cases, "{id:?}");
        assert_eq!(
            listed.standing,
            proposals::released_standing(&mut conn, id).unwrap(),
            "{id:?}"
        );
    }
    assert_eq!(listings[&closed].standing, ReleasedStanding::Closed);
    assert_eq!(listings[&closed].cases.len(), 2);
}

/// The two backends' migrations are kept in step: the same versions, and after migrating the
/// same tables with the same columns and the same indexes (by name).
#[test]
fn sqlite_and_postgres_migrations_are_in_step() {
    use std::collections::BTreeSet;

    let versions = |backend: &str| -> BTreeSet<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("migrations")
            .join(backend);
        std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    assert_eq!(versions("sqlite"), versions("postgres"));

    #[derive(QueryableByName)]
    struct Name {
        #[diesel(sql_type = diesel::sql_types::Text)]
        name: String,
    }
    let names = |conn: &mut db::DbConnection, sql: &str| -> BTreeSet<String> {
        diesel::sql_query(sql)
            .load::<Name>(conn)
            .unwrap()
            .into_iter()
            .map(|n| n.name)
            .collect()
    };

    let Some((sqlite, _s)) = database(Backend::Sqlite, false) else {
        return;
    };
    let Some((postgres, _p)) = database(Backend::Postgres, false) else {
        return;
    };
    let sqlite_columns = names(
        &mut sqlite.conn().unwrap(),
        "SELECT m.name || '.' || c.name AS name FROM sqlite_master m, pragma_table_info(m.name) c \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE 'search_index%'",
    );
    // The one difference on purpose: the search terms are an FTS5 table (search_index and its
    // shadow tables) on SQLite, a tsvector column under a GIN index on PostgreSQL.
    let search_terms = |mut names: BTreeSet<String>, name: &str| {
        assert!(names.remove(name), "{name} is missing");
        names
    };
    let postgres_columns = names(
        &mut postgres.conn().unwrap(),
        "SELECT table_name || '.' || column_name AS name FROM information_schema.columns \
         WHERE table_schema = current_schema()",
    );
    let postgres_columns = search_terms(postgres_columns, "search_documents.terms");
    assert!(sqlite_columns.len() > 50, "{sqlite_columns:?}");
    assert_eq!(
        sqlite_columns
            .difference(&postgres_columns)
            .collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "columns only on SQLite"
    );
    assert_eq!(
        postgres_columns
            .difference(&sqlite_columns)
            .collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "columns only on PostgreSQL"
    );

    // Named indexes (the implicit ones of keys and unique constraints are named differently).
    let sqlite_indexes = names(
        &mut sqlite.conn().unwrap(),
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
    );
    let postgres_indexes = names(
        &mut postgres.conn().unwrap(),
        "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() \
         AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key'",
    );
    let postgres_indexes = search_terms(postgres_indexes, "search_documents_terms");
    assert_eq!(sqlite_indexes, postgres_indexes, "indexes differ");

    let applied = |db: &agendum::db::Db| {
        names(
            &mut db.conn().unwrap(),
            "SELECT version AS name FROM __diesel_schema_migrations",
        )
    };
    assert_eq!(applied(&sqlite), applied(&postgres));
}
