//! The register a secretariat keeps (issue 18): organizations created, edited and deactivated
//! through the pages and the API, persons and memberships with their checks, and an election
//! period that ends the old seats.

use agendum::db::organizations as orgs;
use agendum::domain::{OrganizationId, PersonId};
use chrono::NaiveDate;
use serde_json::json;

use crate::followup::{decided_seed, task_mails};
use crate::helpers::{Backend, api_call, api_token, audit_actions, on_both_backends, spawn_app};

on_both_backends!(
    organizations_are_made_on_the_page_and_checked_at_their_fields,
    a_deactivated_administration_gets_no_new_tasks_and_keeps_its_old,
    further_addresses_get_the_task_mail_too,
    memberships_may_not_overlap_or_end_before_they_begin,
    a_new_election_period_ends_the_old_seats_the_day_before,
    the_api_writes_the_register_and_reads_it_publicly,
);

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

async fn organizations_are_made_on_the_page_and_checked_at_their_fields(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let session = app.login("sekretariat@example.org", "demo").await;
    let page = session.get_text("/secretariat/settings", 200).await;
    assert!(page.contains("Københavns Kommune"), "{page}");
    assert!(page.contains("/secretariat/settings/organizations"));

    // An administration without an address is refused at the field, nothing written.
    let before = orgs::list(&mut app.conn()).unwrap().len();
    let (status, body) = session
        .post(
            "/secretariat/settings/organizations",
            &[
                ("kind", "administration"),
                ("name", "Klimaforvaltningen"),
                ("short_name", "KLF"),
                ("emails", ""),
                ("parent", ""),
                ("website", ""),
            ],
        )
        .await
        .page();
    assert_eq!(status, 422);
    assert!(
        body.contains("En forvaltning skal have en e-mailadresse"),
        "{body}"
    );
    assert!(
        body.contains("value=\"Klimaforvaltningen\""),
        "the input is kept"
    );
    assert_eq!(orgs::list(&mut app.conn()).unwrap().len(), before);

    // A short name that is taken (ignoring case) is refused too.
    let (status, body) = session
        .post(
            "/secretariat/settings/organizations",
            &[
                ("kind", "administration"),
                ("name", "Klimaforvaltningen"),
                ("short_name", "økf"),
                ("emails", "klima@kk.example.org"),
            ],
        )
        .await
        .page();
    assert_eq!(status, 422);
    assert!(
        body.contains("Forkortelsen »økf« bruges allerede af Økonomiforvaltningen"),
        "{body}"
    );

    // Made, under Teknik- og Miljøudvalget, with two addresses.
    let committee = app.organization_id("Teknik- og Miljøudvalget");
    let (status, location) = session
        .post(
            "/secretariat/settings/organizations",
            &[
                ("kind", "administration"),
                ("name", "Klimaforvaltningen"),
                ("short_name", "KLF"),
                (
                    "emails",
                    "klima@kk.example.org\nklima-sekretariat@kk.example.org",
                ),
                ("parent", &committee.to_string()),
                ("website", "www.kk.dk/klima"),
            ],
        )
        .await
        .said();
    assert_eq!(status, 303, "{location}");
    let id: i64 = location
        .rsplit('/')
        .next()
        .unwrap()
        .parse()
        .expect("it shows the new organization");
    let made = orgs::get(&mut app.conn(), OrganizationId(id))
        .unwrap()
        .unwrap();
    assert_eq!(made.email.as_deref(), Some("klima@kk.example.org"));
    assert_eq!(made.extra_emails, ["klima-sekretariat@kk.example.org"]);
    assert_eq!(made.parent_id, Some(committee));
    assert_eq!(made.website.as_deref(), Some("https://www.kk.dk/klima"));
    assert_eq!(
        audit_actions(&app, "organization", id),
        ["organization.created"]
    );

    // Its page edits it; its kind cannot be changed, and it cannot sit under itself.
    let page = session.get_text(&location, 200).await;
    assert!(page.contains("klima-sekretariat@kk.example.org"), "{page}");
    let (status, body) = session
        .post(
            &location,
            &[
                ("kind", "administration"),
                ("name", "Klima- og Miljøforvaltningen"),
                ("short_name", "KLF"),
                ("emails", "klima@kk.example.org"),
                ("parent", &id.to_string()),
            ],
        )
        .await
        .page();
    assert_eq!(status, 422);
    assert!(body.contains("kan ikke høre under sig selv"), "{body}");
    let (status, _) = session
        .post(
            &location,
            &[
                ("kind", "administration"),
                ("name", "Klima- og Miljøforvaltningen"),
                ("short_name", "KLF"),
                ("emails", "klima@kk.example.org"),
                ("parent", &committee.to_string()),
            ],
        )
        .await
        .said();
    assert_eq!(status, 303);
    let edited = orgs::get(&mut app.conn(), OrganizationId(id))
        .unwrap()
        .unwrap();
    assert_eq!(edited.name, "Klima- og Miljøforvaltningen");
    assert!(edited.extra_emails.is_empty());
    assert_eq!(
        audit_actions(&app, "organization", id),
        ["organization.created", "organization.updated"]
    );

    // The council cannot be deactivated; the page says why.
    let council = app.organization_id("Borgerrepræsentationen");
    let (status, body) = session
        .post(
            &format!("/secretariat/settings/organizations/{council}/active"),
            &[("active", "false")],
        )
        .await
        .page();
    assert_eq!(status, 422);
    assert!(body.contains("kan ikke deaktiveres"), "{body}");
}

async fn a_deactivated_administration_gets_no_new_tasks_and_keeps_its_old(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let token = api_token(&app, "sekretariat@example.org");
    let (item, _) = decided_seed(&app, &token).await;
    let okf = app.organization_id("Økonomiforvaltningen");
    let tmf = app.organization_id("Teknik- og Miljøforvaltningen");
    let task = |clause: i64, lead: OrganizationId| json!({ "agenda_item_id": item, "clause": clause, "lead": lead.0, "deadline": "2031-06-30" });
    let (status, old) = api_call(
        &app,
        reqwest::Method::POST,
        "/api/v1/tasks",
        Some(&token),
        Some(task(1, tmf)),
    )
    .await;
    assert_eq!(status, 201, "{old}");

    let session = app.login("sekretariat@example.org", "demo").await;
    let (status, _) = session
        .post(
            &format!("/secretariat/settings/organizations/{tmf}/active"),
            &[("active", "false")],
        )
        .await
        .said();
    assert_eq!(status, 303);
    assert!(!orgs::get(&mut app.conn(), tmf).unwrap().unwrap().active);

    // No new task for it, neither as lead nor as contributor.
    let (status, refused) = api_call(
        &app,
        reqwest::Method::POST,
        "/api/v1/tasks",
        Some(&token),
        Some(task(2, tmf)),
    )
    .await;
    assert_eq!(status, 422, "{refused}");
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("deaktiveret"),
        "{refused}"
    );
    let mut with_contributor = task(2, okf);
    with_contributor["contributors"] = json!([tmf.0]);
    let (status, _) = api_call(
        &app,
        reqwest::Method::POST,
        "/api/v1/tasks",
        Some(&token),
        Some(with_contributor),
    )
    .await;
    assert_eq!(status, 422);
    // Nor is it suggested any more.
    let (_, suggestions) = api_call(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/agenda-items/{item}/task-suggestions"),
        Some(&token),
        None,
    )
    .await;
    assert!(
        !suggestions
            .to_string()
            .contains("Teknik- og Miljøforvaltningen"),
        "{suggestions}"
    );
    // Its old task stays, readable and still its own.
    let (status, kept) = api_call(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/tasks/{}", old["id"]),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(kept["lead"]["id"], tmf.0);
    assert_eq!(
        audit_actions(&app, "organization", tmf.0)
            .last()
            .map(String::as_str),
        Some("organization.deactivated")
    );

    // Reactivated, it gets tasks again.
    let (status, _) = session
        .post(
            &format!("/secretariat/settings/organizations/{tmf}/active"),
            &[("active", "true")],
        )
        .await
        .said();
    assert_eq!(status, 303);
    let (status, _) = api_call(
        &app,
        reqwest::Method::POST,
        "/api/v1/tasks",
        Some(&token),
        Some(task(2, tmf)),
    )
    .await;
    assert_eq!(status, 201);
}

async fn further_addresses_get_the_task_mail_too(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let token = api_token(&app, "sekretariat@example.org");
    let okf = app.organization_id("Økonomiforvaltningen");
    let (status, patched) = api_call(
        &app,
        reqwest::Method::PATCH,
        &format!("/api/v1/organizations/{okf}"),
        Some(&token),
        Some(json!({ "emails": ["okf@forvaltning.example.org", "okf-post@kk.example.org"] })),
    )
    .await;
    assert_eq!(status, 200, "{patched}");
    let (item, _) = decided_seed(&app, &token).await;
    let (status, task) = api_call(
        &app,
        reqwest::Method::POST,
        "/api/v1/tasks",
        Some(&token),
        Some(
            json!({ "agenda_item_id": item, "clause": 1, "lead": okf.0, "deadline": "2031-06-30" }),
        ),
    )
    .await;
    assert_eq!(status, 201, "{task}");
    let mails = task_mails(&app, task["id"].as_i64().unwrap());
    let to: Vec<&str> = mails[0].to.iter().map(|m| m.email.as_str()).collect();
    assert_eq!(
        to,
        ["okf@forvaltning.example.org", "okf-post@kk.example.org"]
    );
}

async fn memberships_may_not_overlap_or_end_before_they_begin(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let session = app.login("sekretariat@example.org", "demo").await;
    let (status, location) = session
        .post(
            "/secretariat/settings/persons",
            &[
                ("name", "  Birgitte   Holm "),
                ("title", ""),
                ("email", "bh@example.org"),
            ],
        )
        .await
        .said();
    assert_eq!(status, 303, "{location}");
    let person: i64 = location.rsplit('/').next().unwrap().parse().unwrap();
    let stored = orgs::get_person(&mut app.conn(), PersonId(person))
        .unwrap()
        .unwrap();
    assert_eq!(stored.name, "Birgitte Holm");

    let committee = app
        .organization_id("Kultur- og Fritidsudvalget")
        .to_string();
    let party = app.organization_id("Venstre").to_string();
    let seat = |start: &'static str, end: &'static str| {
        vec![
            ("person", person.to_string()),
            ("organization", committee.clone()),
            ("role", "member".to_owned()),
            ("party", party.clone()),
            ("start_date", start.to_owned()),
            ("end_date", end.to_owned()),
            ("position", String::new()),
        ]
    };
    let post = |fields: Vec<(&'static str, String)>| {
        let session = &session;
        async move {
            let borrowed: Vec<(&str, &str)> =
                fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            session
                .post("/secretariat/settings/memberships", &borrowed)
                .await
                .page()
        }
    };
    let (status, body) = post(seat("01.03.2026", "28.02.2026")).await;
    assert_eq!(status, 422);
    assert!(body.contains("kan ikke slutte, før det begynder"), "{body}");
    let (status, _) = post(seat("01.01.2026", "30.06.2026")).await;
    assert_eq!(status, 303, "back to the person's page");
    let (status, body) = post(seat("30.06.2026", "")).await;
    assert_eq!(status, 422);
    assert!(body.contains("må ikke overlappe"), "{body}");
    let (status, _) = post(seat("01.07.2026", "")).await;
    assert_eq!(status, 303);
    let held = orgs::memberships_of_person(&mut app.conn(), PersonId(person)).unwrap();
    assert_eq!(held.len(), 2);

    // Substitutes go last in their party's order unless a place is given.
    let council = app.organization_id("Borgerrepræsentationen").to_string();
    let enhedslisten = app.organization_id("Enhedslisten").to_string();
    let mut substitute = seat("01.01.2026", "");
    substitute[1].1 = council.clone();
    substitute[2].1 = "substitute".to_owned();
    substitute[3].1 = enhedslisten;
    let (status, _) = post(substitute).await;
    assert_eq!(status, 303);
    let on = orgs::substitutes(
        &mut app.conn(),
        app.organization_id("Borgerrepræsentationen"),
        d(2026, 2, 1),
    )
    .unwrap();
    let places: Vec<(String, Option<i32>)> = on
        .iter()
        .filter(|m| m.party_short_name.as_deref() == Some("Ø"))
        .map(|m| (m.person_name.clone(), m.position))
        .collect();
    assert_eq!(places.len(), 3, "{places:?}");
    assert_eq!(places[2], ("Birgitte Holm".to_owned(), Some(3)));
    // A substitute holds no seat: not among the members of the council.
    let members = orgs::members(
        &mut app.conn(),
        app.organization_id("Borgerrepræsentationen"),
        d(2026, 2, 1),
    )
    .unwrap();
    assert_eq!(members.len(), 55);
    assert!(!members.iter().any(|m| m.person_id == PersonId(person)));
}

async fn a_new_election_period_ends_the_old_seats_the_day_before(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let council = app.organization_id("Borgerrepræsentationen");
    let committee = app.organization_id("Økonomiudvalget");
    let party = app.organization_id("Enhedslisten");
    let session = app.login("sekretariat@example.org", "demo").await;
    // A seat entered ahead for the new period stays.
    let (status, location) = session
        .post(
            "/secretariat/settings/persons",
            &[("name", "Ny Borgmester")],
        )
        .await
        .said();
    assert_eq!(status, 303);
    let newcomer: i64 = location.rsplit('/').next().unwrap().parse().unwrap();
    let (status, _) = session
        .post(
            "/secretariat/settings/memberships",
            &[
                ("person", &newcomer.to_string()),
                ("organization", &council.to_string()),
                ("role", "chair"),
                ("party", &party.to_string()),
                ("start_date", "01.01.2030"),
            ],
        )
        .await
        .said();
    assert_eq!(status, 303);

    // Not before the period that runs.
    let (status, body) = session
        .post(
            "/secretariat/settings/periods",
            &[("start_date", "01.01.2020")],
        )
        .await
        .page();
    assert_eq!(status, 422);
    assert!(body.contains("skal begynde senere"), "{body}");

    let (status, location) = session
        .post(
            "/secretariat/settings/periods",
            &[("start_date", "01.01.2030")],
        )
        .await
        .said();
    assert_eq!(status, 303, "{location}");
    // 55 council seats, 3 substitutes' places and 11 + 6 × 9 committee seats.
    assert_eq!(location, "/secretariat/settings/periods");
    let notice = session.notice_at(&location).await;
    assert!(notice.contains("123 medlemskaber"), "{notice}");
    let page = session.get_text(&location, 200).await;
    assert!(page.contains("2030–2033"), "{page}");
    assert!(page.contains("31.12.2029"), "the old period ended: {page}");

    let mut conn = app.conn();
    let before = orgs::members(&mut conn, council, d(2029, 12, 31)).unwrap();
    assert_eq!(before.len(), 55);
    let after = orgs::members(&mut conn, council, d(2030, 1, 1)).unwrap();
    assert_eq!(after.len(), 1, "only the seat entered ahead");
    assert_eq!(after[0].person_id, PersonId(newcomer));
    assert!(
        orgs::members(&mut conn, committee, d(2030, 1, 1))
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        orgs::members(&mut conn, committee, d(2029, 6, 1))
            .unwrap()
            .len(),
        11
    );
    // Party memberships are not seats and go on.
    let politician = before.iter().find(|m| m.name == "Maja Lund Holm").unwrap();
    let own = orgs::memberships_of_person(&mut conn, politician.person_id).unwrap();
    assert!(
        own.iter()
            .any(|m| m.organization_id == party && m.end_date.is_none()),
        "{own:?}"
    );
    assert!(
        own.iter()
            .filter(|m| m.organization_id == council)
            .all(|m| m.end_date == Some(d(2029, 12, 31)))
    );
    // The seed meeting of 2025 still has its council.
    assert_eq!(
        orgs::members(&mut conn, council, d(2025, 4, 30))
            .unwrap()
            .len(),
        55
    );
}

async fn the_api_writes_the_register_and_reads_it_publicly(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let token = api_token(&app, "sekretariat@example.org");
    let politician = api_token(&app, "politiker@example.org");
    let call = |method: reqwest::Method, path: String, token: Option<String>, body| {
        let app = &app;
        async move { api_call(app, method, &path, token.as_deref(), body).await }
    };
    // Anonymous readers see the organizations without their addresses.
    let (status, list) = call(
        reqwest::Method::GET,
        "/api/v1/organizations?kind=administration".into(),
        None,
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(list["pagination"]["total"], 7, "{list}");
    assert!(list["data"][0].get("emails").is_none(), "{list}");
    let (_, list) = call(
        reqwest::Method::GET,
        "/api/v1/organizations?kind=administration".into(),
        Some(token.clone()),
        None,
    )
    .await;
    assert!(list["data"][0]["emails"][0].is_string(), "{list}");
    // A page far past the end is empty, not an overflow.
    for path in ["organizations", "persons"] {
        let (status, far) = call(
            reqwest::Method::GET,
            format!("/api/v1/{path}?page={}&per_page=200", i64::MAX),
            None,
            None,
        )
        .await;
        assert_eq!(status, 200, "{far}");
        assert_eq!(far["data"], json!([]), "{far}");
    }

    // A politician may not write.
    let (status, _) = call(
        reqwest::Method::POST,
        "/api/v1/persons".into(),
        Some(politician),
        Some(json!({ "name": "X" })),
    )
    .await;
    assert_eq!(status, 403);

    // The secretariat makes a committee, a person and a seat in it.
    let council = app.organization_id("Borgerrepræsentationen");
    let (status, committee) = call(
        reqwest::Method::POST,
        "/api/v1/organizations".into(),
        Some(token.clone()),
        Some(json!({ "kind": "committee", "name": "§ 17, stk. 4-udvalget om klima", "short_name": "KLU", "parent_id": council.0 })),
    )
    .await;
    assert_eq!(status, 201, "{committee}");
    assert_eq!(committee["parent_name"], "Borgerrepræsentationen");
    let (status, person) = call(
        reqwest::Method::POST,
        "/api/v1/persons".into(),
        Some(token.clone()),
        Some(json!({ "name": "Karen Vind", "title": "Medlem", "email": "kv@example.org" })),
    )
    .await;
    assert_eq!(status, 201, "{person}");
    let (status, seat) = call(
        reqwest::Method::POST,
        "/api/v1/memberships".into(),
        Some(token.clone()),
        Some(json!({
            "person_id": person["id"], "organization_id": committee["id"], "role": "chair",
            "start_date": "2026-01-01", "party_id": app.organization_id("Venstre").0,
        })),
    )
    .await;
    assert_eq!(status, 201, "{seat}");
    assert_eq!(seat["party_short_name"], "V");
    // An overlapping second seat is refused with the API's field names.
    let (status, refused) = call(
        reqwest::Method::POST,
        "/api/v1/memberships".into(),
        Some(token.clone()),
        Some(json!({
            "person_id": person["id"], "organization_id": committee["id"], "role": "member",
            "start_date": "2026-06-01",
        })),
    )
    .await;
    assert_eq!(status, 422, "{refused}");
    assert!(
        refused["error"]["fields"]["start_date"].is_string(),
        "{refused}"
    );
    // A party that is not a party.
    let (status, refused) = call(
        reqwest::Method::PATCH,
        format!("/api/v1/memberships/{}", seat["id"]),
        Some(token.clone()),
        Some(json!({ "party_id": council.0 })),
    )
    .await;
    assert_eq!(status, 422, "{refused}");
    assert!(
        refused["error"]["fields"]["party_id"].is_string(),
        "{refused}"
    );
    // A name cannot be cleared.
    let (status, refused) = call(
        reqwest::Method::PATCH,
        format!("/api/v1/persons/{}", person["id"]),
        Some(token.clone()),
        Some(json!({ "name": null })),
    )
    .await;
    assert_eq!(status, 422, "{refused}");
    assert!(refused["error"]["fields"]["name"].is_string(), "{refused}");
    // A refused part leaves nothing half-written: the council keeps its name when its
    // deactivation is refused in the same PATCH.
    let (status, refused) = call(
        reqwest::Method::PATCH,
        format!("/api/v1/organizations/{council}"),
        Some(token.clone()),
        Some(json!({ "name": "Byrådet", "active": false })),
    )
    .await;
    assert_eq!(status, 422, "{refused}");
    let kept = orgs::get(&mut app.conn(), council).unwrap().unwrap();
    assert_eq!(kept.name, "Borgerrepræsentationen");
    // Unknown fields are refused, not ignored.
    let (status, _) = call(
        reqwest::Method::PATCH,
        format!("/api/v1/persons/{}", person["id"]),
        Some(token.clone()),
        Some(json!({ "nmae": "Karen Vind" })),
    )
    .await;
    assert_eq!(status, 400);
    // Ending the seat.
    let (status, ended) = call(
        reqwest::Method::PATCH,
        format!("/api/v1/memberships/{}", seat["id"]),
        Some(token.clone()),
        Some(json!({ "end_date": "2026-12-31" })),
    )
    .await;
    assert_eq!(status, 200, "{ended}");
    assert_eq!(ended["end_date"], "2026-12-31");

    // The public reads the person with the seat, without the address.
    let (status, read) = call(
        reqwest::Method::GET,
        format!("/api/v1/persons/{}", person["id"]),
        None,
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert!(read.get("email").is_none(), "{read}");
    assert_eq!(
        read["memberships"][0]["organization_name"],
        committee["name"]
    );
    for (kind, id) in [
        ("organization", committee["id"].as_i64().unwrap()),
        ("person", person["id"].as_i64().unwrap()),
    ] {
        assert!(!audit_actions(&app, kind, id).is_empty(), "{kind} audited");
    }
    assert_eq!(
        audit_actions(&app, "membership", seat["id"].as_i64().unwrap()),
        ["membership.created", "membership.updated"]
    );
}
