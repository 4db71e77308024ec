//! The attacks of the hostile test (issue 16), replayed: each must fail the way the fix says.

use std::time::Duration;

use agendum::db::schema::{agenda_versions, cases, proposals, sessions};
use chrono::Datelike;
use diesel::prelude::*;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::followup::{confirmed, decided_seed, link_for, open_link};
use crate::helpers::{
    Backend, TestApp, api_call, api_token, csrf_of, on_both_backends, spawn_app,
    spawn_app_configured, submit_login,
};

on_both_backends!(
    uploads_are_refused_before_their_body_is_read,
    uploads_are_bounded_at_their_limits,
    the_login_limit_holds_under_parallel_attempts,
    case_numbers_typed_on_a_draft_stay_on_the_draft,
    control_characters_never_reach_the_database,
    the_clause_buttons_cannot_amplify_a_request,
    private_responses_are_not_kept_by_caches,
    sessions_end_and_sensitive_actions_want_a_recent_login,
    the_api_keeps_to_its_openapi_document,
);

/// Sends `head` (a request line and headers, CRLF-terminated, without the blank line) and
/// `body` over a raw connection and returns the status line the server answers within five
/// seconds, however much of the announced body was never sent.
async fn raw_status(app: &TestApp, head: &str, body: &[u8]) -> String {
    let address = app.address.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    stream
        .write_all(format!("{head}\r\n").as_bytes())
        .await
        .unwrap();
    // The body may be refused before it is written; a reset then is the server's right.
    let _ = stream.write_all(body).await;
    let mut answer = vec![0u8; 1024];
    let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut answer))
        .await
        .expect("an answer before the announced body arrives")
        .unwrap();
    let text = String::from_utf8_lossy(&answer[..n]).into_owned();
    text.lines().next().unwrap_or_default().to_owned()
}

fn multipart_head(path: &str, length: u64, cookie: Option<&str>) -> String {
    let mut head = format!(
        "POST {path} HTTP/1.1\r\nHost: agendum.test\r\nContent-Type: multipart/form-data; \
         boundary=XyZ\r\nContent-Length: {length}\r\n"
    );
    if let Some(c) = cookie {
        head.push_str(&format!("Cookie: {c}\r\n"));
    }
    head
}

/// A demo task's answer link and its form token, with the browser's cookie header.
async fn answer_link(app: &TestApp) -> (String, String, String) {
    let secretariat = api_token(app, "sekretariat@example.org");
    let (item, _) = decided_seed(app, &secretariat).await;
    let (_, links) = confirmed(app, &secretariat, item, 1).await;
    let link = link_for(&links, "okf@forvaltning.example.org").to_owned();
    let client = app.browser();
    let (status, page) = open_link(app, &client, &link).await;
    assert_eq!(status, 200);
    // On an anonymous page the form token is the form cookie's value (double submit).
    let csrf = csrf_of(&page).unwrap();
    let cookie = format!("agendum_form={csrf}");
    (link, csrf, cookie)
}

/// 615 MB announced to the answer link's upload: a stranger's (unknown link, no form cookie)
/// and one over the route's limit are answered at once, without reading the body.
async fn uploads_are_refused_before_their_body_is_read(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let huge = 615 * 1024 * 1024;
    let start =
        b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF";
    // An unknown link: 404 before a byte of the body is read.
    let unknown = format!("/tasks/answer/{}/files", "ab".repeat(32));
    let status = raw_status(&app, &multipart_head(&unknown, huge, None), start).await;
    assert!(status.contains(" 404 "), "{status}");
    // A real link, but no form cookie: 403 at once.
    let (link, _csrf, cookie) = answer_link(&app).await;
    let path = format!("{link}/files");
    let status = raw_status(&app, &multipart_head(&path, huge, None), start).await;
    assert!(status.contains(" 403 "), "{status}");
    // With the browser's cookie, more than the route allows: 413 at once.
    let status = raw_status(&app, &multipart_head(&path, huge, Some(&cookie)), start).await;
    assert!(status.contains(" 413 "), "{status}");
    // The same without a length (chunked): refused once the limit is passed, not read to the
    // end: the server answers while the client still has more to send.
    let address = app.address.trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: agendum.test\r\nContent-Type: multipart/form-data; \
         boundary=XyZ\r\nTransfer-Encoding: chunked\r\nCookie: {cookie}\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let csrf_part = format!(
        "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{}\r\n",
        cookie.trim_start_matches("agendum_form=")
    );
    let mut first = csrf_part.into_bytes();
    first.extend_from_slice(start);
    stream
        .write_all(format!("{:x}\r\n", first.len()).as_bytes())
        .await
        .unwrap();
    stream.write_all(&first).await.unwrap();
    stream.write_all(b"\r\n").await.unwrap();
    let chunk = vec![b'x'; 1024 * 1024];
    let mut sent: u64 = 0;
    let mut answered = String::new();
    // The demo's limit is 50 MB; the server must answer before 200 MB have gone.
    while sent < 200 * 1024 * 1024 {
        let write = async {
            stream
                .write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
                .await?;
            stream.write_all(&chunk).await?;
            stream.write_all(b"\r\n").await
        };
        if write.await.is_err() {
            break;
        }
        sent += chunk.len() as u64;
        let mut buffer = [0u8; 512];
        if let Ok(Ok(n)) =
            tokio::time::timeout(Duration::from_millis(1), stream.read(&mut buffer)).await
            && n > 0
        {
            answered = String::from_utf8_lossy(&buffer[..n]).into_owned();
            break;
        }
    }
    if answered.is_empty() {
        let mut buffer = [0u8; 512];
        if let Ok(Ok(n)) =
            tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buffer)).await
        {
            answered = String::from_utf8_lossy(&buffer[..n]).into_owned();
        }
    }
    assert!(sent < 200 * 1024 * 1024, "the whole stream was read");
    assert!(
        answered.is_empty() || answered.starts_with("HTTP/1.1 413"),
        "{answered}"
    );
}

fn file_part(body: &mut Vec<u8>, name: &str, filename: &str, bytes: &[u8]) {
    body.extend_from_slice(
        format!(
            "--XyZ\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: application/pdf\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(b"\r\n");
}

fn field_part(body: &mut Vec<u8>, name: &str, value: &str) {
    body.extend_from_slice(
        format!("--XyZ\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
            .as_bytes(),
    );
}

/// A PDF of exactly `size` bytes.
fn pdf_of(size: usize) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n".to_vec();
    pdf.resize(size, b' ');
    pdf
}

/// The answer link's upload with a 1 MB limit: a file of 1 MB is taken, 1 MB + 1 byte refused
/// with a message; more parts than a form has, or a field longer than any, refused.
async fn uploads_are_bounded_at_their_limits(backend: Backend) {
    let Some(app) = spawn_app_configured(backend, true, |s| {
        s.max_attachment_bytes = 1024 * 1024;
    })
    .await
    else {
        return;
    };
    let (link, csrf, _) = answer_link(&app).await;
    let client = app.browser();
    let (_, page) = open_link(&app, &client, &link).await;
    let csrf = csrf_of(&page).unwrap_or(csrf);
    let post = |body: Vec<u8>| {
        let client = client.clone();
        let url = app.url(&format!("{link}/files"));
        async move {
            let mut body = body;
            body.extend_from_slice(b"--XyZ--\r\n");
            let r = client
                .post(url)
                .header("content-type", "multipart/form-data; boundary=XyZ")
                .body(body)
                .send()
                .await
                .unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let limit = 1024 * 1024;
    // "Vedhæft filen" sends what is typed with the file: the page comes back with it.
    let mut at_limit = Vec::new();
    field_part(&mut at_limit, "csrf", &csrf);
    field_part(&mut at_limit, "action", "answer");
    field_part(
        &mut at_limit,
        "answer",
        "Vi har **to** profiler på X & lukker dem.",
    );
    field_part(&mut at_limit, "answered_by", "Jens Hansen, kommunikation");
    file_part(&mut at_limit, "file", "svar.pdf", &pdf_of(limit));
    let (status, body) = post(at_limit).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Filen »svar.pdf« er vedhæftet"), "{body}");
    assert!(
        body.contains(">Vi har **to** profiler på X &amp; lukker dem.</textarea>"),
        "the typed answer stays: {body}"
    );
    assert!(
        body.contains("value=\"Jens Hansen, kommunikation\""),
        "{body}"
    );
    let mut over = Vec::new();
    field_part(&mut over, "csrf", &csrf);
    file_part(&mut over, "file", "svar.pdf", &pdf_of(limit + 1));
    let (status, body) = post(over).await;
    assert_eq!(status, 422, "{body}");
    // A file before the form token: refused before the file is kept.
    let mut file_first = Vec::new();
    file_part(&mut file_first, "file", "svar.pdf", &pdf_of(100));
    field_part(&mut file_first, "csrf", &csrf);
    assert_eq!(post(file_first).await.0, 403);
    // Parts: at the limit read, one more refused.
    let parts = |n: usize| {
        let mut body = Vec::new();
        field_part(&mut body, "csrf", &csrf);
        for i in 1..n {
            field_part(&mut body, &format!("f{i}"), "x");
        }
        body
    };
    let (status, _) = post(parts(agendum::web::upload::MAX_FIELDS)).await;
    assert_eq!(status, 422, "no file, but every part read");
    let (status, _) = post(parts(agendum::web::upload::MAX_FIELDS + 1)).await;
    assert_eq!(status, 413);
    // A small field at its limit, and one byte over.
    let long = |n: usize| {
        let mut body = Vec::new();
        field_part(&mut body, "csrf", &csrf);
        field_part(&mut body, "note", &"x".repeat(n));
        body
    };
    let (status, _) = post(long(agendum::web::upload::SMALL_FIELD_BYTES)).await;
    assert_eq!(status, 422);
    let (status, _) = post(long(agendum::web::upload::SMALL_FIELD_BYTES + 1)).await;
    assert_eq!(status, 413);
}

/// 40 wrong passwords for one address at once: at most the limit are checked, the rest refused;
/// then the right password is refused too until the window passes.
async fn the_login_limit_holds_under_parallel_attempts(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let limits = agendum::domain::account::LoginLimits::default();
    let client = app.browser();
    let csrf = crate::helpers::form_token(&app, &client).await;
    let attempts = (0..40).map(|i| {
        let client = client.clone();
        let url = app.url("/login");
        let csrf = csrf.clone();
        async move {
            let r = client
                .post(url)
                .form(&[
                    ("csrf", csrf.as_str()),
                    ("email", "politiker@example.org"),
                    ("password", &format!("forkert {i}")),
                ])
                .send()
                .await
                .unwrap();
            r.status().as_u16()
        }
    });
    let statuses = futures_util::future::join_all(attempts).await;
    let checked = statuses.iter().filter(|s| **s == 422).count() as i64;
    let refused = statuses.iter().filter(|s| **s == 429).count() as i64;
    assert_eq!(checked + refused, 40, "{statuses:?}");
    assert!(
        checked <= limits.per_email,
        "{checked} checked: {statuses:?}"
    );
    let right = submit_login(&app, &app.browser(), "politiker@example.org", "demo").await;
    assert_eq!(right.status().as_u16(), 429);
}

fn case_count(app: &TestApp) -> i64 {
    cases::table.count().get_result(&mut app.conn()).unwrap()
}

/// A politician refers to case numbers; only the secretariat's acceptance puts them in the
/// register, and naming a case reveals nothing of it.
async fn case_numbers_typed_on_a_draft_stay_on_the_draft(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secret = agendum::domain::CaseReference::parse("2026-0000777").unwrap();
    agendum::db::cases::insert(
        &mut app.conn(),
        agendum::domain::BodyId(1),
        &secret,
        "Fortroligt grundkøb",
    )
    .unwrap();
    let before = case_count(&app);
    let politician = api_token(&app, "politiker@example.org");
    let draft = |refs: Vec<String>| {
        json!({
            "title": "Medlemsforslag om bænke",
            "clauses": ["at der opsættes bænke."],
            "meeting_id": 2,
            "case_references": refs,
        })
    };
    // The top of the year's range and the secret case: kept on the draft, nothing registered.
    let (status, created) = api_call(
        &app,
        reqwest::Method::POST,
        "/api/v1/proposals",
        Some(&politician),
        Some(draft(vec!["2026-9999999".into(), secret.to_string()])),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(
        created["case_references"],
        json!(["2026-9999999", "2026-0000777"])
    );
    assert_eq!(case_count(&app), before);
    // Naming the case shows the politician nothing of it, on the page or in the API.
    let session = app.login("politiker@example.org", "demo").await;
    for path in [
        format!("/api/v1/cases/{secret}"),
        format!("/cases/{secret}"),
        "/api/v1/cases/2026-9999999".to_owned(),
    ] {
        let r = session.get(&path).await;
        assert_eq!(r.status().as_u16(), 404, "{path}");
        assert!(!r.text().await.unwrap().contains("Fortroligt"), "{path}");
    }
    let (status, body) = api_call(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/cases/{secret}"),
        Some(&politician),
        None,
    )
    .await;
    assert_eq!(status, 404);
    assert!(!body.to_string().contains("Fortroligt"));
    // More references than a proposal may have, 2 000 at once: refused, nothing registered.
    for n in [11, 2000] {
        let refs: Vec<String> = (1..=n).map(|i| format!("2026-{:07}", 5000 + i)).collect();
        let (status, body) = api_call(
            &app,
            reqwest::Method::POST,
            "/api/v1/proposals",
            Some(&politician),
            Some(draft(refs)),
        )
        .await;
        assert_eq!(status, 422, "{n}: {body}");
    }
    assert_eq!(case_count(&app), before);
    // Cosigners: a hundred are read (and checked one by one), a hundred and one refused.
    for (n, limited) in [(100, false), (101, true)] {
        let mut body = draft(Vec::new());
        body["cosigner_ids"] = json!(vec![2; n]);
        let (status, answer) = api_call(
            &app,
            reqwest::Method::POST,
            "/api/v1/proposals",
            Some(&politician),
            Some(body),
        )
        .await;
        assert_eq!(
            answer.to_string().contains("højst"),
            limited,
            "{n}: {status} {answer}"
        );
    }
    // Ten are fine.
    let refs: Vec<String> = (1..=10).map(|i| format!("2026-{:07}", 6000 + i)).collect();
    let (status, _) = api_call(
        &app,
        reqwest::Method::POST,
        "/api/v1/proposals",
        Some(&politician),
        Some(draft(refs)),
    )
    .await;
    assert_eq!(status, 201);
    assert_eq!(case_count(&app), before);
    // The secretariat still assigns the year's next number (the draft's 2026-9999999 is not
    // in the register, so the year is not full).
    let year = chrono::Utc::now().year_ce().1 as i32;
    let next =
        agendum::db::workflow::assign_reference(&mut app.conn(), agendum::domain::BodyId(1), year)
            .unwrap();
    assert!(next.serial() < 9_999_999);
    // Accepting the proposal registers what it asked for.
    let id = created["id"].as_i64().unwrap();
    {
        use agendum::domain::proposal::ProposalStatus;
        diesel::update(proposals::table.find(id))
            .set(proposals::status.eq(ProposalStatus::Submitted.as_str()))
            .execute(&mut app.conn())
            .unwrap();
    }
    let references = agendum::db::workflow::accept(
        &mut app.conn(),
        &agendum::domain::account::Actor::user(agendum::domain::UserId(1), "Sekretariatet"),
        agendum::domain::ProposalId(id),
        &json!({}),
        &agendum::db::workflow::CaseChoice {
            existing: &[],
            assign_new: false,
        },
        None,
        year,
    )
    .unwrap();
    assert_eq!(references.1.len(), 2);
    assert_eq!(case_count(&app), before + 1, "2026-9999999 registered");
    let stored = agendum::db::proposals::get(&mut app.conn(), agendum::domain::ProposalId(id))
        .unwrap()
        .unwrap();
    assert!(stored.requested_cases.is_empty());
    assert_eq!(stored.cases.len(), 2);
}

/// A bell in a title, a NUL in a clause, escape sequences in a motivation: stored without them,
/// and the draft submits.
async fn control_characters_never_reach_the_database(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let politician = api_token(&app, "politiker@example.org");
    let (status, created) = api_call(
        &app,
        reqwest::Method::POST,
        "/api/v1/proposals",
        Some(&politician),
        Some(json!({
            "title": "Medlemsforslag om\u{7} bænke\u{0}",
            "clauses": ["at der\u{0} opsættes\u{1b}[31m bænke."],
            "motivation": "Linje 1\r\nLinje 2\u{85}",
            "meeting_id": 2,
        })),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["title"], "Medlemsforslag om bænke");
    assert_eq!(created["clauses"], json!(["at der opsættes[31m bænke."]));
    assert_eq!(created["motivation"], "Linje 1\nLinje 2");
    // The form: a bell in the title, then submit.
    let session = app.login("politiker@example.org", "demo").await;
    let r = session
        .post_form(
            "/proposals/new",
            &[
                ("title", "Medlemsforslag om\u{7} træer"),
                ("clause", "at der\u{8} plantes træer."),
                ("motivation", "Grønt\u{0}."),
                ("meeting", "2"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let location = r.headers()["location"].to_str().unwrap().to_owned();
    let id: i64 = location
        .trim_start_matches("/proposals/")
        .split(['/', '?'])
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let stored = agendum::db::proposals::get(&mut app.conn(), agendum::domain::ProposalId(id))
        .unwrap()
        .unwrap();
    assert_eq!(stored.title, "Medlemsforslag om træer");
    assert_eq!(stored.clauses, ["at der plantes træer."]);
    assert_eq!(stored.motivation, "Grønt.");
    let r = session
        .post_form(
            &format!("/proposals/{id}/submit"),
            &[("lock", &stored.lock_version.to_string())],
        )
        .await;
    assert!(r.status().as_u16() < 500, "{}", r.status());
}

/// The clause buttons work on at most a proposal's clauses: 300 000 clause fields, or 31, are
/// refused, not rendered back.
async fn the_clause_buttons_cannot_amplify_a_request(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let session = app.login("politiker@example.org", "demo").await;
    let post = |count: usize| {
        let mut fields: Vec<(&str, &str)> = vec![("title", "T"), ("action", "add-clause")];
        fields.extend(std::iter::repeat_n(("clause", "x"), count));
        let fields: Vec<(String, String)> = fields
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        let session = &session;
        async move {
            let borrowed: Vec<(&str, &str)> = fields
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let r = session.post_form("/proposals/new", &borrowed).await;
            let status = r.status().as_u16();
            (status, r.text().await.unwrap())
        }
    };
    let max = agendum::domain::proposal::CLAUSES_MAX;
    let (status, page) = post(max - 1).await;
    assert_eq!(status, 200);
    assert_eq!(page.matches("name=\"clause\"").count(), max);
    assert!(
        !page.contains("value=\"add-clause\""),
        "no button that cannot add"
    );
    let (status, page) = post(max).await;
    assert_eq!(status, 200);
    assert_eq!(page.matches("name=\"clause\"").count(), max, "not one more");
    let (status, page) = post(max + 1).await;
    assert_eq!(status, 413);
    assert!(page.len() < 20_000);
    let (status, page) = post(300_000).await;
    assert_eq!(status, 413);
    assert!(page.len() < 20_000);
    // A form's fields: at the limit read, one more refused before anything else.
    let fields = |count: usize| {
        let mut fields: Vec<(&str, &str)> = vec![("title", "T"), ("action", "add-clause")];
        // With the session's token, `post_form` adds one field.
        fields.extend(std::iter::repeat_n(("x", "1"), count - 3));
        fields
    };
    let limit = agendum::web::auth::MAX_FORM_FIELDS;
    let r = session.post_form("/proposals/new", &fields(limit)).await;
    assert_eq!(r.status().as_u16(), 200);
    let r = session
        .post_form("/proposals/new", &fields(limit + 1))
        .await;
    assert_eq!(r.status().as_u16(), 413);
}

fn cache_control(r: &reqwest::Response) -> String {
    r.headers()
        .get("cache-control")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

/// What depends on who asks is never stored by a cache; HSTS where the site is HTTPS.
async fn private_responses_are_not_kept_by_caches(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    for path in ["/dev/mailbox", "/secretariat/proposals", "/my/tasks", "/"] {
        let r = secretariat.get(path).await;
        assert!(
            cache_control(&r).contains("no-store"),
            "{path}: {}",
            cache_control(&r)
        );
    }
    let token = api_token(&app, "sekretariat@example.org");
    for path in ["/api/v1/me", "/api/v1/proposals", "/api/v1/meetings/1"] {
        let r = app
            .client
            .get(app.url(path))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert!(cache_control(&r).contains("no-store"), "{path}");
    }
    // An answer link's page is private, logged in or not.
    let (link, _, _) = answer_link(&app).await;
    assert!(cache_control(&app.get(&link).await).contains("no-store"));
    // The public's pages may be cached; no HSTS over plain HTTP.
    let r = app.get("/meetings/1").await;
    assert!(!cache_control(&r).contains("no-store"));
    assert!(r.headers().get("strict-transport-security").is_none());
    drop(app);
    let Some(https) = spawn_app_configured(backend, true, |s| {
        s.base_url = "https://agendum.test".into();
    })
    .await
    else {
        return;
    };
    let r = https.get("/").await;
    assert!(
        r.headers()
            .get("strict-transport-security")
            .is_some_and(|v| v.to_str().unwrap().contains("max-age=")),
    );
}

/// The agenda's version a page carries in its form.
fn lock_on(page: &str) -> String {
    let marker = "name=\"lock\" value=\"";
    let at = page.find(marker).unwrap() + marker.len();
    page[at..].split('"').next().unwrap().to_owned()
}

/// A login ends at its absolute lifetime however often it is used; releasing an agenda, sending
/// a letter or re-sending mail wants a recent one.
async fn sessions_end_and_sensitive_actions_want_a_recent_login(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let policy = agendum::domain::account::SessionPolicy::default();
    // Ages the newest session (the browser's own).
    let age = |session_age: chrono::Duration| {
        let at = agendum::db::now();
        let newest: i64 = sessions::table
            .select(diesel::dsl::max(sessions::id))
            .first::<Option<i64>>(&mut app.conn())
            .unwrap()
            .unwrap();
        diesel::update(sessions::table.find(newest))
            .set((
                sessions::created_at.eq(at - session_age),
                sessions::last_seen_at.eq(at),
                sessions::expires_at.eq(at + chrono::Duration::hours(1)),
            ))
            .execute(&mut app.conn())
            .unwrap();
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    assert_eq!(
        secretariat.get("/secretariat/proposals").await.status(),
        200
    );
    // Used every hour, but logged in a month ago: gone.
    age(policy.max_age + chrono::Duration::minutes(1));
    let r = secretariat.get("/secretariat/proposals").await;
    assert_eq!(r.status(), 303);
    assert!(
        r.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login")
    );

    // A fresh login, three hours old: pages work, releasing wants the password again.
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    age(policy.reauth_after + chrono::Duration::hours(1));
    let editor = "/secretariat/meetings/2/agenda";
    let page = secretariat.get_text(editor, 200).await;
    let lock = lock_on(&page);
    let r = secretariat
        .post_form(
            "/secretariat/meetings/2/agenda/items",
            &[("kind", "other"), ("title", "Et punkt"), ("lock", &lock)],
        )
        .await;
    assert_eq!(r.status(), 303);
    let versions = || -> i64 {
        agenda_versions::table
            .count()
            .get_result(&mut app.conn())
            .unwrap()
    };
    let released_before = versions();
    let page = secretariat.get_text(editor, 200).await;
    let lock = lock_on(&page);
    let r = secretariat
        .post_form(&format!("{editor}/release"), &[("lock", &lock)])
        .await;
    assert_eq!(r.status(), 303);
    let location = r.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with("/login?igen=1&next="), "{location}");
    assert_eq!(versions(), released_before, "nothing released");
    let again = secretariat.get_text(&location, 200).await;
    assert!(again.contains("Log ind igen"));
    // Logging in again in the same browser replaces the session; the release goes through.
    let csrf = csrf_of(&again).unwrap();
    let r = secretariat
        .client
        .post(secretariat.url("/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "sekretariat@example.org"),
            ("password", "demo"),
            ("next", editor),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    // The aged session this browser had is revoked: only the new one is live (the month-old
    // one is past its lifetime).
    let live: i64 = sessions::table
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::created_at.gt(agendum::db::now() - policy.max_age))
        .count()
        .get_result(&mut app.conn())
        .unwrap();
    assert_eq!(live, 1, "the old session ended");
    let page = secretariat.get_text(editor, 200).await;
    let csrf = csrf_of(&page).unwrap();
    let lock = lock_on(&page);
    let r = secretariat
        .client
        .post(secretariat.url(&format!("{editor}/release")))
        .form(&[("csrf", csrf.as_str()), ("lock", lock.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(versions(), released_before + 1);
}

/// What schemathesis found: methods an address does not answer get 405 with `Allow` (TRACE
/// too), HEAD answers as GET, an empty `scope=` and a `null` deadline are refused as the
/// document says, and every limit the document states is the server's.
async fn the_api_keeps_to_its_openapi_document(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let client = &app.client;
    for (method, path, allow) in [
        ("TRACE", "/meetings/1", "GET, HEAD"),
        ("DELETE", "/api/v1/proposals", "GET, HEAD, POST"),
        ("PUT", "/login", "GET, HEAD, POST"),
    ] {
        let r = client
            .request(
                reqwest::Method::from_bytes(method.as_bytes()).unwrap(),
                app.url(path),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 405, "{method} {path}");
        assert_eq!(r.headers()["allow"], allow, "{method} {path}");
        if path.starts_with("/api/") {
            let body: serde_json::Value = r.json().await.unwrap();
            assert_eq!(body["error"]["code"], "method_not_allowed");
        }
    }
    let r = client
        .request(
            reqwest::Method::from_bytes(b"TRACE").unwrap(),
            app.url("/nothing"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 404);
    let r = client.head(app.url("/meetings/1")).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.bytes().await.unwrap().is_empty());

    for query in [
        "scope=",
        "page=99999999999999999999",
        "page=0",
        "per_page=201",
    ] {
        let path = format!("/api/v1/proposals?{query}");
        let (status, _) = api_call(&app, reqwest::Method::GET, &path, None, None).await;
        assert_eq!(status, 400, "{query}");
    }
    let secretariat = api_token(&app, "sekretariat@example.org");
    let (item, _) = decided_seed(&app, &secretariat).await;
    let (task, _) = confirmed(&app, &secretariat, item, 1).await;
    let (status, body) = api_call(
        &app,
        reqwest::Method::PATCH,
        &format!("/api/v1/tasks/{task}"),
        Some(&secretariat),
        Some(json!({ "deadline": null })),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    // Who is asking is answered before the body is read: an anonymous caller with a broken
    // body gets 401, a politician 403.
    let politician = api_token(&app, "politiker@example.org");
    for (token, want) in [(None, 401), (Some(politician.as_str()), 403)] {
        let mut request = client
            .post(app.url("/api/v1/tasks"))
            .header("content-type", "application/json")
            .body("{ not json");
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        assert_eq!(request.send().await.unwrap().status().as_u16(), want);
    }
    // JSON nesting at the limit is read; one level deeper is refused.
    let nested = |depth: usize| {
        format!(
            "{{\"text\": \"x\", \"n\": {}{}}}",
            "[".repeat(depth - 1),
            "]".repeat(depth - 1)
        )
    };
    let limit = agendum::web::input::MAX_JSON_DEPTH;
    for (depth, want) in [(limit, 200), (limit + 1, 400)] {
        let r = client
            .post(app.url("/api/v1/proposals/parse"))
            .header("content-type", "application/json")
            .body(nested(depth))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), want, "depth {depth}");
    }
    // A long query (60 kB, the most our client sends; actix's request head takes 128 KiB) is
    // answered as a bad value, never a fault.
    let long = "x".repeat(60_000);
    for path in [
        format!("/api/v1/proposals?scope={long}"),
        format!("/cases/{long}"),
        format!("/login?next={long}"),
        format!("/proposals/follow-up?side={long}"),
    ] {
        let status = app.get(&path).await.status().as_u16();
        assert!((200..500).contains(&status), "{}…: {status}", &path[..30]);
    }
    // A body at the limit is read, one byte more refused (JSON padded with spaces; a form).
    let limit = agendum::web::FORM_LIMIT_BYTES;
    let padded = |size: usize| {
        let mut body = br#"{"text": "x"}"#.to_vec();
        body.resize(size, b' ');
        body
    };
    for (size, want) in [(limit, 200), (limit + 1, 413)] {
        let r = client
            .post(app.url("/api/v1/proposals/parse"))
            .header("content-type", "application/json")
            .body(padded(size))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), want, "JSON of {size} bytes");
    }
    let browser = app.browser();
    let csrf = crate::helpers::form_token(&app, &browser).await;
    for (size, want) in [(limit, 422), (limit + 1, 413)] {
        let mut body = format!("csrf={csrf}&email=&password=&next=").into_bytes();
        body.resize(size, b'x');
        let r = browser
            .post(app.url("/login"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), want, "form of {size} bytes");
    }
    // The document states the limits the server keeps.
    let doc = app.get_json("/api/v1/openapi.json", 200).await;
    assert_eq!(
        doc["components"]["parameters"]["per_page"]["schema"]["maximum"],
        200
    );
    assert_eq!(
        doc["components"]["parameters"]["id"]["schema"]["minimum"],
        1
    );
}
