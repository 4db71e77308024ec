//! Decisions and follow-up over the JSON API, on both backends: the decision text, the task
//! suggestions for the seed proposal, and decisions that do not add up.

use serde_json::{Value, json};

use crate::helpers::{Backend, TestApp, api_call, api_token, on_both_backends, spawn_app};

on_both_backends!(
    the_seed_decision_gives_the_seed_tasks,
    decisions_that_do_not_add_up_are_refused,
    a_referred_proposal_goes_to_the_committee,
    confirmed_tasks_are_mailed_to_every_administration,
    tasks_that_do_not_fit_the_decision_are_refused,
    administrations_answer_through_their_links,
    answer_links_are_checked,
    reminders_go_out_once_each_also_after_a_restart,
);

/// The demo's seed meeting (Borgerrepræsentationen, 30.04.2025) and its proposal.
const SEED_MEETING: i64 = 1;

/// The names in a list of organizations, sorted.
fn names(list: &Value) -> Vec<String> {
    let mut names: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

fn every_administration() -> Vec<String> {
    let mut all: Vec<String> = ADMINISTRATIONS.iter().map(|s| (*s).to_owned()).collect();
    all.sort();
    all
}

/// Every administration but the lead: the lead answers for itself.
fn every_administration_but(lead: &str) -> Vec<String> {
    let mut all = every_administration();
    all.retain(|name| name != lead);
    all
}

const ADMINISTRATIONS: [&str; 7] = [
    "Økonomiforvaltningen",
    "Børne- og Ungdomsforvaltningen",
    "Kultur- og Fritidsforvaltningen",
    "Sundheds- og Omsorgsforvaltningen",
    "Socialforvaltningen",
    "Teknik- og Miljøforvaltningen",
    "Beskæftigelses- og Integrationsforvaltningen",
];

pub(crate) fn adopted() -> Value {
    json!({
        "outcome": "adopted",
        "votes": { "for": 34, "against": 15, "for_by": ["A", "B", "F", "Ø"], "against_by": ["C", "O", "V"] },
    })
}

async fn the_seed_decision_gives_the_seed_tasks(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = api_token(&app, "sekretariat@example.org");
    let (item, proposal) = app.seed_item();
    let (item, proposal) = (item.0, proposal.0);
    let path = format!("/api/v1/agenda-items/{item}/task-suggestions");

    // No decision yet: nothing to suggest.
    let (status, body) =
        api_call(&app, reqwest::Method::GET, &path, Some(&secretariat), None).await;
    assert_eq!(status, 409, "{body}");

    let (status, decision) = api_call(
        &app,
        reqwest::Method::POST,
        &format!("/api/v1/agenda-items/{item}/decision"),
        Some(&secretariat),
        Some(adopted()),
    )
    .await;
    assert_eq!(status, 201, "{decision}");
    assert_eq!(
        decision["text"],
        "Medlemsforslaget blev tiltrådt med 34 stemmer imod 15. For stemte: A, B, F og Ø. Imod stemte: C, O og V."
    );
    assert_eq!(decision["text_edited"], false);

    let (status, body) =
        api_call(&app, reqwest::Method::GET, &path, Some(&secretariat), None).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["decided_on"], "2025-04-30");
    assert_eq!(body["adopted_clauses"], json!([1, 2, 3]));
    let suggestions = body["suggestions"].as_array().unwrap();

    // Clause 1: lead Økonomiforvaltningen, contributions from every administration, deadline
    // 30.06.2025, answer to Økonomiudvalget.
    let first: Vec<&Value> = suggestions.iter().filter(|s| s["clause"] == 1).collect();
    assert_eq!(first.len(), 1, "{body:#}");
    assert_eq!(first[0]["lead"]["name"], "Økonomiforvaltningen");
    assert_eq!(first[0]["lead_phrase"], "Økonomiforvaltningen");
    assert_eq!(
        names(&first[0]["contributors"]),
        every_administration_but("Økonomiforvaltningen")
    );
    assert_eq!(first[0]["contributors"][0]["phrase"], "alle forvaltninger");
    assert_eq!(first[0]["deadline"], "2025-06-30");
    assert_eq!(first[0]["deadline_phrase"], "inden udgangen af juni måned");
    assert_eq!(first[0]["answer_to"]["name"], "Økonomiudvalget");

    // Clause 2: every administration closes its own profiles (one task each), no date given.
    let second: Vec<&Value> = suggestions.iter().filter(|s| s["clause"] == 2).collect();
    let leads = Value::Array(second.iter().map(|s| s["lead"].clone()).collect());
    assert_eq!(names(&leads), every_administration());
    assert!(
        second
            .iter()
            .all(|s| s["assignment"] == "each_administration"
                && s["contributors"] == json!([])
                && s["deadline"].is_null()
                && s["deadline_reading"] == "not_stated")
    );

    // Clause 3: lead Økonomiforvaltningen, contributions from every administration.
    let third: Vec<&Value> = suggestions.iter().filter(|s| s["clause"] == 3).collect();
    assert_eq!(third.len(), 1);
    assert_eq!(third[0]["lead"]["name"], "Økonomiforvaltningen");
    assert_eq!(
        names(&third[0]["contributors"]),
        every_administration_but("Økonomiforvaltningen")
    );
    assert!(third[0]["answer_to"].is_null());

    // The proposal is decided; the meeting counts as held.
    let (_, p) = api_call(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/proposals/{proposal}"),
        Some(&secretariat),
        None,
    )
    .await;
    assert_eq!(p["status"], "decided");
    let meeting =
        agendum::db::meetings::get(&mut app.conn(), agendum::domain::MeetingId(SEED_MEETING))
            .unwrap()
            .unwrap();
    assert_eq!(meeting.status.as_str(), "held");

    // A correction replaces the decision; the secretariat's own wording is kept as written.
    let mut corrected = adopted();
    corrected["text"] = json!("Medlemsforslaget blev tiltrådt.");
    let (status, decision) = api_call(
        &app,
        reqwest::Method::POST,
        &format!("/api/v1/agenda-items/{item}/decision"),
        Some(&secretariat),
        Some(corrected),
    )
    .await;
    assert_eq!(status, 200, "{decision}");
    assert_eq!(decision["text"], "Medlemsforslaget blev tiltrådt.");
    assert_eq!(decision["text_edited"], true);

    // Rejected: nothing to follow up.
    let (status, _) = api_call(
        &app,
        reqwest::Method::POST,
        &format!("/api/v1/agenda-items/{item}/decision"),
        Some(&secretariat),
        Some(json!({ "outcome": "rejected", "votes": { "for": 15, "against": 34 } })),
    )
    .await;
    assert_eq!(status, 200);
    let (_, body) = api_call(&app, reqwest::Method::GET, &path, Some(&secretariat), None).await;
    assert_eq!(body["suggestions"], json!([]));
}

async fn decisions_that_do_not_add_up_are_refused(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = api_token(&app, "sekretariat@example.org");
    let politician = api_token(&app, "politiker@example.org");
    let (item, _) = app.seed_item();
    let item = item.0;
    let path = format!("/api/v1/agenda-items/{item}/decision");
    let post = |token: Option<String>, body: Value| {
        let app = &app;
        let path = path.clone();
        async move {
            api_call(
                app,
                reqwest::Method::POST,
                &path,
                token.as_deref(),
                Some(body),
            )
            .await
        }
    };

    // Who may record.
    assert_eq!(post(None, adopted()).await.0, 401);
    assert_eq!(post(Some(politician.clone()), adopted()).await.0, 403);
    let (status, _) = api_call(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/agenda-items/{item}/task-suggestions"),
        Some(&politician),
        None,
    )
    .await;
    assert_eq!(status, 403);
    let (status, _) = api_call(
        &app,
        reqwest::Method::POST,
        "/api/v1/agenda-items/999999/decision",
        Some(&secretariat),
        Some(adopted()),
    )
    .await;
    assert_eq!(status, 404);

    // 51 of the council's 55 members present: 34 + 15 does not add up.
    {
        use agendum::db::decisions::{AttendanceEntry, set_attendance};
        use agendum::domain::meeting::AttendanceStatus;
        let mut conn = app.conn();
        let council =
            agendum::domain::OrganizationId(app.organization_id("Borgerrepræsentationen").0);
        let day = chrono::NaiveDate::from_ymd_opt(2025, 4, 30).unwrap();
        let members = agendum::db::organizations::members(&mut conn, council, day).unwrap();
        assert_eq!(members.len(), 55);
        let entries: Vec<AttendanceEntry> = members
            .iter()
            .enumerate()
            .map(|(i, m)| AttendanceEntry {
                person_id: m.person_id,
                status: if i < 51 {
                    AttendanceStatus::Present
                } else {
                    AttendanceStatus::Absent
                },
                substitute_for: None,
            })
            .collect();
        set_attendance(
            &mut conn,
            agendum::domain::MeetingId(SEED_MEETING),
            &entries,
        )
        .unwrap();
    }
    let refused: Vec<(Value, &str)> = vec![
        (adopted(), "giver 49, men der er 51 til stede"),
        (
            json!({ "outcome": "adopted", "votes": { "for": 34, "against": 17, "for_by": ["A"], "against_by": ["C"] },
                    "statements": [{ "kind": "dissent", "by": "A", "text": "Uenig." }] }),
            "A stemte ikke i mindretal",
        ),
        (
            json!({ "outcome": "adopted", "votes": { "for": 20, "against": 31 } }),
            "ikke flertal",
        ),
        (json!({ "outcome": "referred" }), "Vælg det udvalg"),
        (
            json!({ "outcome": "referred", "referred_to": app.organization_id("Socialforvaltningen").0 }),
            "findes ikke i kommunen",
        ),
        (
            json!({ "outcome": "adopted", "clauses": [{ "clause": 4, "outcome": "adopted" }] }),
            "ikke et 4. at-punkt",
        ),
    ];
    for (body, message) in refused {
        let (status, answer) = post(Some(secretariat.clone()), body.clone()).await;
        assert_eq!(status, 422, "{body}: {answer}");
        let said = answer["error"]["message"].as_str().unwrap_or_default();
        assert!(said.contains(message), "{body}: {said}");
    }
    // Malformed: a bad outcome or a typo in a field is a 400, not a guess.
    assert_eq!(
        post(Some(secretariat.clone()), json!({ "outcome": "accepted" }))
            .await
            .0,
        400
    );
    assert_eq!(
        post(
            Some(secretariat.clone()),
            json!({ "outcome": "adopted", "votes": { "for": 1, "againts": 0 } })
        )
        .await
        .0,
        400
    );
    // Nothing was recorded.
    assert!(
        agendum::db::decisions::decision_of(&mut app.conn(), agendum::domain::AgendaItemId(item))
            .unwrap()
            .is_none()
    );
    // With the counts right, it is.
    let (status, body) = post(
        Some(secretariat.clone()),
        json!({ "outcome": "adopted", "votes": { "for": 34, "against": 15, "abstain": 2,
                "for_by": ["A", "B", "F", "Ø"], "against_by": ["C", "O", "V"], "abstain_by": ["I"] },
                "statements": [{ "kind": "dissent", "by": "V", "text": "Vi er imod." }] }),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert!(
        body["text"]
            .as_str()
            .unwrap()
            .ends_with("Afvigende mening fra V: »Vi er imod.«")
    );
}

async fn a_referred_proposal_goes_to_the_committee(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = api_token(&app, "sekretariat@example.org");
    let (item, proposal) = app.seed_item();
    let (item, proposal) = (item.0, proposal.0);
    let committee = app.organization_id("Økonomiudvalget").0;
    let consulted = app.organization_id("Teknik- og Miljøudvalget").0;
    let (status, body) = api_call(
        &app,
        reqwest::Method::POST,
        &format!("/api/v1/agenda-items/{item}/decision"),
        Some(&secretariat),
        Some(json!({ "outcome": "referred", "referred_to": committee, "consulted": [consulted] })),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(
        body["text"],
        "Medlemsforslaget blev henvist til Økonomiudvalget med høring af Teknik- og Miljøudvalget."
    );
    assert_eq!(body["referred_to"]["name"], "Økonomiudvalget");

    // The proposal is offered on the committee's next meeting's agenda.
    let mut conn = app.conn();
    let next = agendum::db::meetings::upcoming_of(
        &mut conn,
        &[agendum::domain::OrganizationId(committee)],
        chrono::Utc::now(),
        1,
    )
    .unwrap()
    .first()
    .expect("the demo has an upcoming committee meeting")
    .id;
    let offered = agendum::db::agenda::offered_proposals(&mut conn, next).unwrap();
    let offer = offered
        .iter()
        .find(|o| o.proposal_id.0 == proposal)
        .expect("the referred proposal is offered");
    assert_eq!(offer.target, Some(next));
    // On the committee's draft agenda, the public is not told it is "på dagsordenen": that
    // agenda is not released.
    agendum::db::agenda::add_proposal(&mut conn, next, agendum::domain::ProposalId(proposal))
        .unwrap();
    drop(conn);
    let page = app.get_text(&format!("/proposals/{proposal}"), 200).await;
    let text = crate::helpers::text_of(&page);
    assert!(text.contains("Status Afventer ny behandling"), "{text}");
}

/// Every queued mail about task `task`, loaded whole.
pub(crate) fn task_mails(app: &TestApp, task: i64) -> Vec<agendum::db::outbox::StoredMessage> {
    let mut conn = app.conn();
    let (all, _) = agendum::db::outbox::list(&mut conn, None, 0, 1000).unwrap();
    let ids: Vec<agendum::domain::MessageId> = all
        .iter()
        .filter(|m| m.concerns == Some(("task".to_owned(), task)))
        .map(|m| m.id)
        .collect();
    agendum::db::outbox::load(&mut conn, &ids).unwrap()
}

fn outbox_size(app: &TestApp) -> i64 {
    agendum::db::outbox::list(&mut app.conn(), None, 0, 1)
        .unwrap()
        .1
}

/// Records the seed decision and returns the item and clause 1's suggestion.
pub(crate) async fn decided_seed(app: &TestApp, secretariat: &str) -> (i64, Value) {
    let (item, _) = app.seed_item();
    let item = item.0;
    let (status, _) = api_call(
        app,
        reqwest::Method::POST,
        &format!("/api/v1/agenda-items/{item}/decision"),
        Some(secretariat),
        Some(adopted()),
    )
    .await;
    assert_eq!(status, 201);
    (item, suggestion(app, secretariat, item, 1).await)
}

/// The first task suggestion for clause `clause` of a decided item.
async fn suggestion(app: &TestApp, secretariat: &str, item: i64, clause: i64) -> Value {
    let (_, body) = api_call(
        app,
        reqwest::Method::GET,
        &format!("/api/v1/agenda-items/{item}/task-suggestions"),
        Some(secretariat),
        None,
    )
    .await;
    body["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["clause"] == clause)
        .unwrap_or_else(|| panic!("a suggestion for clause {clause}: {body}"))
        .clone()
}

/// The suggestion as the secretariat confirms it, unchanged.
pub(crate) fn confirmation(item: i64, s: &Value) -> Value {
    json!({
        "agenda_item_id": item,
        "clause": s["clause"],
        "lead": s["lead"]["id"],
        "contributors": s["contributors"].as_array().unwrap().iter().map(|c| c["id"].clone()).collect::<Vec<_>>(),
        "deadline": s["deadline"],
        "answer_to": s["answer_to"]["id"],
    })
}

async fn confirmed_tasks_are_mailed_to_every_administration(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = api_token(&app, "sekretariat@example.org");
    let (item, suggestion) = decided_seed(&app, &secretariat).await;
    let (status, task) = api_call(
        &app,
        reqwest::Method::POST,
        "/api/v1/tasks",
        Some(&secretariat),
        Some(confirmation(item, &suggestion)),
    )
    .await;
    assert_eq!(status, 201, "{task}");
    assert_eq!(task["status"], "sent");
    assert_eq!(task["deadline"], "2025-06-30");
    assert_eq!(task["lead"]["name"], "Økonomiforvaltningen");
    assert_eq!(task["answer_to"]["name"], "Økonomiudvalget");
    // Every other administration contributes; the lead answers for itself.
    assert_eq!(task["contributors"].as_array().unwrap().len(), 6);
    // The deadline has passed (the seed meeting was in 2025) and nothing is answered.
    assert_eq!(task["overdue"], true);
    let id = task["id"].as_i64().unwrap();

    // One mail to the lead and one to each contributor, each with its own link.
    let mails = task_mails(&app, id);
    assert_eq!(mails.len(), 7);
    let lead: Vec<_> = mails
        .iter()
        .filter(|m| m.subject == "Opgave til Økonomiforvaltningen: svar senest 30.06.2025")
        .collect();
    assert_eq!(
        lead.len(),
        1,
        "{:?}",
        mails.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
    assert_eq!(lead[0].to[0].email, "okf@forvaltning.example.org");
    let text = &lead[0].text;
    assert!(
        text.contains("Medlemsforslaget blev tiltrådt med 34 stemmer imod 15."),
        "{text}"
    );
    assert!(text.contains("Oversigten forelægges Økonomiudvalget inden udgangen af juni måned"));
    assert!(text.contains("Frist: 30. juni 2025"));
    assert!(text.contains("Svaret forelægges Økonomiudvalget."));
    let mut tokens = Vec::new();
    for mail in &mails {
        let link = mail
            .text
            .split_whitespace()
            .find(|w| w.contains("/tasks/answer/"))
            .unwrap_or_else(|| panic!("an answer link in {}", mail.subject));
        let token = link.rsplit('/').next().unwrap().to_owned();
        assert_eq!(token.len(), 64, "256 bits as hex: {link}");
        assert!(token.chars().all(|c| c.is_ascii_hexdigit()));
        tokens.push(token);
        // The deadline as a calendar file: an all-day event and a to-do, due on the day.
        let ics = mail
            .attachments
            .iter()
            .find(|a| a.filename == "frist.ics")
            .expect("the deadline is attached");
        assert!(ics.content_type.starts_with("text/calendar"));
        let lines = agendum::domain::ical::unfold(std::str::from_utf8(&ics.content).unwrap());
        for expected in [
            "BEGIN:VEVENT",
            "DTSTART;VALUE=DATE:20250630",
            "DTEND;VALUE=DATE:20250701",
            "BEGIN:VTODO",
            "DUE;VALUE=DATE:20250630",
        ] {
            assert!(
                lines.iter().any(|l| l == expected),
                "{expected} in {lines:?}"
            );
        }
    }
    tokens.sort();
    tokens.dedup();
    assert_eq!(tokens.len(), 7, "every mail its own link");
    // Stored hashed only.
    {
        use agendum::db::schema::task_tokens;
        use diesel::prelude::*;
        let stored: Vec<String> = task_tokens::table
            .filter(task_tokens::task_id.eq(id))
            .select(task_tokens::token_hash)
            .load(&mut app.conn())
            .unwrap();
        assert_eq!(stored.len(), 7);
        for t in &tokens {
            assert!(!stored.contains(t));
            assert!(stored.contains(&agendum::auth::secret_hash(t)));
        }
    }
    let contribution_subjects: Vec<&str> = mails
        .iter()
        .filter(|m| m.subject.starts_with("Bidrag fra "))
        .map(|m| m.subject.as_str())
        .collect();
    assert_eq!(contribution_subjects.len(), 6);
    assert!(contribution_subjects.contains(
        &"Bidrag fra Teknik- og Miljøforvaltningen til Økonomiforvaltningen: svar senest 30.06.2025"
    ));

    // The proposal is in follow-up.
    let (_, p) = api_call(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/proposals/{}", task["proposal_id"]),
        Some(&secretariat),
        None,
    )
    .await;
    assert_eq!(p["status"], "in_follow_up");

    // Who may read it: the secretariat, and staff of an administration on the task.
    let okf = api_token(&app, "okf@example.org");
    let politician = api_token(&app, "politiker@example.org");
    let path = format!("/api/v1/tasks/{id}");
    assert_eq!(
        api_call(&app, reqwest::Method::GET, &path, Some(&secretariat), None)
            .await
            .0,
        200
    );
    assert_eq!(
        api_call(&app, reqwest::Method::GET, &path, Some(&okf), None)
            .await
            .0,
        200
    );
    assert_eq!(
        api_call(&app, reqwest::Method::GET, &path, Some(&politician), None)
            .await
            .0,
        404
    );
    assert_eq!(
        api_call(&app, reqwest::Method::GET, &path, None, None)
            .await
            .0,
        401
    );
    let (status, list) = api_call(
        &app,
        reqwest::Method::GET,
        "/api/v1/tasks",
        Some(&okf),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(list["data"][0]["id"], id);
    assert_eq!(
        api_call(
            &app,
            reqwest::Method::GET,
            "/api/v1/tasks",
            Some(&politician),
            None
        )
        .await
        .0,
        403
    );
}

async fn tasks_that_do_not_fit_the_decision_are_refused(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = api_token(&app, "sekretariat@example.org");
    let (item, suggestion) = decided_seed(&app, &secretariat).await;
    let good = confirmation(item, &suggestion);
    let with = |key: &str, value: Value| {
        let mut v = good.clone();
        v[key] = value;
        v
    };
    let before = outbox_size(&app);
    let refused = [
        (
            with("deadline", json!("2025-04-01")),
            422,
            "ligger før mødet",
        ),
        (with("deadline", Value::Null), 422, "Angiv en frist"),
        (
            with("lead", json!(app.organization_id("KL").0)),
            422,
            "kommunens egne forvaltninger",
        ),
        (
            with("lead", json!(app.organization_id("Økonomiudvalget").0)),
            422,
            "kommunens egne forvaltninger",
        ),
        (
            with("clause", json!(4)),
            422,
            "4. at-punkt er ikke tiltrådt",
        ),
        (
            with(
                "answer_to",
                json!(app.organization_id("Socialforvaltningen").0),
            ),
            422,
            "forelægges kommunalbestyrelsen",
        ),
        (
            with(
                "contributors",
                json!([app.organization_id("Økonomiforvaltningen").0]),
            ),
            422,
            "er den ansvarlige forvaltning og kan ikke også være bidragyder",
        ),
        (with("agenda_item_id", json!(999_999)), 404, "findes ikke"),
    ];
    for (body, status, message) in refused {
        let (got, answer) = api_call(
            &app,
            reqwest::Method::POST,
            "/api/v1/tasks",
            Some(&secretariat),
            Some(body.clone()),
        )
        .await;
        assert_eq!(got, status, "{body}: {answer}");
        let said = answer["error"]["message"].as_str().unwrap_or_default();
        assert!(said.contains(message), "{body}: {said}");
    }
    assert_eq!(outbox_size(&app), before, "nothing was mailed");
    let (_, stored) = agendum::db::tasks::page(
        &mut app.conn(),
        &agendum::db::tasks::TaskFilter::default(),
        agendum::domain::time::today(),
        0,
        1,
    )
    .unwrap();
    assert_eq!(stored, 0, "nothing was stored");
    // The politician may not confirm tasks.
    let politician = api_token(&app, "politiker@example.org");
    assert_eq!(
        api_call(
            &app,
            reqwest::Method::POST,
            "/api/v1/tasks",
            Some(&politician),
            Some(good.clone())
        )
        .await
        .0,
        403
    );
    // Confirmed once; the same task twice is refused.
    assert_eq!(
        api_call(
            &app,
            reqwest::Method::POST,
            "/api/v1/tasks",
            Some(&secretariat),
            Some(good.clone())
        )
        .await
        .0,
        201
    );
    let (status, answer) = api_call(
        &app,
        reqwest::Method::POST,
        "/api/v1/tasks",
        Some(&secretariat),
        Some(good),
    )
    .await;
    assert_eq!(status, 409, "{answer}");
    // With a task sent, the decision cannot be corrected so that its clause falls; a new
    // wording is fine, and the proposal stays in follow-up.
    let decision = format!("/api/v1/agenda-items/{item}/decision");
    let (status, answer) = api_call(
        &app,
        reqwest::Method::POST,
        &decision,
        Some(&secretariat),
        Some(json!({ "outcome": "rejected", "votes": { "for": 15, "against": 34 } })),
    )
    .await;
    assert_eq!(status, 409, "{answer}");
    assert!(
        answer["error"]["message"]
            .as_str()
            .unwrap()
            .contains("1. at-punkt")
    );
    let mut reworded = adopted();
    reworded["text"] = json!("Medlemsforslaget blev tiltrådt.");
    let (status, answer) = api_call(
        &app,
        reqwest::Method::POST,
        &decision,
        Some(&secretariat),
        Some(reworded),
    )
    .await;
    assert_eq!(status, 200, "{answer}");
    let (_, item_json) = api_call(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/meetings/{SEED_MEETING}"),
        None,
        None,
    )
    .await;
    let proposal = item_json["agenda"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "member_proposal")
        .unwrap()["proposal"]["id"]
        .clone();
    let (_, p) = api_call(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/proposals/{proposal}"),
        Some(&secretariat),
        None,
    )
    .await;
    assert_eq!(p["status"], "in_follow_up");
}

/// Confirms clause `clause`'s suggestion and returns the task id and the answer link path of
/// each recipient, by address.
pub(crate) async fn confirmed(
    app: &TestApp,
    secretariat: &str,
    item: i64,
    clause: i64,
) -> (i64, Vec<(String, String)>) {
    let suggested = suggestion(app, secretariat, item, clause).await;
    let mut confirm = confirmation(item, &suggested);
    if confirm["deadline"].is_null() {
        confirm["deadline"] = json!("2025-09-01");
    }
    let (status, task) = api_call(
        app,
        reqwest::Method::POST,
        "/api/v1/tasks",
        Some(secretariat),
        Some(confirm),
    )
    .await;
    assert_eq!(status, 201, "{task}");
    let id = task["id"].as_i64().unwrap();
    let links = task_mails(app, id)
        .iter()
        .map(|m| {
            let link = m
                .text
                .split_whitespace()
                .find(|w| w.contains("/tasks/answer/"))
                .unwrap();
            (
                m.to[0].email.clone(),
                link[link.find("/tasks/answer/").unwrap()..].to_owned(),
            )
        })
        .collect();
    (id, links)
}

pub(crate) fn link_for<'a>(links: &'a [(String, String)], address: &str) -> &'a str {
    &links
        .iter()
        .find(|(to, _)| to == address)
        .unwrap_or_else(|| panic!("a mail to {address}"))
        .1
}

async fn task_state(app: &TestApp, secretariat: &str, id: i64) -> Value {
    api_call(
        app,
        reqwest::Method::GET,
        &format!("/api/v1/tasks/{id}"),
        Some(secretariat),
        None,
    )
    .await
    .1
}

/// GET a link's page in a browser-like client; (status, body).
pub(crate) async fn open_link(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
) -> (u16, String) {
    let r = client.get(app.url(path)).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn post_link(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    fields: &[(&str, &str)],
) -> (u16, String) {
    // The page's form token; a page without a form (an answered task) gives none, and then
    // the browser's form token from another page stands in, as a hand-made request would.
    let (_, page) = open_link(app, client, path).await;
    let csrf = match crate::helpers::csrf_of(&page) {
        Some(csrf) => csrf,
        None => crate::helpers::form_token(app, client).await,
    };
    let mut form: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
    form.extend_from_slice(fields);
    let r = client.post(app.url(path)).form(&form).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// Sends an answer (or a contribution) through a link.
async fn answer_via(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    answer: &str,
    by: &str,
) -> (u16, String) {
    let fields = [
        ("action", "answer"),
        ("answer", answer),
        ("answered_by", by),
    ];
    post_link(app, client, path, &fields).await
}

/// Asks for more time through a link.
async fn more_time_via(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    date: &str,
    reason: &str,
) -> (u16, String) {
    let fields = [
        ("action", "more_time"),
        ("proposed_deadline", date),
        ("reason", reason),
    ];
    post_link(app, client, path, &fields).await
}

async fn administrations_answer_through_their_links(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = api_token(&app, "sekretariat@example.org");
    let (item, _) = decided_seed(&app, &secretariat).await;
    let (id, links) = confirmed(&app, &secretariat, item, 1).await;
    let lead = link_for(&links, "okf@forvaltning.example.org");
    let tmf = link_for(&links, "tmf@forvaltning.example.org");
    let client = app.browser();

    // The contributor's page: who asks, the decision, the clause; no referrer leaves the page.
    let response = client.get(app.url(tmf)).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["referrer-policy"], "same-origin");
    let page = response.text().await.unwrap();
    assert!(page.contains("Bidrag fra Teknik- og Miljøforvaltningen til Økonomiforvaltningen"));
    assert!(page.contains("Medlemsforslaget blev tiltrådt med 34 stemmer imod 15."));
    assert!(page.contains("30. juni 2025"));
    let state = task_state(&app, &secretariat, id).await;
    let tmf_state = |state: &Value| {
        state["contributors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["organization"]["name"] == "Teknik- og Miljøforvaltningen")
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(tmf_state(&state), "seen");
    assert_eq!(state["status"], "sent", "the lead has not opened its link");

    // Without the form's token nothing is taken.
    let r = client
        .post(app.url(tmf))
        .form(&[("action", "answer"), ("answer", "x"), ("answered_by", "y")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    // An empty answer is refused, and what was typed is kept.
    let (status, body) = answer_via(&app, &client, tmf, " ", "Jens Hansen, TMF").await;
    assert_eq!(status, 422);
    assert!(body.contains("Skriv svaret.") && body.contains("Jens Hansen, TMF"));
    assert_eq!(tmf_state(&task_state(&app, &secretariat, id).await), "seen");
    // The contribution.
    let (status, body) = answer_via(
        &app,
        &client,
        tmf,
        "TMF har én profil på X, @kbhteknik.",
        "Jens Hansen, TMF",
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Tak. Jeres bidrag er sendt"));
    let state = task_state(&app, &secretariat, id).await;
    assert_eq!(tmf_state(&state), "answered");
    assert_eq!(state["status"], "in_progress");

    // The lead sees the contribution, asks for more time, then answers.
    let (status, page) = open_link(&app, &client, lead).await;
    assert_eq!(status, 200);
    assert!(page.contains("Opgave til Økonomiforvaltningen"));
    assert!(page.contains("TMF har én profil på X, @kbhteknik."));
    assert_eq!(
        task_state(&app, &secretariat, id).await["status"],
        "in_progress",
        "opening does not move it back"
    );
    let (status, body) = more_time_via(&app, &client, lead, "2025-06-01", "Ferie").await;
    assert_eq!(status, 422);
    assert!(body.contains("efter den nuværende"));
    let (status, _) = more_time_via(&app, &client, lead, "2025-08-31", "Sommerferie").await;
    assert_eq!(status, 200);
    let task = agendum::db::tasks::get(&mut app.conn(), agendum::domain::TaskId(id))
        .unwrap()
        .unwrap();
    assert_eq!(
        task.proposed_deadline,
        chrono::NaiveDate::from_ymd_opt(2025, 8, 31)
    );
    assert_eq!(
        task.deadline,
        chrono::NaiveDate::from_ymd_opt(2025, 6, 30),
        "the secretariat decides"
    );
    // The secretariat accepts it: the deadline moves, the lead and the contributors still to
    // answer are told, with the calendar entry replaced (a higher SEQUENCE).
    let before = task_mails(&app, id).len();
    let path = format!("/api/v1/tasks/{id}");
    let (status, answer) = api_call(
        &app,
        reqwest::Method::PATCH,
        &path,
        Some(&secretariat),
        Some(json!({ "status": "answered" })),
    )
    .await;
    assert_eq!(status, 422, "{answer}");
    let (status, answer) = api_call(
        &app,
        reqwest::Method::PATCH,
        &path,
        Some(&secretariat),
        Some(json!({ "lock_version": 0, "accept_proposed_deadline": true })),
    )
    .await;
    assert_eq!(status, 409, "a stale version: {answer}");
    let lock = task_state(&app, &secretariat, id).await["lock_version"].clone();
    let (status, moved) = api_call(
        &app,
        reqwest::Method::PATCH,
        &path,
        Some(&secretariat),
        Some(json!({ "lock_version": lock, "accept_proposed_deadline": true })),
    )
    .await;
    assert_eq!(status, 200, "{moved}");
    assert_eq!(moved["deadline"], "2025-08-31");
    assert!(moved["proposed_deadline"].is_null());
    let mails = task_mails(&app, id);
    let moved_mails: Vec<_> = mails[before..].iter().collect();
    assert_eq!(
        moved_mails.len(),
        6,
        "the lead and the five still to answer"
    );
    assert!(
        moved_mails
            .iter()
            .all(|m| m.subject == "Ny frist for opgave til Økonomiforvaltningen: 31.08.2025")
    );
    assert!(
        !moved_mails
            .iter()
            .any(|m| m.to[0].email == "tmf@forvaltning.example.org")
    );
    let ics = &moved_mails[0].attachments[0];
    let lines = agendum::domain::ical::unfold(std::str::from_utf8(&ics.content).unwrap());
    assert!(lines.iter().any(|l| l == "DTSTART;VALUE=DATE:20250831"));
    let sequence: u32 = lines
        .iter()
        .find_map(|l| l.strip_prefix("SEQUENCE:"))
        .unwrap()
        .parse()
        .unwrap();
    assert!(sequence > 0);
    let (status, body) = answer_via(
        &app,
        &client,
        lead,
        "Samlet oversigt: syv forvaltninger, fire profiler.",
        "Lene Friis, ØKF",
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let state = task_state(&app, &secretariat, id).await;
    assert_eq!(state["status"], "answered");
    // Answered is answered: neither the lead nor a contributor can change it through a link.
    let (status, body) = answer_via(&app, &client, lead, "Nyt svar", "Lene Friis").await;
    assert_eq!(status, 409);
    assert!(body.contains("allerede besvaret"));
    let (status, _) = answer_via(&app, &client, tmf, "Rettet", "Jens").await;
    assert_eq!(status, 409);
    let task = agendum::db::tasks::get(&mut app.conn(), agendum::domain::TaskId(id))
        .unwrap()
        .unwrap();
    assert_eq!(
        task.answer.as_deref(),
        Some("Samlet oversigt: syv forvaltninger, fire profiler.")
    );
    // A contributor cannot ask for a new deadline; that is the lead's to ask.
    let (status, _) = more_time_via(&app, &client, tmf, "2025-12-31", "x").await;
    assert_eq!(status, 400);
}

async fn answer_links_are_checked(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = api_token(&app, "sekretariat@example.org");
    let (item, _) = decided_seed(&app, &secretariat).await;
    let (first, first_links) = confirmed(&app, &secretariat, item, 1).await;
    let (third, third_links) = confirmed(&app, &secretariat, item, 3).await;
    let client = app.browser();

    // Wrong links, also with a good form token.
    let unknown = format!("/tasks/answer/{}", "ab".repeat(32));
    assert_eq!(open_link(&app, &client, &unknown).await.0, 404);
    assert_eq!(open_link(&app, &client, "/tasks/answer/abc").await.0, 404);
    let (_, page) = open_link(
        &app,
        &client,
        link_for(&first_links, "sof@forvaltning.example.org"),
    )
    .await;
    let good_csrf = crate::helpers::csrf_of(&page).unwrap();
    let r = client
        .post(app.url(&unknown))
        .form(&[
            ("csrf", good_csrf.as_str()),
            ("action", "answer"),
            ("answer", "x"),
            ("answered_by", "y"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 404);

    // Another task's link answers that task only.
    let third_lead = link_for(&third_links, "okf@forvaltning.example.org");
    let (status, _) = answer_via(&app, &client, third_lead, "Svar på 3. at-punkt", "ØKF").await;
    assert_eq!(status, 200);
    assert_eq!(
        task_state(&app, &secretariat, third).await["status"],
        "answered"
    );
    assert_eq!(
        task_state(&app, &secretariat, first).await["status"],
        "sent"
    );

    // Revoked: a clear message, and nothing can be sent with it.
    let first_lead = link_for(&first_links, "okf@forvaltning.example.org").to_owned();
    let csrf = {
        let (_, page) = open_link(&app, &client, &first_lead).await;
        crate::helpers::csrf_of(&page).unwrap()
    };
    let (status, revoked) = api_call(
        &app,
        reqwest::Method::PATCH,
        &format!("/api/v1/tasks/{first}"),
        Some(&secretariat),
        Some(json!({ "revoke_links": true })),
    )
    .await;
    assert_eq!(status, 200, "{revoked}");
    let (status, body) = open_link(&app, &client, &first_lead).await;
    assert_eq!(status, 410);
    assert!(body.contains("trukket tilbage"), "{body}");
    let r = client
        .post(app.url(&first_lead))
        .form(&[
            ("csrf", csrf.as_str()),
            ("action", "answer"),
            ("answer", "for sent"),
            ("answered_by", "x"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 410);
    assert!(
        agendum::db::tasks::get(&mut app.conn(), agendum::domain::TaskId(first))
            .unwrap()
            .unwrap()
            .answer
            .is_none()
    );

    // Expired: after the deadline and the grace period.
    {
        use agendum::db::schema::task_tokens;
        use diesel::prelude::*;
        diesel::update(task_tokens::table.filter(task_tokens::task_id.eq(third)))
            .set(
                task_tokens::expires_at
                    .eq(chrono::Utc::now().naive_utc() - chrono::Duration::minutes(1)),
            )
            .execute(&mut app.conn())
            .unwrap();
    }
    let tmf = link_for(&third_links, "tmf@forvaltning.example.org");
    let (status, body) = open_link(&app, &client, tmf).await;
    assert_eq!(status, 410);
    assert!(body.contains("udløbet"));
    // Closing a task ends it, once.
    let path = format!("/api/v1/tasks/{third}");
    let closing = json!({ "status": "closed" });
    let (status, closed) = api_call(
        &app,
        reqwest::Method::PATCH,
        &path,
        Some(&secretariat),
        Some(closing.clone()),
    )
    .await;
    assert_eq!(status, 200, "{closed}");
    assert_eq!(closed["status"], "closed");
    let (status, _) = api_call(
        &app,
        reqwest::Method::PATCH,
        &path,
        Some(&secretariat),
        Some(closing),
    )
    .await;
    assert_eq!(status, 409);

    // Links run until 30 days after the deadline, or after the day the task was sent when
    // that is later.
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2025, m, d).unwrap();
    assert_eq!(
        agendum::db::tasks::link_expiry(day(6, 30), day(5, 2)),
        day(7, 31).and_hms_opt(0, 0, 0).unwrap()
    );
    assert_eq!(
        agendum::db::tasks::link_expiry(day(6, 30), day(8, 1)),
        day(9, 1).and_hms_opt(0, 0, 0).unwrap()
    );
}

async fn reminders_go_out_once_each_also_after_a_restart(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = api_token(&app, "sekretariat@example.org");
    let (item, _) = decided_seed(&app, &secretariat).await;
    // Clause 1 due in ten days, sent a month ago; clause 3 answered already.
    let today = agendum::domain::time::today();
    let (first, _) = confirmed(&app, &secretariat, item, 1).await;
    let (third, third_links) = confirmed(&app, &secretariat, item, 3).await;
    for (task, deadline) in [
        (first, today + chrono::Duration::days(10)),
        (third, today + chrono::Duration::days(1)),
    ] {
        use agendum::db::schema::tasks;
        use diesel::prelude::*;
        diesel::update(tasks::table.find(task))
            .set((
                tasks::deadline.eq(deadline),
                tasks::sent_at.eq(chrono::Utc::now().naive_utc() - chrono::Duration::days(30)),
            ))
            .execute(&mut app.conn())
            .unwrap();
    }
    let client = app.browser();
    let lead = link_for(&third_links, "okf@forvaltning.example.org");
    let (status, _) = answer_via(&app, &client, lead, "Svar", "ØKF").await;
    assert_eq!(status, 200);

    let settings = agendum::config::Settings::default();
    let run = |day: chrono::NaiveDate| {
        let mut conn = app.conn();
        agendum::mail::tasks::send_due_reminders(&mut conn, &settings, day).unwrap()
    };
    let reminders = |task: i64| {
        task_mails(&app, task)
            .into_iter()
            .filter(|m| {
                m.subject.starts_with("Påmindelse")
                    || m.subject.starts_with("Fristen er overskredet")
                    || m.subject.starts_with("Overskredet frist")
            })
            .collect::<Vec<_>>()
    };
    // Nothing is due today (ten days before); the answered task gets nothing, ever.
    assert_eq!(run(today), 0);
    // Seven days before: the lead and the six contributors.
    let day = |n: i64| today + chrono::Duration::days(n);
    assert_eq!(run(day(3)), 7);
    assert_eq!(run(day(3)), 0, "once");
    // A restart: a new pool on the same database finds them sent.
    let restarted = agendum::db::Db::connect(app.db.url()).unwrap();
    assert_eq!(
        agendum::mail::tasks::send_due_reminders(&mut restarted.conn().unwrap(), &settings, day(4))
            .unwrap(),
        0
    );
    // One day before, then after the deadline: the escalation also goes to the secretariat.
    assert_eq!(run(day(9)), 7);
    assert_eq!(run(day(11)), 8);
    assert_eq!(run(day(12)), 0);
    let sent = reminders(first);
    assert_eq!(sent.len(), 22);
    assert_eq!(
        sent.iter()
            .filter(|m| m.subject.starts_with("Påmindelse"))
            .count(),
        14
    );
    let escalation: Vec<_> = sent
        .iter()
        .filter(|m| m.subject.starts_with("Overskredet frist"))
        .collect();
    assert_eq!(escalation.len(), 1);
    assert_eq!(escalation[0].to[0].email, "sekretariat@example.org");
    assert!(
        escalation[0]
            .text
            .contains("Økonomiforvaltningen har ansvaret og har ikke svaret.")
    );
    assert!(
        reminders(third).is_empty(),
        "an answered task is not reminded"
    );
    // The reminder's words.
    let lead = sent
        .iter()
        .find(|m| {
            m.to[0].email == "okf@forvaltning.example.org" && m.subject.starts_with("Påmindelse")
        })
        .unwrap();
    assert!(lead.text.contains("Om 7 dage"), "{}", lead.text);
}
