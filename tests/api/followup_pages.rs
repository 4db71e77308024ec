//! The secretariat's pages for decisions and follow-up, on both backends: attendance with a
//! substitute, a decision typed in the form (and one that does not add up), task suggestions
//! confirmed and sent, the dashboard with its chart, and the actions on one task.

use chrono::{Days, NaiveDate};

use crate::helpers::{
    Backend, Session, TestApp, on_both_backends, spawn_app, spawn_app_configured, text_of,
};
use agendum::db::tasks;
use agendum::domain::AgendaItemId;

on_both_backends!(
    attendance_is_recorded_with_a_substitute,
    a_decision_and_its_tasks_are_recorded_from_the_pages,
    the_secretariat_acts_on_a_task_from_its_page,
    follow_up_pages_are_the_secretariats,
    administration_staff_answer_their_tasks_logged_in,
    an_answer_is_compiled_and_put_on_the_committees_agenda,
    the_proposal_shows_its_follow_up_to_whom_it_should,
    files_go_with_answers_and_contributions,
    who_may_do_what_in_follow_up,
    task_lists_are_paginated_and_filtered,
    a_file_too_large_keeps_the_typed_answer,
);

/// The demo's seed meeting and its member proposal item.
const SEED_MEETING: i64 = 1;

/// Økonomiudvalget's next meeting, where the seed's answers go.
fn committee_meeting(app: &TestApp) -> agendum::domain::MeetingId {
    let committee = app.organization_id("Økonomiudvalget").to_string();
    agendum::db::meetings::upcoming_of(
        &mut app.conn(),
        &[agendum::domain::OrganizationId(committee.parse().unwrap())],
        chrono::Utc::now(),
        1,
    )
    .unwrap()
    .remove(0)
    .id
}

/// The seed decision as the form sends it: 34 for, 15 against, nothing else filled in.
fn seed_decision(votes_for: &str) -> Vec<(&str, &str)> {
    let mut form = vec![
        ("outcome", "adopted"),
        ("votes_for", votes_for),
        ("votes_against", "15"),
        ("votes_abstain", ""),
        ("for_by", "A, B, F og Ø"),
        ("against_by", "C, O, V"),
        ("abstain_by", ""),
        ("referred_to", ""),
        ("text", ""),
    ];
    for _ in 0..3 {
        form.extend([
            ("clause_outcome", ""),
            ("clause_for", ""),
            ("clause_against", ""),
        ]);
    }
    form.extend([
        ("amendment_by", ""),
        ("amendment_text", ""),
        ("amendment_outcome", ""),
        ("amendment_for", ""),
        ("amendment_against", ""),
        ("statement_kind", "protocol_note"),
        ("statement_by", ""),
        ("statement_text", ""),
    ]);
    form
}

/// Records the seed decision through the form.
async fn decide(session: &Session, item: AgendaItemId) {
    let (status, _, body) = session
        .post(
            &format!("/secretariat/agenda-items/{item}/decision"),
            &seed_decision("34"),
        )
        .await
        .parts();
    assert_eq!(status, 303, "{body}");
}

/// Confirms clause 1's suggestion with the given deadline; returns the response.
/// The seed proposal decided and its clause 1 confirmed from the pages: the item and its task.
async fn seed_task(app: &TestApp, secretariat: &Session) -> (AgendaItemId, tasks::Task) {
    let item = app.seed_item().0;
    decide(secretariat, item).await;
    let (status, _, _) = confirm_clause_1(app, secretariat, item, "30.06.2025").await;
    assert_eq!(status, 303);
    let task = tasks::of_item(&mut app.conn(), item).unwrap().remove(0);
    (item, task)
}

async fn confirm_clause_1(
    app: &TestApp,
    session: &Session,
    item: AgendaItemId,
    deadline: &str,
) -> (u16, String, String) {
    let lead = app.organization_id("Økonomiforvaltningen").to_string();
    let tmf = app
        .organization_id("Teknik- og Miljøforvaltningen")
        .to_string();
    let kff = app
        .organization_id("Kultur- og Fritidsforvaltningen")
        .to_string();
    let answer_to = app.organization_id("Økonomiudvalget").to_string();
    session
        .post(
            &format!("/secretariat/agenda-items/{item}/tasks"),
            &[
                ("index", "0"),
                ("clause", "1"),
                ("lead", &lead),
                ("contributors", &tmf),
                ("contributors", &kff),
                ("deadline", deadline),
                ("answer_to", &answer_to),
                ("description", "Saml forvaltningernes svar om brugen af X."),
            ],
        )
        .await
        .parts()
}

async fn attendance_is_recorded_with_a_substitute(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let page = secretariat
        .get_text(
            &format!("/secretariat/meetings/{SEED_MEETING}/decisions"),
            200,
        )
        .await;
    assert!(page.contains("Fremmødet er ikke registreret"));
    let day = NaiveDate::from_ymd_opt(2025, 4, 30).unwrap();
    let council =
        agendum::db::meetings::get(&mut app.conn(), agendum::domain::MeetingId(SEED_MEETING))
            .unwrap()
            .unwrap()
            .organization_id;
    let members = agendum::db::organizations::members(&mut app.conn(), council, day).unwrap();
    assert_eq!(members.len(), 55);
    let persons: Vec<String> = members.iter().map(|m| m.person_id.to_string()).collect();
    // A substitute: a person of the body without a seat, offered on the page.
    let body = agendum::db::organizations::body_of(&mut app.conn(), council).unwrap();
    let substitute = agendum::db::organizations::persons_of_body(&mut app.conn(), body)
        .unwrap()
        .into_iter()
        .find(|(id, _)| !members.iter().any(|m| m.person_id == *id))
        .expect("the demo has substitutes");
    assert!(page.contains(&substitute.1));
    let substitute_id = substitute.0.to_string();
    let form = |absent: usize, substitute_for: Option<usize>| {
        let mut fields: Vec<(&str, &str)> = Vec::new();
        for (i, p) in persons.iter().enumerate() {
            fields.push(("person", p));
            fields.push(("status", if i < absent { "absent" } else { "present" }));
            fields.push((
                "substitute",
                if substitute_for == Some(i) {
                    &substitute_id
                } else {
                    ""
                },
            ));
        }
        fields
    };
    let path = format!("/secretariat/meetings/{SEED_MEETING}/attendance");
    // Seven absent, one of them replaced: 49 take part.
    let (status, _, body) = secretariat.post(&path, &form(7, Some(0))).await.parts();
    assert_eq!(status, 303, "{body}");
    let present = agendum::db::decisions::present_count(
        &mut app.conn(),
        agendum::domain::MeetingId(SEED_MEETING),
    )
    .unwrap();
    assert_eq!(present, Some(49));
    let page = secretariat
        .get_text(
            &format!("/secretariat/meetings/{SEED_MEETING}/decisions"),
            200,
        )
        .await;
    assert!(page.contains("49 deltager i mødet"));
    // A substitute for a member who is present is refused, and nothing changes.
    let (status, _, body) = secretariat.post(&path, &form(3, Some(10))).await.parts();
    assert_eq!(status, 422);
    assert!(body.contains("ingen stedfortræder"), "{body}");
    let present = agendum::db::decisions::present_count(
        &mut app.conn(),
        agendum::domain::MeetingId(SEED_MEETING),
    )
    .unwrap();
    assert_eq!(present, Some(49));

    // With 49 taking part, votes of 34 + 15 add up; 30 + 15 do not.
    let item = app.seed_item().0;
    let (status, _, body) = secretariat
        .post(
            &format!("/secretariat/agenda-items/{item}/decision"),
            &seed_decision("30"),
        )
        .await
        .parts();
    assert_eq!(status, 422);
    assert!(
        body.contains("49"),
        "the message names the attendance: {body}"
    );
    // What was typed is still in the form.
    assert!(body.contains("value=\"30\""));
    assert!(
        agendum::db::decisions::decision_of(&mut app.conn(), item)
            .unwrap()
            .is_none()
    );
    decide(&secretariat, item).await;
}

async fn a_decision_and_its_tasks_are_recorded_from_the_pages(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let meetings = secretariat.get_text("/secretariat/meetings", 200).await;
    assert!(meetings.contains(
        &format!("/secretariat/meetings/{SEED_MEETING}/decisions").replace('/', "&#x2F;")
    ));
    let item = app.seed_item().0;
    let path = format!("/secretariat/agenda-items/{item}/decision");
    let page = secretariat.get_text(&path, 200).await;
    assert!(page.contains("Registrér beslutningen"));
    assert!(
        !page.contains("Forslag til opgaver"),
        "no decision, no suggestions"
    );

    decide(&secretariat, item).await;
    let page = secretariat.get_text(&path, 200).await;
    assert!(page.contains(
        "Medlemsforslaget blev tiltrådt med 34 stemmer imod 15. For stemte: A, B, F og Ø. \
         Imod stemte: C, O og V."
    ));
    // The suggestions: clause 1 to Økonomiforvaltningen by 30.06.2025, answered to
    // Økonomiudvalget; clause 2 once per administration (seven), clause 3 once.
    assert_eq!(page.matches("class=\"suggestion\"").count(), 9, "{page}");
    assert!(page.contains("value=\"30.06.2025\""));
    assert!(page.contains("Læst af »inden udgangen af juni måned«."));
    // Each field says why: the lead and the contributors by the words that named them; the
    // lead is not among its own contributors.
    let first =
        &page[page.find("id=\"forslag-0\"").unwrap()..page.find("id=\"forslag-1\"").unwrap()];
    let first_text = text_of(first);
    assert!(
        first_text.contains("Læst af »Økonomiforvaltningen«."),
        "{first_text}"
    );
    assert!(
        first_text.contains("Teknik- og Miljøforvaltningen (læst af »alle forvaltninger«)"),
        "{first_text}"
    );
    assert!(
        !first_text.contains("Økonomiforvaltningen (læst af"),
        "{first_text}"
    );
    assert!(
        text_of(&page).contains("1. at-punkt: Økonomiforvaltningen – venter på at blive bekræftet")
    );
    // The form keeps the decision for a correction.
    assert!(page.contains("value=\"34\""));

    // An impossible date is refused at its suggestion; nothing is sent.
    let (status, _, body) = confirm_clause_1(&app, &secretariat, item, "31.02.2025").await;
    assert_eq!(status, 422);
    assert!(body.contains("»31.02.2025«"), "{body}");
    assert!(body.contains("Skrevet af sekretariatet."), "{body}");
    // The lead ticked as its own contributor is refused, at the suggestion.
    let lead = app.organization_id("Økonomiforvaltningen").to_string();
    let (status, _, body) = secretariat
        .post(
            &format!("/secretariat/agenda-items/{item}/tasks"),
            &[
                ("index", "0"),
                ("clause", "1"),
                ("lead", &lead),
                ("contributors", &lead),
                ("deadline", "30.06.2025"),
                ("description", "Saml svarene."),
            ],
        )
        .await
        .parts();
    assert_eq!(status, 422);
    assert!(
        body.contains("er den ansvarlige forvaltning og kan ikke også være bidragyder"),
        "{body}"
    );
    assert!(
        text_of(&body).contains("Økonomiforvaltningen (valgt af sekretariatet)"),
        "{body}"
    );
    assert!(tasks::of_item(&mut app.conn(), item).unwrap().is_empty());
    // A deadline before the meeting too.
    let (status, _, body) = confirm_clause_1(&app, &secretariat, item, "01.04.2025").await;
    assert_eq!(status, 422);
    assert!(body.contains("før mødet"), "{body}");
    assert!(tasks::of_item(&mut app.conn(), item).unwrap().is_empty());

    let (status, location, _) = confirm_clause_1(&app, &secretariat, item, "30.06.2025").await;
    assert_eq!(status, 303);
    let sent = tasks::of_item(&mut app.conn(), item).unwrap();
    assert_eq!(sent.len(), 1);
    let task = &sent[0];
    assert_eq!(task.lead.name, "Økonomiforvaltningen");
    assert_eq!(task.contributors.len(), 2);
    assert_eq!(task.deadline, NaiveDate::from_ymd_opt(2025, 6, 30));
    assert_eq!(
        task.description,
        "Saml forvaltningernes svar om brugen af X."
    );
    assert_eq!(task.answer_to.as_ref().unwrap().name, "Økonomiudvalget");
    let location = &location[location.find("/secretariat").unwrap()..];
    let notice = secretariat.notice_at(location).await;
    assert_eq!(
        notice,
        "Opgaven til 1. at-punkt er sendt til Økonomiforvaltningen (3 mails)."
    );
    let page = secretariat.get_text(location, 200).await;
    assert!(page.contains("1. at-punkt: sendt til Økonomiforvaltningen"));
    assert_eq!(page.matches("class=\"suggestion\"").count(), 9);
    // The mails are queued: the lead's and the two contributors'.
    let (messages, _) = agendum::db::outbox::list(&mut app.conn(), None, 0, 100).unwrap();
    let to_task = messages
        .iter()
        .filter(|m| m.concerns == Some(("task".to_owned(), task.id.0)))
        .count();
    assert_eq!(to_task, 3);
    // The same task twice is refused.
    let (status, _, body) = confirm_clause_1(&app, &secretariat, item, "30.06.2025").await;
    assert_eq!(status, 409, "{body}");

    // The dashboard: the task is overdue (its deadline has passed), in the chart and the table.
    let dashboard = secretariat.get_text("/secretariat/tasks", 200).await;
    assert!(dashboard.contains("<svg"));
    assert!(dashboard.contains("Økonomiforvaltningen: 1 overskreden"));
    assert!(dashboard.contains(&format!("&#x2F;secretariat&#x2F;tasks&#x2F;{}", task.id)));
    // Each row says where the task comes from: the proposal, its case, the meeting.
    let row = text_of(&dashboard[dashboard.find("<tbody>").unwrap()..]);
    for context in [
        "sociale medie",
        "2025-0124174",
        "Borgerrepræsentationen 30.04.2025, punkt",
    ] {
        assert!(row.contains(context), "{context}: {row}");
    }
    let filtered = secretariat
        .get_text("/secretariat/tasks?status=answered", 200)
        .await;
    assert!(filtered.contains("Ingen opgaver passer til valget."));
}

async fn the_secretariat_acts_on_a_task_from_its_page(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let (_, task) = seed_task(&app, &secretariat).await;
    let path = format!("/secretariat/tasks/{}", task.id);
    let page = secretariat.get_text(&path, 200).await;
    assert!(page.contains("fristen er overskredet"));
    assert!(page.contains("Teknik- og Miljøforvaltningen"));

    // A new deadline, two months from now.
    let new = chrono::Local::now()
        .date_naive()
        .checked_add_days(Days::new(60))
        .unwrap();
    let typed = new.format("%d.%m.%Y").to_string();
    let (status, location, body) = secretariat
        .post(
            &path,
            &[("action", "deadline"), ("deadline", &typed), ("lock", "0")],
        )
        .await
        .parts();
    assert_eq!(status, 303, "{body}");
    assert!(location.ends_with(&path), "{location}");
    let after = tasks::get(&mut app.conn(), task.id).unwrap().unwrap();
    assert_eq!(after.deadline, Some(new));
    assert!(
        secretariat
            .notice_at(&path)
            .await
            .contains("Fristen er flyttet")
    );
    let page = secretariat.get_text(&path, 200).await;
    assert!(!page.contains("fristen er overskredet"));

    // A change from a page older than that is refused.
    let (status, _, body) = secretariat
        .post(&path, &[("action", "close"), ("lock", "0")])
        .await
        .parts();
    assert_eq!(status, 409);
    assert!(body.contains("ændret, siden du hentede den"));

    // New links: every earlier one stops working.
    let before: Vec<String> = mails_with_links(&app, task.id);
    assert_eq!(before.len(), 3, "the links of the task's first mails");
    let (status, _, body) = secretariat
        .post(
            &path,
            &[
                ("action", "reissue"),
                ("lock", &after.lock_version.to_string()),
            ],
        )
        .await
        .parts();
    assert_eq!(status, 303, "{body}");
    let links = mails_with_links(&app, task.id);
    let (old, new_links): (Vec<&String>, Vec<&String>) =
        links.iter().partition(|l| before.contains(l));
    assert_eq!(new_links.len(), 3, "the lead and the two contributors");
    for link in old.iter().filter(|l| l.contains("/tasks/answer/")) {
        assert_eq!(app.get(link).await.status().as_u16(), 410, "{link}");
    }
    for link in &new_links {
        assert_eq!(app.get(link).await.status().as_u16(), 200, "{link}");
    }

    // Closing withdraws the links too.
    let lock = tasks::get(&mut app.conn(), task.id)
        .unwrap()
        .unwrap()
        .lock_version
        .to_string();
    let (status, _, _) = secretariat
        .post(&path, &[("action", "close"), ("lock", &lock)])
        .await
        .parts();
    assert_eq!(status, 303);
    let closed = tasks::get(&mut app.conn(), task.id).unwrap().unwrap();
    assert_eq!(closed.status.as_str(), "closed");
    for link in &new_links {
        assert_eq!(app.get(link).await.status().as_u16(), 410);
    }
    let page = secretariat.get_text(&path, 200).await;
    assert!(!page.contains("Send nye links"));
}

/// The answer links of the mails about a task, in the order they were queued.
fn mails_with_links(app: &TestApp, task: agendum::domain::TaskId) -> Vec<String> {
    let mut conn = app.conn();
    let (all, _) = agendum::db::outbox::list(&mut conn, None, 0, 1000).unwrap();
    let ids: Vec<agendum::domain::MessageId> = all
        .iter()
        .filter(|m| m.concerns == Some(("task".to_owned(), task.0)))
        .map(|m| m.id)
        .collect();
    let mut messages = agendum::db::outbox::load(&mut conn, &ids).unwrap();
    messages.sort_by_key(|m| m.id);
    messages
        .iter()
        .filter_map(|m| {
            m.text
                .split_whitespace()
                .find(|w| w.contains("/tasks/answer/"))
                .map(|w| w[w.find("/tasks/answer/").unwrap()..].to_owned())
        })
        .collect()
}

async fn follow_up_pages_are_the_secretariats(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let item = app.seed_item().0;
    let pages = [
        format!("/secretariat/meetings/{SEED_MEETING}/decisions"),
        format!("/secretariat/agenda-items/{item}/decision"),
        "/secretariat/tasks".to_owned(),
    ];
    for who in ["politiker@example.org", "okf@example.org"] {
        let session = app.login(who, "demo").await;
        for path in &pages {
            assert_eq!(
                session.get(path).await.status().as_u16(),
                403,
                "{who} {path}"
            );
        }
        let (status, _, _) = session
            .post(
                &format!("/secretariat/agenda-items/{item}/decision"),
                &seed_decision("34"),
            )
            .await
            .parts();
        assert_eq!(status, 403, "{who} may not record a decision");
    }
    for path in &pages {
        let status = app
            .browser()
            .get(app.url(path))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        assert!(status == 303 || status == 401, "anonymous {path}: {status}");
    }
    assert!(
        agendum::db::decisions::decision_of(&mut app.conn(), item)
            .unwrap()
            .is_none()
    );
    // An item that is on no released agenda has no decision page.
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    assert_eq!(
        secretariat
            .get("/secretariat/agenda-items/999999/decision")
            .await
            .status()
            .as_u16(),
        404
    );
    assert_eq!(
        secretariat
            .get("/secretariat/tasks/999999")
            .await
            .status()
            .as_u16(),
        404
    );
}

/// A staff account of `administration` (password "demo-staff-pass").
pub(crate) fn add_staff(app: &TestApp, email: &str, administration: &str) {
    agendum::service::accounts::add_user(
        &mut app.conn(),
        &agendum::service::accounts::UserRequest {
            email,
            name: "Medarbejder",
            role: "administration",
            organization: Some(administration),
            person: None,
        },
        &agendum::domain::account::NewPassword::parse("demo-staff-pass").unwrap(),
    )
    .unwrap();
}

async fn administration_staff_answer_their_tasks_logged_in(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let (_, task) = seed_task(&app, &secretariat).await;
    let path = format!("/my/tasks/{}", task.id);
    add_staff(&app, "tmf@example.org", "Teknik- og Miljøforvaltningen");
    add_staff(&app, "buf@example.org", "Børne- og Ungdomsforvaltningen");

    // The lead's staff see the task among those they lead; a contributor's among those they
    // contribute to; the others do not see it at all.
    let okf = app.login("okf@example.org", "demo").await;
    let list = okf.get_text("/my/tasks", 200).await;
    let waiting = &list[list.find("id=\"aabne\"").unwrap()..list.find("id=\"besvarede\"").unwrap()];
    assert!(
        waiting.contains("1. at-punkt") && waiting.contains("<td>Ansvarlig</td>"),
        "{list}"
    );
    let waiting_text = text_of(waiting);
    assert!(
        waiting_text.contains("2025-0124174")
            && waiting_text.contains("Borgerrepræsentationen 30.04.2025, punkt"),
        "{waiting_text}"
    );
    let tmf = app.login("tmf@example.org", "demo-staff-pass").await;
    let list = tmf.get_text("/my/tasks", 200).await;
    let waiting = &list[list.find("id=\"aabne\"").unwrap()..list.find("id=\"besvarede\"").unwrap()];
    assert!(
        waiting.contains("1. at-punkt") && waiting.contains("<td>Bidrager</td>"),
        "{list}"
    );
    let buf = app.login("buf@example.org", "demo-staff-pass").await;
    let list = buf.get_text("/my/tasks", 200).await;
    assert!(!list.contains("1. at-punkt"));
    assert_eq!(buf.get(&path).await.status().as_u16(), 404);
    let (status, _, _) = buf
        .post(
            &path,
            &[
                ("action", "answer"),
                ("answer", "Vi svarer også."),
                ("answered_by", "B"),
            ],
        )
        .await
        .parts();
    assert_eq!(
        status, 404,
        "an administration outside the task cannot answer it"
    );

    // The contributor opens and answers, under their own name by default.
    let page = tmf.get_text(&path, 200).await;
    assert!(page.contains("Bidrag fra Teknik- og Miljøforvaltningen til Økonomiforvaltningen"));
    assert!(page.contains("value=\"Medarbejder\""));
    let (status, _, body) = tmf
        .post(
            &path,
            &[
                ("action", "answer"),
                ("answer", "TMF har én profil på X."),
                ("answered_by", "Medarbejder, TMF"),
            ],
        )
        .await
        .parts();
    assert_eq!(status, 303, "{body}");
    assert!(
        tmf.notice_at(&path)
            .await
            .starts_with("Tak. Jeres bidrag er sendt")
    );
    let after = tasks::get(&mut app.conn(), task.id).unwrap().unwrap();
    let contribution = after
        .contributors
        .iter()
        .find(|c| c.organization.name == "Teknik- og Miljøforvaltningen")
        .unwrap();
    assert_eq!(
        contribution.status,
        agendum::domain::task::ContributionStatus::Answered
    );
    assert_eq!(
        contribution.answered_by.as_deref(),
        Some("Medarbejder, TMF")
    );
    // A contributor cannot answer for the lead or ask for more time.
    let (status, _, _) = tmf
        .post(
            &path,
            &[
                ("action", "more_time"),
                ("proposed_deadline", "01.09.2025"),
                ("reason", "x"),
            ],
        )
        .await
        .parts();
    assert_eq!(status, 400);

    // The lead sees the contribution and answers; the task is answered, and closed to more.
    let page = okf.get_text(&path, 200).await;
    assert!(page.contains("TMF har én profil på X."));
    let (status, _, body) = okf
        .post(
            &path,
            &[
                ("action", "answer"),
                ("answer", "Samlet svar: se bidragene."),
                ("answered_by", "Økonomiforvaltningen"),
            ],
        )
        .await
        .parts();
    assert_eq!(status, 303, "{body}");
    let after = tasks::get(&mut app.conn(), task.id).unwrap().unwrap();
    assert_eq!(after.status.as_str(), "answered");
    let (status, _, body) = okf
        .post(
            &path,
            &[
                ("action", "answer"),
                ("answer", "Igen."),
                ("answered_by", "X"),
            ],
        )
        .await
        .parts();
    assert_eq!(status, 409, "{body}");

    // The pages are the administrations'.
    assert_eq!(secretariat.get("/my/tasks").await.status().as_u16(), 403);
    assert_eq!(secretariat.get(&path).await.status().as_u16(), 403);
}

/// Answers through a link as a browser does: the page's form token, then the form.
async fn answer_link(app: &TestApp, link: &str, answer: &str, by: &str) {
    let client = app.browser();
    let page = client
        .get(app.url(link))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = crate::helpers::csrf_of(&page).expect("the answer page has a form");
    let r = client
        .post(app.url(link))
        .form(&[
            ("csrf", csrf.as_str()),
            ("action", "answer"),
            ("answer", answer),
            ("answered_by", by),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200, "{}", r.text().await.unwrap());
}

async fn an_answer_is_compiled_and_put_on_the_committees_agenda(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let (_, task) = seed_task(&app, &secretariat).await;
    let path = format!("/secretariat/tasks/{}", task.id);
    let committee_meeting = committee_meeting(&app).to_string();

    // Not answered yet: nothing to put on an agenda.
    let (status, _, body) = secretariat
        .post(
            &format!("{path}/present"),
            &[("meeting", &committee_meeting)],
        )
        .await
        .parts();
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("ikke besvaret endnu"));

    // One contributor answers through its link, the lead logged in.
    let links = mails_with_links(&app, task.id);
    answer_link(
        &app,
        &links[1],
        "Vi har én profil på X.\n\nDen bruges til trafikinfo.",
        "Jens, TMF",
    )
    .await;
    let okf = app.login("okf@example.org", "demo").await;
    let (status, _, _) = okf
        .post(
            &format!("/my/tasks/{}", task.id),
            &[
                ("action", "answer"),
                ("answer", "Samlet har kommunen to profiler på X."),
                (
                    "answered_by",
                    "Økonomiforvaltningen, Center for Kommunikation",
                ),
            ],
        )
        .await
        .parts();
    assert_eq!(status, 303);

    // The overview: the decision, the clause, the answer, each contribution or its absence.
    let overview = secretariat.get_text(&format!("{path}/overview"), 200).await;
    for text in [
        "Besvarelse af 1. at-punkt",
        "Medlemsforslaget blev tiltrådt med 34 stemmer imod 15.",
        "Samlet har kommunen to profiler på X.",
        "af Økonomiforvaltningen, Center for Kommunikation",
        "Den bruges til trafikinfo.",
        "Intet bidrag modtaget.",
        "Forelægges: Økonomiudvalget",
    ] {
        assert!(overview.contains(text), "{text}: {overview}");
    }
    let pdf = secretariat.get_bytes(&format!("{path}/overview.pdf")).await;
    assert!(pdf.starts_with(b"%PDF"));
    if let Some(info) = crate::agendas::pdf_tool("pdfinfo", &pdf, None) {
        assert!(info.contains("Tagged:          yes"), "{info}");
    }
    if let Some(text) = crate::agendas::pdf_text(&pdf, None) {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for expected in [
            "Besvarelse af 1. at-punkt",
            "Svar fra Økonomiforvaltningen",
            "Samlet har kommunen to profiler på X.",
            "Teknik- og Miljøforvaltningen",
            "Vi har én profil på X.",
            "Side 1 af 1",
        ] {
            assert!(flat.contains(expected), "{expected}: {flat}");
        }
    }

    // The task page offers Økonomiudvalget's coming meetings; another body's is refused.
    let page = secretariat.get_text(&path, 200).await;
    assert!(page.contains("Sæt svaret på dagsordenen for"));
    assert!(page.contains(&format!(
        "<option value=\"{committee_meeting}\">Økonomiudvalget"
    )));
    let council_meeting = agendum::db::meetings::upcoming_of(
        &mut app.conn(),
        &[agendum::domain::OrganizationId(
            app.organization_id("Borgerrepræsentationen")
                .to_string()
                .parse()
                .unwrap(),
        )],
        chrono::Utc::now(),
        1,
    )
    .unwrap()
    .remove(0)
    .id
    .to_string();
    let (status, _, body) = secretariat
        .post(&format!("{path}/present"), &[("meeting", &council_meeting)])
        .await
        .parts();
    assert_eq!(status, 422);
    assert!(
        body.contains("Svaret skal forelægges Økonomiudvalget"),
        "{body}"
    );

    // In one step: the orientation item, from the lead, on the case, with the overview.
    let (status, location, body) = secretariat
        .post(
            &format!("{path}/present"),
            &[("meeting", &committee_meeting)],
        )
        .await
        .parts();
    assert_eq!(status, 303, "{body}");
    assert!(location.contains(&format!(
        "/secretariat/meetings/{committee_meeting}/agenda#punkt-"
    )));
    let meeting = agendum::domain::MeetingId(committee_meeting.parse().unwrap());
    let items = agendum::db::agenda::working_items(&mut app.conn(), meeting).unwrap();
    let added = items
        .iter()
        .find(|i| {
            i.title
                .starts_with("Opfølgning på medlemsforslag om nedlæggelse af profiler på X")
        })
        .expect("the answer is on the agenda");
    assert!(added.title.ends_with(", 1. at-punkt"));
    assert!(added.public);
    assert_eq!(added.source.as_ref().unwrap().1, "Økonomiforvaltningen");
    assert!(added.case_id.is_some(), "on the proposal's case");
    assert!(added.body.as_deref().unwrap().contains("to profiler på X"));
    let attachments =
        agendum::db::agenda::item_attachments(&mut app.conn(), meeting, added.id).unwrap();
    assert_eq!(attachments.len(), 1);
    assert!(attachments[0].filename.ends_with(".pdf"));
    let after = tasks::get(&mut app.conn(), task.id).unwrap().unwrap();
    assert_eq!(after.status.as_str(), "presented");
    assert_eq!(after.presented_item_id, Some(added.id));
    let editor = secretariat
        .get_text(
            &format!("/secretariat/meetings/{committee_meeting}/agenda"),
            200,
        )
        .await;
    assert!(editor.contains("Opfølgning på medlemsforslag om nedlæggelse"));
    // Once is enough.
    let (status, _, _) = secretariat
        .post(
            &format!("{path}/present"),
            &[("meeting", &committee_meeting)],
        )
        .await
        .parts();
    assert_eq!(status, 409);
    let page = secretariat.get_text(&path, 200).await;
    assert!(page.contains("Svaret er sat på"));
}

/// The subjects of the mails about a proposal, to whom, in order.
fn proposal_mails(app: &TestApp, proposal: i64) -> Vec<(String, String, String)> {
    let mut conn = app.conn();
    let (all, _) = agendum::db::outbox::list(&mut conn, None, 0, 1000).unwrap();
    let ids: Vec<agendum::domain::MessageId> = all
        .iter()
        .filter(|m| m.concerns == Some(("proposal".to_owned(), proposal)))
        .map(|m| m.id)
        .collect();
    let mut messages = agendum::db::outbox::load(&mut conn, &ids).unwrap();
    messages.sort_by_key(|m| m.id);
    messages
        .into_iter()
        .map(|m| (m.to[0].email.clone(), m.subject.clone(), m.text.clone()))
        .collect()
}

async fn the_proposal_shows_its_follow_up_to_whom_it_should(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let politician = app.login("politiker@example.org", "demo").await;
    let item = app.seed_item().0;
    let proposal = 1;
    let before = proposal_mails(&app, proposal).len();
    decide(&secretariat, item).await;
    // The proposer hears of the decision.
    let mails = proposal_mails(&app, proposal);
    assert_eq!(mails.len(), before + 1, "{mails:?}");
    let (to, subject, text) = mails.last().unwrap();
    assert_eq!(to, "politiker@example.org");
    assert!(subject.starts_with("Beslutning: Medlemsforslag om nedlæggelse af profiler på X"));
    assert!(text.contains("Medlemsforslaget blev tiltrådt med 34 stemmer imod 15."));
    // A correction does not mail again.
    decide(&secretariat, item).await;
    assert_eq!(proposal_mails(&app, proposal).len(), before + 1);

    let (status, _, _) = confirm_clause_1(&app, &secretariat, item, "30.06.2025").await;
    assert_eq!(status, 303);
    // Before the minutes are approved: the proposer sees the decision, the public does not.
    let public = app.get_text("/proposals/1", 200).await;
    assert!(!public.contains("Beslutning og opfølgning"));
    let own = politician.get_text("/proposals/1", 200).await;
    assert!(own.contains("Beslutning og opfølgning"));
    assert!(own.contains("Beslutningsprotokollen er endnu ikke godkendt."));
    assert!(own.contains("1. at-punkt: Økonomiforvaltningen"));
    let overview = app.get_text("/proposals/follow-up", 200).await;
    assert!(overview.contains("Medlemsforslag om nedlæggelse af profiler på X"));
    assert!(
        !overview.contains("opgave til forvaltningerne"),
        "no tasks counted before the minutes are approved"
    );

    // The minutes are approved: the public reads decision and tasks, on the proposal, the
    // case's timeline and the overview of proposals in follow-up.
    let seed = agendum::domain::MeetingId(SEED_MEETING);
    agendum::db::minutes::draft(&mut app.conn(), seed, None, None).unwrap();
    for signer in agendum::db::minutes::open_draft(&mut app.conn(), seed)
        .unwrap()
        .unwrap()
        .signers
    {
        agendum::db::minutes::sign(&mut app.conn(), seed, &signer.key, None, true).unwrap();
    }
    let public = app.get_text("/proposals/1", 200).await;
    assert!(public.contains("Beslutning og opfølgning"));
    assert!(public.contains("Medlemsforslaget blev tiltrådt med 34 stemmer imod 15."));
    assert!(public.contains("1. at-punkt: Økonomiforvaltningen"));
    assert!(public.contains("Frist 30. juni 2025; svaret forelægges Økonomiudvalget."));
    assert!(
        !public.contains("/secretariat/tasks/"),
        "no links to the secretariat's pages"
    );
    let case = app.get_text("/cases/2025-0124174", 200).await;
    assert!(
        case.contains("Beslutning i Borgerrepræsentationen: Tiltrådt"),
        "{case}"
    );
    assert!(
        case.contains("Opgave sendt til Økonomiforvaltningen (1. at-punkt, frist 30. juni 2025)")
    );
    let overview = app.get_text("/proposals/follow-up", 200).await;
    assert!(overview.contains("Medlemsforslag om nedlæggelse af profiler på X"));
    assert!(
        overview.contains(
            "1 opgave til forvaltningerne: 0 besvaret, 1 venter på svar, \
             <span class=\"overdue\">1 med overskredet frist</span>"
        ),
        "{overview}"
    );
    let completed = app.get_text("/proposals/completed", 200).await;
    assert!(!completed.contains("Medlemsforslag om nedlæggelse af profiler på X"));

    // The lead answers: the proposer is told, with the answer; the public reads it.
    let task = tasks::of_item(&mut app.conn(), item).unwrap().remove(0);
    let okf = app.login("okf@example.org", "demo").await;
    let (status, _, _) = okf
        .post(
            &format!("/my/tasks/{}", task.id),
            &[
                ("action", "answer"),
                ("answer", "Kommunen har to profiler på X; begge nedlægges."),
                ("answered_by", "Økonomiforvaltningen"),
            ],
        )
        .await
        .parts();
    assert_eq!(status, 303);
    let mails = proposal_mails(&app, proposal);
    let (to, subject, text) = mails.last().unwrap();
    assert_eq!(to, "politiker@example.org");
    assert!(subject.starts_with("Svar på dit forslag:"));
    assert!(text.contains("Kommunen har to profiler på X; begge nedlægges."));
    let public = app.get_text("/proposals/1", 200).await;
    assert!(public.contains("Kommunen har to profiler på X; begge nedlægges."));
    let case = app.get_text("/cases/2025-0124174", 200).await;
    assert!(case.contains("Økonomiforvaltningen har besvaret 1. at-punkt"));

    // Presented to Økonomiudvalget: with its only task done, the proposal is completed.
    let meeting = committee_meeting(&app).to_string();
    let (status, _, _) = secretariat
        .post(
            &format!("/secretariat/tasks/{}/present", task.id),
            &[("meeting", &meeting)],
        )
        .await
        .parts();
    assert_eq!(status, 303);
    let p = agendum::db::proposals::get(&mut app.conn(), agendum::domain::ProposalId(proposal))
        .unwrap()
        .unwrap();
    assert_eq!(p.status.as_str(), "closed");
    let completed = app.get_text("/proposals/completed", 200).await;
    assert!(completed.contains("Medlemsforslag om nedlæggelse af profiler på X"));
    let overview = app.get_text("/proposals/follow-up", 200).await;
    assert!(!overview.contains("Medlemsforslag om nedlæggelse af profiler på X"));
}

/// Uploads `bytes` as `name` to a task page's file form; (status, body).
async fn upload_file(
    client: &reqwest::Client,
    url: String,
    csrf: &str,
    name: &str,
    bytes: &[u8],
) -> (u16, String) {
    let (content_type, body) = crate::agendas::multipart(&[("csrf", csrf)], (name, bytes));
    let r = client
        .post(url)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn files_go_with_answers_and_contributions(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let (_, task) = seed_task(&app, &secretariat).await;
    let links = mails_with_links(&app, task.id);
    let (tmf_link, kff_link) = (&links[1], &links[2]);
    let pdf = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";

    // A contributor attaches a file through its link; a program called .pdf is refused.
    let client = app.browser();
    let page = client
        .get(app.url(tmf_link))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("enctype=\"multipart/form-data\""));
    let csrf = crate::helpers::csrf_of(&page).unwrap();
    let files_url = app.url(&format!("{tmf_link}/files"));
    let (status, body) = upload_file(
        &client,
        files_url.clone(),
        &csrf,
        "profiler.pdf",
        b"MZ\x90\x00 a program",
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let (status, body) =
        upload_file(&client, files_url.clone(), "wrong", "profiler.pdf", pdf).await;
    assert_eq!(status, 403, "the form's token is needed: {body}");
    let (status, body) = upload_file(&client, files_url, &csrf, "TMF profiler på X.pdf", pdf).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Filen »TMF profiler på X.pdf« er vedhæftet."));
    let stored = tasks::files(&mut app.conn(), task.id).unwrap();
    assert_eq!(stored.len(), 1);
    let file = &stored[0];
    assert_eq!(file.content_type, "application/pdf");
    // Fetched through the same link, as a download; another contributor's link does not reach it.
    let r = app.get(&format!("{tmf_link}/files/{}", file.id)).await;
    assert_eq!(r.status().as_u16(), 200);
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    assert_eq!(r.bytes().await.unwrap().as_ref(), pdf);
    assert_eq!(
        app.get(&format!("{kff_link}/files/{}", file.id))
            .await
            .status()
            .as_u16(),
        404
    );

    // The lead sees it, logged in, and adds its own; so does the secretariat.
    let okf = app.login("okf@example.org", "demo").await;
    let page = okf.get_text(&format!("/my/tasks/{}", task.id), 200).await;
    assert!(page.contains("TMF profiler på X.pdf"));
    assert_eq!(
        okf.get(&format!("/my/tasks/{}/files/{}", task.id, file.id))
            .await
            .status()
            .as_u16(),
        200
    );
    let (status, body) = upload_file(
        &okf.client,
        okf.url(&format!("/my/tasks/{}/files", task.id)),
        &okf.csrf,
        "samlet-notat.pdf",
        pdf,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let page = secretariat
        .get_text(&format!("/secretariat/tasks/{}", task.id), 200)
        .await;
    assert!(page.contains("TMF profiler på X.pdf") && page.contains("samlet-notat.pdf"));
    assert_eq!(
        secretariat
            .get(&format!("/secretariat/tasks/{}/files/{}", task.id, file.id))
            .await
            .status()
            .as_u16(),
        200
    );
    let overview = secretariat
        .get_text(&format!("/secretariat/tasks/{}/overview", task.id), 200)
        .await;
    assert!(overview.contains("Vedhæftet: TMF profiler på X.pdf"));

    // Once answered, nothing more is attached; presented, the files go with the answer to the
    // committee's members.
    let (status, _, _) = okf
        .post(
            &format!("/my/tasks/{}", task.id),
            &[
                ("action", "answer"),
                ("answer", "Svaret."),
                ("answered_by", "ØKF"),
            ],
        )
        .await
        .parts();
    assert_eq!(status, 303);
    let (status, body) = upload_file(
        &okf.client,
        okf.url(&format!("/my/tasks/{}/files", task.id)),
        &okf.csrf,
        "for-sent.pdf",
        pdf,
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        body.contains("der kan ikke længere vedhæftes filer"),
        "{body}"
    );
    let meeting = committee_meeting(&app);
    let (status, _, _) = secretariat
        .post(
            &format!("/secretariat/tasks/{}/present", task.id),
            &[("meeting", &meeting.to_string())],
        )
        .await
        .parts();
    assert_eq!(status, 303);
    let added = tasks::get(&mut app.conn(), task.id)
        .unwrap()
        .unwrap()
        .presented_item_id
        .unwrap();
    let attachments =
        agendum::db::agenda::item_attachments(&mut app.conn(), meeting, added).unwrap();
    let names: Vec<(&str, bool)> = attachments
        .iter()
        .map(|a| (a.filename.as_str(), a.public))
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.contains(&("TMF profiler på X.pdf", false)));
    assert!(names.contains(&("samlet-notat.pdf", false)));
}

/// The permissions table of decisions and follow-up: every page and API call of it, for each
/// kind of caller. 303 is the way to the login page.
async fn who_may_do_what_in_follow_up(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let item = app.seed_item().0;
    decide(&secretariat, item).await;
    let (status, _, _) = confirm_clause_1(&app, &secretariat, item, "30.06.2025").await;
    assert_eq!(status, 303);
    let task = tasks::of_item(&mut app.conn(), item).unwrap().remove(0).id;
    add_staff(&app, "buf@example.org", "Børne- og Ungdomsforvaltningen");
    let politician = app.login("politiker@example.org", "demo").await;
    let lead = app.login("okf@example.org", "demo").await;
    let outsider = app.login("buf@example.org", "demo-staff-pass").await;

    // Pages: (path, anonymous, politician, lead's staff, other staff, secretariat).
    let pages: Vec<(String, [u16; 5])> = vec![
        (
            format!("/secretariat/meetings/{SEED_MEETING}/decisions"),
            [303, 403, 403, 403, 200],
        ),
        (
            format!("/secretariat/agenda-items/{item}/decision"),
            [303, 403, 403, 403, 200],
        ),
        ("/secretariat/tasks".to_owned(), [303, 403, 403, 403, 200]),
        (
            format!("/secretariat/tasks/{task}"),
            [303, 403, 403, 403, 200],
        ),
        (
            format!("/secretariat/tasks/{task}/overview"),
            [303, 403, 403, 403, 200],
        ),
        (
            format!("/secretariat/tasks/{task}/overview.pdf"),
            [303, 403, 403, 403, 200],
        ),
        ("/my/tasks".to_owned(), [303, 403, 200, 200, 403]),
        (format!("/my/tasks/{task}"), [303, 403, 200, 404, 403]),
        ("/proposals/follow-up".to_owned(), [200, 200, 200, 200, 200]),
        ("/proposals/completed".to_owned(), [200, 200, 200, 200, 200]),
    ];
    for (path, expected) in &pages {
        let anonymous = app
            .browser()
            .get(app.url(path))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        let got = [
            anonymous,
            politician.get(path).await.status().as_u16(),
            lead.get(path).await.status().as_u16(),
            outsider.get(path).await.status().as_u16(),
            secretariat.get(path).await.status().as_u16(),
        ];
        assert_eq!(&got, expected, "{path}");
    }

    // The API: (method, path, body, anonymous, politician, lead's staff, other staff,
    // secretariat). The secretariat's changes are left out where they would change the rest.
    let tokens: Vec<Option<String>> = vec![
        None,
        Some(crate::helpers::api_token(&app, "politiker@example.org")),
        Some(crate::helpers::api_token(&app, "okf@example.org")),
        Some(crate::helpers::api_token(&app, "buf@example.org")),
        Some(crate::helpers::api_token(&app, "sekretariat@example.org")),
    ];
    let get = reqwest::Method::GET;
    let calls: Vec<(reqwest::Method, String, Option<serde_json::Value>, [u16; 5])> = vec![
        (
            get.clone(),
            "/api/v1/tasks".to_owned(),
            None,
            [401, 403, 200, 200, 200],
        ),
        (
            get.clone(),
            format!("/api/v1/tasks/{task}"),
            None,
            [401, 404, 200, 404, 200],
        ),
        (
            get.clone(),
            format!("/api/v1/agenda-items/{item}/task-suggestions"),
            None,
            [401, 403, 403, 403, 200],
        ),
        (
            reqwest::Method::POST,
            format!("/api/v1/agenda-items/{item}/decision"),
            Some(serde_json::json!({ "outcome": "adopted" })),
            [401, 403, 403, 403, 200],
        ),
        (
            reqwest::Method::PATCH,
            format!("/api/v1/tasks/{task}"),
            Some(serde_json::json!({ "deadline": "2031-01-31" })),
            [401, 403, 403, 403, 200],
        ),
    ];
    for (method, path, body, expected) in &calls {
        let mut got = [0u16; 5];
        for (i, token) in tokens.iter().enumerate() {
            got[i] = crate::helpers::api_call(
                &app,
                method.clone(),
                path,
                token.as_deref(),
                body.clone(),
            )
            .await
            .0;
        }
        assert_eq!(&got, expected, "{method} {path}");
    }
    // What the lead's staff list holds: their own tasks only; the outsider's is empty.
    let (_, mine) = crate::helpers::api_call(
        &app,
        get.clone(),
        "/api/v1/tasks",
        tokens[2].as_deref(),
        None,
    )
    .await;
    assert_eq!(mine["data"].as_array().unwrap().len(), 1);
    let (_, theirs) =
        crate::helpers::api_call(&app, get, "/api/v1/tasks", tokens[3].as_deref(), None).await;
    assert!(theirs["data"].as_array().unwrap().is_empty());
}

async fn task_lists_are_paginated_and_filtered(backend: Backend) {
    use crate::helpers::{api_call, api_token};
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let item = app.seed_item().0;
    decide(&secretariat, item).await;
    let token = api_token(&app, "sekretariat@example.org");
    // Clause 2 gives one task per administration: four due long ago, three in the future.
    let (_, suggested) = api_call(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/agenda-items/{item}/task-suggestions"),
        Some(&token),
        None,
    )
    .await;
    let clause2: Vec<&serde_json::Value> = suggested["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["clause"] == 2)
        .collect();
    assert_eq!(clause2.len(), 7);
    let future = (chrono::Local::now().date_naive() + chrono::Duration::days(90)).to_string();
    for (i, s) in clause2.iter().enumerate() {
        let deadline = if i < 4 {
            "2025-06-30".to_owned()
        } else {
            future.clone()
        };
        let (status, body) = api_call(
            &app,
            reqwest::Method::POST,
            "/api/v1/tasks",
            Some(&token),
            Some(serde_json::json!({
                "agenda_item_id": item,
                "clause": 2,
                "lead": s["lead"]["id"],
                "deadline": deadline,
            })),
        )
        .await;
        assert_eq!(status, 201, "{body}");
    }
    let list = |query: &'static str| {
        let token = token.clone();
        let app = &app;
        async move {
            api_call(
                app,
                reqwest::Method::GET,
                &format!("/api/v1/tasks{query}"),
                Some(&token),
                None,
            )
            .await
        }
    };
    let (status, page) = list("?per_page=3").await;
    assert_eq!(status, 200);
    assert_eq!(page["data"].as_array().unwrap().len(), 3);
    assert_eq!(page["pagination"]["total"], 7);
    assert!(
        page["pagination"]["next"]
            .as_str()
            .unwrap()
            .contains("page=2&per_page=3")
    );
    let (_, last) = list("?per_page=3&page=3").await;
    assert_eq!(last["data"].as_array().unwrap().len(), 1);
    assert!(last["pagination"]["next"].is_null());
    let (_, overdue) = list("?standing=overdue").await;
    assert_eq!(overdue["pagination"]["total"], 4);
    assert!(
        overdue["data"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["overdue"] == true)
    );
    let (_, open) = list("?standing=open").await;
    assert_eq!(open["pagination"]["total"], 3);
    let (_, answered) = list("?standing=answered").await;
    assert_eq!(answered["pagination"]["total"], 0);
    let okf = app.organization_id("Økonomiforvaltningen").to_string();
    let (_, led) = api_call(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/tasks?lead={okf}"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(led["pagination"]["total"], 1);
    assert_eq!(list("?standing=late").await.0, 400);
    assert_eq!(list("?per_page=0").await.0, 400);

    // The dashboard counts the same, and lists by standing a page at a time.
    let dashboard = secretariat.get_text("/secretariat/tasks", 200).await;
    assert!(dashboard.contains("<tfoot><tr><th scope=\"row\">I alt</th><td>3</td><td>4</td><td>0</td><td>0</td></tr></tfoot>"), "{dashboard}");
    let overdue_page = secretariat
        .get_text("/secretariat/tasks?status=overdue", 200)
        .await;
    assert!(overdue_page.contains("4 opgaver."));
}

/// A file over the limit is refused, and the answer typed beside it is on the page again.
async fn a_file_too_large_keeps_the_typed_answer(backend: Backend) {
    let Some(app) = spawn_app_configured(backend, true, |s| s.max_attachment_bytes = 1024).await
    else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let (_, task) = seed_task(&app, &secretariat).await;
    let lead_link = &mails_with_links(&app, task.id)[0];
    let client = app.browser();
    let page = client
        .get(app.url(lead_link))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = crate::helpers::csrf_of(&page).unwrap();
    let (content_type, body) = crate::agendas::multipart(
        &[
            ("csrf", &csrf),
            ("answer", "Forvaltningerne har svaret; se oversigten."),
            ("answered_by", "Lene Friis"),
        ],
        ("oversigt.pdf", &[b'%'; 4096]),
    );
    let response = client
        .post(app.url(&format!("{lead_link}/files")))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let page = response.text().await.unwrap();
    assert_eq!(status, 422, "{page}");
    assert!(
        page.contains("Forvaltningerne har svaret; se oversigten."),
        "{page}"
    );
    assert!(page.contains("value=\"Lene Friis\""), "{page}");
    assert!(tasks::files(&mut app.conn(), task.id).unwrap().is_empty());
}
