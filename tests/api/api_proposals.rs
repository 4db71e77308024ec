//! The JSON API for proposals and cases, and the OpenAPI document, on both backends.

use serde_json::{Value, json};

use crate::helpers::{Backend, TestApp, api_call, api_token, on_both_backends, spawn_app};

on_both_backends!(
    proposals_are_drafted_changed_and_submitted_over_the_api,
    the_api_checks_who_may_do_what,
    cases_show_their_timeline,
);

fn council_rule_one_day(app: &TestApp) {
    agendum::db::organizations::set_deadline_rules(
        &mut app.conn(),
        agendum::domain::OrganizationId(1),
        Some(&"calendar_days:1".parse().unwrap()),
        None,
    )
    .unwrap();
}

async fn proposals_are_drafted_changed_and_submitted_over_the_api(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    council_rule_one_day(&app);
    let politician = api_token(&app, "politiker@example.org");
    let (status, created) = api_call(
        &app,
        reqwest::Method::POST,
        "/api/v1/proposals",
        Some(&politician),
        Some(json!({
            "title": "Medlemsforslag om flere bænke",
            "clauses": ["at der opsættes 100 bænke,", "at Teknik- og Miljøforvaltningen finder pladserne."],
            "motivation": "Folk vil gerne sidde.",
            "meeting_id": 2,
            "party_id": null,
        })),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_i64().unwrap();
    assert_eq!(created["status"], "draft");
    assert_eq!(created["opening"], "Det foreslås,");
    assert_eq!(
        created["clauses"][1],
        "at Teknik- og Miljøforvaltningen finder pladserne."
    );
    assert_eq!(created["submitters"][0]["name"], "Maja Lund Holm");
    assert_eq!(created["target_meeting_id"], 2);

    // Invalid input: a message per field, nothing saved.
    let (status, error) = api_call(
        &app,
        reqwest::Method::POST,
        "/api/v1/proposals",
        Some(&politician),
        Some(json!({ "title": "", "clauses": ["at a", " "], "meeting_id": 1 })),
    )
    .await;
    assert_eq!(status, 422, "{error}");
    assert_eq!(error["error"]["code"], "invalid");
    assert!(error["error"]["fields"]["title"].is_string());
    assert!(error["error"]["fields"]["clause-2"].is_string());
    assert!(error["error"]["fields"]["meeting"].is_string());
    let (status, error) = api_call(
        &app,
        reqwest::Method::POST,
        "/api/v1/proposals",
        Some(&politician),
        Some(json!({ "titel": "x" })),
    )
    .await;
    assert_eq!(status, 400, "unknown fields are refused: {error}");

    // PATCH: only with the lock_version it is based on.
    let path = format!("/api/v1/proposals/{id}");
    let (status, _) = api_call(
        &app,
        reqwest::Method::PATCH,
        &path,
        Some(&politician),
        Some(json!({ "title": "x" })),
    )
    .await;
    assert_eq!(status, 400);
    let lock = created["lock_version"].as_i64().unwrap();
    let (status, changed) = api_call(
        &app,
        reqwest::Method::PATCH,
        &path,
        Some(&politician),
        Some(json!({ "lock_version": lock, "clauses": ["at der opsættes 200 bænke."] })),
    )
    .await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!(changed["clauses"], json!(["at der opsættes 200 bænke."]));
    assert_eq!(
        changed["title"], "Medlemsforslag om flere bænke",
        "fields left out are kept"
    );
    let (status, stale) = api_call(
        &app,
        reqwest::Method::PATCH,
        &path,
        Some(&politician),
        Some(json!({ "lock_version": lock, "title": "Medlemsforslag om færre bænke" })),
    )
    .await;
    assert_eq!(status, 409, "{stale}");
    assert_eq!(stale["error"]["code"], "conflict");

    // Submit: on time, a receipt in the outbox.
    let (status, submitted) = api_call(
        &app,
        reqwest::Method::POST,
        &format!("{path}/submit"),
        Some(&politician),
        None,
    )
    .await;
    assert_eq!(status, 200, "{submitted}");
    assert_eq!(submitted["status"], "submitted");
    assert_eq!(submitted["late"], false);
    assert!(submitted["deadline"].is_string());
    let (status, again) = api_call(
        &app,
        reqwest::Method::POST,
        &format!("{path}/submit"),
        Some(&politician),
        None,
    )
    .await;
    assert_eq!(status, 409, "{again}");
    let (mine_status, mine) = api_call(
        &app,
        reqwest::Method::GET,
        "/api/v1/proposals",
        Some(&politician),
        None,
    )
    .await;
    assert_eq!(mine_status, 200);
    assert!(
        mine["data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["id"] == id)
    );
    let (_, public) = api_call(&app, reqwest::Method::GET, "/api/v1/proposals", None, None).await;
    assert!(
        !public["data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["id"] == id),
        "not public yet"
    );
    assert!(
        public["data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["id"] == 1),
        "the seed proposal is"
    );
    let secretariat = api_token(&app, "sekretariat@example.org");
    let (_, inbox) = api_call(
        &app,
        reqwest::Method::GET,
        "/api/v1/proposals",
        Some(&secretariat),
        None,
    )
    .await;
    assert!(
        inbox["data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["id"] == id)
    );
}

/// A method, a path, a token, a body and the status expected.
type Call<'a> = (reqwest::Method, String, Option<&'a str>, Option<Value>, u16);

async fn the_api_checks_who_may_do_what(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    council_rule_one_day(&app);
    crate::helpers::add_other_politician(&app);
    let author = api_token(&app, "politiker@example.org");
    let other = api_token(&app, "anden@example.org");
    let administration = api_token(&app, "okf@example.org");
    let secretariat = api_token(&app, "sekretariat@example.org");
    let (_, draft) = api_call(
        &app,
        reqwest::Method::POST,
        "/api/v1/proposals",
        Some(&author),
        Some(json!({ "title": "Medlemsforslag om Y", "clauses": ["at y."], "meeting_id": 2 })),
    )
    .await;
    let id = draft["id"].as_i64().unwrap();
    let path = format!("/api/v1/proposals/{id}");
    let patch = json!({ "lock_version": draft["lock_version"], "title": "Kapret" });
    let table: Vec<Call<'_>> = vec![
        (
            reqwest::Method::POST,
            "/api/v1/proposals".into(),
            None,
            Some(json!({ "title": "x" })),
            401,
        ),
        (
            reqwest::Method::POST,
            "/api/v1/proposals".into(),
            Some(&administration),
            Some(json!({ "title": "x" })),
            403,
        ),
        (
            reqwest::Method::POST,
            "/api/v1/proposals".into(),
            Some(&secretariat),
            Some(json!({ "title": "x" })),
            403,
        ),
        (
            reqwest::Method::POST,
            "/api/v1/proposals".into(),
            Some("agendum_forkert"),
            Some(json!({ "title": "x" })),
            401,
        ),
        (reqwest::Method::GET, path.clone(), None, None, 404),
        (reqwest::Method::GET, path.clone(), Some(&other), None, 404),
        (
            reqwest::Method::GET,
            path.clone(),
            Some(&administration),
            None,
            404,
        ),
        (
            reqwest::Method::GET,
            path.clone(),
            Some(&secretariat),
            None,
            404,
        ),
        (reqwest::Method::GET, path.clone(), Some(&author), None, 200),
        (
            reqwest::Method::PATCH,
            path.clone(),
            None,
            Some(patch.clone()),
            401,
        ),
        (
            reqwest::Method::PATCH,
            path.clone(),
            Some(&other),
            Some(patch.clone()),
            404,
        ),
        (
            reqwest::Method::PATCH,
            path.clone(),
            Some(&secretariat),
            Some(patch.clone()),
            404,
        ),
        (
            reqwest::Method::POST,
            format!("{path}/submit"),
            None,
            None,
            401,
        ),
        (
            reqwest::Method::POST,
            format!("{path}/submit"),
            Some(&other),
            None,
            404,
        ),
        (
            reqwest::Method::POST,
            format!("{path}/submit"),
            Some(&administration),
            None,
            404,
        ),
        (
            reqwest::Method::GET,
            "/api/v1/proposals/999999".into(),
            Some(&author),
            None,
            404,
        ),
        (
            reqwest::Method::GET,
            "/api/v1/proposals?per_page=0".into(),
            None,
            None,
            400,
        ),
        (
            reqwest::Method::GET,
            "/api/v1/proposals?scope=alt".into(),
            None,
            None,
            400,
        ),
    ];
    for (method, path, token, body, expected) in table {
        let (status, json) = api_call(&app, method.clone(), &path, token, body).await;
        assert_eq!(status, expected, "{method} {path} with {token:?}: {json}");
        assert!(json["error"]["code"].is_string() || status == 200, "{json}");
        if status != 200 {
            assert!(
                !json.to_string().contains("at y."),
                "{method} {path} leaks the text"
            );
        }
    }
    let (_, stored) = api_call(&app, reqwest::Method::GET, &path, Some(&author), None).await;
    assert_eq!(
        stored["title"], "Medlemsforslag om Y",
        "nothing was changed"
    );
    assert_eq!(stored["status"], "draft");
}

async fn cases_show_their_timeline(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (status, case) = api_call(
        &app,
        reqwest::Method::GET,
        "/api/v1/cases/2025-0124174",
        None,
        None,
    )
    .await;
    assert_eq!(status, 200, "{case}");
    assert_eq!(case["reference"], "2025-0124174");
    assert_eq!(case["proposals"][0]["id"], 1);
    let events: Vec<&str> = case["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(events, vec!["proposal_submitted", "on_agenda"]);
    assert!(
        case["audit_log"].is_null(),
        "the audit log is the secretariat's"
    );
    let secretariat = api_token(&app, "sekretariat@example.org");
    let (_, case) = api_call(
        &app,
        reqwest::Method::GET,
        "/api/v1/cases/2025-0124174",
        Some(&secretariat),
        None,
    )
    .await;
    assert!(case["audit_log"].is_array());
    let (status, _) = api_call(
        &app,
        reqwest::Method::GET,
        "/api/v1/cases/2025-12",
        None,
        None,
    )
    .await;
    assert_eq!(status, 400);
    let (status, _) = api_call(
        &app,
        reqwest::Method::GET,
        "/api/v1/cases/2025-0000001",
        None,
        None,
    )
    .await;
    assert_eq!(status, 404);
}

/// The OpenAPI document names this installation's address, and every `$ref` in it resolves
/// (which routes and fields it describes: `openapi.rs`, against the router and the answers).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openapi_describes_the_api() {
    let Some(app) = spawn_app(Backend::Sqlite).await else {
        return;
    };
    let doc = app.get_json("/api/v1/openapi.json", 200).await;
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(doc["servers"][0]["url"], "http://agendum.test/api/v1");
    // Every $ref points at something in the document.
    let text = doc.to_string();
    for piece in text.split("\"$ref\":\"#/").skip(1) {
        let target = &piece[..piece.find('"').unwrap()];
        let mut node = &doc;
        for part in target.split('/') {
            node = &node[part];
        }
        assert!(!node.is_null(), "#/{target} exists");
    }
}
