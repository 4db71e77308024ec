//! Minutes (beslutningsprotokol), on both backends: drafted from the decisions, approved by the
//! body's signers (the chair and the secretariat, or every participant), then published on the
//! meeting's page, as PDF, in the feed and the API, frozen; a correction is a new version.

use crate::helpers::{Backend, Session, TestApp, on_both_backends, spawn_app};
use agendum::domain::MeetingId;

on_both_backends!(
    minutes_are_approved_published_and_corrected,
    participants_approve_their_own_minutes,
    closed_items_are_published_without_their_text,
);

const SEED_MEETING: i64 = 1;

/// Records the seed decision through the form, with the secretariat's own wording if given.
async fn decide(session: &Session, text: &str) -> (u16, String) {
    decide_with(session, text, "34", "15").await
}

async fn decide_with(session: &Session, text: &str, for_: &str, against: &str) -> (u16, String) {
    let item = seed_item_of(session).await;
    session
        .post(
            &format!("/secretariat/agenda-items/{item}/decision"),
            &[
                ("outcome", "adopted"),
                ("votes_for", for_),
                ("votes_against", against),
                ("text", text),
            ],
        )
        .await
        .page()
}

/// The seed item's id, read from the public API (as a client would).
async fn seed_item_of(session: &Session) -> i64 {
    let meeting: serde_json::Value = session
        .client
        .get(session.url(&format!("/api/v1/meetings/{SEED_MEETING}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    meeting["agenda"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "member_proposal")
        .unwrap()["id"]
        .as_i64()
        .unwrap()
}

fn minutes_path() -> String {
    format!("/secretariat/meetings/{SEED_MEETING}/minutes")
}

fn meeting_status(app: &TestApp) -> String {
    agendum::db::meetings::get(&mut app.conn(), MeetingId(SEED_MEETING))
        .unwrap()
        .unwrap()
        .status
        .as_str()
        .to_owned()
}

async fn minutes_are_approved_published_and_corrected(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    // No decisions yet: nothing to draft.
    let (status, body) = secretariat
        .post(&minutes_path(), &[("action", "draft")])
        .await
        .page();
    assert_eq!(status, 422, "{body}");
    let (status, _) = decide(&secretariat, "").await;
    assert_eq!(status, 303);
    let (status, body) = secretariat
        .post(&minutes_path(), &[("action", "draft")])
        .await
        .page();
    assert_eq!(status, 303, "{body}");
    // A second draft while one waits is refused.
    let (status, _) = secretariat
        .post(&minutes_path(), &[("action", "draft")])
        .await
        .page();
    assert_eq!(status, 409);

    // The body's rule: the chair and the secretariat.
    let decisions = secretariat
        .get_text(
            &format!("/secretariat/meetings/{SEED_MEETING}/decisions"),
            200,
        )
        .await;
    assert!(decisions.contains("Udkast til version 1"));
    assert!(decisions.contains("Anna Dahl"), "the council's chair signs");
    assert!(decisions.contains("Godkend som sekretariatet"));
    // Nothing is public before it is approved.
    assert!(
        !app.get_text("/meetings/1", 200)
            .await
            .contains("Beslutningsprotokol")
    );
    assert_eq!(
        app.get("/meetings/1/minutes.pdf").await.status().as_u16(),
        404
    );
    let draft = secretariat.get_text("/meetings/1/minutes/draft", 200).await;
    assert!(draft.contains("Medlemsforslaget blev tiltrådt med 34 stemmer imod 15."));
    let politician = app.login("politiker@example.org", "demo").await;
    assert_eq!(
        politician
            .get("/meetings/1/minutes/draft")
            .await
            .status()
            .as_u16(),
        404,
        "a member who is not a signer does not read the draft"
    );

    // The secretariat approves, then records the chair's approval; the last one publishes.
    let (status, _) = secretariat
        .post(
            &minutes_path(),
            &[("action", "sign"), ("signer", "secretariat")],
        )
        .await
        .page();
    assert_eq!(status, 303);
    let (status, _) = secretariat
        .post(
            &minutes_path(),
            &[("action", "sign"), ("signer", "secretariat")],
        )
        .await
        .page();
    assert_eq!(status, 409, "once each");
    assert_eq!(meeting_status(&app), "held");
    let chair = agendum::db::minutes::open_draft(&mut app.conn(), MeetingId(SEED_MEETING))
        .unwrap()
        .unwrap()
        .signers[0]
        .key
        .clone();
    let (status, _) = secretariat
        .post(&minutes_path(), &[("action", "sign"), ("signer", &chair)])
        .await
        .page();
    assert_eq!(status, 303);
    assert_eq!(meeting_status(&app), "minutes_published");

    // Published: in OParl, the decided item carries its outcome and the decision's text.
    let oparl = app.get_json("/oparl/v1/meetings/1", 200).await;
    let decided: Vec<&serde_json::Value> = oparl["agendaItem"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["resolutionText"].is_string())
        .collect();
    assert_eq!(decided.len(), 1, "{oparl}");
    assert!(
        decided[0]["resolutionText"]
            .as_str()
            .unwrap()
            .starts_with("Medlemsforslaget blev tiltrådt med 34 stemmer imod 15."),
        "{oparl}"
    );
    assert_eq!(decided[0]["result"], "Tiltrådt", "{oparl}");

    // Published: on the meeting's page under the item, as PDF, in the feed and the API.
    let page = app.get_text("/meetings/1", 200).await;
    assert!(page.contains("Beslutningsprotokol"));
    assert!(page.contains("Version 1, godkendt og offentliggjort"));
    assert!(page.contains("registreret af sekretariatet"));
    assert!(page.contains("Medlemsforslaget blev tiltrådt med 34 stemmer imod 15."));
    let pdf = app.get_bytes("/meetings/1/minutes.pdf").await;
    assert!(pdf.starts_with(b"%PDF"));
    if let Some(info) = crate::agendas::pdf_tool("pdfinfo", &pdf, None) {
        assert!(info.contains("Tagged:          yes"), "{info}");
        assert!(
            info.contains(
                "Title:           Beslutningsprotokol for Borgerrepræsentationen 30.04.2025"
            ),
            "{info}"
        );
        assert!(
            info.contains("Author:          Københavns Kommune, Borgerrepræsentationen"),
            "{info}"
        );
    }
    if let Some(text) = crate::agendas::pdf_text(&pdf, None) {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for expected in [
            "BESLUTNINGSPROTOKOL",
            "Borgerrepræsentationen, mødet den 30.04.2025, kl. 17:30",
            "Beslutning: Medlemsforslaget blev tiltrådt med 34 stemmer imod 15.",
            "Anna Dahl (formand), godkendt",
            "Side 1 af 1",
        ] {
            assert!(flat.contains(expected), "{expected}: {flat}");
        }
    }
    let feed = app.get_text("/organizations/1/feed.atom", 200).await;
    assert!(feed.contains("Beslutningsprotokol offentliggjort: mødet 30.04.2025"));
    let api = app.get_json("/api/v1/meetings/1", 200).await;
    assert_eq!(api["minutes"]["version"], 1);
    assert!(
        api["minutes"]["decisions"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Medlemsforslaget blev tiltrådt")
    );

    // Frozen: the decision cannot change under published minutes.
    let (status, body) = decide(&secretariat, "Forslaget blev vedtaget.").await;
    assert_eq!(status, 409);
    assert!(body.contains("Start en rettelse"), "{body}");

    // A correction: a reason is required; then the decision may change, the published
    // version stays what the public reads until the new one is approved.
    let (status, _) = secretariat
        .post(&minutes_path(), &[("action", "correct"), ("reason", " ")])
        .await
        .page();
    assert_eq!(status, 422);
    let (status, _) = secretariat
        .post(
            &minutes_path(),
            &[
                ("action", "correct"),
                ("reason", "Stemmetallet var forkert gengivet."),
            ],
        )
        .await
        .page();
    assert_eq!(status, 303);
    let (status, _) = decide(&secretariat, "Medlemsforslaget blev tiltrådt (rettet).").await;
    assert_eq!(status, 303);
    let page = app.get_text("/meetings/1", 200).await;
    assert!(
        !page.contains("(rettet)"),
        "the correction is not public before approval"
    );
    for signer in ["secretariat", chair.as_str()] {
        let (status, _) = secretariat
            .post(&minutes_path(), &[("action", "sign"), ("signer", signer)])
            .await
            .page();
        assert_eq!(status, 303);
    }
    let page = app.get_text("/meetings/1", 200).await;
    assert!(page.contains("Medlemsforslaget blev tiltrådt (rettet)."));
    assert!(page.contains("Version 2, godkendt og offentliggjort"));
    assert!(page.contains("Rettelse: Stemmetallet var forkert gengivet."));
    // The first version is kept as it was.
    let first = app.get_bytes("/meetings/1/minutes.pdf?version=1").await;
    if let Some(text) = crate::agendas::pdf_text(&first, None) {
        assert!(!text.contains("(rettet)"));
    }
    assert_eq!(
        app.get("/meetings/1/minutes.pdf?version=3")
            .await
            .status()
            .as_u16(),
        404
    );
}

async fn participants_approve_their_own_minutes(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let council = agendum::db::meetings::get(&mut app.conn(), MeetingId(SEED_MEETING))
        .unwrap()
        .unwrap()
        .organization_id;
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let page = secretariat.get_text("/secretariat/meetings", 200).await;
    assert!(page.contains("Hvem godkender beslutningsprotokollen"));
    let (status, _) = secretariat
        .post(
            "/secretariat/meetings/signers",
            &[("organization", &council.to_string()), ("rule", "nobody")],
        )
        .await
        .page();
    assert_eq!(status, 422);
    let (status, _) = secretariat
        .post(
            "/secretariat/meetings/signers",
            &[
                ("organization", &council.to_string()),
                ("rule", "all_participants"),
            ],
        )
        .await
        .page();
    assert_eq!(status, 303);
    // Without attendance, nobody is known to have taken part.
    let (status, _) = decide(&secretariat, "Tiltrådt.").await;
    assert_eq!(status, 303);
    let (status, body) = secretariat
        .post(&minutes_path(), &[("action", "draft")])
        .await
        .page();
    assert_eq!(status, 422);
    assert!(body.contains("Registrér fremmødet først"), "{body}");

    // Only the chair and the demo politician took part (the others are absent).
    let day = chrono::NaiveDate::from_ymd_opt(2025, 4, 30).unwrap();
    let members = agendum::db::organizations::members(&mut app.conn(), council, day).unwrap();
    let present = ["Anna Dahl", agendum::demo::DEMO_POLITICIAN];
    let entries: Vec<_> = members
        .iter()
        .map(|m| agendum::db::decisions::AttendanceEntry {
            person_id: m.person_id,
            status: if present.contains(&m.name.as_str()) {
                agendum::domain::meeting::AttendanceStatus::Present
            } else {
                agendum::domain::meeting::AttendanceStatus::Absent
            },
            substitute_for: None,
        })
        .collect();
    agendum::db::decisions::set_attendance(&mut app.conn(), MeetingId(SEED_MEETING), &entries)
        .unwrap();
    let (status, body) = secretariat
        .post(&minutes_path(), &[("action", "draft")])
        .await
        .page();
    assert_eq!(status, 303, "{body}");
    let draft = agendum::db::minutes::open_draft(&mut app.conn(), MeetingId(SEED_MEETING))
        .unwrap()
        .unwrap();
    assert_eq!(draft.signers.len(), 2);
    // Both signers are asked by mail, with the way to the draft.
    let (all, _) = agendum::db::outbox::list(&mut app.conn(), None, 0, 1000).unwrap();
    let ids: Vec<agendum::domain::MessageId> = all
        .iter()
        .filter(|m| m.concerns == Some(("meeting".to_owned(), SEED_MEETING)))
        .map(|m| m.id)
        .collect();
    let asked: Vec<_> = agendum::db::outbox::load(&mut app.conn(), &ids)
        .unwrap()
        .into_iter()
        .filter(|m| {
            m.subject
                .starts_with("Godkend beslutningsprotokollen: Borgerrepræsentationen")
        })
        .collect();
    assert_eq!(asked.len(), 2);
    assert!(
        asked
            .iter()
            .any(|m| m.to[0].email == "politiker@example.org"
                && m.text.contains("/meetings/1/minutes/draft"))
    );

    // The politician reads the draft and approves it in their own name.
    let politician = app.login("politiker@example.org", "demo").await;
    let page = politician.get_text("/meetings/1/minutes/draft", 200).await;
    assert!(page.contains("Godkend protokollen"));
    assert!(page.contains("Fraværende"));
    let (status, location) = politician
        .post("/meetings/1/minutes/draft", &[])
        .await
        .said();
    assert_eq!(status, 303, "{location}");
    assert_eq!(
        politician.notice_at(&location).await,
        "Tak. Din godkendelse er registreret."
    );
    let (status, _) = politician
        .post("/meetings/1/minutes/draft", &[])
        .await
        .page();
    assert_eq!(status, 409, "once");
    // A member who was absent is not a signer.
    crate::helpers::add_other_politician(&app);
    let other = app.login("anden@example.org", "en anden adgangskode").await;
    assert_eq!(
        other
            .get("/meetings/1/minutes/draft")
            .await
            .status()
            .as_u16(),
        404
    );

    // A corrected decision rewrites the draft and the approvals lapse.
    // Two took part, so two votes.
    let (status, body) = decide(&secretariat, "Tiltrådt, som stillet.").await;
    assert_eq!(status, 422, "{body}");
    let (status, _) = decide_with(&secretariat, "Tiltrådt, som stillet.", "2", "0").await;
    assert_eq!(status, 303);
    let draft = agendum::db::minutes::open_draft(&mut app.conn(), MeetingId(SEED_MEETING))
        .unwrap()
        .unwrap();
    assert!(draft.signatures.is_empty());
    assert_eq!(
        draft.content.items[0].text.as_deref(),
        Some("Tiltrådt, som stillet.")
    );

    let (status, _) = politician
        .post("/meetings/1/minutes/draft", &[])
        .await
        .page();
    assert_eq!(status, 303, "an approval ends on the draft with its notice");
    let chair = draft
        .signers
        .iter()
        .find(|s| s.name == "Anna Dahl")
        .unwrap()
        .key
        .clone();
    let (status, _) = secretariat
        .post(&minutes_path(), &[("action", "sign"), ("signer", &chair)])
        .await
        .page();
    assert_eq!(status, 303);
    assert_eq!(meeting_status(&app), "minutes_published");
    let page = app.get_text("/meetings/1", 200).await;
    assert!(page.contains("Tiltrådt, som stillet."));
    assert!(page.contains(&format!(
        "{} (deltager), godkendt",
        agendum::demo::DEMO_POLITICIAN
    )));
}

async fn closed_items_are_published_without_their_text(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (meeting, _) = crate::pages::meeting_with_closed_item(&app);
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    // Before the meeting nothing is decided.
    let first = agendum::db::agenda::released(&mut app.conn(), meeting, None)
        .unwrap()
        .unwrap()
        .snapshot
        .items[0]
        .id;
    let (status, body) = secretariat
        .post(
            &format!("/secretariat/agenda-items/{first}/decision"),
            &[("outcome", "adopted")],
        )
        .await
        .page();
    assert_eq!(status, 422);
    assert!(body.contains("Mødet er ikke begyndt endnu"), "{body}");
    // The meeting has begun: decisions are recorded during or after it.
    {
        use agendum::db::schema::meetings::dsl::*;
        use diesel::prelude::*;
        diesel::update(meetings.find(meeting.0))
            .set(starts_at.eq((chrono::Utc::now() - chrono::Duration::hours(1)).naive_utc()))
            .execute(&mut app.conn())
            .unwrap();
    }
    let items = agendum::db::agenda::released(&mut app.conn(), meeting, None)
        .unwrap()
        .unwrap()
        .snapshot
        .items;
    for item in &items {
        let text = if item.public {
            "Det åbne punkt blev tiltrådt."
        } else {
            "Købet blev godkendt for FORTROLIG-PRIS kr."
        };
        let (status, body) = secretariat
            .post(
                &format!("/secretariat/agenda-items/{}/decision", item.id),
                &[("outcome", "adopted"), ("text", text)],
            )
            .await
            .page();
        assert_eq!(status, 303, "{body}");
    }
    let path = format!("/secretariat/meetings/{meeting}/minutes");
    let (status, body) = secretariat.post(&path, &[("action", "draft")]).await.page();
    assert_eq!(status, 303, "{body}");
    let draft = agendum::db::minutes::open_draft(&mut app.conn(), meeting)
        .unwrap()
        .unwrap();
    for signer in &draft.signers {
        let (status, _) = secretariat
            .post(&path, &[("action", "sign"), ("signer", &signer.key)])
            .await
            .page();
        assert_eq!(status, 303);
    }
    // The public reads the closed item's outcome, not what was decided in it.
    let page = app.get_text(&format!("/meetings/{meeting}"), 200).await;
    assert!(page.contains("Det åbne punkt blev tiltrådt."));
    assert!(page.contains("Tiltrådt."), "the closed item's outcome");
    assert!(!page.contains("FORTROLIG-PRIS"));
    let api = app
        .get_json(&format!("/api/v1/meetings/{meeting}"), 200)
        .await;
    assert!(!api.to_string().contains("FORTROLIG-PRIS"));
    let public_pdf = app
        .get_bytes(&format!("/meetings/{meeting}/minutes.pdf"))
        .await;
    let members_pdf = secretariat
        .get_bytes(&format!("/meetings/{meeting}/minutes.pdf"))
        .await;
    if let (Some(public), Some(members)) = (
        crate::agendas::pdf_text(&public_pdf, None),
        crate::agendas::pdf_text(&members_pdf, None),
    ) {
        assert!(!public.contains("FORTROLIG-PRIS"));
        assert!(public.contains("Lukket punkt"));
        assert!(
            members.contains("FORTROLIG-PRIS"),
            "members read the closed decision"
        );
    }
}
