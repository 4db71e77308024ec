//! Accounts kept by the secretariat (issue 18, item 6): an invitation whose mailed link sets the
//! password, role changes, deactivation that revokes sessions and API tokens at once, the last
//! secretariat account kept, changing one's own password, and `/password/forgot` with the same
//! answer for known and unknown addresses and a rate limit.

use agendum::db::outbox::{self, StoredMessage};
use agendum::domain::UserId;

use crate::helpers::{Backend, TestApp, api_call, api_token, csrf_of, on_both_backends, spawn_app};

on_both_backends!(
    an_invited_politician_sets_a_password_from_the_mail_and_logs_in,
    deactivation_revokes_sessions_and_tokens_at_once,
    the_last_secretariat_account_stays,
    everyone_changes_their_own_password,
    a_forgotten_password_gets_the_same_answer_and_a_limit,
);

/// The mails to `address`, oldest first.
fn mails_to(app: &TestApp, address: &str) -> Vec<StoredMessage> {
    let mut conn = app.conn();
    let (all, _) = outbox::list(&mut conn, None, 0, 1000).unwrap();
    let ids: Vec<_> = all.iter().map(|m| m.id).collect();
    let mut found: Vec<StoredMessage> = outbox::load(&mut conn, &ids)
        .unwrap()
        .into_iter()
        .filter(|m| m.to.iter().any(|t| t.email == address))
        .collect();
    found.sort_by_key(|m| m.id);
    found
}

/// The path of the set-password link in a mail.
fn link_in(mail: &StoredMessage) -> String {
    let word = mail
        .text
        .split_whitespace()
        .find(|w| w.contains("/password/reset/"))
        .unwrap_or_else(|| panic!("a link in {}", mail.text));
    word[word.find("/password/reset/").unwrap()..].to_owned()
}

/// Opens a link's form in a fresh browser and sets `password` with it.
async fn set_password(app: &TestApp, path: &str, password: &str) -> u16 {
    let client = app.browser();
    let page = client.get(app.url(path)).send().await.unwrap();
    assert_eq!(page.status().as_u16(), 200, "{path} opens");
    let csrf = csrf_of(&page.text().await.unwrap()).unwrap();
    client
        .post(app.url(path))
        .form(&[
            ("csrf", csrf.as_str()),
            ("password", password),
            ("password_again", password),
        ])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn login_status(app: &TestApp, email: &str, password: &str) -> (u16, String) {
    let client = app.browser();
    let page = client.get(app.url("/login")).send().await.unwrap();
    let csrf = csrf_of(&page.text().await.unwrap()).unwrap();
    let r = client
        .post(app.url("/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", email),
            ("password", password),
        ])
        .send()
        .await
        .unwrap();
    let location = r
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (r.status().as_u16(), location)
}

async fn an_invited_politician_sets_a_password_from_the_mail_and_logs_in(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let person = agendum::db::organizations::find_persons(&mut app.conn(), "Anna Dahl")
        .unwrap()
        .first()
        .map(|(id, _)| *id)
        .expect("a demo member");

    // A politician needs a person; an address with an account is refused at its field.
    let (status, body) = secretariat
        .post(
            "/secretariat/settings/accounts",
            &[("email", "ny@example.org"), ("role", "politician")],
        )
        .await
        .page();
    assert_eq!(status, 422);
    assert!(body.contains("vælg personen"), "{body}");
    let (status, body) = secretariat
        .post(
            "/secretariat/settings/accounts",
            &[
                ("email", "Politiker@Example.org"),
                ("role", "politician"),
                ("person", &person.to_string()),
            ],
        )
        .await
        .page();
    assert_eq!(status, 422);
    assert!(
        body.contains("Der findes allerede en konto med adressen politiker@example.org"),
        "{body}"
    );

    let (status, location) = secretariat
        .post(
            "/secretariat/settings/accounts",
            &[
                ("email", "anna.dahl@example.org"),
                ("role", "politician"),
                ("person", &person.to_string()),
            ],
        )
        .await
        .said();
    assert_eq!(status, 303, "{location}");
    let notice = secretariat.notice_at(&location).await;
    assert!(
        notice.starts_with("Invitationen er sendt til anna.dahl@example.org."),
        "{notice}"
    );

    // Not yet: the account has no password anyone knows.
    assert_eq!(
        login_status(&app, "anna.dahl@example.org", "demo").await.0,
        422
    );
    let mails = mails_to(&app, "anna.dahl@example.org");
    assert_eq!(mails.len(), 1);
    assert!(
        mails[0].text.contains("Københavns Kommune"),
        "{}",
        mails[0].text
    );
    assert!(mails[0].text.contains("72 timer"), "{}", mails[0].text);
    let link = link_in(&mails[0]);
    assert_eq!(
        set_password(&app, &link, "en lang nok adgangskode").await,
        200
    );
    // Used once.
    assert_eq!(app.get(&link).await.status().as_u16(), 410);
    let (status, location) =
        login_status(&app, "anna.dahl@example.org", "en lang nok adgangskode").await;
    assert_eq!((status, location.as_str()), (303, "/my/proposals"));
    // The account is the person: named after them, audited as invited.
    let accounts = agendum::db::accounts::all(&mut app.conn()).unwrap();
    let (made, active) = accounts
        .iter()
        .find(|(a, _)| a.email == "anna.dahl@example.org")
        .unwrap();
    assert!(*active);
    assert_eq!(made.name, "Anna Dahl");
    assert_eq!(made.person_id, Some(person));
    let events = agendum::db::audit::for_subject(
        &mut app.conn(),
        agendum::db::audit::SubjectKind("user").with(made.id),
    )
    .unwrap();
    let actions: Vec<&str> = events.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["user.invited", "user.password_set"]);

    // A role change: chair, still the same person.
    let (status, _) = secretariat
        .post(
            &format!("/secretariat/settings/accounts/{}", made.id),
            &[
                ("role", "chair"),
                ("person", &person.to_string()),
                ("name", ""),
            ],
        )
        .await
        .said();
    assert_eq!(status, 303);
    let (changed, _) = agendum::db::accounts::get_any(&mut app.conn(), made.id)
        .unwrap()
        .unwrap();
    assert_eq!(changed.role, agendum::domain::account::Role::Chair);
}

fn user_id(app: &TestApp, email: &str) -> UserId {
    agendum::db::accounts::by_email(&mut app.conn(), email)
        .unwrap()
        .unwrap()
        .0
        .id
}

async fn deactivation_revokes_sessions_and_tokens_at_once(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let politician = app.login("politiker@example.org", "demo").await;
    let token = api_token(&app, "politiker@example.org");
    assert_eq!(politician.get("/my/proposals").await.status().as_u16(), 200);
    let id = user_id(&app, "politiker@example.org");

    let (status, _) = secretariat
        .post(
            &format!("/secretariat/settings/accounts/{id}/active"),
            &[("active", "false")],
        )
        .await
        .said();
    assert_eq!(status, 303);
    // The open session and the token stop at once.
    let r = politician.get("/my/proposals").await;
    assert_eq!(r.status().as_u16(), 303);
    let (status, _) = api_call(&app, reqwest::Method::GET, "/api/v1/me", Some(&token), None).await;
    assert_eq!(status, 401);
    assert_eq!(
        login_status(&app, "politiker@example.org", "demo").await.0,
        422
    );

    // Reactivated, the password works again; the old token stays revoked.
    let (status, _) = secretariat
        .post(
            &format!("/secretariat/settings/accounts/{id}/active"),
            &[("active", "true")],
        )
        .await
        .said();
    assert_eq!(status, 303);
    assert_eq!(
        login_status(&app, "politiker@example.org", "demo").await.0,
        303
    );
    let (status, _) = api_call(&app, reqwest::Method::GET, "/api/v1/me", Some(&token), None).await;
    assert_eq!(status, 401);
}

async fn the_last_secretariat_account_stays(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let own = user_id(&app, "sekretariat@example.org");
    // Not one's own account.
    let (status, body) = secretariat
        .post(
            &format!("/secretariat/settings/accounts/{own}/active"),
            &[("active", "false")],
        )
        .await
        .page();
    assert_eq!(status, 422);
    assert!(body.contains("din egen konto"), "{body}");
    // The only secretariat account keeps its role.
    let okf = app.organization_id("Økonomiforvaltningen").to_string();
    let (status, body) = secretariat
        .post(
            &format!("/secretariat/settings/accounts/{own}"),
            &[("role", "administration"), ("organization", &okf)],
        )
        .await
        .page();
    assert_eq!(status, 422);
    assert!(body.contains("sidste aktive sekretariatskonto"), "{body}");
    // With a second one, the first may go.
    let (status, location) = secretariat
        .post(
            "/secretariat/settings/accounts",
            &[("email", "kollega@example.org"), ("role", "secretariat")],
        )
        .await
        .said();
    assert_eq!(status, 303, "{location}");
    let colleague_link = link_in(&mails_to(&app, "kollega@example.org")[0]);
    assert_eq!(
        set_password(&app, &colleague_link, "kollegaens kodeord").await,
        200
    );
    let colleague = app.login("kollega@example.org", "kollegaens kodeord").await;
    let (status, _) = colleague
        .post(
            &format!("/secretariat/settings/accounts/{own}/active"),
            &[("active", "false")],
        )
        .await
        .said();
    assert_eq!(status, 303);
    // And now the colleague is the last one.
    let second = user_id(&app, "kollega@example.org");
    let (status, body) = colleague
        .post(
            &format!("/secretariat/settings/accounts/{second}"),
            &[("role", "politician"), ("person", "1")],
        )
        .await
        .page();
    assert_eq!(status, 422);
    assert!(body.contains("sidste aktive sekretariatskonto"), "{body}");
}

async fn everyone_changes_their_own_password(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let here = app.login("okf@example.org", "demo").await;
    let elsewhere = app.login("okf@example.org", "demo").await;
    let page = here.get_text("/account/password", 200).await;
    assert!(page.contains("Skift adgangskode"), "{page}");
    let (status, body) = here
        .post(
            "/account/password",
            &[
                ("current", "forkert"),
                ("password", "kort"),
                ("password_again", "anden"),
            ],
        )
        .await
        .page();
    assert_eq!(status, 422);
    assert!(
        body.contains("Den nuværende adgangskode er forkert"),
        "{body}"
    );
    assert!(body.contains("ikke ens"), "{body}");
    let (status, body) = here
        .post(
            "/account/password",
            &[
                ("current", "demo"),
                ("password", "forvaltningens nye kode"),
                ("password_again", "forvaltningens nye kode"),
            ],
        )
        .await
        .page();
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Din adgangskode er skiftet"), "{body}");
    // This session goes on; the other ended; the old password is gone.
    assert_eq!(here.get("/my/tasks").await.status().as_u16(), 200);
    assert_eq!(elsewhere.get("/my/tasks").await.status().as_u16(), 303);
    assert_eq!(login_status(&app, "okf@example.org", "demo").await.0, 422);
    assert_eq!(
        login_status(&app, "okf@example.org", "forvaltningens nye kode")
            .await
            .0,
        303
    );
    // Only for the logged in.
    let anonymous = app.get("/account/password").await;
    assert_eq!(anonymous.status().as_u16(), 303);
}

async fn forgot(app: &TestApp, client: &reqwest::Client, email: &str) -> (u16, String) {
    let page = client
        .get(app.url("/password/forgot"))
        .send()
        .await
        .unwrap();
    let csrf = csrf_of(&page.text().await.unwrap()).unwrap();
    let r = client
        .post(app.url("/password/forgot"))
        .form(&[("csrf", csrf.as_str()), ("email", email)])
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// What a page says to its reader, without the address typed.
fn said(body: &str, email: &str) -> String {
    crate::helpers::text_of(body).replace(email, "ADRESSE")
}

async fn a_forgotten_password_gets_the_same_answer_and_a_limit(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    assert!(
        app.get_text("/login", 200)
            .await
            .contains("/password/forgot")
    );
    let client = app.browser();
    let (known_status, known) = forgot(&app, &client, "okf@example.org").await;
    let (unknown_status, unknown) = forgot(&app, &client, "ingen@example.org").await;
    assert_eq!((known_status, unknown_status), (200, 200));
    assert_eq!(
        said(&known, "okf@example.org"),
        said(&unknown, "ingen@example.org"),
        "the same answer for a known and an unknown address"
    );
    assert!(mails_to(&app, "ingen@example.org").is_empty());
    let mails = mails_to(&app, "okf@example.org");
    assert_eq!(mails.len(), 1);
    assert!(
        mails[0].text.contains("ny adgangskode"),
        "{}",
        mails[0].text
    );
    let link = link_in(&mails[0]);
    assert_eq!(set_password(&app, &link, "glemt og fundet igen").await, 200);
    assert_eq!(link_status(&app, &link).await, 410, "used once");
    assert_eq!(
        login_status(&app, "okf@example.org", "glemt og fundet igen")
            .await
            .0,
        303
    );

    // Three requests an hour for an address, known or not; the fourth is refused, sends
    // nothing, and says so the same way for both.
    for _ in 0..2 {
        assert_eq!(forgot(&app, &client, "okf@example.org").await.0, 200);
        assert_eq!(forgot(&app, &client, "ingen@example.org").await.0, 200);
    }
    let (status, known) = forgot(&app, &client, "okf@example.org").await;
    let (status2, unknown) = forgot(&app, &client, "ingen@example.org").await;
    assert_eq!((status, status2), (429, 429));
    assert_eq!(
        said(&known, "okf@example.org"),
        said(&unknown, "ingen@example.org")
    );
    assert_eq!(mails_to(&app, "okf@example.org").len(), 3);
}

/// What opening a link answers (a used one: 410, gone).
async fn link_status(app: &TestApp, path: &str) -> u16 {
    app.get(path).await.status().as_u16()
}
