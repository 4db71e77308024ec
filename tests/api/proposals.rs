//! Member proposals over HTTP: drafting (also from pasted text), submitting, the secretariat's
//! inbox, returning and accepting with a case number; who may do what; bad input.

use agendum::db::outbox;

use crate::helpers::{Backend, Session, TestApp, on_both_backends, spawn_app};

on_both_backends!(
    the_inbox_is_paginated_and_counts_everything,
    the_whole_flow_from_paste_to_case_number,
    bad_input_is_refused_at_the_field,
    two_editors_the_second_save_is_refused,
    proposal_routes_by_role,
);

const SECRETARIAT: &str = "sekretariat@example.org";
const POLITICIAN: &str = "politiker@example.org";
const ADMINISTRATION: &str = "okf@example.org";
/// The upcoming council meeting of the demo.
const COUNCIL_MEETING: &str = "2";

/// The seed agenda's item, as a politician would paste it.
const SEED_ITEM: &str = "\
Medlemsforslag om nedlæggelse af profiler på X og undersøgelse af kommunens brug af
sociale medier (2025-0124174)

Medlemsforslag

Det foreslås,

1. at Borgerrepræsentationen pålægger Økonomiforvaltningen, at indhente svar fra alle
   forvaltninger på i hvilket omfang de bruger det sociale medie X, og om der er noget, der
   gør det tvingende nødvendigt at beholde en profil derpå. Oversigten forelægges
   Økonomiudvalget inden udgangen af juni måned,
2. at alle Københavns Kommunes profiler på det sociale medie X skal nedlægges, medmindre er
   der er tvingende nødvendigt at beholde en profil,
3. at Økonomiforvaltningen indhenter svar fra alle forvaltninger på, hvilke sociale medier de
   har profiler på.

(Stillet af Enhedslisten)

Motivation

Borgerrepræsentationen har vedtaget, at København skal forsøge at gøre sig uafhængig af
techgiganternes tjenester.
";

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned()
}

/// The values of the form fields named `name`, in order (inputs' `value`, textareas' text).
fn field_values(html: &str, name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let marker = format!("name=\"{name}\"");
    let mut rest = html;
    while let Some(at) = rest.find(&marker) {
        let tag_start = rest[..at].rfind('<').unwrap();
        let tag_end = at + rest[at..].find('>').unwrap();
        let tag = &rest[tag_start..=tag_end];
        if tag.starts_with("<textarea") {
            let close = rest[tag_end..].find("</textarea>").unwrap() + tag_end;
            out.push(crate::helpers::text_of(&rest[tag_end + 1..close]));
        } else if let Some(v) = tag.find("value=\"") {
            let v = v + 7;
            let end = tag[v..].find('"').unwrap() + v;
            out.push(crate::helpers::text_of(&tag[v..end]));
        }
        rest = &rest[tag_end..];
    }
    out
}

fn proposal_id(location: &str) -> i64 {
    location
        .trim_start_matches("/proposals/")
        .parse()
        .unwrap_or_else(|_| panic!("a proposal address: {location}"))
}

/// A complete draft form for the seed proposal (as the pasted form would post it).
fn seed_fields(meeting: &str) -> Vec<(&'static str, String)> {
    vec![
        (
            "title",
            "Medlemsforslag om nedlæggelse af profiler på X".to_owned(),
        ),
        ("opening", "Det foreslås,".to_owned()),
        ("clause", "at alle profiler på X nedlægges,".to_owned()),
        (
            "clause",
            "at Økonomiforvaltningen spørger alle forvaltninger.".to_owned(),
        ),
        ("motivation", "X er et problem.\n\nDerfor.".to_owned()),
        ("party", String::new()),
        ("meeting", meeting.to_owned()),
        ("cases", String::new()),
        ("action", "save".to_owned()),
    ]
}

async fn post(session: &Session, path: &str, fields: &[(&str, String)]) -> reqwest::Response {
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    session.post_form(path, &borrowed).await
}

async fn create_draft(session: &Session, fields: &[(&str, String)]) -> i64 {
    let r = post(session, "/proposals/new", fields).await;
    let status = r.status().as_u16();
    let loc = location(&r);
    assert_eq!(status, 303, "{}", r.text().await.unwrap());
    proposal_id(&loc)
}

/// The council's deadline for proposals, so that a test does not depend on today's date.
fn set_council_rule(app: &TestApp, rule: &str) {
    agendum::db::organizations::set_deadline_rules(
        &mut app.conn(),
        agendum::domain::OrganizationId(1),
        Some(&rule.parse().unwrap()),
        None,
    )
    .unwrap();
}

fn mail_to(app: &TestApp, address: &str) -> Vec<outbox::StoredMessage> {
    let (all, _) = outbox::list(&mut app.conn(), None, 0, 500).unwrap();
    all.into_iter()
        .filter(|m| m.to.iter().any(|t| t.email == address))
        .collect()
}

async fn the_whole_flow_from_paste_to_case_number(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    set_council_rule(&app, "calendar_days:1");
    let politician = app.login(POLITICIAN, "demo").await;
    let mine = politician.get_text("/my/proposals", 200).await;
    assert!(mine.contains("Skriv et nyt medlemsforslag"));

    // Paste: the form comes back filled in, nothing saved.
    let filled = politician
        .post_form("/proposals/new/paste", &[("text", SEED_ITEM)])
        .await;
    assert_eq!(filled.status().as_u16(), 200);
    let filled = filled.text().await.unwrap();
    assert_eq!(
        field_values(&filled, "title"),
        vec![
            "Medlemsforslag om nedlæggelse af profiler på X og undersøgelse af kommunens brug af sociale medier"
        ]
    );
    let clauses = field_values(&filled, "clause");
    assert_eq!(clauses.len(), 3);
    assert!(clauses[0].starts_with("at Borgerrepræsentationen pålægger Økonomiforvaltningen"));
    assert_eq!(field_values(&filled, "cases"), vec!["2025-0124174"]);
    assert!(
        filled.contains("selected>Enhedslisten (Ø)</option>"),
        "the party is chosen"
    );
    assert_eq!(
        agendum::db::workflow::by_status(
            &mut app.conn(),
            &[agendum::domain::proposal::ProposalStatus::Draft],
            0,
            10
        )
        .unwrap()
        .1,
        0,
        "pasting saves nothing"
    );

    // Save the pasted form as a draft for the upcoming council meeting.
    let mut fields: Vec<(&str, String)> = vec![
        ("title", field_values(&filled, "title")[0].clone()),
        ("opening", field_values(&filled, "opening")[0].clone()),
    ];
    for c in &clauses {
        fields.push(("clause", c.clone()));
    }
    fields.extend([
        ("motivation", field_values(&filled, "motivation")[0].clone()),
        ("party", "".to_owned()),
        ("meeting", COUNCIL_MEETING.to_owned()),
        ("cases", "2025-0124174".to_owned()),
        ("action", "save".to_owned()),
    ]);
    let id = create_draft(&politician, &fields).await;
    let page = politician.get_text(&format!("/proposals/{id}"), 200).await;
    assert!(page.contains("Kladde"));
    assert!(page.contains("Indsend forslaget"));
    assert!(
        page.contains("tilbage"),
        "the form shows the time left: {page}"
    );
    // A draft is its authors' only.
    app.get_text(&format!("/proposals/{id}"), 404).await;
    let secretariat = app.login(SECRETARIAT, "demo").await;
    secretariat.get_text(&format!("/proposals/{id}"), 404).await;

    // Submit: receipt to the politician, notice to the secretariat, in the outbox.
    let lock = field_values(&page, "lock")[0].clone();
    let r = post(
        &politician,
        &format!("/proposals/{id}/submit"),
        &[("lock", lock)],
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    let receipts = mail_to(&app, POLITICIAN);
    assert_eq!(receipts.len(), 1);
    assert!(receipts[0].subject.starts_with(&format!(
        "Kvittering for forslag nr. {id}: Medlemsforslag om nedlæggelse"
    )));
    assert!(receipts[0].text.contains("inden fristen"));
    assert_eq!(mail_to(&app, SECRETARIAT).len(), 1);

    // The secretariat's inbox; returning needs a comment.
    let inbox = secretariat
        .get_text("/secretariat/proposals", 200)
        .await
        .replace("&#x2F;", "/");
    assert!(inbox.contains(&format!("/proposals/{id}")));
    let review = secretariat.get_text(&format!("/proposals/{id}"), 200).await;
    assert!(review.contains("Tjekliste"));
    let r = post(
        &secretariat,
        &format!("/proposals/{id}/return"),
        &[("comment", " ".into())],
    )
    .await;
    assert_eq!(r.status().as_u16(), 422);
    assert!(r.text().await.unwrap().contains("Skriv en kommentar"));
    let r = post(
        &secretariat,
        &format!("/proposals/{id}/return"),
        &[
            ("check", "lawful".into()),
            (
                "comment",
                "Punkt 2 er uklart: hvem skal nedlægge profilerne?".into(),
            ),
        ],
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    let returned = mail_to(&app, POLITICIAN);
    assert_eq!(returned.len(), 2);
    assert!(
        returned[0].subject.starts_with("Sendt retur")
            || returned[1].subject.starts_with("Sendt retur")
    );
    assert!(
        returned
            .iter()
            .any(|m| m.text.contains("Punkt 2 er uklart"))
    );

    // The politician corrects and resubmits: a second version of the text.
    let page = politician.get_text(&format!("/proposals/{id}"), 200).await;
    assert!(page.contains("Punkt 2 er uklart"), "the comment is shown");
    let form = politician
        .get_text(&format!("/proposals/{id}/edit"), 200)
        .await;
    let mut clauses = field_values(&form, "clause");
    clauses[1] = "at alle forvaltninger nedlægger deres profiler på det sociale medie X, medmindre det er tvingende nødvendigt at beholde en profil,".to_owned();
    let mut fields: Vec<(&str, String)> = vec![
        ("title", field_values(&form, "title")[0].clone()),
        ("opening", field_values(&form, "opening")[0].clone()),
        ("lock", field_values(&form, "lock")[0].clone()),
    ];
    for c in &clauses {
        fields.push(("clause", c.clone()));
    }
    fields.extend([
        ("motivation", field_values(&form, "motivation")[0].clone()),
        ("meeting", COUNCIL_MEETING.to_owned()),
        ("cases", field_values(&form, "cases")[0].clone()),
        ("action", "save".to_owned()),
    ]);
    let r = post(&politician, &format!("/proposals/{id}/edit"), &fields).await;
    assert_eq!(r.status().as_u16(), 303, "{}", r.text().await.unwrap());
    let page = politician.get_text(&format!("/proposals/{id}"), 200).await;
    assert!(page.contains("sammenlign med version 1"));
    let diff = politician
        .get_text(&format!("/proposals/{id}/versions?from=1&to=2"), 200)
        .await;
    assert!(diff.contains("<ins>"), "{diff}");
    assert!(diff.contains("<del>"));
    let lock = field_values(&page, "lock")[0].clone();
    let r = post(
        &politician,
        &format!("/proposals/{id}/submit"),
        &[("lock", lock)],
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);

    // Accepting needs every checklist point; then a new case number is assigned.
    let r = post(
        &secretariat,
        &format!("/proposals/{id}/accept"),
        &[("check", "lawful".into()), ("assign_new", "1".into())],
    )
    .await;
    assert_eq!(r.status().as_u16(), 422);
    assert!(r.text().await.unwrap().contains("Mangler"));
    let mut checks: Vec<(&str, String)> = agendum::domain::proposal::CHECKLIST
        .iter()
        .map(|(k, _)| ("check", (*k).to_owned()))
        .collect();
    checks.push(("assign_new", "1".into()));
    let r = post(&secretariat, &format!("/proposals/{id}/accept"), &checks).await;
    assert_eq!(r.status().as_u16(), 303);
    let page = secretariat.get_text(&format!("/proposals/{id}"), 200).await;
    assert!(page.contains("Godkendt til dagsorden"));
    assert!(
        page.contains("2025-0124174"),
        "the pasted reference is linked"
    );
    let year = agendum::domain::time::today().format("%Y").to_string();
    assert!(
        page.contains(&format!("{year}-")),
        "a new case number of this year: {page}"
    );
    // The secretariat sees the audit log: every step, who did it.
    let text = crate::helpers::text_of(&page);
    for step in [
        "oprettet af Maja Lund Holm",
        "indsendt af Maja Lund Holm",
        "sendt retur af BR-sekretariatet",
        "rettet af Maja Lund Holm",
        "indsendt igen af Maja Lund Holm",
        "godkendt af BR-sekretariatet",
    ] {
        assert!(text.contains(step), "«{step}» in the history: {text}");
    }
    // The new case: its page shows the proposal and, to the secretariat, the audit log; it is
    // not public while the proposal is not.
    let start = page.find(&format!("{year}-")).unwrap();
    let reference = page[start..start + 12].to_owned();
    let case_page = secretariat
        .get_text(&format!("/cases/{reference}"), 200)
        .await;
    assert!(crate::helpers::text_of(&case_page).contains("godkendt af BR-sekretariatet"));
    assert!(case_page.contains("Medlemsforslag om nedlæggelse af profiler"));
    app.get_text(&format!("/cases/{reference}"), 404).await;
    let accepted = mail_to(&app, POLITICIAN);
    assert!(accepted.iter().any(|m| m.subject.starts_with("Godkendt")));
    let mine = politician.get_text("/my/proposals", 200).await;
    assert!(mine.contains("Godkendt til dagsorden"));

    // After the deadline: marked late, and accepted only with a recorded reason.
    set_council_rule(&app, "calendar_days:60");
    let late = create_draft(&politician, &seed_fields(COUNCIL_MEETING)).await;
    let page = politician
        .get_text(&format!("/proposals/{late}"), 200)
        .await;
    assert!(page.contains("fristen er overskredet"));
    let r = post(&politician, &format!("/proposals/{late}/submit"), &[]).await;
    assert_eq!(r.status().as_u16(), 303);
    let page = secretariat
        .get_text(&format!("/proposals/{late}"), 200)
        .await;
    assert!(page.contains("indsendt efter fristen"));
    assert!(
        mail_to(&app, SECRETARIAT)
            .iter()
            .any(|m| m.subject.contains("(for sent)"))
    );
    let r = post(&secretariat, &format!("/proposals/{late}/accept"), &checks).await;
    assert_eq!(r.status().as_u16(), 422);
    assert!(r.text().await.unwrap().contains("skriv begrundelsen"));
    let mut with_reason = checks.clone();
    with_reason.push((
        "late_reason",
        "Hastesag: fristen for høringssvar udløber før næste møde.".into(),
    ));
    let r = post(
        &secretariat,
        &format!("/proposals/{late}/accept"),
        &with_reason,
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    let page = secretariat
        .get_text(&format!("/proposals/{late}"), 200)
        .await;
    assert!(page.contains("Hastesag: fristen for høringssvar"));
}

async fn bad_input_is_refused_at_the_field(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let politician = app.login(POLITICIAN, "demo").await;
    let outsider = agendum::db::organizations::insert_person(
        &mut app.conn(),
        agendum::domain::BodyId(1),
        "Udenfor Rådet",
        None,
        None,
    )
    .unwrap()
    .to_string();
    let with = |changes: &[(&'static str, &str)]| {
        let mut fields = seed_fields(COUNCIL_MEETING);
        for (key, value) in changes {
            fields.retain(|(k, _)| k != key);
            fields.push((key, (*value).to_owned()));
        }
        fields
    };
    let huge = "x".repeat(1_000_000);
    let cases: Vec<(Vec<(&str, String)>, &str)> = vec![
        (with(&[("title", "  ")]), "Skriv en overskrift"),
        (
            seed_fields(COUNCIL_MEETING)
                .into_iter()
                .filter(|(k, _)| *k != "clause")
                .collect(),
            "mindst ét at-punkt",
        ),
        (
            {
                let mut f = seed_fields(COUNCIL_MEETING);
                f.push(("clause", "   ".into()));
                f
            },
            "Punkt 3 er tomt",
        ),
        (with(&[("motivation", &huge)]), "Motivationen er for lang"),
        (with(&[("meeting", "1")]), "ikke et kommende møde"),
        (with(&[("meeting", "abc")]), "Vælg et møde på listen"),
        (with(&[("cases", "2025-12")]), "er ikke et sagsnummer"),
        (with(&[("party", "999")]), "Vælg et parti på listen"),
        // A co-signer who is not a member of the body.
        (
            with(&[("cosigner", &outsider)]),
            "Medunderskrivere skal være medlemmer af Borgerrepræsentationen",
        ),
    ];
    for (fields, expected) in cases {
        let r = post(&politician, "/proposals/new", &fields).await;
        assert_eq!(r.status().as_u16(), 422, "{expected}");
        let page = r.text().await.unwrap();
        assert!(page.contains(expected), "«{expected}»");
        // The input is kept.
        assert!(
            page.contains("at alle profiler på X nedlægges,")
                || !fields.iter().any(|(k, _)| *k == "clause")
        );
    }
    assert!(
        agendum::db::workflow::for_author(&mut app.conn(), agendum::domain::UserId(2), None)
            .unwrap()
            .is_empty(),
        "nothing saved"
    );

    // Script is text: saved, and shown as text.
    let id = create_draft(
        &politician,
        &with(&[
            ("title", "Medlemsforslag om <script>alert(1)</script>"),
            (
                "motivation",
                "<img src=x onerror=alert(2)> [x](javascript:alert(3))",
            ),
        ]),
    )
    .await;
    let page = politician.get_text(&format!("/proposals/{id}"), 200).await;
    assert!(!page.contains("<script>alert(1)"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;"));
    assert!(!page.contains("<img"));
    assert!(!page.contains("javascript:alert"));

    // The clause buttons work without JavaScript and save nothing.
    let mut fields = seed_fields(COUNCIL_MEETING);
    fields.retain(|(k, _)| *k != "action");
    fields.push(("action", "add-clause".into()));
    let page = post(&politician, "/proposals/new", &fields)
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(field_values(&page, "clause").len(), 3);
    fields.retain(|(k, _)| *k != "action");
    fields.push(("action", "down-1".into()));
    let page = post(&politician, "/proposals/new", &fields)
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        field_values(&page, "clause"),
        vec![
            "at Økonomiforvaltningen spørger alle forvaltninger.",
            "at alle profiler på X nedlægges,"
        ]
    );
    fields.retain(|(k, _)| *k != "action");
    fields.push(("action", "remove-2".into()));
    let page = post(&politician, "/proposals/new", &fields)
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        field_values(&page, "clause"),
        vec!["at alle profiler på X nedlægges,"]
    );
    // A draft without a meeting cannot be submitted.
    let id = create_draft(&politician, &with(&[("meeting", "")])).await;
    let r = post(&politician, &format!("/proposals/{id}/submit"), &[]).await;
    assert_eq!(r.status().as_u16(), 422);
    assert!(r.text().await.unwrap().contains("Vælg det møde"));
    // Withdrawn before it was ever submitted: still the author's only.
    let r = post(&politician, &format!("/proposals/{id}/withdraw"), &[]).await;
    assert_eq!(r.status().as_u16(), 303);
    assert!(
        politician
            .get_text(&format!("/proposals/{id}"), 200)
            .await
            .contains("Trukket")
    );
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    secretariat.get_text(&format!("/proposals/{id}"), 404).await;
}

async fn two_editors_the_second_save_is_refused(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    set_council_rule(&app, "calendar_days:1");
    let first = app.login(POLITICIAN, "demo").await;
    let second = app.login(POLITICIAN, "demo").await;
    let id = create_draft(&first, &seed_fields(COUNCIL_MEETING)).await;
    let form_a = first.get_text(&format!("/proposals/{id}/edit"), 200).await;
    let form_b = second.get_text(&format!("/proposals/{id}/edit"), 200).await;
    let edit = |form: &str, title: &str| {
        let mut fields = seed_fields(COUNCIL_MEETING);
        fields.retain(|(k, _)| *k != "title");
        fields.push(("title", title.to_owned()));
        fields.push(("lock", field_values(form, "lock")[0].clone()));
        fields
    };
    let r = post(
        &first,
        &format!("/proposals/{id}/edit"),
        &edit(&form_a, "Medlemsforslag om A"),
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    let r = post(
        &second,
        &format!("/proposals/{id}/edit"),
        &edit(&form_b, "Medlemsforslag om B"),
    )
    .await;
    assert_eq!(r.status().as_u16(), 409);
    let page = r.text().await.unwrap();
    assert!(page.contains("ændret af en anden"));
    assert!(
        page.contains("value=\"Medlemsforslag om B\""),
        "the refused input is kept"
    );
    let stored = agendum::db::proposals::get(&mut app.conn(), agendum::domain::ProposalId(id))
        .unwrap()
        .unwrap();
    assert_eq!(stored.title, "Medlemsforslag om A");
}

/// Every proposal route × anonymous, author, another politician, administration, secretariat.
async fn proposal_routes_by_role(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    crate::helpers::add_other_politician(&app);
    set_council_rule(&app, "calendar_days:1");
    let author = app.login(POLITICIAN, "demo").await;
    let other = app.login("anden@example.org", "en anden adgangskode").await;
    let administration = app.login(ADMINISTRATION, "demo").await;
    let secretariat = app.login(SECRETARIAT, "demo").await;
    let draft = create_draft(&author, &seed_fields(COUNCIL_MEETING)).await;
    let submitted = create_draft(&author, &seed_fields(COUNCIL_MEETING)).await;
    let r = post(&author, &format!("/proposals/{submitted}/submit"), &[]).await;
    assert_eq!(r.status().as_u16(), 303);

    #[derive(Clone, Copy, PartialEq)]
    enum Who {
        Anonymous,
        Author,
        Other,
        Administration,
        Secretariat,
    }
    use Who::*;
    // (method, path, who, expected status)
    let d = draft;
    let s = submitted;
    let table: Vec<(&str, String, Who, u16)> = vec![
        ("GET", "/my/proposals".into(), Anonymous, 303),
        ("GET", "/my/proposals".into(), Author, 200),
        ("GET", "/my/proposals".into(), Other, 200),
        ("GET", "/my/proposals".into(), Administration, 403),
        ("GET", "/my/proposals".into(), Secretariat, 200),
        ("GET", "/proposals/new".into(), Anonymous, 303),
        ("GET", "/proposals/new".into(), Author, 200),
        ("GET", "/proposals/new".into(), Administration, 403),
        ("GET", "/proposals/new".into(), Secretariat, 403),
        ("GET", format!("/proposals/{d}"), Anonymous, 404),
        ("GET", format!("/proposals/{d}"), Author, 200),
        ("GET", format!("/proposals/{d}"), Other, 404),
        ("GET", format!("/proposals/{d}"), Administration, 404),
        ("GET", format!("/proposals/{d}"), Secretariat, 404),
        ("GET", format!("/proposals/{d}/edit"), Anonymous, 303),
        ("GET", format!("/proposals/{d}/edit"), Author, 200),
        ("GET", format!("/proposals/{d}/edit"), Other, 404),
        ("GET", format!("/proposals/{d}/edit"), Administration, 403),
        ("GET", format!("/proposals/{d}/edit"), Secretariat, 404),
        ("GET", format!("/proposals/{d}/versions"), Other, 404),
        ("GET", format!("/proposals/{d}/versions"), Anonymous, 303),
        ("GET", format!("/proposals/{s}"), Anonymous, 404),
        ("GET", format!("/proposals/{s}"), Author, 200),
        ("GET", format!("/proposals/{s}"), Other, 404),
        ("GET", format!("/proposals/{s}"), Administration, 404),
        ("GET", format!("/proposals/{s}"), Secretariat, 200),
        ("GET", format!("/proposals/{s}/edit"), Author, 409),
        ("GET", format!("/proposals/{s}/versions"), Secretariat, 200),
        ("GET", "/secretariat/proposals".into(), Anonymous, 303),
        ("GET", "/secretariat/proposals".into(), Author, 403),
        ("GET", "/secretariat/proposals".into(), Administration, 403),
        ("GET", "/secretariat/proposals".into(), Secretariat, 200),
        ("POST", format!("/proposals/{d}/submit"), Anonymous, 303),
        ("POST", format!("/proposals/{d}/submit"), Other, 404),
        (
            "POST",
            format!("/proposals/{d}/submit"),
            Administration,
            403,
        ),
        ("POST", format!("/proposals/{d}/submit"), Secretariat, 404),
        ("POST", format!("/proposals/{d}/edit"), Other, 404),
        ("POST", format!("/proposals/{d}/withdraw"), Other, 404),
        ("POST", format!("/proposals/{s}/return"), Anonymous, 303),
        ("POST", format!("/proposals/{s}/return"), Author, 403),
        ("POST", format!("/proposals/{s}/return"), Other, 403),
        (
            "POST",
            format!("/proposals/{s}/return"),
            Administration,
            403,
        ),
        ("POST", format!("/proposals/{s}/accept"), Author, 403),
        (
            "POST",
            format!("/proposals/{s}/accept"),
            Administration,
            403,
        ),
        ("POST", format!("/proposals/{d}/accept"), Secretariat, 404),
        ("POST", format!("/proposals/{s}/submit"), Author, 409),
    ];
    for (method, path, who, expected) in table {
        let response = match (who, method) {
            (Anonymous, "GET") => app.get(&path).await,
            (Anonymous, _) => {
                let client = app.browser();
                let csrf = crate::helpers::form_token(&app, &client).await;
                client
                    .post(app.url(&path))
                    .form(&[("csrf", csrf)])
                    .send()
                    .await
                    .unwrap()
            }
            (_, m) => {
                let session = match who {
                    Author => &author,
                    Other => &other,
                    Administration => &administration,
                    _ => &secretariat,
                };
                if m == "GET" {
                    session.get(&path).await
                } else {
                    session.post_form(&path, &[]).await
                }
            }
        };
        let status = response.status().as_u16();
        let who_name = match who {
            Anonymous => "anonymous",
            Author => "author",
            Other => "another politician",
            Administration => "administration",
            Secretariat => "secretariat",
        };
        let body = response.text().await.unwrap();
        assert_eq!(status, expected, "{method} {path} as {who_name}: {body}");
        // A refused submit is said on the author's own proposal page, which shows its text.
        if !matches!(who, Author | Secretariat) || (status >= 400 && who != Author) {
            assert!(
                !body.contains("at Økonomiforvaltningen spørger alle forvaltninger"),
                "{method} {path} as {who_name} shows the text"
            );
        }
    }
    // Nothing the others tried changed anything.
    let stored = agendum::db::proposals::get(&mut app.conn(), agendum::domain::ProposalId(s))
        .unwrap()
        .unwrap();
    assert_eq!(
        stored.status,
        agendum::domain::proposal::ProposalStatus::Submitted
    );
}

/// The inbox shows a page of each section and counts all of it: 230 waiting proposals are
/// 100 + 100 + 30, and the other sections keep their place.
async fn the_inbox_is_paginated_and_counts_everything(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let before = agendum::db::workflow::by_status(
        &mut app.conn(),
        &[agendum::domain::proposal::ProposalStatus::Submitted],
        0,
        1,
    )
    .unwrap()
    .1;
    {
        let mut conn = app.conn();
        for i in 0..230 {
            agendum::db::proposals::insert(
                &mut conn,
                &agendum::db::proposals::NewProposal {
                    body_id: agendum::domain::BodyId(1),
                    organization_id: agendum::domain::OrganizationId(1),
                    title: &format!("Medlemsforslag nr. {i:03} om sider"),
                    opening: "Det foreslås,",
                    clauses: &["at der kommer sider.".to_owned()],
                    motivation: "Fordi.",
                    status: agendum::domain::proposal::ProposalStatus::Submitted,
                    submitting_party_id: None,
                    submitters: &[],
                    cases: &[],
                    target_meeting_id: None,
                    submitted_at: None,
                },
            )
            .unwrap();
        }
    }
    let total = before + 230;
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let mut seen = std::collections::HashSet::new();
    for page in 1..=3 {
        let html = secretariat
            .get_text(&format!("/secretariat/proposals?side={page}"), 200)
            .await;
        assert!(
            html.contains(&format!("Til behandling ({total})")),
            "page {page}"
        );
        for i in 0..230 {
            if html.contains(&format!("Medlemsforslag nr. {i:03} om sider<")) {
                assert!(seen.insert(i), "{i} is on one page only");
            }
        }
        assert_eq!(html.contains("Næste side"), page < 3, "page {page}");
        assert_eq!(html.contains("Forrige side"), page > 1, "page {page}");
    }
    assert_eq!(seen.len(), 230, "every waiting proposal is on a page");
}
