//! The proposal workflow in the database, on both backends: versions, version checks, the
//! state rules and the case register under concurrent acceptance.

use agendum::db::workflow::{self, CaseChoice, DraftUpdate, NewDraft};
use agendum::db::{accounts, proposals};
use agendum::domain::account::Actor;
use agendum::domain::language::Lang;
use agendum::domain::proposal::{ProposalStatus, ProposalText, check_text};
use agendum::domain::{BodyId, CaseReference, OrganizationId, ProposalId};
use agendum::error::ErrorKind;
use agendum::service::proposals::{self as service, FormValues};

use crate::helpers::{Backend, database, on_both_backends};

on_both_backends!(
    drafts_keep_every_version_and_refuse_stale_saves,
    the_log_says_who_drafted_and_edited,
    case_numbers_are_unique_under_concurrent_acceptance,
    steps_out_of_order_are_refused,
);

fn text(title: &str, clauses: &[&str]) -> ProposalText {
    let clauses: Vec<String> = clauses.iter().map(|c| (*c).to_owned()).collect();
    check_text(Lang::Da, title, "", &clauses, "Fordi.").unwrap()
}

fn politician(db: &agendum::db::Db) -> (Actor, agendum::db::accounts::Account) {
    let (account, _) = accounts::by_email(&mut db.conn().unwrap(), "politiker@example.org")
        .unwrap()
        .unwrap();
    (Actor::user(account.id, &account.name), account)
}

pub(crate) fn draft(db: &agendum::db::Db, title: &str) -> ProposalId {
    let (actor, account) = politician(db);
    workflow::create_draft(
        &mut db.conn().unwrap(),
        &actor,
        &NewDraft {
            body_id: BodyId(1),
            organization_id: OrganizationId(1),
            text: &text(title, &["at noget sker."]),
            submitting_party_id: None,
            proposer: account.person_id,
            cosigners: &[],
            target_meeting_id: None,
            cases: &[],
            created_by: account.id,
        },
    )
    .unwrap()
}

async fn drafts_keep_every_version_and_refuse_stale_saves(backend: Backend) {
    let Some((db, _guard)) = database(backend, true) else {
        return;
    };
    let (actor, _) = politician(&db);
    let id = draft(&db, "Medlemsforslag om A");
    let mut conn = db.conn().unwrap();
    let lock = proposals::get(&mut conn, id).unwrap().unwrap().lock_version;
    let second = text("Medlemsforslag om A", &["at noget sker.", "at mere sker."]);
    fn update(t: &ProposalText) -> DraftUpdate<'_> {
        DraftUpdate {
            organization_id: OrganizationId(1),
            text: t,
            submitting_party_id: None,
            cosigners: &[],
            target_meeting_id: None,
            cases: &[],
        }
    }
    workflow::update_draft(&mut conn, &actor, id, lock, &update(&second)).unwrap();
    // A save based on the old version is refused, and changes nothing.
    let stale = text("Medlemsforslag om B", &["at andet sker."]);
    let err = workflow::update_draft(&mut conn, &actor, id, lock, &update(&stale)).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Conflict);
    let now = proposals::get(&mut conn, id).unwrap().unwrap();
    assert_eq!(now.title, "Medlemsforslag om A");
    assert_eq!(now.clauses.len(), 2);
    // Saving the same text again is not a new version.
    workflow::update_draft(&mut conn, &actor, id, now.lock_version, &update(&second)).unwrap();
    let versions = workflow::versions(&mut conn, id).unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0].text.clauses, vec!["at noget sker."]);
    assert_eq!(versions[1].text, second);
}

/// The service logs what the drafts above do: created, then one edit per new version (saving
/// the same text again is no event).
async fn the_log_says_who_drafted_and_edited(backend: Backend) {
    let Some((db, _guard)) = database(backend, true) else {
        return;
    };
    let (actor, account) = politician(&db);
    let person = account.person_id.expect("the politician is a person");
    let mut conn = db.conn().unwrap();
    let values = |clauses: &[&str], lock: Option<i32>| FormValues {
        title: "Medlemsforslag om A".into(),
        opening: String::new(),
        clauses: clauses.iter().map(|c| (*c).to_owned()).collect(),
        motivation: "Fordi.".into(),
        party: None,
        cosigners: Vec::new(),
        meeting: None,
        cases: String::new(),
        lock,
    };
    let now = chrono::Utc::now();
    let first = values(&["at noget sker."], None);
    let id = service::create_draft(&mut conn, &actor, account.id, person, &first, "", now)
        .unwrap()
        .unwrap_or_else(|refused| panic!("{:?}", refused.errors));
    let second = values(&["at noget sker.", "at mere sker."], None);
    for _ in 0..2 {
        let lock = proposals::get(&mut conn, id).unwrap().unwrap().lock_version;
        service::update_draft(&mut conn, &actor, id, lock, person, &second, "", now)
            .unwrap()
            .unwrap_or_else(|refused| panic!("{:?}", refused.errors));
    }
    let events = agendum::db::audit::for_subject(&mut conn, workflow::PROPOSAL.with(id)).unwrap();
    let actions: Vec<&str> = events.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, vec!["proposal.created", "proposal.edited"]);
    assert_eq!(events[1].actor, "Maja Lund Holm");
}

async fn steps_out_of_order_are_refused(backend: Backend) {
    let Some((db, _guard)) = database(backend, true) else {
        return;
    };
    let (actor, _) = politician(&db);
    let id = draft(&db, "Medlemsforslag om C");
    let mut conn = db.conn().unwrap();
    let checklist = serde_json::json!({});
    // A draft cannot be returned or accepted.
    let err = workflow::return_to_author(&mut conn, &actor, id, &checklist, "Nej").unwrap_err();
    assert_eq!(err.kind, ErrorKind::Conflict);
    assert!(
        err.message.to_string().contains("kan ikke sendes retur"),
        "{}",
        err.message
    );
    let none = CaseChoice {
        assign_new: true,
        existing: &[],
    };
    assert!(workflow::accept(&mut conn, &actor, id, &checklist, &none, None, 2026).is_err());
    let lock = proposals::get(&mut conn, id).unwrap().unwrap().lock_version;
    let late = workflow::submit(&mut conn, id, lock, None, chrono::Utc::now())
        .unwrap()
        .late;
    assert!(!late);
    // Submitted: no longer the author's to edit, and not twice.
    let lock = proposals::get(&mut conn, id).unwrap().unwrap().lock_version;
    assert!(workflow::submit(&mut conn, id, lock, None, chrono::Utc::now()).is_err());
    let t = text("Medlemsforslag om D", &["at d."]);
    let update = DraftUpdate {
        organization_id: OrganizationId(1),
        text: &t,
        submitting_party_id: None,
        cosigners: &[],
        target_meeting_id: None,
        cases: &[],
    };
    assert_eq!(
        workflow::update_draft(&mut conn, &actor, id, lock, &update)
            .unwrap_err()
            .kind,
        ErrorKind::Conflict
    );
    workflow::return_to_author(&mut conn, &actor, id, &checklist, "Ret punkt 1.").unwrap();
    assert_eq!(
        proposals::get(&mut conn, id).unwrap().unwrap().status,
        ProposalStatus::Returned
    );
    // Accepting requires a case number.
    let lock = proposals::get(&mut conn, id).unwrap().unwrap().lock_version;
    workflow::submit(&mut conn, id, lock, None, chrono::Utc::now()).unwrap();
    let nothing = CaseChoice {
        assign_new: false,
        existing: &[],
    };
    let err =
        workflow::accept(&mut conn, &actor, id, &checklist, &nothing, None, 2026).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Invalid);
    assert_eq!(
        proposals::get(&mut conn, id).unwrap().unwrap().status,
        ProposalStatus::Submitted,
        "nothing changed"
    );
    let existing = [CaseReference::parse("2025-0124174").unwrap()];
    let linked = CaseChoice {
        assign_new: true,
        existing: &existing,
    };
    let (_, refs) =
        workflow::accept(&mut conn, &actor, id, &checklist, &linked, None, 2026).unwrap();
    assert_eq!(refs.len(), 2);
    assert_eq!(refs[0].to_string(), "2025-0124174");
    assert_eq!(refs[1].to_string(), "2026-0000001");
    let stored = proposals::get(&mut conn, id).unwrap().unwrap();
    assert_eq!(stored.cases, refs);
    assert!(
        workflow::withdraw(&mut conn, id).is_err(),
        "accepted: too late"
    );
}

async fn case_numbers_are_unique_under_concurrent_acceptance(backend: Backend) {
    let Some((db, _guard)) = database(backend, true) else {
        return;
    };
    let (actor, _) = politician(&db);
    let ids: Vec<ProposalId> = (0..16)
        .map(|n| {
            let id = draft(&db, &format!("Medlemsforslag nr. {n}"));
            let mut conn = db.conn().unwrap();
            let lock = proposals::get(&mut conn, id).unwrap().unwrap().lock_version;
            workflow::submit(&mut conn, id, lock, None, chrono::Utc::now()).unwrap();
            id
        })
        .collect();
    let handles: Vec<_> = ids
        .iter()
        .map(|id| {
            let (db, actor, id) = (db.clone(), actor.clone(), *id);
            std::thread::spawn(move || {
                let mut conn = db.conn().unwrap();
                let choice = CaseChoice {
                    assign_new: true,
                    existing: &[],
                };
                workflow::accept(
                    &mut conn,
                    &actor,
                    id,
                    &serde_json::json!({}),
                    &choice,
                    None,
                    2025,
                )
                .unwrap()
            })
        })
        .collect();
    let mut numbers: Vec<String> = handles
        .into_iter()
        .map(|h| h.join().unwrap().1[0].to_string())
        .collect();
    numbers.sort();
    // The demo's 2025-0124174 is the highest number of 2025: the register continues after it.
    let expected: Vec<String> = (0..16)
        .map(|n| format!("2025-{:07}", 124_175 + n))
        .collect();
    assert_eq!(numbers, expected);
}
