//! The JSON API, on both backends.

use crate::helpers::{Backend, on_both_backends, spawn_app};

on_both_backends!(
    meetings_list_shows_released_meetings,
    meetings_list_paginates_and_refuses_bad_parameters,
    meeting_shows_the_agenda,
    unreleased_meeting_has_no_agenda,
    errors_are_json,
    parse_reads_the_seed_item_as_the_demo_proposal,
    parse_refuses_what_is_not_a_request,
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

/// The seed agenda's item as printed (seed-corrected.md, A, page 2), dedented.
fn seed_item_text() -> String {
    let seed = crate::helpers::seed_corrected();
    let lines: Vec<&str> = seed
        .lines()
        .skip_while(|l| !l.starts_with("Page 2"))
        .skip(1)
        .take_while(|l| !l.starts_with("What follows"))
        .map(|l| l.strip_prefix("    ").unwrap_or(l))
        .collect();
    lines.join("\n")
}

async fn parse_reads_the_seed_item_as_the_demo_proposal(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let item = seed_item_text();
    let parsed: serde_json::Value = app
        .client
        .post(app.url("/api/v1/proposals/parse"))
        .json(&serde_json::json!({ "text": item }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // Exactly what the demo stored for the seed proposal.
    let stored = agendum::db::proposals::get(&mut app.conn(), agendum::domain::ProposalId(1))
        .unwrap()
        .unwrap();
    assert_eq!(parsed["title"], stored.title.as_str());
    assert_eq!(
        parsed["case_references"],
        serde_json::json!(["2025-0124174"])
    );
    assert_eq!(parsed["opening"], stored.opening.as_str());
    assert_eq!(parsed["clauses"], serde_json::json!(stored.clauses));
    assert_eq!(parsed["submitters"], serde_json::json!(["Enhedslisten"]));
    assert_eq!(parsed["motivation"], stored.motivation.as_str());
    assert_eq!(parsed["warnings"], serde_json::json!([]));
}

async fn parse_refuses_what_is_not_a_request(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    for (body, content_type) in [
        ("{\"tekst\": \"x\"}", "application/json"),
        ("not json", "application/json"),
        ("{\"text\": 5}", "application/json"),
        ("text=x", "application/x-www-form-urlencoded"),
    ] {
        let r = app
            .client
            .post(app.url("/api/v1/proposals/parse"))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 400, "{body}");
        let json: serde_json::Value = r.json().await.unwrap();
        assert_eq!(json["error"]["code"], "bad_request", "{body}");
    }
    // Text that is no proposal: an answer with warnings, not an error.
    let r = app
        .client
        .post(app.url("/api/v1/proposals/parse"))
        .json(&serde_json::json!({ "text": "<script>alert(1)</script>" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let json: serde_json::Value = r.json().await.unwrap();
    assert_eq!(json["clauses"], serde_json::json!([]));
    assert!(!json["warnings"].as_array().unwrap().is_empty());
}
