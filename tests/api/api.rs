//! The JSON API, on both backends.

use crate::helpers::{Backend, on_both_backends, spawn_app};

on_both_backends!(
    meetings_list_shows_released_meetings,
    meetings_list_paginates_and_refuses_bad_parameters,
    meeting_shows_the_agenda,
    unreleased_meeting_has_no_agenda,
    errors_are_json,
);

async fn meetings_list_shows_released_meetings(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let json = app.get_json("/api/v1/meetings", 200).await;
    let data = json["data"].as_array().unwrap();
    assert_eq!(data.len(), 1, "only the released seed meeting: {json}");
    let m = &data[0];
    assert_eq!(m["id"], 1);
    assert_eq!(m["organization"]["name"], "Borgerrepræsentationen");
    assert_eq!(m["start"], "2025-04-30T17:30:00+02:00");
    assert_eq!(m["location"], "Borgerrepræsentationens mødesal");
    assert_eq!(m["status"], "agenda_released");
    assert_eq!(m["links"]["html"], "http://agendum.test/meetings/1");
    assert_eq!(m["links"]["self"], "http://agendum.test/api/v1/meetings/1");
    assert_eq!(json["pagination"]["total"], 1);
    assert!(json["pagination"]["next"].is_null());
}

async fn meetings_list_paginates_and_refuses_bad_parameters(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let json = app
        .get_json("/api/v1/meetings?page=2&per_page=1", 200)
        .await;
    assert_eq!(json["data"].as_array().unwrap().len(), 0);
    assert_eq!(json["pagination"]["page"], 2);
    for bad in [
        "page=0",
        "per_page=0",
        "per_page=201",
        "page=abc",
        "page=-3",
        "page=99999999999999999999",
    ] {
        let json = app.get_json(&format!("/api/v1/meetings?{bad}"), 400).await;
        assert_eq!(json["error"]["code"], "bad_request", "{bad}");
        assert!(!json["error"]["message"].as_str().unwrap().is_empty());
    }
}

async fn meeting_shows_the_agenda(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let json = app.get_json("/api/v1/meetings/1", 200).await;
    assert_eq!(json["agenda"]["version"], 1);
    let item = &json["agenda"]["items"][0];
    assert_eq!(item["number"], "1");
    assert_eq!(item["kind"], "member_proposal");
    assert_eq!(item["case_references"][0], "2025-0124174");
    assert!(
        item["display_title"]
            .as_str()
            .unwrap()
            .ends_with("sociale medier (2025-0124174)")
    );
    let clauses = item["proposal"]["clauses"].as_array().unwrap();
    assert_eq!(clauses.len(), 3);
    assert!(
        clauses[0]
            .as_str()
            .unwrap()
            .starts_with("at Borgerrepræsentationen pålægger Økonomiforvaltningen")
    );
    assert_eq!(item["proposal"]["submitted_by"], "Stillet af Enhedslisten");
    assert_eq!(item["proposal"]["url"], "http://agendum.test/proposals/1");
}

async fn unreleased_meeting_has_no_agenda(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let json = app.get_json("/api/v1/meetings/2", 200).await;
    assert_eq!(json["status"], "planned");
    assert!(json["agenda"].is_null(), "{json}");
}

async fn errors_are_json(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    for path in [
        "/api/v1/meetings/999999",
        "/api/v1/meetings/abc",
        "/api/v1/nothing-here",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("application/json")
        );
        let json: serde_json::Value = response.json().await.unwrap();
        assert_eq!(json["error"]["code"], "not_found", "{path}");
    }
}
