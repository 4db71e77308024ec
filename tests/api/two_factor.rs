//! Two-factor login for secretariat accounts (issue 18, item 6): set up with a code from the
//! app, recovery codes shown once; a login then needs the password and a code (never the same
//! code twice), or a recovery code (each once); a few wrong codes end the login; turned off with
//! the password; not offered to other roles.

use agendum::domain::totp::{STEP_SECONDS, TotpSecret};

use crate::helpers::{
    Backend, Session, TestApp, audit_actions, csrf_of, on_both_backends, spawn_app, submit_login,
    text_of,
};

on_both_backends!(
    a_secretariat_account_turns_on_two_factor_and_logs_in_with_codes,
    wrong_codes_end_the_login_and_other_roles_cannot_turn_it_on,
);

const EMAIL: &str = "sekretariat@example.org";

fn now() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp()).unwrap()
}

fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("{start} in {html}"))
        + start.len();
    let to = html[from..].find(end).unwrap() + from;
    &html[from..to]
}

/// The password step of a login: the response and the browser holding its cookies.
async fn password_step(app: &TestApp) -> (reqwest::Client, reqwest::Response) {
    let client = app.browser();
    let response = submit_login(app, &client, EMAIL, "demo").await;
    (client, response)
}

/// Posts a code on the code form: (status, location, body).
async fn post_code(app: &TestApp, client: &reqwest::Client, code: &str) -> (u16, String, String) {
    let form = client.get(app.url("/login/code")).send().await.unwrap();
    assert_eq!(form.status().as_u16(), 200, "the code form opens");
    let csrf = csrf_of(&form.text().await.unwrap()).unwrap();
    let r = client
        .post(app.url("/login/code"))
        .form(&[("csrf", csrf.as_str()), ("code", code)])
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let location = r
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, location, r.text().await.unwrap())
}

/// Turns two-factor login on for the session's account; returns the secret and the recovery
/// codes.
async fn turn_on(session: &Session) -> (TotpSecret, Vec<String>) {
    let page = session.get_text("/account/two-factor", 200).await;
    assert!(page.contains("Slå to-trinsbekræftelse til"), "{page}");
    let (status, page) = session.post("/account/two-factor/start", &[]).await.page();
    assert_eq!(status, 200, "{page}");
    let shown = between(&page, "class=\"totp-secret\">", "<").replace(' ', "");
    let secret = TotpSecret::parse(&shown).expect("a base32 secret of 20 bytes");
    assert!(
        page.contains("otpauth:&#x2F;&#x2F;totp&#x2F;") || page.contains("otpauth://totp/"),
        "{page}"
    );

    // A wrong code keeps the same secret on the page, with why.
    let wrong = format!(
        "{:06}",
        (secret.code_at(now()).parse::<u32>().unwrap() + 1) % 1_000_000
    );
    let (status, page) = session
        .post("/account/two-factor/enable", &[("code", &wrong)])
        .await
        .page();
    assert_eq!(status, 422, "{page}");
    assert!(page.contains("Koden passer ikke"), "{page}");
    assert_eq!(
        between(&page, "class=\"totp-secret\">", "<").replace(' ', ""),
        shown
    );

    let (status, page) = session
        .post(
            "/account/two-factor/enable",
            &[("code", &secret.code_at(now()))],
        )
        .await
        .page();
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("To-trinsbekræftelse er slået til"), "{page}");
    let codes: Vec<String> = page
        .split("<li><code>")
        .skip(1)
        .map(|s| s.split('<').next().unwrap().to_owned())
        .collect();
    assert_eq!(codes.len(), 10, "{page}");
    (secret, codes)
}

async fn a_secretariat_account_turns_on_two_factor_and_logs_in_with_codes(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let session = app.login(EMAIL, "demo").await;
    let (secret, codes) = turn_on(&session).await;
    let actions = audit_actions(&app, "user", 1);
    assert!(
        actions.contains(&"user.totp_enabled".to_owned()),
        "{actions:?}"
    );

    // The password alone does not log in: it leads to the code form, with no session yet.
    let (client, response) = password_step(&app).await;
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(response.headers()["location"], "/login/code");
    let inbox = client
        .get(app.url("/secretariat/proposals"))
        .send()
        .await
        .unwrap();
    assert_eq!(inbox.status().as_u16(), 303, "not logged in yet");
    // The code that turned it on was used: the same step is refused (no replay).
    let (status, _, body) = post_code(&app, &client, &secret.code_at(now())).await;
    assert_eq!(status, 422, "{body}");
    assert!(text_of(&body).contains("Koden passer ikke, eller den er brugt før."));
    // The next step's code (the app a little ahead) logs in.
    let (status, location, _) =
        post_code(&app, &client, &secret.code_at(now() + STEP_SECONDS)).await;
    assert_eq!(status, 303);
    assert_eq!(location, "/secretariat/proposals");
    let inbox = client
        .get(app.url("/secretariat/proposals"))
        .send()
        .await
        .unwrap();
    assert_eq!(inbox.status().as_u16(), 200);

    // A recovery code works once.
    let (client, _) = password_step(&app).await;
    let (status, _, _) = post_code(&app, &client, &codes[0].to_uppercase()).await;
    assert_eq!(status, 303);
    let (client, _) = password_step(&app).await;
    let (status, _, _) = post_code(&app, &client, &codes[0]).await;
    assert_eq!(status, 422, "a recovery code is used once");
    let page = session.get_text("/account/two-factor", 200).await;
    assert!(
        page.contains("Du har 9 ubrugte gendannelseskoder"),
        "{page}"
    );

    // Off again with the password (a wrong one is refused); then the password alone logs in.
    let (status, page) = session
        .post("/account/two-factor/disable", &[("password", "forkert")])
        .await
        .page();
    assert_eq!(status, 422, "{page}");
    let (status, location) = session
        .post("/account/two-factor/disable", &[("password", "demo")])
        .await
        .said();
    assert_eq!(status, 303, "{location}");
    let (_, response) = password_step(&app).await;
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(response.headers()["location"], "/secretariat/proposals");
}

async fn wrong_codes_end_the_login_and_other_roles_cannot_turn_it_on(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let session = app.login(EMAIL, "demo").await;
    turn_on(&session).await;
    let (client, _) = password_step(&app).await;
    let mut last = 0;
    for _ in 0..5 {
        let (status, _, _) = post_code(&app, &client, "000000").await;
        last = status;
    }
    assert_eq!(last, 429, "the fifth wrong code ends the login");
    // The login is gone: even the right code now starts again at the password.
    let form = client.get(app.url("/login/code")).send().await.unwrap();
    assert_eq!(form.status().as_u16(), 303);
    assert_eq!(form.headers()["location"], "/login");

    // Phone and recovery codes lost: another secretary turns it off; the password alone then
    // logs in. Nobody does so for their own account this way.
    agendum::service::accounts::add_user(
        &mut app.conn(),
        &agendum::service::accounts::UserRequest {
            email: "anden.sekretaer@example.org",
            name: "Anden Sekretær",
            role: "secretariat",
            organization: None,
            person: None,
        },
        &agendum::domain::account::NewPassword::parse("en anden adgangskode").unwrap(),
    )
    .unwrap();
    let own = session
        .post("/secretariat/settings/accounts/1/two-factor", &[])
        .await
        .page();
    assert_eq!(own.0, 422, "{}", own.1);
    let other = app
        .login("anden.sekretaer@example.org", "en anden adgangskode")
        .await;
    let page = other
        .get_text("/secretariat/settings/accounts/1", 200)
        .await;
    assert!(page.contains("Slå to-trinsbekræftelse fra"), "{page}");
    let (status, location) = other
        .post("/secretariat/settings/accounts/1/two-factor", &[])
        .await
        .said();
    assert_eq!(status, 303, "{location}");
    let (_, response) = password_step(&app).await;
    assert_eq!(response.headers()["location"], "/secretariat/proposals");
    let actions = audit_actions(&app, "user", 1);
    assert!(
        actions.contains(&"user.totp_reset".to_owned()),
        "{actions:?}"
    );

    // A politician has no two-factor setup to start.
    let politician = app.login("politiker@example.org", "demo").await;
    let page = politician.get_text("/account/two-factor", 200).await;
    assert!(page.contains("To-trinsbekræftelse er for sekretariatets konti."));
    let (status, _) = politician
        .post("/account/two-factor/start", &[])
        .await
        .page();
    assert_eq!(status, 403);
}
