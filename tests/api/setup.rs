//! A new municipality's first run: `agendum setup` on an empty database, and the one-time link
//! its first secretariat account sets a password with (expiring, used once, stored hashed).

use agendum::config::Settings;
use agendum::db::accounts::{self, PasswordLink};
use agendum::domain::account::PasswordLinkPurpose;
use agendum::error::ErrorKind;
use agendum::service::accounts::setup;

use crate::helpers::{Backend, TestApp, csrf_of, on_both_backends, spawn_app_with};

on_both_backends!(
    setup_makes_the_first_account_and_its_link_works_once,
    setup_is_refused_on_a_database_with_data,
);

fn settings() -> Settings {
    Settings {
        base_url: "http://agendum.test".into(),
        ..Settings::default()
    }
}

/// The path of an absolute link of the test settings.
fn path_of(link: &str) -> &str {
    link.strip_prefix("http://agendum.test")
        .expect("the link is under the base address")
}

/// Posts the link's form as the browser that opened it.
async fn choose(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    password: &str,
    again: &str,
) -> (u16, String) {
    let page = client.get(app.url(path)).send().await.unwrap();
    assert_eq!(page.status().as_u16(), 200, "the form opens");
    let csrf = csrf_of(&page.text().await.unwrap()).expect("the form has a token");
    let r = client
        .post(app.url(path))
        .form(&[
            ("csrf", csrf.as_str()),
            ("password", password),
            ("password_again", again),
        ])
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn setup_makes_the_first_account_and_its_link_works_once(backend: Backend) {
    let Some(app) = spawn_app_with(backend, false).await else {
        return;
    };
    let made = setup(
        &mut app.conn(),
        &settings(),
        "  Aarhus Kommune ",
        "Sekretariat@Aarhus.dk",
    )
    .unwrap();
    let path = path_of(&made.link).to_owned();
    assert!(path.starts_with("/password/reset/"), "{path}");
    let token = path.trim_start_matches("/password/reset/").to_owned();

    // The municipality and its one account; the link is stored as its digest only.
    let mut conn = app.conn();
    let name: String = {
        use agendum::db::schema::bodies;
        use diesel::prelude::*;
        bodies::table
            .find(made.body.0)
            .select(bodies::name)
            .first(&mut conn)
            .unwrap()
    };
    assert_eq!(name, "Aarhus Kommune");
    let account = accounts::get(&mut conn, made.user).unwrap().unwrap();
    assert_eq!(account.email, "sekretariat@aarhus.dk");
    assert_eq!(account.role, agendum::domain::account::Role::Secretariat);
    let stored: Vec<String> = {
        use diesel::prelude::*;
        agendum::db::schema::password_links::table
            .select(agendum::db::schema::password_links::token_hash)
            .load(&mut conn)
            .unwrap()
    };
    assert_eq!(stored, vec![agendum::domain::secret::secret_hash(&token)]);
    assert!(!stored.iter().any(|h| h.contains(&token)));
    // The same link went to the account's address through the outbox.
    let (messages, _) = agendum::db::outbox::list(&mut conn, None, 0, 10).unwrap();
    let mail = messages
        .iter()
        .find(|m| {
            m.to.iter()
                .any(|t| t.email.eq_ignore_ascii_case("sekretariat@aarhus.dk"))
        })
        .expect("the link is mailed");
    assert!(mail.text.contains(&made.link), "{}", mail.text);
    drop(conn);

    // A refused choice keeps the link working.
    let client = app.browser();
    let (status, body) = choose(&app, &client, &path, "en lang sætning", "en anden sætning").await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("ikke ens"), "{body}");
    let (status, body) = choose(&app, &client, &path, "kort", "kort").await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("mindst 10 tegn"), "{body}");

    let (status, body) = choose(
        &app,
        &client,
        &path,
        "aarhus er en by ved vandet",
        "aarhus er en by ved vandet",
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Din adgangskode er gemt"), "{body}");
    app.login("sekretariat@aarhus.dk", "aarhus er en by ved vandet")
        .await;

    // Used once: it opens no more, and a second post changes nothing.
    let again = app.get(&path).await;
    assert_eq!(again.status().as_u16(), 410);
    let text = again.text().await.unwrap();
    assert!(text.contains("allerede brugt"), "{text}");
    // A link that never existed, and one that has expired.
    assert_eq!(
        app.get("/password/reset/forged0000")
            .await
            .status()
            .as_u16(),
        404
    );
    let expired = accounts::create_password_link(
        &mut app.conn(),
        made.user,
        PasswordLinkPurpose::Reset,
        (chrono::Utc::now() - chrono::Duration::minutes(1)).naive_utc(),
    )
    .unwrap();
    let r = app.get(&format!("/password/reset/{expired}")).await;
    assert_eq!(r.status().as_u16(), 410);
    assert!(r.text().await.unwrap().contains("udløbet"));
    assert_eq!(
        accounts::use_password_link(&mut app.conn(), &expired, agendum::db::now()).unwrap(),
        PasswordLink::Expired
    );
}

async fn setup_is_refused_on_a_database_with_data(backend: Backend) {
    let Some(app) = spawn_app_with(backend, false).await else {
        return;
    };
    setup(
        &mut app.conn(),
        &settings(),
        "Aarhus Kommune",
        "a@aarhus.dk",
    )
    .unwrap();
    let err = setup(
        &mut app.conn(),
        &settings(),
        "Odense Kommune",
        "b@odense.dk",
    )
    .err()
    .expect("a second setup is refused");
    assert_eq!(err.kind, ErrorKind::Conflict);
    assert!(
        err.message.to_string().contains("empty database"),
        "{}",
        err.message
    );
    // Bad input says which option is wrong, before anything is written.
    for (municipality, email, option) in [
        ("", "c@example.org", "--municipality"),
        ("Kommune\u{7}", "c@example.org", "--municipality"),
        ("Vejle Kommune", "ikke en adresse", "--secretariat"),
    ] {
        let err = setup(&mut app.conn(), &settings(), municipality, email)
            .err()
            .expect("refused");
        assert_eq!(err.kind, ErrorKind::BadRequest, "{municipality:?}");
        assert!(err.message.to_string().contains(option), "{}", err.message);
    }
    // On the demo, too.
    let Some(demo) = crate::helpers::spawn_app(backend).await else {
        return;
    };
    let err = setup(
        &mut demo.conn(),
        &settings(),
        "Aarhus Kommune",
        "a@aarhus.dk",
    )
    .err()
    .expect("refused on the demo");
    assert_eq!(err.kind, ErrorKind::Conflict);
}
