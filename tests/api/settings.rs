//! The municipality's settings (issue 18, item 2): its name, web address, what the council is
//! called and the language of its mail, kept on /secretariat/settings, shown in the header, on
//! the front page, in mails and in the agenda's PDF; a logo in the header; a second app node on
//! the same database shows a change within a second.

use agendum::db::audit;
use agendum::db::outbox;

use crate::helpers::{Backend, TestApp, on_both_backends, second_node, spawn_app, text_of};

on_both_backends!(
    new_case_numbers_take_the_municipalitys_shape,
    the_name_shows_everywhere_and_every_node_follows,
    bad_settings_are_refused_at_their_fields,
    a_logo_goes_in_the_header,
);

/// The seed meeting, released in the demo.
const SEED_MEETING: i64 = 1;

/// The newest mail to `address`: (subject, text).
fn last_mail_to(app: &TestApp, address: &str) -> (String, String) {
    let mut conn = app.conn();
    let (all, _) = outbox::list(&mut conn, None, 0, 1000).unwrap();
    let ids: Vec<_> = all.iter().map(|m| m.id).collect();
    outbox::load(&mut conn, &ids)
        .unwrap()
        .into_iter()
        .filter(|m| m.to.iter().any(|t| t.email == address))
        .max_by_key(|m| m.id)
        .map(|m| (m.subject.to_string(), m.text))
        .unwrap_or_else(|| panic!("a mail to {address}"))
}

fn settings_form<'a>(
    name: &'a str,
    council: &'a str,
    language: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("website", "www.testby.dk"),
        ("council_title", council),
        ("default_language", language),
        ("case_reference_format", "ÅÅÅÅ-NNNNNNN"),
    ]
}

async fn the_name_shows_everywhere_and_every_node_follows(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let other = second_node(&app).await;
    let anonymous = reqwest::Client::new();
    let front = |base: String| {
        let client = anonymous.clone();
        async move {
            client
                .get(format!("{base}/"))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        }
    };
    // The demo's municipality, on both nodes; the released agenda page is cached by now.
    let before = front(app.address.clone()).await;
    assert!(before.contains("Københavns Kommune"), "{before}");
    assert!(
        text_of(&before).contains("Dagsordener for Borgerrepræsentationens og udvalgenes møder")
    );
    assert!(front(other.clone()).await.contains("Københavns Kommune"));
    let meeting = app
        .get_text(&format!("/meetings/{SEED_MEETING}"), 200)
        .await;
    assert!(meeting.contains("<title>") && meeting.contains("Københavns Kommune</title>"));

    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let (status, location) = secretariat
        .post(
            "/secretariat/settings",
            &settings_form("Testby Kommune", "byraad", "en"),
        )
        .await
        .said();
    assert_eq!(status, 303, "{location}");
    assert_eq!(location, "/secretariat/settings");
    assert!(
        secretariat
            .notice_at(&location)
            .await
            .starts_with("Indstillingerne er gemt.")
    );
    let page = secretariat.get_text(&location, 200).await;
    assert!(page.contains("value=\"Testby Kommune\""));
    assert!(page.contains("www.testby.dk\""), "{page}");

    // This node at once: the header, the title, the front page's sentence, the cached agenda.
    // Tera writes `/` in attributes as `&#x2F;`, which browsers read back as `/`.
    let now = front(app.address.clone()).await.replace("&#x2F;", "/");
    assert!(now.contains("<span>Testby Kommune</span>"), "{now}");
    assert!(!now.contains("Københavns Kommune"), "{now}");
    assert!(text_of(&now).contains("Møder i Testby Kommune"));
    assert!(text_of(&now).contains("Dagsordener for byrådets og udvalgenes møder"));
    assert!(now.contains("href=\"https://www.testby.dk\""));
    let meeting = app
        .get_text(&format!("/meetings/{SEED_MEETING}"), 200)
        .await;
    assert!(
        meeting.contains("Testby Kommune</title>"),
        "the cached page was dropped"
    );
    // An error page is in the municipality's layout too.
    let missing = app.get_text("/no/such/page", 404).await;
    assert!(missing.contains("Testby Kommune"), "{missing}");

    // The other node within a second (it checks the version at most once a second).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let page = front(other.clone()).await;
        if page.contains("Testby Kommune") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the other node still shows {page}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }

    // Mail goes out in the chosen language, signed with the new name.
    let (status, _) = secretariat
        .post(
            "/secretariat/settings/accounts",
            &[
                ("email", "ny.medarbejder@example.org"),
                ("name", "Ny Medarbejder"),
                ("role", "secretariat"),
            ],
        )
        .await
        .said();
    assert_eq!(status, 303);
    let (subject, text) = last_mail_to(&app, "ny.medarbejder@example.org");
    assert_eq!(subject, "Your account in Agendum for Testby Kommune");
    assert!(text.contains("Testby Kommune"), "{text}");

    // Every change is in the audit log, with what it was before.
    let body = agendum::service::register::body(&mut app.conn()).unwrap();
    let entries =
        audit::for_subject(&mut app.conn(), audit::SubjectKind("body").with(body)).unwrap();
    let change = entries
        .iter()
        .rfind(|e| e.action == "body.settings")
        .expect("the change is audited");
    assert!(
        change.actor.to_lowercase().contains("sekretariat"),
        "{}",
        change.actor
    );
    let json = |s: &Option<String>| -> serde_json::Value {
        serde_json::from_str(s.as_deref().unwrap()).unwrap()
    };
    assert_eq!(json(&change.before_state)["name"], "Københavns Kommune");
    assert_eq!(json(&change.after_state)["council_title"], "byraad");
}

async fn bad_settings_are_refused_at_their_fields(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let (status, body) = secretariat
        .post(
            "/secretariat/settings",
            &[
                ("name", "   "),
                ("website", "ikke en adresse"),
                ("council_title", "senat"),
                ("default_language", "fr"),
            ],
        )
        .await
        .page();
    assert_eq!(status, 422);
    for message in [
        "Skriv kommunens navn",
        "er ikke en webadresse",
        "Vælg, hvad kommunalbestyrelsen hedder hos jer.",
        "Vælg dansk eller engelsk.",
    ] {
        assert!(body.contains(message), "{message}: {body}");
    }
    assert!(
        body.contains("value=\"ikke en adresse\""),
        "the input is kept"
    );
    // Nothing was written.
    let m = agendum::db::municipality::get(&mut app.conn())
        .unwrap()
        .unwrap();
    assert_eq!(m.name, "Københavns Kommune");
    assert_eq!(m.website.as_deref(), Some("https://www.kk.dk"));

    // Only the secretariat changes them.
    let politician = app.login("politiker@example.org", "demo").await;
    let response = politician
        .post_form(
            "/secretariat/settings",
            &settings_form("X Kommune", "byraad", "da"),
        )
        .await;
    assert_eq!(response.status().as_u16(), 403);
    let anonymous = app
        .client
        .post(app.url("/secretariat/settings"))
        .form(&settings_form("X Kommune", "byraad", "da"))
        .send()
        .await
        .unwrap();
    assert!([303, 401, 403].contains(&anonymous.status().as_u16()));
    let m = agendum::db::municipality::get(&mut app.conn())
        .unwrap()
        .unwrap();
    assert_eq!(m.name, "Københavns Kommune");
}

/// The smallest PNG: one transparent pixel.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
    0x42, 0x60, 0x82,
];

async fn a_logo_goes_in_the_header(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    assert_eq!(app.get("/logo").await.status().as_u16(), 404);
    assert!(!app.get_text("/", 200).await.contains("brand-logo"));

    // Not an image: refused on the page, with why.
    let (status, _, body) = crate::letters::post_multipart(
        &secretariat,
        "/secretariat/settings/logo",
        &[],
        ("logo.svg", b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("Logoet er ikke gemt"), "{body}");

    let (status, location, _) = crate::letters::post_multipart(
        &secretariat,
        "/secretariat/settings/logo",
        &[],
        ("logo.png", PNG),
    )
    .await;
    assert_eq!(status, 303);
    assert_eq!(location, "/secretariat/settings#logo");
    assert!(
        secretariat
            .notice_at(&location)
            .await
            .starts_with("Logoet er gemt")
    );
    let front = app.get_text("/", 200).await.replace("&#x2F;", "/");
    let at = front
        .find("class=\"brand-logo\" src=\"")
        .expect("the logo in the header")
        + "class=\"brand-logo\" src=\"".len();
    let src = front[at..].split('"').next().unwrap().to_owned();
    assert!(src.starts_with("/logo?v="), "{src}");
    let response = app.get(&src).await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["content-type"], "image/png");
    assert_eq!(response.bytes().await.unwrap().as_ref(), PNG);

    // Removed again.
    let (status, _, _) = crate::letters::post_multipart(
        &secretariat,
        "/secretariat/settings/logo",
        &[("remove_logo", "1")],
        ("", b""),
    )
    .await;
    assert_eq!(status, 303);
    assert!(!app.get_text("/", 200).await.contains("brand-logo"));
    assert_eq!(app.get("/logo").await.status().as_u16(), 404);
}

async fn new_case_numbers_take_the_municipalitys_shape(backend: Backend) {
    use agendum::db::{cases, workflow};
    use agendum::domain::CaseReference;
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let mut form = settings_form("Københavns Kommune", "borgerrepraesentationen", "da");
    form.retain(|(k, _)| *k != "case_reference_format");
    // Not a shape: refused at the field.
    let mut bad = form.clone();
    bad.push(("case_reference_format", "ÅÅÅ-NN"));
    let (status, body) = secretariat.post("/secretariat/settings", &bad).await.page();
    assert_eq!(status, 422);
    assert!(body.contains("er ikke et mønster for sagsnumre"), "{body}");
    // Acadre's shape: two digits of year, a slash, five of serial.
    form.push(("case_reference_format", "ÅÅ/NNNNN"));
    let (status, _) = secretariat
        .post("/secretariat/settings", &form)
        .await
        .said();
    assert_eq!(status, 303);

    let body = agendum::service::register::body(&mut app.conn()).unwrap();
    let made = workflow::assign_reference(&mut app.conn(), body, 2027).unwrap();
    assert_eq!(made.to_string(), "27/00001");
    let case = cases::insert(&mut app.conn(), body, &made, "Ny sag i Acadres form").unwrap();
    assert_eq!(
        cases::reference_of(&mut app.conn(), case)
            .unwrap()
            .to_string(),
        "27/00001"
    );
    // Its page is at the key, and shows the number as the municipality writes it (a case
    // with nothing public yet is the secretariat's to see).
    let page = secretariat.get_text("/cases/2027-0000001", 200).await;
    assert!(text_of(&page).contains("Sag 27/00001"), "{page}");
    // The same number in another shape is the same case.
    let typed = CaseReference::parse("27-00001").unwrap();
    assert_eq!(
        cases::by_reference(&mut app.conn(), &typed)
            .unwrap()
            .unwrap()
            .id,
        case
    );
    let next = workflow::assign_reference(&mut app.conn(), body, 2027).unwrap();
    assert_eq!(next.to_string(), "27/00002");
    // The demo's case, typed in the new shape, is found under its own.
    let seed = CaseReference::parse("25/0124174").unwrap();
    let found = cases::by_reference(&mut app.conn(), &seed)
        .unwrap()
        .unwrap();
    assert_eq!(found.reference.to_string(), "2025-0124174");
    assert_eq!(app.get("/cases/25-0124174").await.status().as_u16(), 200);
}
