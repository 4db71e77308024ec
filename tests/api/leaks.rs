//! Closed means closed: closed material of every kind that can be closed (a member proposal on
//! a closed item, a closed item's text and file, a case with nothing public on it, a decision's
//! wording on a closed item, letters that are not public) is moved through every operation that
//! touches it, and after each step every public output is read for its marker words: every page
//! and document the router serves to an anonymous reader (walked from `web::all_routes`, so a
//! new public output is read as soon as it exists, and a route whose parameters the walk cannot
//! fill fails the test), every PDF's text, and every mail to someone who is not a member.

use std::collections::BTreeSet;

use agendum::db::schema::outbox_messages;
use agendum::domain::{BodyId, CaseReference, MeetingId, OrganizationId};
use diesel::prelude::*;

use crate::agendas::{multipart, pdf_text};
use crate::helpers::{Backend, Session, TestApp, on_both_backends, spawn_app};

on_both_backends!(closed_material_never_reaches_a_public_output);

/// The marker words: each stands in closed material only.
const MARKERS: [&str; 9] = [
    "LUKKET-KLAUSUL-4401",
    "LUKKET-MOTIVATION-4402",
    "2026-0004403",
    "LUKKET-TEKST-4404",
    "LUKKET-BILAG-4405",
    "LUKKET-SAG-4406",
    "LUKKET-BESLUTNING-4407",
    "LUKKET-BREV-4408",
    "LUKKET-SVAR-4409",
];

const SUBSCRIBER: &str = "borger@example.net";

/// The values the walk fills a route's parameters with, by the segment before the parameter
/// and its name. A parameter the walk does not know fails the test: say here what to read.
fn values(app: &TestApp, before: &str, name: &str) -> Option<Vec<String>> {
    use agendum::db::schema::{
        agenda_attachments, agenda_items, cases, letters, meetings, memberships, organizations,
        persons, proposals, tasks, users,
    };
    let mut conn = app.conn();
    let ids = |list: Vec<i64>| list.into_iter().map(|i| i.to_string()).collect::<Vec<_>>();
    Some(match (before, name) {
        ("meetings", "id") | ("locations", "id") => ids(meetings::table
            .select(meetings::id)
            .load(&mut conn)
            .unwrap()),
        ("organizations", "id") | ("letterheads", "id") => ids(organizations::table
            .select(organizations::id)
            .load(&mut conn)
            .unwrap()),
        ("proposals", "id") | ("papers", "id") => ids(proposals::table
            .select(proposals::id)
            .load(&mut conn)
            .unwrap()),
        ("letters", "id") => ids(letters::table.select(letters::id).load(&mut conn).unwrap()),
        ("letters", "file") => letters::table
            .select(letters::id)
            .load::<i64>(&mut conn)
            .unwrap()
            .into_iter()
            .map(|i| format!("{i}.pdf"))
            .collect(),
        ("cases", "reference") => cases::table
            .select(cases::reference)
            .load(&mut conn)
            .unwrap(),
        ("attachments", "attachment") => ids(agenda_attachments::table
            .select(agenda_attachments::id)
            .load(&mut conn)
            .unwrap()),
        ("agenda-items", "id")
        | ("agenda-items", "item")
        | ("items", "item")
        | ("consultations", "id") => ids(agenda_items::table
            .select(agenda_items::id)
            .load(&mut conn)
            .unwrap()),
        ("tasks", "id") => ids(tasks::table.select(tasks::id).load(&mut conn).unwrap()),
        ("accounts", "id") => ids(users::table.select(users::id).load(&mut conn).unwrap()),
        // The register is public; a few of each are enough to walk.
        ("persons", "id") => ids(persons::table
            .select(persons::id)
            .limit(10)
            .load(&mut conn)
            .unwrap()),
        ("memberships", "id") => ids(memberships::table
            .select(memberships::id)
            .limit(10)
            .load(&mut conn)
            .unwrap()),
        // OParl: the municipality, its election periods, and every list of a Body.
        ("bodies", "id") => ids(agendum::db::schema::bodies::table
            .select(agendum::db::schema::bodies::id)
            .load(&mut conn)
            .unwrap()),
        ("legislative-terms", "id") => ids(agendum::db::schema::election_periods::table
            .select(agendum::db::schema::election_periods::id)
            .load(&mut conn)
            .unwrap()),
        ("{id}", "list") => agendum::read::oparl::BODY_LISTS
            .iter()
            .map(|l| (*l).to_owned())
            .collect(),
        // Secrets and files an anonymous reader cannot name: one made-up value each.
        ("answer", "token")
        | ("confirm", "token")
        | ("unsubscribe", "token")
        | ("reset", "token") => {
            vec!["ab".repeat(32)]
        }
        ("attachments", "index") | ("mailbox", "file") => vec!["1".into()],
        // A task's file (one made-up number) and OParl's files, every public one there may be.
        ("files", "file") => {
            let mut files = vec!["1".to_owned()];
            let versions: Vec<i64> = agendum::db::schema::agenda_versions::table
                .select(agendum::db::schema::agenda_versions::id)
                .load(&mut conn)
                .unwrap();
            files.extend(versions.iter().map(|v| format!("agenda-{v}")));
            let minutes: Vec<i64> = agendum::db::schema::minutes::table
                .select(agendum::db::schema::minutes::id)
                .load(&mut conn)
                .unwrap();
            files.extend(minutes.iter().map(|v| format!("minutes-{v}")));
            let attached: Vec<i64> = agenda_attachments::table
                .select(agenda_attachments::id)
                .load(&mut conn)
                .unwrap();
            files.extend(attached.iter().map(|v| format!("attachment-{v}")));
            let letter_ids: Vec<i64> = letters::table.select(letters::id).load(&mut conn).unwrap();
            files.extend(letter_ids.iter().map(|v| format!("letter-{v}")));
            files
        }
        ("outbox", "id") => vec!["1".into()],
        ("assets", "path:.*") => vec!["app.css".into()],
        _ => return None,
    })
}

/// Every concrete path of every GET route of the router.
fn public_paths(app: &TestApp) -> Vec<String> {
    let mut out = BTreeSet::new();
    for (method, pattern) in agendum::web::all_routes() {
        if method != "get" {
            continue;
        }
        let mut paths = vec![String::new()];
        let mut previous = "";
        for segment in pattern.trim_start_matches('/').split('/') {
            let parts: Vec<String> = match segment.find('{') {
                Some(start) => {
                    let end = segment.rfind('}').unwrap();
                    let name = &segment[start + 1..end];
                    let list = values(app, previous, name).unwrap_or_else(|| {
                        panic!("{pattern}: say in leaks::values what {{{name}}} is read with")
                    });
                    list.into_iter()
                        .map(|v| format!("{}{v}{}", &segment[..start], &segment[end + 1..]))
                        .collect()
                }
                None => vec![segment.to_owned()],
            };
            paths = paths
                .iter()
                .flat_map(|p| parts.iter().map(move |s| format!("{p}/{s}")))
                .collect();
            previous = segment;
        }
        out.extend(
            paths
                .into_iter()
                .map(|p| if p.is_empty() { "/".into() } else { p }),
        );
    }
    // The versions of every released agenda and of the minutes.
    let versions: Vec<(i64, i32)> = agendum::db::schema::agenda_versions::table
        .select((
            agendum::db::schema::agenda_versions::meeting_id,
            agendum::db::schema::agenda_versions::version,
        ))
        .load(&mut app.conn())
        .unwrap();
    for (meeting, version) in versions {
        out.insert(format!("/meetings/{meeting}?version={version}"));
        out.insert(format!("/meetings/{meeting}/agenda.pdf?version={version}"));
    }
    out.insert("/proposals/follow-up?side=2".into());
    out.insert("/api/v1/proposals?scope=public".into());
    out.into_iter().collect()
}

/// Reads every public output as an anonymous reader, and every mail to the subscriber, and
/// fails on a marker word.
async fn read_everything(app: &TestApp, step: &str) {
    let client = app.browser();
    let mut read = 0;
    for path in public_paths(app) {
        let response = client.get(app.url(&path)).send().await.unwrap();
        let status = response.status().as_u16();
        assert!(status < 500, "{step}: GET {path} answered {status}");
        let pdf = response
            .headers()
            .get("content-type")
            .is_some_and(|v| v.to_str().unwrap_or("").starts_with("application/pdf"));
        let bytes = response.bytes().await.unwrap();
        let text = if pdf {
            pdf_text(&bytes, None).unwrap_or_default()
        } else {
            String::from_utf8_lossy(&bytes).into_owned()
        };
        // A page may say back what the reader asked for ("Sag … findes ikke").
        for marker in MARKERS.iter().filter(|m| !path.contains(*m)) {
            assert!(
                !text.contains(marker),
                "{step}: {marker} leaked through GET {path}"
            );
        }
        read += 1;
    }
    assert!(read > 50, "{step}: only {read} outputs read");
    // Search finds none of it, for the public or for staff outside the body.
    let staff = crate::helpers::api_token(app, "okf@example.org");
    for marker in MARKERS {
        let query: String =
            url::form_urlencoded::byte_serialize(format!("\"{marker}\"").as_bytes()).collect();
        for token in [None, Some(staff.as_str())] {
            let mut request = client.get(app.url(&format!("/api/v1/search?q={query}")));
            if let Some(t) = token {
                request = request.bearer_auth(t);
            }
            let body: serde_json::Value = request.send().await.unwrap().json().await.unwrap();
            assert_eq!(
                body["pagination"]["total"], 0,
                "{step}: search finds {marker}: {body}"
            );
        }
        let page = client
            .get(app.url(&format!("/search?q={query}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            !page.contains("search-results"),
            "{step}: the search page finds {marker}"
        );
    }
    let mails: Vec<(String, String, Option<String>)> = outbox_messages::table
        .filter(outbox_messages::recipients.like(format!("%{SUBSCRIBER}%")))
        .select((
            outbox_messages::subject,
            outbox_messages::text_body,
            outbox_messages::html_body,
        ))
        .load(&mut app.conn())
        .unwrap();
    for (subject, text, html) in mails {
        let all = format!("{subject}\n{text}\n{}", html.unwrap_or_default());
        for marker in MARKERS {
            assert!(
                !all.contains(marker),
                "{step}: {marker} leaked through the mail «{subject}»"
            );
        }
    }
}

fn lock_of(app: &TestApp, meeting: i64) -> String {
    agendum::db::meetings::get(&mut app.conn(), MeetingId(meeting))
        .unwrap()
        .unwrap()
        .lock_version
        .to_string()
}

async fn editor(
    app: &TestApp,
    session: &Session,
    meeting: i64,
    rest: &str,
    fields: &[(&str, &str)],
) {
    let lock = lock_of(app, meeting);
    let mut all = fields.to_vec();
    all.push(("lock", &lock));
    let (status, body) = session
        .post(
            &format!("/secretariat/meetings/{meeting}/agenda{rest}"),
            &all,
        )
        .await
        .said();
    assert_eq!(status, 303, "{rest}: {body}");
}

/// Puts the proposal on the working agenda as a closed item; returns the item.
async fn on_a_closed_item(
    app: &TestApp,
    session: &Session,
    meeting: i64,
    proposal: agendum::domain::ProposalId,
) -> i64 {
    editor(
        app,
        session,
        meeting,
        "/proposals",
        &[("proposal", &proposal.to_string())],
    )
    .await;
    let item = item_of(app, meeting, "Medlemsforslag om køb af en grund");
    editor(
        app,
        session,
        meeting,
        &format!("/items/{item}"),
        &[("action", "close")],
    )
    .await;
    item
}

fn item_of(app: &TestApp, meeting: i64, title: &str) -> i64 {
    agendum::db::agenda::working_items(&mut app.conn(), MeetingId(meeting))
        .unwrap()
        .into_iter()
        .find(|i| i.title == title)
        .unwrap_or_else(|| panic!("no item {title}"))
        .id
        .0
}

async fn closed_material_never_reaches_a_public_output(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let meeting = 2; // the coming council meeting
    // A confirmed subscriber of the council: the public's mail.
    {
        let mut conn = app.conn();
        agendum::db::subscriptions::request(
            &mut conn,
            OrganizationId(1),
            &agendum::domain::EmailAddress::parse(SUBSCRIBER).unwrap(),
            agendum::domain::language::Lang::Da,
        )
        .unwrap();
        let id: i64 = agendum::db::schema::subscriptions::table
            .select(agendum::db::schema::subscriptions::id)
            .first(&mut conn)
            .unwrap();
        agendum::db::subscriptions::confirm(&mut conn, id).unwrap();
    }
    // A member proposal on a case with nothing public on it, accepted for the meeting.
    let proposal = {
        let mut conn = app.conn();
        let case = agendum::db::cases::insert(
            &mut conn,
            BodyId(1),
            &CaseReference::parse("2026-0004403").unwrap(),
            "Grundkøb LUKKET-SAG-4406",
        )
        .unwrap();
        agendum::db::proposals::insert(
            &mut conn,
            &agendum::db::proposals::NewProposal {
                body_id: BodyId(1),
                organization_id: OrganizationId(1),
                title: "Medlemsforslag om køb af en grund",
                opening: "Det foreslås,",
                clauses: &["at kommunen køber grunden LUKKET-KLAUSUL-4401.".to_owned()],
                motivation: "LUKKET-MOTIVATION-4402",
                status: agendum::domain::proposal::ProposalStatus::Accepted,
                submitting_party_id: None,
                submitters: &[],
                cases: &[case],
                target_meeting_id: Some(MeetingId(meeting)),
                submitted_at: Some(chrono::Utc::now()),
            },
        )
        .unwrap()
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    read_everything(&app, "before anything").await;

    // The agenda: an open orientation, the proposal on a closed item, a closed recommendation
    // with its text and a file marked public.
    editor(
        &app,
        &secretariat,
        meeting,
        "/items",
        &[
            ("kind", "orientation"),
            ("title", "Orientering om budgettet"),
        ],
    )
    .await;
    let proposal_item = on_a_closed_item(&app, &secretariat, meeting, proposal).await;
    editor(
        &app,
        &secretariat,
        meeting,
        "/items",
        &[
            ("kind", "recommendation"),
            ("title", "Salg af ejendom"),
            ("closed", "1"),
            ("section", "LUKKET-TEKST-4404"),
            ("body", "LUKKET-TEKST-4404"),
        ],
    )
    .await;
    let sale = item_of(&app, meeting, "Salg af ejendom");
    {
        let lock = lock_of(&app, meeting);
        let mut pdf = b"%PDF-1.4\n".to_vec();
        pdf.extend_from_slice(b"LUKKET-BILAG-4405\n%%EOF\n");
        let (content_type, body) = multipart(
            &[
                ("csrf", &secretariat.csrf),
                ("lock", &lock),
                ("public", "1"),
            ],
            ("LUKKET-BILAG-4405.pdf", &pdf),
        );
        let r = secretariat
            .client
            .post(secretariat.url(&format!(
                "/secretariat/meetings/{meeting}/agenda/items/{sale}/attachments"
            )))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 303, "{}", r.text().await.unwrap());
    }
    read_everything(&app, "on the working agenda").await;
    editor(&app, &secretariat, meeting, "/release", &[]).await;
    read_everything(&app, "released").await;
    // The same searches find the closed material for the secretariat: the check above can fail.
    let secretariat_token = crate::helpers::api_token(&app, "sekretariat@example.org");
    for marker in [
        "LUKKET-TEKST-4404",
        "LUKKET-KLAUSUL-4401",
        "LUKKET-BILAG-4405",
    ] {
        let body: serde_json::Value = app
            .client
            .get(app.url(&format!("/api/v1/search?q=%22{marker}%22")))
            .bearer_auth(&secretariat_token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(
            body["pagination"]["total"].as_i64() > Some(0),
            "the secretariat finds {marker}: {body}"
        );
    }

    // A supplement: the closed recommendation's text changes; the proposal's item is switched
    // to open and back, then deleted, on the working agenda only.
    editor(
        &app,
        &secretariat,
        meeting,
        &format!("/items/{sale}/edit"),
        &[
            ("kind", "recommendation"),
            ("title", "Salg af ejendom"),
            ("closed", "1"),
            ("section", "LUKKET-TEKST-4404 ændret"),
            ("body", "LUKKET-TEKST-4404"),
        ],
    )
    .await;
    editor(&app, &secretariat, meeting, "/release", &[]).await;
    read_everything(&app, "supplement").await;
    editor(
        &app,
        &secretariat,
        meeting,
        &format!("/items/{proposal_item}"),
        &[("action", "open")],
    )
    .await;
    read_everything(&app, "switched to open, not released").await;
    editor(
        &app,
        &secretariat,
        meeting,
        &format!("/items/{proposal_item}"),
        &[("action", "close")],
    )
    .await;
    editor(
        &app,
        &secretariat,
        meeting,
        &format!("/items/{proposal_item}"),
        &[("action", "delete")],
    )
    .await;
    read_everything(&app, "deleted, not released").await;
    // Taken off by a supplement (postponed), then put back, closed, and released again.
    editor(&app, &secretariat, meeting, "/release", &[]).await;
    read_everything(&app, "taken off the agenda").await;
    on_a_closed_item(&app, &secretariat, meeting, proposal).await;
    editor(&app, &secretariat, meeting, "/release", &[]).await;
    read_everything(&app, "back on the agenda").await;

    // The meeting: decisions in the secretariat's own words, the minutes published.
    {
        use agendum::db::schema::meetings::dsl::*;
        diesel::update(meetings.find(meeting))
            .set(starts_at.eq((chrono::Utc::now() - chrono::Duration::hours(1)).naive_utc()))
            .execute(&mut app.conn())
            .unwrap();
    }
    let items = agendum::db::agenda::released(&mut app.conn(), MeetingId(meeting), None)
        .unwrap()
        .unwrap()
        .snapshot
        .items;
    for item in &items {
        let text = if item.public {
            "Orienteringen blev taget til efterretning."
        } else {
            "Købet blev godkendt, LUKKET-BESLUTNING-4407."
        };
        let (status, body) = secretariat
            .post(
                &format!("/secretariat/agenda-items/{}/decision", item.id),
                &[("outcome", "adopted"), ("text", text)],
            )
            .await
            .said();
        assert_eq!(status, 303, "{body}");
    }
    read_everything(&app, "decided").await;
    let minutes = format!("/secretariat/meetings/{meeting}/minutes");
    let (status, body) = secretariat
        .post(&minutes, &[("action", "draft")])
        .await
        .said();
    assert_eq!(status, 303, "{body}");
    let draft = agendum::db::minutes::open_draft(&mut app.conn(), MeetingId(meeting))
        .unwrap()
        .unwrap();
    for signer in &draft.signers {
        let (status, _) = secretariat
            .post(&minutes, &[("action", "sign"), ("signer", &signer.key)])
            .await
            .said();
        assert_eq!(status, 303);
    }
    read_everything(&app, "minutes published").await;

    // Letters on the closed case, none public: one received, one answered and sent.
    let (status, location) = secretariat
        .post(
            "/secretariat/letters",
            &[
                ("case", "2026-0004403"),
                (
                    "sender",
                    &agendum::db::organizations::list(&mut app.conn())
                        .unwrap()
                        .into_iter()
                        .find(|o| o.name == "Borgerrepræsentationen")
                        .unwrap()
                        .id
                        .0
                        .to_string(),
                ),
                ("date", "20.04.2026"),
                ("recipient_name", "Sælgeren"),
                ("recipient_email", "saelger@example.org"),
                ("heading", "Om grunden"),
                ("salutation", "Kære sælger"),
                ("body", "LUKKET-SVAR-4409"),
                ("closing", "Med venlig hilsen"),
                ("sig1_name", "Anna Dahl"),
                ("sig1_title", "Overborgmester"),
            ],
        )
        .await
        .said();
    assert_eq!(status, 303, "{location}");
    let letter: i64 = location
        .trim_start_matches("/secretariat/letters/")
        .split(['?', '/'])
        .next()
        .unwrap()
        .parse()
        .unwrap();
    read_everything(&app, "letter drafted").await;
    for action in ["approve", "send"] {
        let lock = agendum::db::letters::get(&mut app.conn(), agendum::domain::LetterId(letter))
            .unwrap()
            .unwrap()
            .lock_version
            .to_string();
        let (status, body) = secretariat
            .post(
                &format!("/secretariat/letters/{letter}"),
                &[("action", action), ("lock", &lock)],
            )
            .await
            .said();
        assert_eq!(status, 303, "{action}: {body}");
    }
    {
        let mut fields = vec![("csrf", secretariat.csrf.as_str())];
        fields.extend([
            ("direction", "incoming"),
            ("case", "2026-0004403"),
            ("sender_name", "Sælgeren"),
            ("date", "22.04.2026"),
            ("heading", "LUKKET-BREV-4408"),
            ("body", "LUKKET-BREV-4408"),
        ]);
        let (content_type, body) = multipart(&fields, ("brev.pdf", b""));
        let r = secretariat
            .client
            .post(secretariat.url("/secretariat/letters/incoming"))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 303, "{}", r.text().await.unwrap());
    }
    read_everything(&app, "letters sent and received").await;

    // Members and the secretariat do read it: the markers are really there to be found, in the
    // same outputs the public read without them.
    let members_agenda = secretariat
        .get_bytes(&format!("/meetings/{meeting}/agenda.pdf?version=1"))
        .await;
    let members_minutes = secretariat
        .get_bytes(&format!("/meetings/{meeting}/minutes.pdf"))
        .await;
    if let (Some(agenda), Some(minutes)) = (
        pdf_text(&members_agenda, None),
        pdf_text(&members_minutes, None),
    ) {
        for marker in [
            "LUKKET-KLAUSUL-4401",
            "LUKKET-MOTIVATION-4402",
            "LUKKET-TEKST-4404",
        ] {
            assert!(agenda.contains(marker), "{marker} missing for members");
        }
        assert!(minutes.contains("LUKKET-BESLUTNING-4407"));
    }
    let case = secretariat.get_text("/cases/2026-0004403", 200).await;
    assert!(case.contains("LUKKET-SAG-4406"));
    // The search index, kept through all of the above, is the one a rebuild makes.
    crate::search::index_equals_a_rebuilt_one(&app, 10);
}
