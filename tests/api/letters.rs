//! Letters: the seed letter rendered in its own shape and read back with pdftotext; the demo's
//! KL letter at `/letters/{id}.pdf`, public, and a letter that is not; replies drafted,
//! approved, sent with their PDF through the outbox and frozen; incoming letters registered
//! with their original and put on an agenda; letterheads with logos; who may do what.

use crate::helpers::{Backend, Session, TestApp, on_both_backends, spawn_app};

on_both_backends!(
    the_demo_letter_is_served_and_private_letters_are_not,
    an_outgoing_reply_is_drafted_approved_sent_once_and_frozen,
    bad_letters_are_refused_at_their_fields_and_change_nothing,
    incoming_letters_are_registered_and_put_on_an_agenda,
    letterheads_carry_a_logo_into_the_pdf,
    letter_pages_are_the_secretariats,
);

/// Whitespace made single, as pdftotext's line breaks fall where they fall.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_draft_letter_says_so_on_every_page() {
    let (sender, date, text) = agendum::demo::seed_letter();
    let view = agendum::documents::LetterView::new(
        agendum::domain::language::Lang::Da,
        &sender,
        date,
        &text,
    );
    let draft = agendum::documents::letter_pdf(&view.clone().marked_draft(true)).unwrap();
    let final_pdf = agendum::documents::letter_pdf(&view).unwrap();
    for page in [1, 2] {
        let Some(text) = crate::agendas::pdf_text(&draft, Some((page, page))) else {
            return;
        };
        assert!(text.contains("UDKAST"), "page {page}: {text}");
    }
    if let Some(text) = crate::agendas::pdf_text(&final_pdf, None) {
        assert!(!text.contains("UDKAST"), "{text}");
    }
}

#[test]
fn the_seed_letter_reads_back_in_order_with_its_page_markers() {
    let (sender, date, text) = agendum::demo::seed_letter();
    let view = agendum::documents::LetterView::new(
        agendum::domain::language::Lang::Da,
        &sender,
        date,
        &text,
    );
    let pdf = agendum::documents::letter_pdf(&view).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    if let Ok(path) = std::env::var("AGENDUM_DUMP_LETTER") {
        std::fs::write(path, &pdf).unwrap();
    }
    if let Some(info) = crate::agendas::pdf_tool("pdfinfo", &pdf, None) {
        assert!(info.contains("Tagged:          yes"), "{info}");
        assert!(
            info.contains("Pages:           2"),
            "two pages, as the seed: {info}"
        );
    }
    let Some(pages) = [1, 2]
        .iter()
        .map(|p| crate::agendas::pdf_text(&pdf, Some((*p, *p))).map(|t| flat(&t)))
        .collect::<Option<Vec<String>>>()
    else {
        return;
    };
    // The letterhead, the date and the page marker on every page.
    for (n, page) in pages.iter().enumerate() {
        for expected in [
            "KL",
            "Weidekampsgade 10",
            "Postboks 3370",
            "2300 København S",
            "www.kl.dk",
            "Dato: 12. april 2021",
            &format!("Side {} af 2", n + 1),
        ] {
            assert!(
                page.contains(expected),
                "page {}: {expected}: {page}",
                n + 1
            );
        }
    }
    // The letter's text in order, across the pages.
    let all = flat(&pages.join(" "));
    let mut at = 0;
    let mut expected = vec![
        "Indenrigs- og boligministeren".to_owned(),
        "min@im.dk".to_owned(),
        flat(&text.heading),
        "Kære Kaare Dybvad Bek".to_owned(),
    ];
    expected.extend(text.body.split("\n\n").map(flat));
    expected.extend(
        [
            "Med venlig hilsen",
            "Jacob Bundsgaard",
            "Kristian Wendelboe",
        ]
        .map(str::to_owned),
    );
    assert_eq!(text.body.split("\n\n").count(), 8);
    for e in &expected {
        // A paragraph may be split by the page's letterhead: its words stay in order.
        let words: Vec<&str> = e.split(' ').collect();
        for w in words {
            let found = all[at..]
                .find(w)
                .unwrap_or_else(|| panic!("«{w}» (of «{e}») after position {at}: {all}"));
            at += found + w.len();
        }
    }
}

async fn the_demo_letter_is_served_and_private_letters_are_not(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let case = agendum::db::cases::by_reference(
        &mut app.conn(),
        &agendum::domain::CaseReference::parse(agendum::demo::SEED_LETTER_CASE).unwrap(),
    )
    .unwrap()
    .expect("the demo has the letter's case");
    let letters = agendum::db::letters::of_case(&mut app.conn(), case.id).unwrap();
    assert_eq!(letters.len(), 1);
    let kl = &letters[0];
    assert_eq!(kl.sender_name, "KL");
    assert_eq!(kl.status.as_str(), "registered");
    let response = app.get(&format!("/letters/{}.pdf", kl.id)).await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let pdf = response.bytes().await.unwrap().to_vec();
    if let Some(text) = crate::agendas::pdf_text(&pdf, None) {
        let text = flat(&text);
        for expected in [
            "Kære Kaare Dybvad Bek",
            "Side 1 af 2",
            "Side 2 af 2",
            "Weidekampsgade 10",
            "Dato: 12. april 2021",
            "Jacob Bundsgaard",
        ] {
            assert!(text.contains(expected), "{expected}: {text}");
        }
    }
    // On its case's timeline, for everyone.
    let timeline = app
        .get_text(&format!("/cases/{}", agendum::demo::SEED_LETTER_CASE), 200)
        .await;
    assert!(timeline.contains("Brev fra KL: Henvendelse til indenrigs- og boligministeren"));
    assert!(timeline.contains(&format!("&#x2F;letters&#x2F;{}.pdf", kl.id)));
    for path in ["/letters/999999.pdf", "/letters/1", "/letters/x.pdf"] {
        assert_eq!(app.get(path).await.status().as_u16(), 404, "{path}");
    }

    // A letter that is not public: the secretariat reads it, nobody else.
    let (_, date, text) = agendum::demo::seed_letter();
    let private = agendum::db::letters::register_incoming(
        &mut app.conn(),
        &agendum::db::letters::IncomingLetter {
            case_id: case.id,
            sender_organization_id: None,
            sender_name: "En borger",
            date,
            text: &text,
            public: false,
            original: None,
            by: None,
        },
    )
    .unwrap();
    let path = format!("/letters/{private}.pdf");
    assert_eq!(app.get(&path).await.status().as_u16(), 404);
    let politician = app.login("politiker@example.org", "demo").await;
    assert_eq!(politician.get(&path).await.status().as_u16(), 404);
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let response = secretariat.get(&path).await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["cache-control"], "private, no-store");
    // The timeline shows the private letter to the secretariat only.
    let case_path = format!("/cases/{}", agendum::demo::SEED_LETTER_CASE);
    assert!(
        !app.get_text(&case_path, 200)
            .await
            .contains("Brev fra En borger")
    );
    assert!(
        secretariat
            .get_text(&case_path, 200)
            .await
            .contains("Brev fra En borger")
    );

    // The API: the public letter for everyone, both for the secretariat.
    let listed = app.get_json("/api/v1/letters", 200).await;
    assert_eq!(listed["pagination"]["total"], 1);
    let first = &listed["data"][0];
    assert_eq!(first["sender"]["name"], "KL");
    assert_eq!(first["case"]["reference"], agendum::demo::SEED_LETTER_CASE);
    assert_eq!(first["salutation"], "Kære Kaare Dybvad Bek");
    assert!(
        first["links"]["pdf"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/letters/{}.pdf", kl.id))
    );
    assert_eq!(
        app.get_json(&format!("/api/v1/letters/{}", kl.id), 200)
            .await["id"],
        kl.id.0
    );
    assert_eq!(
        app.get(&format!("/api/v1/letters/{private}"))
            .await
            .status()
            .as_u16(),
        404
    );
    let token = crate::helpers::api_token(&app, "sekretariat@example.org");
    let (status, all) = crate::helpers::api_call(
        &app,
        reqwest::Method::GET,
        "/api/v1/letters",
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(all["pagination"]["total"], 2);
    let (status, _) = crate::helpers::api_call(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/letters/{private}"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, 200);
}

/// A tiny valid PNG (4×2 pixels), for logos.
const PNG: &[u8] = b"\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x04\x00\x00\x00\x02\x08\x02\x00\x00\x00\xf0\xca\xea\x34\x00\x00\x00\x10\x49\x44\x41\x54\x78\x9c\x63\x50\x48\x58\x00\x47\x0c\xc8\x1c\x00\x71\x1a\x09\x01\xe6\x3d\xa2\xc5\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";

fn kl_letter(app: &TestApp) -> agendum::db::letters::Letter {
    let case = agendum::db::cases::by_reference(
        &mut app.conn(),
        &agendum::domain::CaseReference::parse(agendum::demo::SEED_LETTER_CASE).unwrap(),
    )
    .unwrap()
    .unwrap();
    agendum::db::letters::of_case(&mut app.conn(), case.id)
        .unwrap()
        .remove(0)
}

fn letter(app: &TestApp, id: impl Into<i64>) -> agendum::db::letters::Letter {
    agendum::db::letters::get(&mut app.conn(), agendum::domain::LetterId(id.into()))
        .unwrap()
        .unwrap()
}

fn letter_count(app: &TestApp) -> i64 {
    agendum::db::letters::page(&mut app.conn(), false, 0, 1)
        .unwrap()
        .1
}

fn organization(app: &TestApp, name: &str) -> agendum::db::organizations::Organization {
    agendum::db::organizations::list(&mut app.conn())
        .unwrap()
        .into_iter()
        .find(|o| o.name == name)
        .unwrap_or_else(|| panic!("the demo has {name}"))
}

/// The id in a redirect to `/secretariat/letters/{id}?…`.
fn id_in(location: &str) -> i64 {
    location
        .trim_start_matches("/secretariat/letters/")
        .split(['?', '/'])
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("a letter's address: {location}"))
}

/// The reply form's fields as the secretariat completes them.
fn reply_fields<'a>(sender: &'a str, kl: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("case", agendum::demo::SEED_LETTER_CASE),
        ("in_reply_to", kl),
        ("sender", sender),
        ("date", "20.04.2021"),
        ("recipient_name", "KL"),
        ("recipient_title", "Att.: Jacob Bundsgaard"),
        ("recipient_email", "kl@kl.example.org"),
        ("heading", "Svar på henvendelse om IT-udstyr"),
        ("salutation", "Kære Jacob Bundsgaard"),
        (
            "body",
            "Tak for jeres henvendelse.\n\nVi **deler** bekymringen og har bedt ministeriet om:\n\n1. en vejledning\n2. et møde",
        ),
        ("closing", "Med venlig hilsen"),
        ("sig1_name", "Anna Dahl"),
        ("sig1_title", "Overborgmester"),
        ("sig2_name", "Bo Berg"),
        ("sig2_title", "Administrerende direktør"),
    ]
}

async fn an_outgoing_reply_is_drafted_approved_sent_once_and_frozen(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let kl = kl_letter(&app);
    // The reply form starts from the letter: to KL, its signatory, the heading taken up.
    let form = secretariat
        .get_text(&format!("/secretariat/letters/new?svar_paa={}", kl.id), 200)
        .await;
    for expected in [
        "Att.: Jacob Bundsgaard",
        "Kære Jacob Bundsgaard",
        "Svar på henvendelse til indenrigs- og boligministeren",
        agendum::demo::SEED_LETTER_CASE,
    ] {
        assert!(form.contains(expected), "{expected}");
    }
    let okf = organization(&app, "Økonomiforvaltningen");
    let (okf_id, kl_id) = (okf.id.0.to_string(), kl.id.to_string());
    let fields = reply_fields(&okf_id, &kl_id);
    let (status, location, body) = secretariat
        .post("/secretariat/letters", &fields)
        .await
        .parts();
    assert_eq!(status, 303, "{body}");
    let id = id_in(&location);
    let draft = letter(&app, id);
    assert_eq!(draft.status.as_str(), "draft");
    assert_eq!(draft.in_reply_to, Some(kl.id));
    let token = crate::helpers::api_token(&app, "sekretariat@example.org");
    let (_, json) = crate::helpers::api_call(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/letters/{id}"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(json["in_reply_to"], kl.id.0);
    assert_eq!(json["status"], "draft");
    assert!(json["links"].get("original").is_none());
    assert_eq!(draft.sender_name, "Økonomiforvaltningen");
    assert_eq!(draft.text.signatories.len(), 2);
    assert!(!draft.public);
    // A draft marked public is not published before it is sent.
    let mut marked = fields.clone();
    marked.push(("public", "ja"));
    let (_, location, _) = secretariat
        .post("/secretariat/letters", &marked)
        .await
        .parts();
    let marked = id_in(&location);
    assert!(letter(&app, marked).public);
    assert_eq!(
        app.get(&format!("/letters/{marked}.pdf"))
            .await
            .status()
            .as_u16(),
        404
    );
    assert_eq!(
        app.get(&format!("/api/v1/letters/{marked}"))
            .await
            .status()
            .as_u16(),
        404
    );
    assert_eq!(
        app.get_json("/api/v1/letters", 200).await["pagination"]["total"],
        1
    );
    let page = secretariat
        .get_text(&format!("/secretariat/letters/{id}"), 200)
        .await;
    assert!(page.contains("Godkend brevet"));
    assert!(
        page.contains("<strong>deler</strong>"),
        "the body as safe HTML"
    );
    let act = |action: &'static str, lock: i32| {
        let path = format!("/secretariat/letters/{id}");
        let session = &secretariat;
        async move {
            let lock = lock.to_string();
            session
                .post(&path, &[("action", action), ("lock", &lock)])
                .await
                .parts()
        }
    };

    // Not sent before it is approved.
    let (status, _, body) = act("send", draft.lock_version).await;
    assert_eq!(status, 409);
    assert!(body.contains("Brevet skal godkendes, før det sendes."));
    let (status, _, _) = act("approve", draft.lock_version).await;
    assert_eq!(status, 303);
    let approved = letter(&app, id);
    assert_eq!(approved.status.as_str(), "approved");
    assert!(approved.approved_by.is_some());
    // An approved letter is not edited until it is a draft again.
    let mut edit = fields.clone();
    let lock = approved.lock_version.to_string();
    edit.push(("lock", &lock));
    let (status, _, body) = secretariat
        .post(&format!("/secretariat/letters/{id}/edit"), &edit)
        .await
        .parts();
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("Gør det til kladde igen for at rette det."));
    // A stale page is refused.
    let (status, _, body) = act("send", approved.lock_version - 1).await;
    assert_eq!(status, 409);
    assert!(body.contains("ændret af en anden"));

    // Sent: the mail with the PDF into the outbox, the letter frozen with that PDF.
    let before = outbox_letters(&app, id).len();
    assert_eq!(before, 0);
    let (status, location, _) = act("send", approved.lock_version).await;
    assert_eq!(status, 303);
    assert!(location.ends_with(&format!("/letters/{id}")), "{location}");
    let sent = letter(&app, id);
    assert_eq!(sent.status.as_str(), "sent");
    assert!(sent.sent_at.is_some());
    let mails = outbox_letters(&app, id);
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(mail.to[0].email, "kl@kl.example.org");
    assert_eq!(mail.subject, "Svar på henvendelse om IT-udstyr");
    assert_eq!(
        mail.reply_to
            .as_deref()
            .map(|r| r.contains(okf.email.as_deref().unwrap())),
        Some(true),
        "answers go to the sender: {:?}",
        mail.reply_to
    );
    assert!(mail.text.contains("Tak for jeres henvendelse."));
    assert_eq!(mail.attachments.len(), 1);
    let attached = &mail.attachments[0];
    assert_eq!(attached.content_type, "application/pdf");
    let stored = agendum::db::letters::sent_pdf(&mut app.conn(), agendum::domain::LetterId(id))
        .unwrap()
        .unwrap();
    assert_eq!(attached.content, stored, "the PDF sent is the PDF kept");
    let served = secretariat.get_bytes(&format!("/letters/{id}.pdf")).await;
    assert_eq!(served, stored);
    if let Some(text) = crate::agendas::pdf_text(&stored, None) {
        let text = flat(&text);
        assert!(!text.contains("UDKAST"), "the letter sent is no draft");
        for expected in [
            "Økonomiforvaltningen",
            "Københavns Rådhus",
            "1599 København V",
            "www.kk.dk",
            "Dato: 20. april 2021",
            "Side 1 af 1",
            "KL",
            "Kære Jacob Bundsgaard",
            "Vi deler bekymringen",
            "1. en vejledning",
            "2. et møde",
            "Anna Dahl",
            "Overborgmester",
            "Bo Berg",
        ] {
            assert!(text.contains(expected), "{expected}: {text}");
        }
        assert!(!text.contains("**"), "no Markdown markup on paper: {text}");
    }

    // Sending twice, editing or reopening a sent letter: refused, nothing changes.
    for (action, lock) in [
        ("send", sent.lock_version),
        ("send", approved.lock_version),
        ("reopen", sent.lock_version),
        ("approve", sent.lock_version),
    ] {
        let (status, _, body) = act(action, lock).await;
        assert_eq!(status, 409, "{action}");
        assert!(
            body.contains("Brevet er sendt og kan ikke ændres."),
            "{action}: {body}"
        );
    }
    let lock = sent.lock_version.to_string();
    let mut edit = fields.clone();
    edit.push(("lock", &lock));
    edit.retain(|(k, _)| *k != "heading");
    edit.push(("heading", "Ændret efter afsendelse"));
    let (status, _, body) = secretariat
        .post(&format!("/secretariat/letters/{id}/edit"), &edit)
        .await
        .parts();
    assert_eq!(status, 409);
    assert!(body.contains("Brevet er sendt og kan ikke ændres."));
    let after = letter(&app, id);
    assert_eq!(after.text, sent.text);
    assert_eq!(after.lock_version, sent.lock_version);
    assert_eq!(outbox_letters(&app, id).len(), 1, "sent once");

    // Not public until made so; then on the case for everyone, as sent.
    assert_eq!(
        app.get(&format!("/letters/{id}.pdf"))
            .await
            .status()
            .as_u16(),
        404
    );
    let (status, _, _) = act("publish", sent.lock_version).await;
    assert_eq!(status, 303);
    assert_eq!(app.get_bytes(&format!("/letters/{id}.pdf")).await, stored);
    let timeline = app
        .get_text(&format!("/cases/{}", agendum::demo::SEED_LETTER_CASE), 200)
        .await;
    assert!(timeline.contains("Brev til KL (sendt): Svar på henvendelse om IT-udstyr"));
    let history = secretariat
        .get_text(&format!("/secretariat/letters/{id}"), 200)
        .await;
    for expected in [
        "skrevet som kladde af",
        "godkendt af",
        "sendt af",
        "gjort offentligt af",
    ] {
        assert!(history.contains(expected), "{expected}");
    }
}

fn outbox_letters(app: &TestApp, id: i64) -> Vec<agendum::db::outbox::StoredMessage> {
    let mut conn = app.conn();
    let (all, _) = agendum::db::outbox::list(&mut conn, None, 0, 1000).unwrap();
    let ids: Vec<agendum::domain::MessageId> = all
        .iter()
        .filter(|m| m.concerns == Some(("letter".to_owned(), id)))
        .map(|m| m.id)
        .collect();
    agendum::db::outbox::load(&mut conn, &ids).unwrap()
}

async fn bad_letters_are_refused_at_their_fields_and_change_nothing(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let kl = kl_letter(&app);
    let okf = organization(&app, "Økonomiforvaltningen").id.0.to_string();
    let kl_id = kl.id.to_string();
    let count = letter_count(&app);
    let complete = reply_fields(&okf, &kl_id);
    let without = |drop: &[&str]| {
        let mut f = complete.clone();
        f.retain(|(k, _)| !drop.contains(k));
        f
    };
    // No recipient and no body: both named at their fields.
    let (status, _, body) = secretariat
        .post(
            "/secretariat/letters",
            &without(&["recipient_name", "body"]),
        )
        .await
        .parts();
    assert_eq!(status, 422);
    assert!(body.contains("Skriv modtagerens navn."));
    assert!(body.contains("Skriv brevets tekst."));
    assert!(body.contains("Anna Dahl"), "the form keeps what was typed");
    let (status, _, body) = secretariat
        .post("/secretariat/letters", &without(&["recipient_email"]))
        .await
        .parts();
    assert_eq!(status, 422);
    assert!(body.contains("Skriv modtagerens e-mailadresse"));
    // An unknown sender, a party and an administration without letterhead are refused.
    let party = organization(&app, "Enhedslisten").id.0.to_string();
    let bare = organization(&app, "Børne- og Ungdomsforvaltningen")
        .id
        .0
        .to_string();
    for sender in ["999999", party.as_str(), bare.as_str()] {
        let mut f = without(&["sender"]);
        f.push(("sender", sender));
        let (status, _, body) = secretariat.post("/secretariat/letters", &f).await.parts();
        assert_eq!(status, 422, "{sender}");
        assert!(
            body.contains("Afsenderen findes ikke eller har intet brevhoved."),
            "{sender}: {body}"
        );
    }
    // A reply on another case than the letter it answers, an unknown case without title.
    let mut f = without(&["case"]);
    f.push(("case", "2026-0000001"));
    let (status, _, body) = secretariat.post("/secretariat/letters", &f).await.parts();
    assert_eq!(status, 422);
    assert!(body.contains("Sag 2026-0000001 findes ikke. Skriv sagens titel"));
    f.push(("case_title", "En ny sag"));
    let (status, _, body) = secretariat.post("/secretariat/letters", &f).await.parts();
    assert_eq!(status, 422);
    assert!(body.contains("Et svar skrives på samme sag"));
    assert!(
        agendum::db::cases::by_reference(
            &mut app.conn(),
            &agendum::domain::CaseReference::parse("2026-0000001").unwrap()
        )
        .unwrap()
        .is_none(),
        "the refused letter's new case is not kept"
    );
    assert_eq!(letter_count(&app), count, "nothing was saved");
    // An incoming letter is not approved or sent.
    let lock = kl.lock_version.to_string();
    for action in ["approve", "send"] {
        let (status, _, body) = secretariat
            .post(
                &format!("/secretariat/letters/{}", kl.id),
                &[("action", action), ("lock", &lock)],
            )
            .await
            .parts();
        assert_eq!(status, 409);
        assert!(body.contains("Et indgående brev registreres"));
    }
    assert_eq!(letter(&app, kl.id).status.as_str(), "registered");
}

async fn register_incoming(
    session: &Session,
    fields: &[(&str, &str)],
    file: (&str, &[u8]),
) -> (u16, String, String) {
    post_multipart(session, "/secretariat/letters/incoming", fields, file).await
}

/// Posts a multipart form with the session's token: (status, location, body).
pub(crate) async fn post_multipart(
    session: &Session,
    path: &str,
    fields: &[(&str, &str)],
    file: (&str, &[u8]),
) -> (u16, String, String) {
    let mut all = vec![("csrf", session.csrf.as_str())];
    all.extend_from_slice(fields);
    let (content_type, body) = crate::agendas::multipart(&all, file);
    let r = session
        .client
        .post(session.url(path))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    crate::helpers::Posted::read(r).await.parts()
}

async fn incoming_letters_are_registered_and_put_on_an_agenda(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let count = letter_count(&app);
    let fields = [
        ("case", "2026-0000456"),
        ("case_title", "Henvendelse om vintervedligeholdelse"),
        ("sender_name", "Danske Regioner"),
        ("date", "02.11.2026"),
        ("heading", "Vintervedligeholdelse af regionale veje"),
    ];
    // Neither text nor the original: refused at the text.
    let (status, _, body) = register_incoming(&secretariat, &fields, ("", b"")).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("Skriv brevets tekst, vedhæft det originale brev"));
    // A file that is not what its name says: refused at the file.
    let (status, _, body) =
        register_incoming(&secretariat, &fields, ("brev.pdf", b"MZ not a pdf")).await;
    assert_eq!(status, 422);
    assert!(body.contains("er ikke en PDF-fil"));
    assert_eq!(letter_count(&app), count);

    // With the original only: registered on a new case, not public.
    let original = b"%PDF-1.4\n% the letter as received\n";
    let (status, location, body) =
        register_incoming(&secretariat, &fields, ("regionerne.pdf", original)).await;
    assert_eq!(status, 303, "{body}");
    let id = id_in(&location);
    let registered = letter(&app, id);
    assert_eq!(registered.status.as_str(), "registered");
    assert_eq!(registered.sender_name, "Danske Regioner");
    assert!(registered.sender_organization_id.is_none());
    assert_eq!(
        registered.original_filename.as_deref(),
        Some("regionerne.pdf")
    );
    assert!(!registered.public);
    // The original is the letter's PDF; only the secretariat reads it.
    assert_eq!(
        secretariat.get_bytes(&format!("/letters/{id}.pdf")).await,
        original
    );
    assert_eq!(
        secretariat
            .get_bytes(&format!("/letters/{id}/original"))
            .await,
        original
    );
    for path in [
        format!("/letters/{id}.pdf"),
        format!("/letters/{id}/original"),
    ] {
        assert_eq!(app.get(&path).await.status().as_u16(), 404, "{path}");
    }
    let token = crate::helpers::api_token(&app, "sekretariat@example.org");
    let (status, json) = crate::helpers::api_call(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/letters/{id}"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        json["links"]["original"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/letters/{id}/original"))
    );
    assert_eq!(json["body"], "");
    let case = secretariat.get_text("/cases/2026-0000456", 200).await;
    assert!(case.contains("Henvendelse om vintervedligeholdelse"));
    assert!(case.contains("Brev fra Danske Regioner: Vintervedligeholdelse af regionale veje"));

    // Put on the coming council meeting as an orientation item, in one step, once.
    let meeting = agendum::db::meetings::upcoming_of(
        &mut app.conn(),
        &[organization(&app, agendum::demo::COUNCIL_NAME).id],
        chrono::Utc::now(),
        1,
    )
    .unwrap()
    .remove(0);
    let meeting_id = meeting.id.0.to_string();
    let path = format!("/secretariat/letters/{id}/agenda");
    let (status, _, body) = secretariat
        .post(&path, &[("meeting", &meeting_id)])
        .await
        .parts();
    assert_eq!(status, 303, "{body}");
    let item_id = letter(&app, id).agenda_item_id.expect("on the agenda");
    let items = agendum::db::agenda::working_items(&mut app.conn(), meeting.id).unwrap();
    let item = items
        .iter()
        .find(|i| i.id == item_id)
        .expect("the item is on the meeting's agenda");
    assert_eq!(item.kind.as_str(), "orientation");
    assert!(
        !item.public,
        "a letter that is not public goes on the closed part"
    );
    assert_eq!(
        item.title,
        "Orientering: brev fra Danske Regioner om Vintervedligeholdelse af regionale veje"
    );
    // The letter's page leads to the item in the agenda editor.
    let page = secretariat
        .get_text(&format!("/secretariat/letters/{id}"), 200)
        .await;
    assert!(
        page.contains(&format!("agenda#punkt-{item_id}\"")),
        "{page}"
    );
    let (status, _, body) = secretariat
        .post(&path, &[("meeting", &meeting_id)])
        .await
        .parts();
    assert_eq!(status, 409);
    assert!(body.contains("Brevet er allerede sat på en dagsorden."));
    // An outgoing letter is not put on an agenda this way.
    let okf = organization(&app, "Økonomiforvaltningen").id.0.to_string();
    let kl_id = kl_letter(&app).id.to_string();
    let (_, location, _) = secretariat
        .post("/secretariat/letters", &reply_fields(&okf, &kl_id))
        .await
        .parts();
    let outgoing = id_in(&location);
    let (status, _, body) = secretariat
        .post(
            &format!("/secretariat/letters/{outgoing}/agenda"),
            &[("meeting", &meeting_id)],
        )
        .await
        .parts();
    assert_eq!(status, 422);
    assert!(body.contains("Kun indgående breve sættes på en dagsorden"));
}

async fn letterheads_carry_a_logo_into_the_pdf(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let okf = organization(&app, "Økonomiforvaltningen");
    let page = secretariat.get_text("/secretariat/letterheads", 200).await;
    assert!(page.contains("Københavns Rådhus\n1599 København V"));
    let save = |fields: Vec<(&'static str, &'static str)>, file: (&'static str, &'static [u8])| {
        let session = &secretariat;
        let path = format!("/secretariat/letterheads/{}", okf.id.0);
        async move {
            let (status, _, body) = post_multipart(session, &path, &fields, file).await;
            (status, body)
        }
    };
    let address = vec![
        ("address", "Københavns Rådhus\n1599 København V"),
        ("website", "https://www.kk.dk"),
    ];
    // Not an image, and an image that cannot be read: refused, the letterhead as it was.
    let (status, body) = save(address.clone(), ("logo.gif", b"GIF89a....")).await;
    assert_eq!(status, 422);
    assert!(body.contains("Logoet skal være et PNG- eller JPEG-billede."));
    let (status, body) = save(address.clone(), ("logo.png", b"\x89PNG\r\n\x1a\nbroken")).await;
    assert_eq!(status, 422);
    assert!(body.contains("Logoet kan ikke læses"), "{body}");
    assert!(
        agendum::db::letters::logo(&mut app.conn(), okf.id)
            .unwrap()
            .is_none()
    );
    let (status, body) = save(address.clone(), ("logo.png", PNG)).await;
    assert_eq!(status, 303, "{body}");
    let logo = app.get(&format!("/organizations/{}/logo", okf.id.0)).await;
    assert_eq!(logo.status().as_u16(), 200);
    assert_eq!(logo.headers()["content-type"], "image/png");
    assert_eq!(logo.bytes().await.unwrap().as_ref(), PNG);

    // A letter from Økonomiforvaltningen has the logo in its letterhead.
    let okf_id = okf.id.0.to_string();
    let kl_id = kl_letter(&app).id.to_string();
    let (_, location, _) = secretariat
        .post("/secretariat/letters", &reply_fields(&okf_id, &kl_id))
        .await
        .parts();
    let pdf = secretariat
        .get_bytes(&format!("/letters/{}.pdf", id_in(&location)))
        .await;
    if let Some(images) = image_count(&pdf) {
        assert_eq!(images, 1, "the logo is in the PDF");
    }
    // Removing the logo and the address: the organization no longer sends letters.
    let (status, _) = save(
        vec![("address", ""), ("website", ""), ("remove_logo", "1")],
        ("", b""),
    )
    .await;
    assert_eq!(status, 303);
    assert!(
        agendum::db::letters::logo(&mut app.conn(), okf.id)
            .unwrap()
            .is_none()
    );
    let form = secretariat.get_text("/secretariat/letters/new", 200).await;
    assert!(!form.contains(&format!("<option value=\"{okf_id}\"")));
    // An outside organization writes to the municipality but never sends its letters, even
    // with a letterhead: KL is a sender of incoming letters only.
    let kl = app.organization_id("KL");
    agendum::service::letters::set_letterhead(
        &mut app.conn(),
        &agendum::domain::account::Actor::system(),
        kl,
        &agendum::service::letters::LetterheadInput {
            address: "Weidekampsgade 10\n2300 København S",
            website: Some("www.kl.dk"),
            remove_logo: false,
            logo: None,
        },
    )
    .unwrap();
    let form = secretariat.get_text("/secretariat/letters/new", 200).await;
    let kl_option = format!("<option value=\"{kl}\"");
    assert!(
        !form.contains(&kl_option),
        "KL is no sender of outgoing letters"
    );
    let incoming = secretariat
        .get_text("/secretariat/letters/new?retning=ind", 200)
        .await;
    assert!(incoming.contains(&kl_option), "KL sends incoming letters");
}

/// How many images `pdfimages -list` finds in a PDF (`None` without poppler, outside CI).
fn image_count(pdf: &[u8]) -> Option<usize> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.pdf");
    std::fs::write(&path, pdf).unwrap();
    match std::process::Command::new("pdfimages")
        .arg("-list")
        .arg(&path)
        .output()
    {
        // Two lines of header, then one line per image.
        Ok(out) => Some(String::from_utf8_lossy(&out.stdout).lines().skip(2).count()),
        Err(_) if crate::helpers::in_ci() => {
            panic!("CI=true but pdfimages (poppler-utils) is missing")
        }
        Err(_) => None,
    }
}

async fn letter_pages_are_the_secretariats(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let kl = kl_letter(&app);
    let pages = [
        "/secretariat/letters".to_owned(),
        "/secretariat/letters/new".to_owned(),
        format!("/secretariat/letters/new?svar_paa={}", kl.id),
        format!("/secretariat/letters/{}", kl.id),
        format!("/secretariat/letters/{}/edit", kl.id),
        "/secretariat/letterheads".to_owned(),
    ];
    let lock = kl.lock_version.to_string();
    // Every role but the secretariat: a politician, another politician, an administration's
    // staff and another administration's.
    crate::helpers::add_other_politician(&app);
    crate::followup_pages::add_staff(&app, "tmf-brev@example.org", "TMF");
    // A letter that is not public, with its original: for the secretariat only.
    let (_, date, text) = agendum::demo::seed_letter();
    let private = agendum::db::letters::register_incoming(
        &mut app.conn(),
        &agendum::db::letters::IncomingLetter {
            case_id: kl.case_id,
            sender_organization_id: None,
            sender_name: "En borger",
            date,
            text: &text,
            public: false,
            original: Some(("borger.txt", "text/plain", b"Kaere kommune")),
            by: None,
        },
    )
    .unwrap();
    let readers = [
        format!("/letters/{private}.pdf"),
        format!("/letters/{private}/original"),
        format!("/api/v1/letters/{private}"),
    ];
    for (who, password) in [
        ("politiker@example.org", "demo"),
        ("anden@example.org", "en anden adgangskode"),
        ("okf@example.org", "demo"),
        ("tmf-brev@example.org", "demo-staff-pass"),
    ] {
        let session = app.login(who, password).await;
        for path in &readers {
            assert_eq!(
                session.get(path).await.status().as_u16(),
                404,
                "{who} {path}"
            );
        }
        for path in &pages {
            assert_eq!(
                session.get(path).await.status().as_u16(),
                403,
                "{who} {path}"
            );
        }
        for (path, fields) in [
            (
                format!("/secretariat/letters/{}", kl.id),
                vec![("action", "unpublish"), ("lock", lock.as_str())],
            ),
            (
                format!("/secretariat/letters/{}/agenda", kl.id),
                vec![("meeting", "1")],
            ),
            ("/secretariat/letters".to_owned(), vec![("heading", "x")]),
        ] {
            let (status, _, _) = session.post(&path, &fields).await.parts();
            assert_eq!(status, 403, "{who} {path}");
        }
    }
    for path in &readers {
        assert_eq!(
            app.get(path).await.status().as_u16(),
            404,
            "anonymous {path}"
        );
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
    let unchanged = letter(&app, kl.id);
    assert!(unchanged.public && unchanged.agenda_item_id.is_none());
    // The secretariat's pages.
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let list = secretariat.get_text("/secretariat/letters", 200).await;
    assert!(list.contains("Henvendelse til indenrigs- og boligministeren"));
    assert!(list.contains("Fra KL"));
    let page = secretariat
        .get_text(&format!("/secretariat/letters/{}", kl.id), 200)
        .await;
    assert!(page.contains("Skriv svar"));
    assert!(page.contains("Sæt på dagsordenen"));
    assert!(page.contains("Den 18. februar 2021 publicerede"));
    let case = secretariat
        .get_text(&format!("/cases/{}", agendum::demo::SEED_LETTER_CASE), 200)
        .await;
    assert!(case.contains("Nyt udgående brev på sagen"));
    assert!(case.contains(&format!("&#x2F;secretariat&#x2F;letters&#x2F;{}", kl.id)));
    assert_eq!(
        secretariat
            .get("/secretariat/letters/999999")
            .await
            .status()
            .as_u16(),
        404
    );
}
