//! The role × route table: every route of the router (`web::all_routes`), for every kind of
//! caller, with what each must get. A route without an entry here fails the test, so a new
//! route cannot be added without saying who may use it. Every refused post is checked to leave
//! the database as it was.

use std::collections::BTreeSet;

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use serde_json::json;

use crate::followup::{decided_seed, task_mails};
use crate::followup_pages::add_staff;
use crate::helpers::{
    Backend, Session, TestApp, add_other_politician, api_call, api_token, on_both_backends,
    spawn_app,
};

on_both_backends!(every_route_has_an_expectation_for_every_role);

/// What a caller gets. `A`: allowed — anything but 401, 403 and the way to the login page (the
/// outcome of an empty form is the handler's business, not the permission's).
const A: u16 = 0;
/// The way to the login page (a 303 whose location starts with `/login`).
const L: u16 = 1;

/// The callers, in the order of each row.
const ROLES: [&str; 6] = [
    "anonymous",
    "politician",
    "another politician",
    "the lead's staff",
    "another administration's staff",
    "secretariat",
];

struct Callers {
    sessions: Vec<Option<Session>>,
    tokens: Vec<Option<String>>,
    anonymous: reqwest::Client,
    anonymous_csrf: String,
}

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Every table's row count and lock versions: what a refused post must leave as it was
/// (sessions and login attempts change with every visit and are left out).
fn fingerprint(app: &TestApp) -> Vec<(String, i64)> {
    let mut conn = app.conn();
    let tables: Vec<Name> = match &mut *conn {
        agendum::db::DbConnection::Sqlite(_) => diesel::sql_query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             ORDER BY name",
        )
        .load(&mut *conn),
        agendum::db::DbConnection::Postgresql(_) => diesel::sql_query(
            "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
        )
        .load(&mut *conn),
    }
    .unwrap();
    let mut out = Vec::new();
    for Name { name } in tables {
        if ["sessions", "login_attempts", "__diesel_schema_migrations"].contains(&name.as_str()) {
            continue;
        }
        let count: Count = diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {name}"))
            .get_result(&mut *conn)
            .unwrap();
        out.push((name.clone(), count.n));
        let versioned: Result<Count, _> = diesel::sql_query(format!(
            "SELECT CAST(COALESCE(SUM(lock_version), 0) AS BIGINT) AS n FROM {name}"
        ))
        .get_result(&mut *conn);
        if let Ok(sum) = versioned {
            out.push((format!("{name}.lock_version"), sum.n));
        }
    }
    out
}

fn allowed(status: u16, location: &str) -> bool {
    status != 401 && status != 403 && !(status == 303 && location.starts_with("/login"))
}

async fn every_route_has_an_expectation_for_every_role(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    // The objects the routes name: the seed meeting (1, decided, a task confirmed), the coming
    // council meeting (2) with an item, the politician's own draft, the demo letter (1).
    let secretariat_token = api_token(&app, "sekretariat@example.org");
    let (item, _) = decided_seed(&app, &secretariat_token).await;
    // Clause 1's task led by Økonomiforvaltningen with Teknik- og Miljøforvaltningen: the staff
    // of Børne- og Ungdomsforvaltningen have nothing to do with it.
    let org = |name: &str| {
        agendum::db::organizations::list(&mut app.conn())
            .unwrap()
            .into_iter()
            .find(|o| o.name == name)
            .unwrap()
            .id
            .0
    };
    let (status, created) = api_call(
        &app,
        reqwest::Method::POST,
        "/api/v1/tasks",
        Some(&secretariat_token),
        Some(json!({
            "agenda_item_id": item,
            "clause": 1,
            "lead": org("Økonomiforvaltningen"),
            "contributors": [org("Teknik- og Miljøforvaltningen")],
            "deadline": "2031-06-30",
        })),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let task = created["id"].as_i64().unwrap();
    let answer = task_mails(&app, task)
        .iter()
        .filter(|m| m.to[0].email == "okf@forvaltning.example.org")
        .find_map(|m| {
            m.text
                .split_whitespace()
                .find(|w| w.contains("/tasks/answer/"))
                .map(|w| w[w.find("/tasks/answer/").unwrap()..].to_owned())
        })
        .unwrap();
    let upcoming_item = agendum::db::agenda::append_item(
        &mut app.conn(),
        &agendum::db::agenda::NewAgendaItem::plain(
            agendum::domain::MeetingId(2),
            "Et punkt",
            agendum::domain::agenda::AgendaItemKind::Other,
            true,
        ),
    )
    .unwrap()
    .0;
    // The politician's drafts: one that stays a draft, one submitted over the API, one over
    // the pages (each route that changes a draft has its own, so the table does not depend on
    // its order).
    let politician_token = api_token(&app, "politiker@example.org");
    let mut drafts = Vec::new();
    for title in [
        "Medlemsforslag om bænke",
        "Medlemsforslag om træer",
        "Medlemsforslag om lys",
        "Medlemsforslag om skilte",
    ] {
        let (status, draft) = api_call(
            &app,
            reqwest::Method::POST,
            "/api/v1/proposals",
            Some(&politician_token),
            Some(json!({ "title": title, "clauses": ["at det sker."], "meeting_id": 2 })),
        )
        .await;
        assert_eq!(status, 201, "{draft}");
        drafts.push(draft["id"].as_i64().unwrap());
    }
    let (own, api_submitted, page_submitted, to_delete) =
        (drafts[0], drafts[1], drafts[2], drafts[3]);
    add_other_politician(&app);
    add_staff(&app, "buf@example.org", "Børne- og Ungdomsforvaltningen");
    let logins = [
        None,
        Some(("politiker@example.org", "demo")),
        Some(("anden@example.org", "en anden adgangskode")),
        Some(("okf@example.org", "demo")),
        Some(("buf@example.org", "demo-staff-pass")),
        Some(("sekretariat@example.org", "demo")),
    ];
    let mut callers = Callers {
        sessions: Vec::new(),
        tokens: Vec::new(),
        anonymous: app.browser(),
        anonymous_csrf: String::new(),
    };
    for login in logins {
        match login {
            None => {
                callers.sessions.push(None);
                callers.tokens.push(None);
            }
            Some((email, password)) => {
                callers
                    .sessions
                    .push(Some(app.login(email, password).await));
                callers.tokens.push(Some(api_token(&app, email)));
            }
        }
    }
    callers.anonymous_csrf = crate::helpers::form_token(&app, &callers.anonymous).await;

    let seed = 1;
    // The first item of the seed meeting's released agenda.
    let seed_item =
        agendum::db::agenda::released(&mut app.conn(), agendum::domain::MeetingId(seed), None)
            .unwrap()
            .unwrap()
            .snapshot
            .items[0]
            .id
            .0;
    let upcoming = 2;
    let proposal = 1; // the demo proposal, public
    let letter = 1; // the demo's KL letter, public
    let case = "2025-0124174";
    // (method, pattern, concrete path, [anonymous, politician, another politician, lead's
    // staff, other staff, secretariat]).
    let table: Vec<(&str, &str, String, [u16; 6])> = vec![
        // The API.
        (
            "get",
            "/api/v1/meetings",
            "/api/v1/meetings".into(),
            [200; 6],
        ),
        (
            "get",
            "/api/v1/meetings/{id}",
            format!("/api/v1/meetings/{seed}"),
            [200; 6],
        ),
        (
            "get",
            "/api/v1/me",
            "/api/v1/me".into(),
            [401, 200, 200, 200, 200, 200],
        ),
        (
            "post",
            "/api/v1/proposals/parse",
            "/api/v1/proposals/parse".into(),
            [A; 6],
        ),
        (
            "get",
            "/api/v1/proposals",
            "/api/v1/proposals".into(),
            [200; 6],
        ),
        (
            "post",
            "/api/v1/proposals",
            "/api/v1/proposals".into(),
            [401, A, A, 403, 403, 403],
        ),
        (
            "get",
            "/api/v1/proposals/{id}",
            format!("/api/v1/proposals/{own}"),
            [404, 200, 404, 404, 404, 404],
        ),
        (
            "patch",
            "/api/v1/proposals/{id}",
            format!("/api/v1/proposals/{own}"),
            [401, A, 404, 404, 404, 404],
        ),
        (
            "post",
            "/api/v1/proposals/{id}/submit",
            format!("/api/v1/proposals/{api_submitted}/submit"),
            [401, A, 404, 404, 404, 403],
        ),
        (
            "get",
            "/api/v1/cases/{reference}",
            format!("/api/v1/cases/{case}"),
            [200; 6],
        ),
        (
            "post",
            "/api/v1/agenda-items/{id}/decision",
            format!("/api/v1/agenda-items/{item}/decision"),
            [401, 403, 403, 403, 403, A],
        ),
        (
            "get",
            "/api/v1/tasks",
            "/api/v1/tasks".into(),
            [401, 403, 403, 200, 200, 200],
        ),
        (
            "post",
            "/api/v1/tasks",
            "/api/v1/tasks".into(),
            [401, 403, 403, 403, 403, A],
        ),
        (
            "get",
            "/api/v1/tasks/{id}",
            format!("/api/v1/tasks/{task}"),
            [401, 404, 404, 200, 404, 200],
        ),
        (
            "patch",
            "/api/v1/tasks/{id}",
            format!("/api/v1/tasks/{task}"),
            [401, 403, 403, 403, 403, A],
        ),
        (
            "get",
            "/api/v1/agenda-items/{id}/task-suggestions",
            format!("/api/v1/agenda-items/{item}/task-suggestions"),
            [401, 403, 403, 403, 403, 200],
        ),
        ("get", "/api/v1/letters", "/api/v1/letters".into(), [200; 6]),
        (
            "get",
            "/api/v1/search",
            "/api/v1/search?q=kommune".into(),
            [200; 6],
        ),
        (
            "get",
            "/api/v1/letters/{id}",
            format!("/api/v1/letters/{letter}"),
            [200; 6],
        ),
        // The register: public reads, the secretariat's writes.
        (
            "get",
            "/api/v1/organizations",
            "/api/v1/organizations".into(),
            [200; 6],
        ),
        (
            "get",
            "/api/v1/organizations/{id}",
            "/api/v1/organizations/1".into(),
            [200; 6],
        ),
        (
            "post",
            "/api/v1/organizations",
            "/api/v1/organizations".into(),
            [401, 403, 403, 403, 403, A],
        ),
        (
            "patch",
            "/api/v1/organizations/{id}",
            "/api/v1/organizations/1".into(),
            [401, 403, 403, 403, 403, A],
        ),
        ("get", "/api/v1/persons", "/api/v1/persons".into(), [200; 6]),
        (
            "get",
            "/api/v1/persons/{id}",
            "/api/v1/persons/1".into(),
            [200; 6],
        ),
        (
            "post",
            "/api/v1/persons",
            "/api/v1/persons".into(),
            [401, 403, 403, 403, 403, A],
        ),
        (
            "patch",
            "/api/v1/persons/{id}",
            "/api/v1/persons/1".into(),
            [401, 403, 403, 403, 403, A],
        ),
        (
            "post",
            "/api/v1/memberships",
            "/api/v1/memberships".into(),
            [401, 403, 403, 403, 403, A],
        ),
        (
            "patch",
            "/api/v1/memberships/{id}",
            "/api/v1/memberships/1".into(),
            [401, 403, 403, 403, 403, A],
        ),
        (
            "get",
            "/api/v1/openapi.json",
            "/api/v1/openapi.json".into(),
            [200; 6],
        ),
        // OParl: open data, the same for everyone.
        (
            "get",
            "/oparl/v1/system",
            "/oparl/v1/system".into(),
            [200; 6],
        ),
        (
            "get",
            "/oparl/v1/bodies",
            "/oparl/v1/bodies".into(),
            [200; 6],
        ),
        (
            "get",
            "/oparl/v1/bodies/{id}",
            "/oparl/v1/bodies/1".into(),
            [200; 6],
        ),
        (
            "get",
            "/oparl/v1/bodies/{id}/{list}",
            "/oparl/v1/bodies/1/persons".into(),
            [200; 6],
        ),
        (
            "get",
            "/oparl/v1/organizations/{id}",
            "/oparl/v1/organizations/1".into(),
            [200; 6],
        ),
        (
            "get",
            "/oparl/v1/organizations/{id}/meetings",
            "/oparl/v1/organizations/1/meetings".into(),
            [200; 6],
        ),
        (
            "get",
            "/oparl/v1/persons/{id}",
            "/oparl/v1/persons/1".into(),
            [200; 6],
        ),
        (
            "get",
            "/oparl/v1/memberships/{id}",
            "/oparl/v1/memberships/1".into(),
            [200; 6],
        ),
        (
            "get",
            "/oparl/v1/legislative-terms/{id}",
            "/oparl/v1/legislative-terms/1".into(),
            [200; 6],
        ),
        (
            "get",
            "/oparl/v1/meetings/{id}",
            format!("/oparl/v1/meetings/{seed}"),
            [200; 6],
        ),
        (
            "get",
            "/oparl/v1/meetings/{id}/agenda-items/{item}",
            format!("/oparl/v1/meetings/{seed}/agenda-items/{seed_item}"),
            [200; 6],
        ),
        (
            "get",
            "/oparl/v1/locations/{id}",
            format!("/oparl/v1/locations/{seed}"),
            [200; 6],
        ),
        (
            "get",
            "/oparl/v1/papers/{id}",
            format!("/oparl/v1/papers/{proposal}"),
            [200; 6],
        ),
        (
            "get",
            "/oparl/v1/consultations/{id}",
            format!("/oparl/v1/consultations/{seed_item}"),
            [200; 6],
        ),
        (
            "get",
            "/oparl/v1/files/{file}",
            // The seed meeting's agenda, the demo's first release.
            "/oparl/v1/files/agenda-1".into(),
            [200; 6],
        ),
        // Public pages and documents.
        ("get", "/", "/".into(), [200; 6]),
        (
            "get",
            "/meetings/{id}",
            format!("/meetings/{seed}"),
            [200; 6],
        ),
        (
            "get",
            "/meetings/{id}/agenda.pdf",
            format!("/meetings/{seed}/agenda.pdf"),
            [200; 6],
        ),
        (
            "get",
            "/meetings/{id}/minutes/draft",
            format!("/meetings/{seed}/minutes/draft"),
            [L, 404, 404, 404, 404, 404],
        ),
        (
            "post",
            "/meetings/{id}/minutes/draft",
            format!("/meetings/{seed}/minutes/draft"),
            [L, 404, 404, 404, 404, 404],
        ),
        (
            "get",
            "/meetings/{id}/minutes.pdf",
            format!("/meetings/{seed}/minutes.pdf"),
            [404; 6],
        ),
        (
            "get",
            "/meetings/{id}/attachments/{attachment}",
            format!("/meetings/{seed}/attachments/999"),
            [404; 6],
        ),
        (
            "get",
            "/meetings/{id}/meeting.ics",
            format!("/meetings/{seed}/meeting.ics"),
            [200; 6],
        ),
        (
            "get",
            "/organizations/{id}/meetings.ics",
            "/organizations/1/meetings.ics".into(),
            [200; 6],
        ),
        (
            "get",
            "/organizations/{id}/feed.atom",
            "/organizations/1/feed.atom".into(),
            [200; 6],
        ),
        (
            "get",
            "/organizations/{id}/feed",
            "/organizations/1/feed".into(),
            [200; 6],
        ),
        (
            "get",
            "/organizations/{id}/subscribe",
            "/organizations/1/subscribe".into(),
            [200; 6],
        ),
        (
            "post",
            "/organizations/{id}/subscribe",
            "/organizations/1/subscribe".into(),
            [A; 6],
        ),
        ("get", "/tasks/answer/{token}", answer.clone(), [200; 6]),
        ("post", "/tasks/answer/{token}", answer.clone(), [A; 6]),
        (
            "post",
            "/tasks/answer/{token}/files",
            format!("{answer}/files"),
            [A; 6],
        ),
        (
            "get",
            "/tasks/answer/{token}/files/{file}",
            format!("{answer}/files/999"),
            [404; 6],
        ),
        (
            "get",
            "/subscriptions/confirm/{token}",
            "/subscriptions/confirm/0000".into(),
            [404; 6],
        ),
        (
            "post",
            "/subscriptions/confirm/{token}",
            "/subscriptions/confirm/0000".into(),
            [404; 6],
        ),
        (
            "get",
            "/subscriptions/unsubscribe/{token}",
            "/subscriptions/unsubscribe/0000".into(),
            [404; 6],
        ),
        (
            "post",
            "/subscriptions/unsubscribe/{token}",
            "/subscriptions/unsubscribe/0000".into(),
            [404; 6],
        ),
        // A one-time password link that does not exist, for everyone.
        (
            "get",
            "/password/reset/{token}",
            "/password/reset/0000".into(),
            [404; 6],
        ),
        (
            "post",
            "/password/reset/{token}",
            "/password/reset/0000".into(),
            [404; 6],
        ),
        // Proposals.
        (
            "get",
            "/proposals/new",
            "/proposals/new".into(),
            [L, 200, 200, 403, 403, 403],
        ),
        (
            "post",
            "/proposals/new",
            "/proposals/new".into(),
            [L, A, A, 403, 403, 403],
        ),
        (
            "post",
            "/proposals/new/paste",
            "/proposals/new/paste".into(),
            [L, A, A, 403, 403, 403],
        ),
        (
            "get",
            "/proposals/follow-up",
            "/proposals/follow-up".into(),
            [200; 6],
        ),
        (
            "get",
            "/proposals/completed",
            "/proposals/completed".into(),
            [200; 6],
        ),
        (
            "get",
            "/proposals/{id}",
            format!("/proposals/{proposal}"),
            [200; 6],
        ),
        (
            "get",
            "/proposals/{id}/edit",
            format!("/proposals/{own}/edit"),
            [L, 200, 404, 403, 403, 404],
        ),
        (
            "post",
            "/proposals/{id}/edit",
            format!("/proposals/{own}/edit"),
            [L, A, 404, 403, 403, 404],
        ),
        (
            "post",
            "/proposals/{id}/submit",
            format!("/proposals/{page_submitted}/submit"),
            [L, A, 404, 403, 403, 403],
        ),
        (
            "post",
            "/proposals/{id}/withdraw",
            format!("/proposals/{page_submitted}/withdraw"),
            [L, A, 404, 403, 403, 403],
        ),
        (
            "post",
            "/proposals/{id}/delete",
            format!("/proposals/{to_delete}/delete"),
            [L, A, 404, 403, 403, 404],
        ),
        (
            "post",
            "/proposals/{id}/return",
            format!("/proposals/{api_submitted}/return"),
            [L, 403, 403, 403, 403, A],
        ),
        (
            "post",
            "/proposals/{id}/accept",
            format!("/proposals/{api_submitted}/accept"),
            [L, 403, 403, 403, 403, A],
        ),
        (
            "get",
            "/proposals/{id}/versions",
            format!("/proposals/{own}/versions"),
            [L, 200, 404, 404, 404, 404],
        ),
        (
            "get",
            "/my/proposals",
            "/my/proposals".into(),
            [L, 200, 200, 403, 403, 200],
        ),
        // Administrations.
        (
            "get",
            "/my/tasks",
            "/my/tasks".into(),
            [L, 403, 403, 200, 200, 403],
        ),
        (
            "get",
            "/my/tasks/{id}",
            format!("/my/tasks/{task}"),
            [L, 403, 403, 200, 404, 403],
        ),
        (
            "post",
            "/my/tasks/{id}",
            format!("/my/tasks/{task}"),
            [L, 403, 403, A, 404, 403],
        ),
        (
            "post",
            "/my/tasks/{id}/files",
            format!("/my/tasks/{task}/files"),
            [L, 403, 403, A, 404, 403],
        ),
        (
            "get",
            "/my/tasks/{id}/files/{file}",
            format!("/my/tasks/{task}/files/999"),
            [L, 403, 403, 404, 404, 403],
        ),
        // The secretariat.
        (
            "get",
            "/secretariat/proposals",
            "/secretariat/proposals".into(),
            secretariat_get(),
        ),
        (
            "get",
            "/secretariat/meetings",
            "/secretariat/meetings".into(),
            secretariat_get(),
        ),
        (
            "get",
            "/secretariat/meetings/{id}/agenda",
            format!("/secretariat/meetings/{upcoming}/agenda"),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/meetings/{id}/agenda/items",
            format!("/secretariat/meetings/{upcoming}/agenda/items"),
            secretariat_post(),
        ),
        (
            "post",
            "/secretariat/meetings/{id}/agenda/approval",
            format!("/secretariat/meetings/{upcoming}/agenda/approval"),
            secretariat_post(),
        ),
        (
            "post",
            "/secretariat/meetings/{id}/agenda/proposals",
            format!("/secretariat/meetings/{upcoming}/agenda/proposals"),
            secretariat_post(),
        ),
        (
            "get",
            "/secretariat/meetings/{id}/agenda/items/{item}",
            format!("/secretariat/meetings/{upcoming}/agenda/items/{upcoming_item}"),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/meetings/{id}/agenda/items/{item}",
            format!("/secretariat/meetings/{upcoming}/agenda/items/{upcoming_item}"),
            secretariat_post(),
        ),
        (
            "post",
            "/secretariat/meetings/{id}/agenda/items/{item}/edit",
            format!("/secretariat/meetings/{upcoming}/agenda/items/{upcoming_item}/edit"),
            secretariat_post(),
        ),
        (
            "post",
            "/secretariat/meetings/{id}/agenda/items/{item}/attachments",
            format!("/secretariat/meetings/{upcoming}/agenda/items/{upcoming_item}/attachments"),
            secretariat_post(),
        ),
        (
            "post",
            "/secretariat/meetings/{id}/agenda/attachments/{attachment}/detach",
            format!("/secretariat/meetings/{upcoming}/agenda/attachments/999/detach"),
            secretariat_post(),
        ),
        (
            "post",
            "/secretariat/meetings/{id}/agenda/release",
            format!("/secretariat/meetings/{upcoming}/agenda/release"),
            secretariat_post(),
        ),
        (
            "post",
            "/secretariat/meetings",
            "/secretariat/meetings".into(),
            secretariat_post(),
        ),
        (
            "post",
            "/secretariat/meetings/signers",
            "/secretariat/meetings/signers".into(),
            secretariat_post(),
        ),
        (
            "get",
            "/secretariat/meetings/{id}/decisions",
            format!("/secretariat/meetings/{seed}/decisions"),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/meetings/{id}/minutes",
            format!("/secretariat/meetings/{seed}/minutes"),
            secretariat_post(),
        ),
        (
            "post",
            "/secretariat/meetings/{id}/attendance",
            format!("/secretariat/meetings/{seed}/attendance"),
            secretariat_post(),
        ),
        (
            "get",
            "/secretariat/agenda-items/{item}/decision",
            format!("/secretariat/agenda-items/{item}/decision"),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/agenda-items/{item}/decision",
            format!("/secretariat/agenda-items/{item}/decision"),
            secretariat_post(),
        ),
        (
            "post",
            "/secretariat/agenda-items/{item}/tasks",
            format!("/secretariat/agenda-items/{item}/tasks"),
            secretariat_post(),
        ),
        (
            "get",
            "/secretariat/tasks",
            "/secretariat/tasks".into(),
            secretariat_get(),
        ),
        (
            "get",
            "/secretariat/tasks/{id}",
            format!("/secretariat/tasks/{task}"),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/tasks/{id}",
            format!("/secretariat/tasks/{task}"),
            secretariat_post(),
        ),
        (
            "get",
            "/secretariat/tasks/{id}/overview",
            format!("/secretariat/tasks/{task}/overview"),
            secretariat_get(),
        ),
        (
            "get",
            "/secretariat/tasks/{id}/overview.pdf",
            format!("/secretariat/tasks/{task}/overview.pdf"),
            secretariat_get(),
        ),
        (
            "get",
            "/secretariat/tasks/{id}/files/{file}",
            format!("/secretariat/tasks/{task}/files/999"),
            [L, 403, 403, 403, 403, 404],
        ),
        (
            "post",
            "/secretariat/tasks/{id}/present",
            format!("/secretariat/tasks/{task}/present"),
            secretariat_post(),
        ),
        // Letters.
        (
            "get",
            "/letters/{file}",
            format!("/letters/{letter}.pdf"),
            [200; 6],
        ),
        (
            "get",
            "/letters/{id}/original",
            format!("/letters/{letter}/original"),
            [404; 6],
        ),
        (
            "get",
            "/organizations/{id}/logo",
            "/organizations/1/logo".into(),
            [A; 6],
        ),
        (
            "get",
            "/secretariat/letters",
            "/secretariat/letters".into(),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/letters",
            "/secretariat/letters".into(),
            secretariat_post(),
        ),
        (
            "get",
            "/secretariat/letters/new",
            "/secretariat/letters/new".into(),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/letters/incoming",
            "/secretariat/letters/incoming".into(),
            secretariat_post(),
        ),
        (
            "get",
            "/secretariat/letters/{id}",
            format!("/secretariat/letters/{letter}"),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/letters/{id}",
            format!("/secretariat/letters/{letter}"),
            secretariat_post(),
        ),
        (
            "get",
            "/secretariat/letters/{id}/edit",
            format!("/secretariat/letters/{letter}/edit"),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/letters/{id}/edit",
            format!("/secretariat/letters/{letter}/edit"),
            secretariat_post(),
        ),
        (
            "post",
            "/secretariat/letters/{id}/agenda",
            format!("/secretariat/letters/{letter}/agenda"),
            secretariat_post(),
        ),
        (
            "get",
            "/secretariat/letterheads",
            "/secretariat/letterheads".into(),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/letterheads/{id}",
            "/secretariat/letterheads/1".into(),
            secretariat_post(),
        ),
        // Accounts (settings).
        (
            "get",
            "/secretariat/settings/accounts",
            "/secretariat/settings/accounts".into(),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/settings/accounts",
            "/secretariat/settings/accounts".into(),
            secretariat_post(),
        ),
        (
            "get",
            "/secretariat/settings/accounts/{id}",
            "/secretariat/settings/accounts/1".into(),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/settings/accounts/{id}",
            "/secretariat/settings/accounts/1".into(),
            secretariat_post(),
        ),
        (
            "post",
            "/secretariat/settings/accounts/{id}/active",
            "/secretariat/settings/accounts/1/active".into(),
            secretariat_post(),
        ),
        // Everyone's own password, and a forgotten one.
        (
            "get",
            "/password/forgot",
            "/password/forgot".into(),
            [200; 6],
        ),
        (
            "post",
            "/password/forgot",
            "/password/forgot".into(),
            [A; 6],
        ),
        (
            "get",
            "/account/password",
            "/account/password".into(),
            [L, 200, 200, 200, 200, 200],
        ),
        ("get", "/login/code", "/login/code".into(), [L; 6]),
        ("post", "/login/code", "/login/code".into(), [L; 6]),
        (
            "get",
            "/account/two-factor",
            "/account/two-factor".into(),
            [L, 200, 200, 200, 200, 200],
        ),
        (
            "post",
            "/account/two-factor/start",
            "/account/two-factor/start".into(),
            [L, 403, 403, 403, 403, A],
        ),
        (
            "post",
            "/account/two-factor/enable",
            "/account/two-factor/enable".into(),
            [L, 403, 403, 403, 403, A],
        ),
        (
            "post",
            "/account/two-factor/recovery-codes",
            "/account/two-factor/recovery-codes".into(),
            [L, A, A, A, A, A],
        ),
        (
            "post",
            "/account/two-factor/disable",
            "/account/two-factor/disable".into(),
            [L, A, A, A, A, A],
        ),
        (
            "post",
            "/secretariat/settings/accounts/{id}/two-factor",
            "/secretariat/settings/accounts/1/two-factor".into(),
            secretariat_post(),
        ),
        (
            "get",
            "/secretariat/settings/import",
            "/secretariat/settings/import".into(),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/settings/import",
            "/secretariat/settings/import".into(),
            secretariat_post(),
        ),
        (
            "post",
            "/secretariat/settings/import/apply",
            "/secretariat/settings/import/apply".into(),
            secretariat_post(),
        ),
        (
            "post",
            "/account/password",
            "/account/password".into(),
            [L, A, A, A, A, A],
        ),
        // The register (settings).
        (
            "get",
            "/secretariat/settings",
            "/secretariat/settings".into(),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/settings",
            "/secretariat/settings".into(),
            secretariat_post(),
        ),
        (
            "post",
            "/secretariat/settings/logo",
            "/secretariat/settings/logo".into(),
            secretariat_post(),
        ),
        (
            "get",
            "/secretariat/settings/rules",
            "/secretariat/settings/rules".into(),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/settings/rules/{id}",
            "/secretariat/settings/rules/1".into(),
            secretariat_post(),
        ),
        (
            "post",
            "/secretariat/settings/closed-days",
            "/secretariat/settings/closed-days".into(),
            secretariat_post(),
        ),
        (
            "get",
            "/secretariat/meetings/plan",
            "/secretariat/meetings/plan".into(),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/meetings/plan",
            "/secretariat/meetings/plan".into(),
            secretariat_post(),
        ),
        (
            "get",
            "/secretariat/meetings/{id}/edit",
            format!("/secretariat/meetings/{upcoming}/edit"),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/meetings/{id}/edit",
            format!("/secretariat/meetings/{upcoming}/edit"),
            secretariat_post(),
        ),
        ("get", "/logo", "/logo".into(), [A; 6]),
        (
            "get",
            "/secretariat/settings/organizations",
            "/secretariat/settings/organizations".into(),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/settings/organizations",
            "/secretariat/settings/organizations".into(),
            secretariat_post(),
        ),
        (
            "get",
            "/secretariat/settings/organizations/{id}",
            "/secretariat/settings/organizations/1".into(),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/settings/organizations/{id}",
            "/secretariat/settings/organizations/1".into(),
            secretariat_post(),
        ),
        (
            "post",
            "/secretariat/settings/organizations/{id}/active",
            "/secretariat/settings/organizations/1/active".into(),
            secretariat_post(),
        ),
        (
            "get",
            "/secretariat/settings/persons",
            "/secretariat/settings/persons".into(),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/settings/persons",
            "/secretariat/settings/persons".into(),
            secretariat_post(),
        ),
        (
            "get",
            "/secretariat/settings/persons/{id}",
            "/secretariat/settings/persons/1".into(),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/settings/persons/{id}",
            "/secretariat/settings/persons/1".into(),
            secretariat_post(),
        ),
        (
            "post",
            "/secretariat/settings/memberships",
            "/secretariat/settings/memberships".into(),
            secretariat_post(),
        ),
        (
            "get",
            "/secretariat/settings/memberships/{id}",
            "/secretariat/settings/memberships/1".into(),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/settings/memberships/{id}",
            "/secretariat/settings/memberships/1".into(),
            secretariat_post(),
        ),
        (
            "get",
            "/secretariat/settings/periods",
            "/secretariat/settings/periods".into(),
            secretariat_get(),
        ),
        (
            "post",
            "/secretariat/settings/periods",
            "/secretariat/settings/periods".into(),
            secretariat_post(),
        ),
        // Cases, health, accounts.
        (
            "get",
            "/cases/{reference}",
            format!("/cases/{case}"),
            [200; 6],
        ),
        ("get", "/healthz", "/healthz".into(), [200; 6]),
        ("get", "/search", "/search?q=kommune".into(), [200; 6]),
        ("get", "/login", "/login".into(), [200; 6]),
        ("post", "/login", "/login".into(), [A; 6]),
        (
            "get",
            "/logout",
            "/logout".into(),
            [303, 200, 200, 200, 200, 200],
        ),
        // The outbox and the development mailbox.
        (
            "get",
            "/secretariat/outbox",
            "/secretariat/outbox".into(),
            secretariat_get(),
        ),
        (
            "get",
            "/secretariat/outbox/{id}",
            "/secretariat/outbox/1".into(),
            secretariat_get(),
        ),
        (
            "get",
            "/secretariat/outbox/{id}/html",
            "/secretariat/outbox/1/html".into(),
            secretariat_get(),
        ),
        (
            "get",
            "/secretariat/outbox/{id}/attachments/{index}",
            "/secretariat/outbox/1/attachments/99".into(),
            [L, 403, 403, 403, 403, 404],
        ),
        (
            "post",
            "/secretariat/outbox/{id}/requeue",
            "/secretariat/outbox/1/requeue".into(),
            secretariat_post(),
        ),
        (
            "get",
            "/dev/mailbox",
            "/dev/mailbox".into(),
            secretariat_get(),
        ),
        (
            "get",
            "/dev/mailbox/{file}",
            "/dev/mailbox/nothing.eml".into(),
            [L, 403, 403, 403, 403, 404],
        ),
        (
            "get",
            "/dev/mailbox/{file}/html",
            "/dev/mailbox/nothing.eml/html".into(),
            [L, 403, 403, 403, 403, 404],
        ),
        (
            "get",
            "/dev/mailbox/{file}/raw",
            "/dev/mailbox/nothing.eml/raw".into(),
            [L, 403, 403, 403, 403, 404],
        ),
        (
            "get",
            "/dev/mailbox/{file}/attachments/{index}",
            "/dev/mailbox/nothing.eml/attachments/0".into(),
            [L, 403, 403, 403, 403, 404],
        ),
        (
            "get",
            "/assets/{path:.*}",
            "/assets/none.css".into(),
            [404; 6],
        ),
    ];
    // Logging out ends the sessions the rest of the table uses: it is checked last, alone.
    let logout = ("post", "/logout");

    // Every route has one entry, and every entry is a route.
    let routes: BTreeSet<(String, String)> = agendum::web::all_routes()
        .map(|(m, p)| (m.to_owned(), p.to_owned()))
        .collect();
    let mut listed: BTreeSet<(String, String)> = table
        .iter()
        .map(|(m, p, _, _)| ((*m).to_owned(), (*p).to_owned()))
        .collect();
    assert_eq!(listed.len(), table.len(), "a route is listed twice");
    listed.insert((logout.0.to_owned(), logout.1.to_owned()));
    let missing: Vec<_> = routes.difference(&listed).collect();
    let extra: Vec<_> = listed.difference(&routes).collect();
    assert!(
        missing.is_empty(),
        "routes without an expectation: {missing:?}"
    );
    assert!(extra.is_empty(), "expectations for no route: {extra:?}");

    let mut failures = Vec::new();
    for (method, pattern, path, expected) in &table {
        for (role, want) in expected.iter().enumerate() {
            let before = (*method != "get").then(|| fingerprint(&app));
            let (status, location) = call(&app, &callers, role, method, path).await;
            let ok = match *want {
                A => allowed(status, &location),
                L => status == 303 && location.starts_with("/login"),
                code => status == code,
            };
            if !ok {
                failures.push(format!(
                    "{} {pattern} ({path}) as {}: got {status} {location}, want {}",
                    method.to_uppercase(),
                    ROLES[role],
                    match *want {
                        A => "allowed".to_owned(),
                        L => "the login page".to_owned(),
                        code => code.to_string(),
                    }
                ));
            }
            if let Some(before) = before
                && !allowed(status, &location)
            {
                let after = fingerprint(&app);
                if before != after {
                    let changed: Vec<_> =
                        before.iter().zip(&after).filter(|(b, a)| b != a).collect();
                    failures.push(format!(
                        "{} {path} as {} was refused ({status}) but changed {changed:?}",
                        method.to_uppercase(),
                        ROLES[role]
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // Everyone may log out; it ends the session.
    for (role, name) in ROLES.iter().enumerate() {
        let (status, location) = call(&app, &callers, role, "post", logout.1).await;
        assert_eq!((status, location.as_str()), (303, "/"), "{name}");
    }
    let politician = callers.sessions[1].as_ref().unwrap();
    let r = politician.get("/my/proposals").await;
    assert_eq!(r.status().as_u16(), 303);
}

/// A page of the secretariat: the anonymous to the login page, other roles refused.
fn secretariat_get() -> [u16; 6] {
    [L, 403, 403, 403, 403, 200]
}

/// A post to the secretariat: the anonymous sent to log in, other roles refused.
fn secretariat_post() -> [u16; 6] {
    [L, 403, 403, 403, 403, A]
}

/// One request as caller `role`: the API with the caller's token, pages with its session (posts
/// with its form token and nothing else). Returns the status and the `Location` header.
async fn call(
    app: &TestApp,
    callers: &Callers,
    role: usize,
    method: &str,
    path: &str,
) -> (u16, String) {
    let response = if path.starts_with("/api/") {
        let method = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
        let mut request = app.client.request(method.clone(), app.url(path));
        if let Some(token) = &callers.tokens[role] {
            request = request.bearer_auth(token);
        }
        if method != reqwest::Method::GET {
            request = request.json(&json!({}));
        }
        request.send().await.unwrap()
    } else {
        let (client, csrf) = match &callers.sessions[role] {
            Some(session) => (&session.client, session.csrf.as_str()),
            None => (&callers.anonymous, callers.anonymous_csrf.as_str()),
        };
        match method {
            "get" => client.get(app.url(path)).send().await.unwrap(),
            _ => client
                .post(app.url(path))
                .form(&[("csrf", csrf)])
                .send()
                .await
                .unwrap(),
        }
    };
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, location)
}
