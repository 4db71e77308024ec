//! OParl 1.1 (`/oparl/v1`, issue 21): an independent client (`tests/oparl/validate.py`) follows
//! every link from the System object and checks every object against the OParl 1.1 schemas;
//! and the lists page by keyset with their filters carried along, refuse bad input with OParl's
//! error object, and show nothing that is not public.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

use crate::helpers::{Backend, TestApp, in_ci, notice, on_both_backends, spawn_app};

on_both_backends!(
    every_object_is_valid_oparl,
    lists_page_by_keyset_with_their_filters,
    bad_input_gets_an_oparl_error,
    only_what_is_public_is_open_data,
    documents_open_in_the_browser_or_download_as_files,
    files_consultations_and_agenda_items_are_listed,
    what_is_no_longer_public_is_listed_as_deleted,
    a_few_hundred_meetings_are_valid_oparl,
);

/// The OParl 1.1 schemas, reference data beside the repository (`../shared`).
fn schema_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/oparl-1.1-schema");
    dir.join("Body.json").exists().then_some(dir)
}

/// Whether Python has `jsonschema` (Schemathesis brings it); in CI its absence fails.
fn python_with_jsonschema() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok || !in_ci(),
        "CI=true but python3 cannot import jsonschema (pip install jsonschema)"
    );
    ok
}

async fn every_object_is_valid_oparl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let Some(schemas) = schema_dir() else {
        notice("../shared/oparl-1.1-schema not found; the OParl schema check is skipped");
        return;
    };
    if !python_with_jsonschema() {
        notice("python3 with jsonschema not found; the OParl schema check is skipped");
        return;
    }
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/oparl/validate.py");
    let system = format!("{}/oparl/v1/system", app.address);
    let out = tokio::process::Command::new("python3")
        .arg(&script)
        .arg(&system)
        .arg(&schemas)
        .output()
        .await
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the OParl client finds errors:\n{report}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // It saw the demo: the council, its people and seats, the released meeting, the papers.
    let listed: usize = report
        .lines()
        .last()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(listed > 50, "{report}");
}

/// Every object of a list, page by page from `first`, following `next`.
async fn walk(app: &TestApp, first: &str) -> (Vec<Value>, usize) {
    let mut url = first.to_owned();
    let mut objects = Vec::new();
    let mut pages = 0;
    loop {
        pages += 1;
        assert!(pages < 1000, "the pages of {first} do not end");
        let path = url.trim_start_matches("http://agendum.test").to_owned();
        let page = app.get_json(&path, 200).await;
        objects.extend(page["data"].as_array().unwrap().iter().cloned());
        match page["links"]["next"].as_str() {
            Some(next) => url = next.to_owned(),
            None => break,
        }
    }
    (objects, pages)
}

async fn lists_page_by_keyset_with_their_filters(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let system = app.get_json("/oparl/v1/system", 200).await;
    assert_eq!(system["type"], "https://schema.oparl.org/1.1/System");
    assert_eq!(system["oparlVersion"], "https://schema.oparl.org/1.1/");
    let bodies = app.get_json("/oparl/v1/bodies", 200).await;
    let body = &bodies["data"][0];
    let persons = body["person"].as_str().unwrap();
    let path = persons.trim_start_matches("http://agendum.test");

    // All at once, then two at a time: the same objects, in the same order, none twice.
    let all = app.get_json(&format!("{path}?limit=1000"), 200).await;
    let total = all["pagination"]["totalElements"].as_i64().unwrap();
    let everyone: Vec<&str> = all["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(everyone.len() as i64, total);
    assert!(total > 10, "the demo's persons: {all}");
    assert!(all["links"]["next"].is_null(), "one page holds them all");
    let (paged, pages) = walk(&app, &format!("{persons}?limit=2")).await;
    let paged: Vec<&str> = paged.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(paged, everyone);
    assert_eq!(pages as i64, (total + 1) / 2);

    // The filters and the limit go into every link.
    let since = "2000-01-01T00:00:00+01:00";
    let first = app
        .get_json(
            &format!("{path}?limit=3&modified_since={}", urlencode(since)),
            200,
        )
        .await;
    let next = first["links"]["next"].as_str().unwrap();
    assert!(
        next.contains("modified_since=2000-01-01T00%3A00%3A00%2B01%3A00"),
        "{next}"
    );
    assert!(next.contains("limit=3"), "{next}");
    // A window in the future holds nothing, and says so.
    let empty = app
        .get_json(&format!("{path}?created_since=2999-01-01"), 200)
        .await;
    assert_eq!(empty["data"], serde_json::json!([]));
    assert_eq!(empty["pagination"]["totalElements"], 0);
    assert!(empty["links"]["next"].is_null());

    // A change moves an object into the modified window of a client that read before it
    // (a second after the demo was made, so the window holds the change alone).
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let before = chrono::Utc::now();
    let anna = agendum::db::organizations::persons_page(&mut app.conn(), 0, 1)
        .unwrap()
        .0
        .remove(0);
    agendum::db::organizations::update_person(&mut app.conn(), anna.id, "Anna Ny", None, None)
        .unwrap();
    let changed = app
        .get_json(
            &format!("{path}?modified_since={}", urlencode(&before.to_rfc3339())),
            200,
        )
        .await;
    let names: Vec<&str> = changed["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Anna Ny"], "{changed}");
}

fn urlencode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

async fn bad_input_gets_an_oparl_error(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    for (path, status) in [
        ("/oparl/v1/bodies/1/persons?limit=-1", 400),
        ("/oparl/v1/bodies/1/persons?limit=0", 400),
        ("/oparl/v1/bodies/1/persons?limit=abc", 400),
        ("/oparl/v1/bodies/1/persons?limit=100000", 400),
        ("/oparl/v1/bodies/1/persons?modified_since=yesterday", 400),
        ("/oparl/v1/bodies/1/persons?after=-5", 400),
        ("/oparl/v1/bodies/1/persons?sort=name", 400),
        ("/oparl/v1/bodies/1/nothing", 404),
        ("/oparl/v1/bodies/999999", 404),
        ("/oparl/v1/bodies/999999/meetings", 404),
        ("/oparl/v1/persons/999999", 404),
        ("/oparl/v1/meetings/1/agenda-items/999999", 404),
        ("/oparl/v1/papers/999999", 404),
        ("/oparl/v1/no-such-thing", 404),
        ("/oparl/v1/persons/abc", 404),
    ] {
        let answer = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(answer.status().as_u16(), status, "{path}");
        assert_eq!(
            answer
                .headers()
                .get("access-control-allow-origin")
                .map(|v| v.to_str().unwrap().to_owned())
                .as_deref(),
            Some("*"),
            "{path}"
        );
        let body: Value = answer.json().await.unwrap();
        assert_eq!(body["type"], "https://schema.oparl.org/1.1/Error", "{path}");
        assert!(
            body["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{path}"
        );
    }
}

async fn only_what_is_public_is_open_data(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let meetings = app.get_json("/oparl/v1/bodies/1/meetings", 200).await;
    let public: Vec<i64> = agendum::db::meetings::list_released(&mut app.conn(), 0, 1000)
        .unwrap()
        .0
        .iter()
        .map(|m| m.id.0)
        .collect();
    let listed: Vec<String> = meetings["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(listed.len(), public.len(), "{meetings}");
    for id in &public {
        assert!(listed.contains(&format!("http://agendum.test/oparl/v1/meetings/{id}")));
    }
    // A meeting whose agenda is not released is not open data.
    let unreleased = agendum::db::meetings::upcoming_of(
        &mut app.conn(),
        &[app.organization_id("Borgerrepræsentationen")],
        chrono::Utc::now(),
        10,
    )
    .unwrap()
    .into_iter()
    .find(|m| !public.contains(&m.id.0))
    .expect("the demo has a planned meeting");
    app.get_json(&format!("/oparl/v1/meetings/{}", unreleased.id.0), 404)
        .await;
    // Papers are the proposals the released agendas show; drafts and submitted ones are not.
    let papers = app.get_json("/oparl/v1/bodies/1/papers", 200).await;
    for paper in papers["data"].as_array().unwrap() {
        let id: i64 = paper["id"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let p = agendum::db::proposals::get(&mut app.conn(), agendum::domain::ProposalId(id))
            .unwrap()
            .unwrap();
        assert!(
            agendum::db::proposals::is_public(&mut app.conn(), &p).unwrap(),
            "{paper}"
        );
    }
    crate::workflow::draft(&app.db, "Medlemsforslag om noget endnu ikke offentligt");
    let mut hidden = 0;
    for id in 1..=60 {
        let Some(p) =
            agendum::db::proposals::get(&mut app.conn(), agendum::domain::ProposalId(id)).unwrap()
        else {
            continue;
        };
        if !agendum::db::proposals::is_public(&mut app.conn(), &p).unwrap() {
            app.get_json(&format!("/oparl/v1/papers/{id}"), 404).await;
            hidden += 1;
        }
    }
    assert!(hidden > 0, "the demo has proposals that are not public");
    // Closed items show their number and title only.
    let json = app.get_json("/oparl/v1/bodies/1/meetings", 200).await;
    for meeting in json["data"].as_array().unwrap() {
        for item in meeting["agendaItem"].as_array().into_iter().flatten() {
            if item["public"] == false {
                // The outcome may follow once the minutes are published; nothing else.
                let mut keys: Vec<&str> = item
                    .as_object()
                    .unwrap()
                    .keys()
                    .map(String::as_str)
                    .filter(|k| *k != "result")
                    .collect();
                keys.sort_unstable();
                assert_eq!(
                    keys,
                    [
                        "created", "id", "meeting", "modified", "name", "number", "order",
                        "public", "type"
                    ],
                    "{item}"
                );
            }
        }
    }
}

/// A document opens in the browser, and `?download` gives it as a file to save: the two
/// addresses an OParl File names (`accessUrl`, `downloadUrl`).
async fn documents_open_in_the_browser_or_download_as_files(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    for (path, disposition) in [
        ("/meetings/1/agenda.pdf", "inline"),
        ("/meetings/1/agenda.pdf?version=1", "inline"),
        ("/meetings/1/agenda.pdf?download", "attachment"),
        ("/meetings/1/agenda.pdf?version=1&download=1", "attachment"),
    ] {
        let answer = app.get(path).await;
        assert_eq!(answer.status().as_u16(), 200, "{path}");
        let value = answer
            .headers()
            .get("content-disposition")
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            value.starts_with(&format!("{disposition}; filename=")),
            "{path}: {value}"
        );
    }
}

fn path_of(url: &str) -> &str {
    url.trim_start_matches("http://agendum.test")
}

/// The files, consultations and agenda items of the Body's lists: what a meeting, an item or a
/// paper embeds or links is in the list, resolves by its id, and its documents open and save.
async fn files_consultations_and_agenda_items_are_listed(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let body = app.get_json("/oparl/v1/bodies/1", 200).await;
    let (files, _) = walk(&app, body["file"].as_str().unwrap()).await;
    let file_ids: Vec<&str> = files.iter().map(|f| f["id"].as_str().unwrap()).collect();
    // Each listed file resolves to itself, opens in the browser and saves as a file.
    for file in &files {
        let id = file["id"].as_str().unwrap();
        assert_eq!(&app.get_json(path_of(id), 200).await, file);
        for (url, disposition) in [
            (file["accessUrl"].as_str().unwrap(), "inline"),
            (file["downloadUrl"].as_str().unwrap(), "attachment"),
        ] {
            let answer = app.get(path_of(url)).await;
            assert_eq!(answer.status().as_u16(), 200, "{url}");
            let value = answer.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .to_owned();
            assert!(value.starts_with(disposition), "{url}: {value}");
        }
    }
    // The seed meeting's agenda is its invitation; the demo's public letter is a file too.
    let meeting = app.get_json("/oparl/v1/meetings/1", 200).await;
    let invitation = meeting["invitation"]["id"].as_str().expect("an invitation");
    assert!(
        file_ids.contains(&invitation),
        "{invitation} in {file_ids:?}"
    );
    assert!(
        files
            .iter()
            .any(|f| f["accessUrl"].as_str().unwrap().contains("/letters/")),
        "{file_ids:?}"
    );
    // The seed proposal: its item links the consultation, its paper embeds it.
    let (items, _) = walk(&app, body["agendaItem"].as_str().unwrap()).await;
    let item = items
        .iter()
        .find(|i| i["meeting"] == meeting["id"] && i["consultation"].is_string())
        .unwrap_or_else(|| panic!("the seed item in {items:?}"));
    let consultation = app
        .get_json(path_of(item["consultation"].as_str().unwrap()), 200)
        .await;
    assert_eq!(consultation["agendaItem"], item["id"]);
    assert_eq!(consultation["meeting"], meeting["id"]);
    let paper = app
        .get_json(path_of(consultation["paper"].as_str().unwrap()), 200)
        .await;
    assert_eq!(paper["consultation"][0], consultation);
    let (consultations, _) = walk(&app, body["consultation"].as_str().unwrap()).await;
    assert!(consultations.contains(&consultation), "{consultations:?}");
    // Every item of every public meeting is in the list, in the meetings' order.
    let (meetings, _) = walk(&app, body["meeting"].as_str().unwrap()).await;
    let embedded: Vec<&Value> = meetings
        .iter()
        .flat_map(|m| m["agendaItem"].as_array().unwrap().iter())
        .collect();
    assert_eq!(embedded.len(), items.len());
    for (a, b) in embedded.iter().zip(&items) {
        assert_eq!(*a, b);
    }
    // Paged two at a time, the same.
    let (paged, _) = walk(
        &app,
        &format!("{}?limit=2", body["agendaItem"].as_str().unwrap()),
    )
    .await;
    assert_eq!(paged, items);
    for (path, status) in [
        ("/oparl/v1/files/agenda-999999", 404),
        ("/oparl/v1/files/nothing-1", 404),
        ("/oparl/v1/files/letter-0", 404),
        ("/oparl/v1/consultations/999999", 404),
    ] {
        let answer = app.get(path).await;
        assert_eq!(answer.status().as_u16(), status, "{path}");
    }
}

fn lock_of(app: &TestApp, meeting: i64) -> String {
    agendum::db::meetings::get(&mut app.conn(), agendum::domain::MeetingId(meeting))
        .unwrap()
        .unwrap()
        .lock_version
        .to_string()
}

async fn editor(
    app: &TestApp,
    session: &crate::helpers::Session,
    rest: &str,
    fields: &[(&str, &str)],
) {
    let lock = lock_of(app, 2);
    let mut all = fields.to_vec();
    all.push(("lock", &lock));
    let (status, body) = session
        .post(&format!("/secretariat/meetings/2/agenda{rest}"), &all)
        .await
        .said();
    assert_eq!(status, 303, "{rest}: {body}");
}

/// With `modified_since`, what was public and is no longer is listed as deleted: an item a
/// supplement took off, the proposal on an item it closed and that item's consultation; and
/// such an object reads as deleted at its own address.
async fn what_is_no_longer_public_is_listed_as_deleted(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let proposal = agendum::db::proposals::insert(
        &mut app.conn(),
        &agendum::db::proposals::NewProposal {
            body_id: agendum::domain::BodyId(1),
            organization_id: agendum::domain::OrganizationId(1),
            title: "Medlemsforslag om en bænk",
            opening: "Det foreslås,",
            clauses: &["at der stilles en bænk op.".to_owned()],
            motivation: "En bænk.",
            status: agendum::domain::proposal::ProposalStatus::Accepted,
            submitting_party_id: None,
            submitters: &[],
            cases: &[],
            target_meeting_id: Some(agendum::domain::MeetingId(2)),
            submitted_at: Some(chrono::Utc::now()),
        },
    )
    .unwrap();
    editor(
        &app,
        &secretariat,
        "/proposals",
        &[("proposal", &proposal.to_string())],
    )
    .await;
    editor(
        &app,
        &secretariat,
        "/items",
        &[("kind", "orientation"), ("title", "Orientering der udgår")],
    )
    .await;
    editor(&app, &secretariat, "/release", &[]).await;
    let item_of = |title: &str| {
        agendum::db::agenda::working_items(&mut app.conn(), agendum::domain::MeetingId(2))
            .unwrap()
            .into_iter()
            .find(|i| i.title == title)
            .unwrap()
            .id
            .0
    };
    let bench = item_of("Medlemsforslag om en bænk");
    let dropped = item_of("Orientering der udgår");
    let paper = format!("/oparl/v1/papers/{proposal}");
    let consultation = format!("/oparl/v1/consultations/{bench}");
    let item_path = format!("/oparl/v1/meetings/2/agenda-items/{dropped}");
    for path in [&paper, &consultation, &item_path] {
        assert!(app.get_json(path, 200).await["deleted"].is_null(), "{path}");
    }
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let before = urlencode(&chrono::Utc::now().to_rfc3339());
    editor(
        &app,
        &secretariat,
        &format!("/items/{bench}"),
        &[("action", "close")],
    )
    .await;
    editor(
        &app,
        &secretariat,
        &format!("/items/{dropped}"),
        &[("action", "delete")],
    )
    .await;
    editor(&app, &secretariat, "/release", &[]).await;

    for (list, id) in [
        ("agenda-items", item_path.as_str()),
        ("papers", paper.as_str()),
        ("consultations", consultation.as_str()),
    ] {
        let gone = app.get_json(id, 200).await;
        assert_eq!(gone["deleted"], true, "{gone}");
        let since = app
            .get_json(
                &format!("/oparl/v1/bodies/1/{list}?modified_since={before}"),
                200,
            )
            .await;
        let found = since["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| path_of(o["id"].as_str().unwrap()) == id)
            .unwrap_or_else(|| panic!("{id} in {since}"));
        assert_eq!(found["deleted"], true, "{found}");
        for key in ["type", "created", "modified"] {
            assert!(found[key].is_string(), "{found}");
        }
        // Without the filter, a client starting afresh does not see it at all.
        let (all, _) = walk(&app, &format!("/oparl/v1/bodies/1/{list}")).await;
        assert!(
            all.iter().all(|o| path_of(o["id"].as_str().unwrap()) != id),
            "{id} listed without modified_since"
        );
    }
    // The closed item is still there, by number and title.
    let closed = app
        .get_json(&format!("/oparl/v1/meetings/2/agenda-items/{bench}"), 200)
        .await;
    assert_eq!(closed["public"], false, "{closed}");
    assert!(closed["deleted"].is_null(), "{closed}");
}

/// The independent client finds no error in a council with a few hundred public meetings
/// (generated: each with items open and closed and an agenda released; their PDFs are not
/// rendered, which the client does not read).
async fn a_few_hundred_meetings_are_valid_oparl(backend: Backend) {
    const MEETINGS: i64 = 300;
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let Some(schemas) = schema_dir() else {
        notice("../shared/oparl-1.1-schema not found; the OParl schema check is skipped");
        return;
    };
    if !python_with_jsonschema() {
        notice("python3 with jsonschema not found; the OParl schema check is skipped");
        return;
    }
    {
        use agendum::db::agenda::{self, NewAgendaItem, ReleaseRequest};
        use agendum::domain::agenda::AgendaItemKind;
        let mut conn = app.conn();
        let council = app.organization_id("Borgerrepræsentationen");
        for n in 0..MEETINGS {
            agendum::db::write_transaction(&mut conn, |conn| {
                let meeting = agendum::db::meetings::insert(
                    conn,
                    &agendum::db::meetings::NewMeeting {
                        organization_id: council,
                        kind: agendum::domain::meeting::MeetingKind::Regular,
                        starts_at: chrono::Utc::now() + chrono::Duration::days(30 + n),
                        ends_at: None,
                        location: "Rådhuset",
                    },
                )?;
                for (title, kind, public) in [
                    (
                        "Godkendelse af dagsordenen",
                        AgendaItemKind::ApprovalOfAgenda,
                        true,
                    ),
                    (
                        "Orientering om økonomien",
                        AgendaItemKind::Orientation,
                        true,
                    ),
                    ("Personsag", AgendaItemKind::Orientation, false),
                ] {
                    agenda::append_item(conn, &NewAgendaItem::plain(meeting, title, kind, public))?;
                }
                let prepared = agenda::prepare_release(
                    conn,
                    &ReleaseRequest {
                        meeting_id: meeting,
                        released_at: chrono::Utc::now(),
                        released_by: None,
                        late_reason: Some("generated"),
                        expected_lock: None,
                    },
                )?;
                agenda::record_release(conn, prepared, Vec::new())
            })
            .unwrap();
        }
    }
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/oparl/validate.py");
    let out = tokio::process::Command::new("python3")
        .arg(&script)
        .arg(format!("{}/oparl/v1/system", app.address))
        .arg(&schemas)
        .output()
        .await
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the OParl client finds errors:\n{report}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed: i64 = report
        .lines()
        .last()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    // Each meeting with its location, three items and a file at least.
    assert!(listed > MEETINGS * 6, "{report}");
}
