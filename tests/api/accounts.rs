//! Accounts: login and logout, sessions, CSRF, rate limiting, roles, API tokens, and the
//! secretariat's outbox pages that they guard.

use agendum::db::write_transaction;
use agendum::domain::mail::{Mailbox, OutgoingMessage, Subject};
use diesel::RunQueryDsl;

use crate::helpers::{Backend, TestApp, csrf_of, on_both_backends, spawn_app, submit_login};

const SECRETARIAT: &str = "sekretariat@example.org";
const POLITICIAN: &str = "politiker@example.org";
const ADMINISTRATION: &str = "okf@example.org";
const LOGIN_FAILED: &str = "E-mailadressen eller adgangskoden er forkert.";

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned()
}

fn set_cookie(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_owned)
}

async fn demo_accounts_log_in_and_out(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let login_page = app.get_text("/login", 200).await;
    for account in [SECRETARIAT, POLITICIAN, ADMINISTRATION] {
        assert!(login_page.contains(account), "{account} on the login page");
    }
    assert!(login_page.contains("<code>demo</code>"));

    for (email, home, name) in [
        (SECRETARIAT, "/secretariat/proposals", "BR-sekretariatet"),
        (POLITICIAN, "/my/proposals", "Maja Lund Holm"),
        (ADMINISTRATION, "/my/tasks", "Lene Friis"),
    ] {
        let client = app.browser();
        let response = submit_login(&app, &client, email, "demo").await;
        assert_eq!(response.status().as_u16(), 303, "{email}");
        assert_eq!(location(&response), home, "{email}");
        let cookie = set_cookie(&response, "agendum_session").expect("a session cookie");
        assert!(cookie.contains("HttpOnly"), "{cookie}");
        assert!(cookie.contains("SameSite=Lax"), "{cookie}");
        assert!(cookie.contains("Path=/"), "{cookie}");
        assert!(!cookie.contains("Secure"), "plain http base URL: {cookie}");
        let page = client.get(app.url("/")).send().await.unwrap();
        assert_eq!(page.headers()["cache-control"], "no-store");
        let page = page.text().await.unwrap();
        assert!(page.contains(name), "{email}: the header names the account");
        assert!(page.contains("Log ud"));
    }

    // Logging out revokes the session on the server: the old cookie is dead even if replayed.
    let session = app.login(SECRETARIAT, "demo").await;
    let cookie_value = {
        let response = submit_login(&app, &app.browser(), SECRETARIAT, "demo").await;
        let cookie = set_cookie(&response, "agendum_session").unwrap();
        cookie
            .split(';')
            .next()
            .unwrap()
            .trim_start_matches("agendum_session=")
            .to_owned()
    };
    let replay = |value: String| {
        let app_client = app.client.clone();
        let url = app.url("/secretariat/outbox");
        async move {
            app_client
                .get(url)
                .header("cookie", format!("agendum_session={value}"))
                .send()
                .await
                .unwrap()
        }
    };
    assert_eq!(replay(cookie_value.clone()).await.status().as_u16(), 200);
    let replayed_session = session_with_cookie(&app, &cookie_value).await;
    let out = replayed_session.post_form("/logout", &[]).await;
    assert_eq!(out.status().as_u16(), 303);
    let removal = set_cookie(&out, "agendum_session").expect("the cookie is removed");
    assert!(
        removal.contains("Max-Age=0") || removal.contains("expires="),
        "{removal}"
    );
    let after = replay(cookie_value).await;
    assert_eq!(
        after.status().as_u16(),
        303,
        "a revoked session no longer works"
    );
    assert!(location(&after).starts_with("/login"));
    // The other session of the same account is untouched.
    session.get_text("/secretariat/outbox", 200).await;

    // GET /logout does not log out; it offers the button.
    let page = session.get_text("/logout", 200).await;
    assert!(page.contains("<button type=\"submit\" class=\"button\">Log ud</button>"));
    session.get_text("/secretariat/outbox", 200).await;
}

/// A browser holding a given session cookie, with that session's CSRF token.
async fn session_with_cookie(app: &TestApp, cookie_value: &str) -> crate::helpers::Session {
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let url: reqwest::Url = app.url("/").parse().unwrap();
    jar.add_cookie_str(&format!("agendum_session={cookie_value}; Path=/"), &url);
    let client = reqwest::Client::builder()
        .cookie_provider(jar)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = client
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    crate::helpers::Session::new(client, csrf_of(&page).unwrap(), app.address.clone())
}

async fn wrong_password_and_unknown_account_read_the_same(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let wrong = submit_login(&app, &app.browser(), SECRETARIAT, "hemmeligt-gæt").await;
    assert_eq!(wrong.status().as_u16(), 422);
    assert!(set_cookie(&wrong, "agendum_session").is_none());
    let wrong = wrong.text().await.unwrap();
    let unknown = submit_login(&app, &app.browser(), "ingen@example.org", "demo").await;
    assert_eq!(unknown.status().as_u16(), 422);
    let unknown = unknown.text().await.unwrap();
    for page in [&wrong, &unknown] {
        assert!(page.contains(LOGIN_FAILED), "{page}");
    }
    let error = |page: &str| {
        crate::helpers::element(page, "<div class=\"error-summary\"", "div").to_owned()
    };
    assert_eq!(error(&wrong), error(&unknown));
    // The address typed is kept; the password is not.
    assert!(wrong.contains("value=\"sekretariat@example.org\""));
    assert!(!wrong.contains("hemmeligt-gæt"));
    // Addresses are not case-sensitive.
    app.login("Sekretariat@Example.ORG", "demo").await;
    // Empty fields.
    let empty = submit_login(&app, &app.browser(), "", "").await;
    assert_eq!(empty.status().as_u16(), 422);
    assert!(empty.text().await.unwrap().contains("Skriv både"));
}

async fn login_attempts_are_limited(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    for _ in 0..5 {
        let r = submit_login(&app, &app.browser(), POLITICIAN, "gæt").await;
        assert_eq!(r.status().as_u16(), 422);
    }
    // The sixth try is refused even with the right password, without checking it.
    let blocked = submit_login(&app, &app.browser(), POLITICIAN, "demo").await;
    assert_eq!(blocked.status().as_u16(), 429);
    assert!(set_cookie(&blocked, "agendum_session").is_none());
    assert!(
        blocked
            .text()
            .await
            .unwrap()
            .contains("For mange mislykkede forsøg")
    );
    // The same for an address without an account: nothing tells them apart.
    for _ in 0..5 {
        submit_login(&app, &app.browser(), "ingen@example.org", "gæt").await;
    }
    let blocked = submit_login(&app, &app.browser(), "ingen@example.org", "gæt").await;
    assert_eq!(blocked.status().as_u16(), 429);
    // Other accounts from the same client still log in (the per-client limit is higher).
    app.login(SECRETARIAT, "demo").await;
    // A success clears the count for its address.
    for _ in 0..4 {
        submit_login(&app, &app.browser(), ADMINISTRATION, "gæt").await;
    }
    app.login(ADMINISTRATION, "demo").await;
    for _ in 0..4 {
        submit_login(&app, &app.browser(), ADMINISTRATION, "gæt").await;
    }
    app.login(ADMINISTRATION, "demo").await;
}

async fn forms_need_their_csrf_token(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let client = app.browser();
    let form = client.get(app.url("/login")).send().await.unwrap();
    let form_cookie = set_cookie(&form, "agendum_form").expect("a form cookie");
    assert!(form_cookie.contains("HttpOnly") && form_cookie.contains("SameSite=Strict"));
    let token = csrf_of(&form.text().await.unwrap()).unwrap();
    let post = |fields: Vec<(&'static str, String)>, origin: Option<&'static str>| {
        let mut request = client.post(app.url("/login")).form(&fields);
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        async move { request.send().await.unwrap() }
    };
    let credentials = || {
        vec![
            ("email", SECRETARIAT.to_owned()),
            ("password", "demo".to_owned()),
        ]
    };
    let r = post(credentials(), None).await;
    assert_eq!(r.status().as_u16(), 403, "no token");
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Formularen kunne ikke godkendes")
    );
    let mut with_wrong = credentials();
    with_wrong.push(("csrf", "0".repeat(64)));
    assert_eq!(post(with_wrong, None).await.status().as_u16(), 403);
    let mut cross_site = credentials();
    cross_site.push(("csrf", token.clone()));
    assert_eq!(
        post(cross_site, Some("https://evil.example"))
            .await
            .status()
            .as_u16(),
        403,
        "a post from another site"
    );
    // Another browser's token does not fit this browser's cookie.
    let other = app.browser();
    let mut foreign = credentials();
    foreign.push(("csrf", crate::helpers::form_token(&app, &other).await));
    assert_eq!(post(foreign, None).await.status().as_u16(), 403);
    let mut good = credentials();
    good.push(("csrf", token));
    let same_origin = app.address.clone();
    let ok = client
        .post(app.url("/login"))
        .header("origin", same_origin)
        .form(&good)
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status().as_u16(), 303);

    // Logged in, the session's own token is required.
    let session = app.login(SECRETARIAT, "demo").await;
    let id = dead_letter(&app, "Et brev");
    let r = session
        .client
        .post(session.url(&format!("/secretariat/outbox/{id}/requeue")))
        .form(&[("csrf", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    let r = session
        .client
        .post(session.url(&format!("/secretariat/outbox/{id}/requeue")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    let status: String = status_of(&app, id);
    assert_eq!(status, "dead", "nothing happened");
}

async fn login_returns_to_the_page_asked_for(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let r = app.get("/secretariat/outbox?status=dead").await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(
        location(&r),
        "/login?next=%2Fsecretariat%2Foutbox%3Fstatus%3Ddead"
    );
    let client = app.browser();
    let form = client
        .get(app.url("/login?next=%2Fsecretariat%2Foutbox%3Fstatus%3Ddead"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(form.contains("name=\"next\" value=\"&#x2F;secretariat&#x2F;outbox?status=dead\""));
    let token = csrf_of(&form).unwrap();
    let login = |next: &'static str| {
        let request = client.post(app.url("/login")).form(&[
            ("csrf", token.as_str()),
            ("email", SECRETARIAT),
            ("password", "demo"),
            ("next", next),
        ]);
        async move { request.send().await.unwrap() }
    };
    assert_eq!(
        location(&login("/secretariat/outbox?status=dead").await),
        "/secretariat/outbox?status=dead"
    );
    // Only our own pages: anything else goes to the account's start page.
    for next in [
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
    ] {
        let r = login(next).await;
        assert_eq!(location(&r), "/secretariat/proposals", "next={next}");
    }
}

/// A message that has been given up, written as the worker would leave it.
fn dead_letter(app: &TestApp, subject: &str) -> agendum::domain::MessageId {
    let mut conn = app.conn();
    write_transaction(&mut conn, |conn| {
        let message = OutgoingMessage::new(
            vec![
                Mailbox::new(Some("Økonomiforvaltningen"), "okf@forvaltning.example.org").unwrap(),
            ],
            Subject::new(subject).unwrap(),
            "Tekst".into(),
        )
        .unwrap()
        .html("<p>Tekst</p>".to_owned());
        let from = Mailbox::new(Some("Agendum"), "noreply@example.org").unwrap();
        let id = agendum::mail::enqueue(conn, &from, &message)?;
        diesel::sql_query(format!(
            "UPDATE outbox_messages SET status = 'dead', attempts = 1, \
             last_error = '550 5.1.1 mailbox unavailable' WHERE id = {id}"
        ))
        .execute(conn)?;
        Ok(id)
    })
    .unwrap()
}

fn status_of(app: &TestApp, id: agendum::domain::MessageId) -> String {
    let mut conn = app.conn();
    agendum::db::outbox::get(&mut conn, id)
        .unwrap()
        .unwrap()
        .status
        .as_str()
        .to_owned()
}

async fn outbox_pages_list_show_and_requeue(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let dead = dead_letter(&app, "Opgave: svar på medlemsforslag");
    let session = app.login(SECRETARIAT, "demo").await;
    let all = session.get_text("/secretariat/outbox", 200).await;
    assert!(all.contains("Opgave: svar på medlemsforslag"));
    assert!(all.contains("Opgivet (1)"));
    assert!(all.contains("550 5.1.1 mailbox unavailable"));
    let dead_only = session
        .get_text("/secretariat/outbox?status=dead", 200)
        .await;
    assert!(dead_only.contains("Opgave: svar på medlemsforslag"));
    let sent_only = session
        .get_text("/secretariat/outbox?status=sent", 200)
        .await;
    assert!(!sent_only.contains("Opgave: svar på medlemsforslag"));
    session
        .get_text("/secretariat/outbox?status=bogus", 400)
        .await;
    session.get_text("/secretariat/outbox?page=-3", 200).await;

    let page = session
        .get_text(&format!("/secretariat/outbox/{dead}"), 200)
        .await;
    assert!(page.contains("Økonomiforvaltningen &lt;okf@forvaltning.example.org&gt;"));
    assert!(page.contains("Send igen"));
    assert!(page.contains(&format!("/secretariat/outbox/{dead}/html")));
    let html = session
        .get(&format!("/secretariat/outbox/{dead}/html"))
        .await;
    assert!(
        html.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .starts_with("sandbox")
    );
    assert_eq!(html.text().await.unwrap(), "<p>Tekst</p>");
    session.get_text("/secretariat/outbox/999999", 404).await;
    session
        .get_text(&format!("/secretariat/outbox/{dead}/attachments/0"), 404)
        .await;

    let r = session
        .post_form(&format!("/secretariat/outbox/{dead}/requeue"), &[])
        .await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(location(&r), format!("/secretariat/outbox/{dead}"));
    let status = status_of(&app, dead);
    assert!(
        status == "pending" || status == "sending" || status == "sent",
        "{status}"
    );
    let page = session
        .get_text(&format!("/secretariat/outbox/{dead}"), 200)
        .await;
    assert!(
        page.contains("sendt igen af BR-sekretariatet"),
        "the audit log shows it"
    );
    assert!(!page.contains("Send igen</button>"));
    // Only a dead letter can be sent again.
    let again = session
        .post_form(&format!("/secretariat/outbox/{dead}/requeue"), &[])
        .await;
    assert_eq!(again.status().as_u16(), 409);
    let events = agendum::db::audit::for_subject(
        &mut app.conn(),
        agendum::db::audit::SubjectKind("outbox_message").with(dead),
    )
    .unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].action, "outbox.requeued");
    assert!(
        events[0]
            .before_state
            .as_deref()
            .unwrap()
            .contains("\"dead\"")
    );
}

async fn secretariat_pages_by_role(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let dead = dead_letter(&app, "Til tabellen");
    let secretariat = app.login(SECRETARIAT, "demo").await;
    let politician = app.login(POLITICIAN, "demo").await;
    let administration = app.login(ADMINISTRATION, "demo").await;
    let pages = [
        "/secretariat/outbox".to_owned(),
        format!("/secretariat/outbox/{dead}"),
        format!("/secretariat/outbox/{dead}/html"),
        "/dev/mailbox".to_owned(),
    ];
    for page in &pages {
        let anonymous = app.get(page).await;
        assert_eq!(anonymous.status().as_u16(), 303, "anonymous {page}");
        assert!(location(&anonymous).starts_with("/login?next="), "{page}");
        for (who, session) in [
            ("politician", &politician),
            ("administration", &administration),
        ] {
            let r = session.get(page).await;
            assert_eq!(r.status().as_u16(), 403, "{who} {page}");
            let body = r.text().await.unwrap();
            assert!(!body.contains("Til tabellen"), "{who} {page}");
        }
        assert_eq!(
            secretariat.get(page).await.status().as_u16(),
            200,
            "secretariat {page}"
        );
    }
    let path = format!("/secretariat/outbox/{dead}/requeue");
    for session in [&politician, &administration] {
        assert_eq!(session.post_form(&path, &[]).await.status().as_u16(), 403);
    }
    let anonymous = app.client.post(app.url(&path)).send().await.unwrap();
    assert_eq!(anonymous.status().as_u16(), 303);
    assert_eq!(status_of(&app, dead), "dead");
}

async fn api_tokens_identify_their_account(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let token = agendum::service::accounts::create_token(
        &mut app.conn(),
        "Politiker@example.org",
        Some("test"),
    )
    .unwrap();
    assert!(token.starts_with("agendum_"));
    let me = app
        .client
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status().as_u16(), 200);
    let me: serde_json::Value = me.json().await.unwrap();
    assert_eq!(me["email"], POLITICIAN);
    assert_eq!(me["role"], "politician");
    assert_eq!(me["name"], "Maja Lund Holm");
    // Only the hash is stored.
    let stored: Vec<String> = {
        use agendum::db::schema::api_tokens::dsl::*;
        use diesel::prelude::*;
        api_tokens.select(token_hash).load(&mut app.conn()).unwrap()
    };
    assert_eq!(stored, vec![agendum::auth::secret_hash(&token)]);
    for (header, code) in [
        (Some("Bearer agendum_0000"), "unauthorized"),
        (Some("Basic abc"), "unauthorized"),
        (None, "unauthorized"),
    ] {
        let mut request = app.client.get(app.url("/api/v1/me"));
        if let Some(h) = header {
            request = request.header("authorization", h);
        }
        let r = request.send().await.unwrap();
        assert_eq!(r.status().as_u16(), 401, "{header:?}");
        let body: serde_json::Value = r.json().await.unwrap();
        assert_eq!(body["error"]["code"], code);
    }
    // A browser session works for reads too.
    let session = app.login(ADMINISTRATION, "demo").await;
    let me: serde_json::Value = session.get("/api/v1/me").await.json().await.unwrap();
    assert_eq!(me["organization"]["name"], "Økonomiforvaltningen");
    // An unknown account gets no token.
    assert!(
        agendum::service::accounts::create_token(&mut app.conn(), "ingen@example.org", None)
            .is_err()
    );
}

on_both_backends!(
    demo_accounts_log_in_and_out,
    wrong_password_and_unknown_account_read_the_same,
    login_attempts_are_limited,
    forms_need_their_csrf_token,
    login_returns_to_the_page_asked_for,
    outbox_pages_list_show_and_requeue,
    secretariat_pages_by_role,
    api_tokens_identify_their_account,
);
