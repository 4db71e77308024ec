//! A real browser (Debian's headless Chromium through chromedriver) on the main public flow.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

use crate::helpers::{Backend, in_ci, notice, spawn_app};

fn find_program(env: &str, name: &str) -> Option<PathBuf> {
    if let Ok(path) = std::env::var(env) {
        return Some(PathBuf::from(path));
    }
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Browser {
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

/// Headless Chromium reading Danish, or `None` (with a notice) where it is not installed; in CI
/// its absence fails the run.
pub async fn start_browser() -> Option<Browser> {
    start_browser_in("da").await
}

/// Headless Chromium whose reader asks for `lang` (`Accept-Language`).
pub async fn start_browser_in(lang: &str) -> Option<Browser> {
    let driver = find_program("CHROMEDRIVER", "chromedriver");
    let chromium = find_program("CHROMIUM", "chromium");
    let (Some(driver), Some(chromium)) = (driver, chromium) else {
        assert!(
            !in_ci(),
            "CI=true but chromium or chromedriver is missing: the browser tests must run in CI"
        );
        notice("chromium or chromedriver not found; the browser test is skipped");
        return None;
    };
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(&driver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", driver.display()));
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let profile = tempfile::tempdir().unwrap();
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage",
                format!("--lang={lang}"),
                format!("--accept-lang={lang}"),
                format!("--user-data-dir={}", profile.path().display()),
            ],
            "prefs": { "intl.accept_languages": lang },
        }),
    );
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a browser session");
    Some(Browser {
        client,
        driver: child,
        _profile: profile,
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn public_reader_finds_the_clauses_of_the_seed_agenda() {
    let Some(app) = spawn_app(Backend::Sqlite).await else {
        return;
    };
    let Some(browser) = start_browser().await else {
        return;
    };
    let c = &browser.client;
    c.goto(&app.url("/")).await.unwrap();
    assert_eq!(c.title().await.unwrap(), "Møder – Københavns Kommune");
    // From the front page to the seed meeting, as a reader would.
    c.find(Locator::Css("a[href='/meetings/1']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait().for_element(Locator::Css("h1")).await.unwrap();
    assert!(
        c.current_url()
            .await
            .unwrap()
            .path()
            .ends_with("/meetings/1")
    );
    let heading = c
        .find(Locator::Css("h1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(heading, "DAGSORDEN");
    let clauses = c
        .find_all(Locator::Css("article.agenda-item ol.clauses > li"))
        .await
        .unwrap();
    assert_eq!(clauses.len(), 3);
    let words = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let first = words(clauses[0].text().await.unwrap());
    assert!(
        first.starts_with("1. at Borgerrepræsentationen pålægger Økonomiforvaltningen"),
        "{first}"
    );
    let third = words(clauses[2].text().await.unwrap());
    assert!(
        third.ends_with("hvilke sociale medier de har profiler på."),
        "{third}"
    );
    // The stylesheet loaded under the Content-Security-Policy: clause numbers sit in a grid.
    let display = clauses[0].css_value("display").await.unwrap();
    assert_eq!(display, "grid");
    // The table of contents jumps to the item.
    c.find(Locator::Css("nav.toc a"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    assert_eq!(c.current_url().await.unwrap().fragment(), Some("punkt-1"));
    browser.close().await;
}

pub(crate) async fn log_in(c: &Client, app: &crate::helpers::TestApp, email: &str) {
    log_in_with(c, app, email, "demo").await;
}

/// Logs in through the form with `password` and waits for the logged-in header.
pub(crate) async fn log_in_with(
    c: &Client,
    app: &crate::helpers::TestApp,
    email: &str,
    password: &str,
) {
    c.goto(&app.url("/login")).await.unwrap();
    fill(c, "email", email).await;
    fill(c, "password", password).await;
    click(c, "form[action='/login'] button[type=submit]").await;
    c.wait()
        .for_element(Locator::Css("form[action='/logout']"))
        .await
        .unwrap_or_else(|e| panic!("{email} is logged in: {e}"));
}

pub(crate) async fn log_out(c: &Client) {
    click(c, "form[action='/logout'] button").await;
    c.wait()
        .for_element(Locator::Css("a[href='/login']"))
        .await
        .unwrap();
}

pub(crate) async fn click(c: &Client, css: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .click()
        .await
        .unwrap();
}

/// Waits (up to 10 s) until the page's main text contains `needle`; returns that text.
pub(crate) async fn wait_for_text(c: &Client, needle: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let text = page_text(c).await;
        if text.contains(needle) {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "«{needle}» never appeared: {text}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The main text of the page; empty while the page is being replaced.
pub(crate) async fn page_text(c: &Client) -> String {
    let Ok(main) = c.find(Locator::Css("main")).await else {
        return String::new();
    };
    let text = main.text().await.unwrap_or_default();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first half of a proposal's life in a real browser: the politician pastes the seed text
/// and submits; the secretariat returns it; the politician resubmits; the secretariat accepts
/// and a case number appears. Script in the text stays text.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proposal_from_paste_to_case_number() {
    let Some(app) = spawn_app(Backend::Sqlite).await else {
        return;
    };
    let Some(browser) = start_browser().await else {
        return;
    };
    agendum::db::organizations::set_deadline_rules(
        &mut app.conn(),
        agendum::domain::OrganizationId(1),
        Some(&"calendar_days:1".parse().unwrap()),
        None,
    )
    .unwrap();
    let c = &browser.client;

    log_in(c, &app, "politiker@example.org").await;
    wait_for_text(c, "Mine forslag").await;
    assert_eq!(c.current_url().await.unwrap().path(), "/my/proposals");
    click(c, "a[href='/proposals/new']").await;
    wait_for_text(c, "Indsæt et forslag").await;
    let seed = "Medlemsforslag om nedlæggelse af profiler på X og undersøgelse af kommunens brug af\n\
sociale medier (2025-0124174)\n\nMedlemsforslag\n\nDet foreslås,\n\n\
1. at Borgerrepræsentationen pålægger Økonomiforvaltningen, at indhente svar fra alle\n\
forvaltninger på i hvilket omfang de bruger det sociale medie X. Oversigten forelægges\n\
Økonomiudvalget inden udgangen af juni måned,\n\
2. at alle Københavns Kommunes profiler på det sociale medie X skal nedlægges,\n\
3. at Økonomiforvaltningen indhenter svar fra alle forvaltninger på, hvilke sociale medier de\n\
har profiler på.\n\n(Stillet af Enhedslisten)\n\nMotivation\n\n\
<script>document.title='pwned'</script> Borgerrepræsentationen har vedtaget noget.\n";
    c.find(Locator::Id("paste-text"))
        .await
        .unwrap()
        .send_keys(seed)
        .await
        .unwrap();
    click(c, "form[action='/proposals/new/paste'] button").await;
    wait_for_text(c, "Teksten er læst ind i formularen").await;
    let clauses = c
        .find_all(Locator::Css("textarea[name=clause]"))
        .await
        .unwrap();
    assert_eq!(
        clauses.len(),
        3,
        "the pasted clauses fill the form: {}",
        page_text(c).await
    );
    let title = c
        .find(Locator::Id("title"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap();
    assert!(title.starts_with("Medlemsforslag om nedlæggelse af profiler på X"));
    click(c, "#meeting option[value='2']").await;
    click(c, "button[value=save]:not(.default-submit)").await;
    wait_for_text(c, "Status Kladde").await;
    click(c, "form[action$='/submit'] button").await;
    let text = wait_for_text(c, "Status Indsendt").await;
    let proposal_path = c.current_url().await.unwrap().path().to_owned();
    // The script in the motivation is shown, not run.
    assert!(text.contains("<script>document.title='pwned'</script>"));
    assert_ne!(c.title().await.unwrap(), "pwned");
    log_out(c).await;

    log_in(c, &app, "sekretariat@example.org").await;
    wait_for_text(c, "Indkomne forslag").await;
    assert_eq!(
        c.current_url().await.unwrap().path(),
        "/secretariat/proposals"
    );
    click(c, &format!("a[href='{proposal_path}']")).await;
    wait_for_text(c, "Tjekliste").await;
    c.find(Locator::Id("comment"))
        .await
        .unwrap()
        .send_keys("Punkt 2: hvem skal nedlægge profilerne?")
        .await
        .unwrap();
    click(c, "button[formaction$='/return']").await;
    wait_for_text(c, "Status Sendt retur").await;
    log_out(c).await;

    log_in(c, &app, "politiker@example.org").await;
    wait_for_text(c, "Mine forslag").await;
    click(c, &format!("a[href='{proposal_path}']")).await;
    wait_for_text(c, "Punkt 2: hvem skal nedlægge profilerne?").await;
    click(c, "form[action$='/submit'] button").await;
    wait_for_text(c, "Status Indsendt").await;
    log_out(c).await;

    log_in(c, &app, "sekretariat@example.org").await;
    c.goto(&app.url(&proposal_path)).await.unwrap();
    wait_for_text(c, "Tjekliste").await;
    for checkbox in c.find_all(Locator::Css("input[name=check]")).await.unwrap() {
        checkbox.click().await.unwrap();
    }
    click(c, "#review-form button[type=submit]:not([formaction])").await;
    wait_for_text(c, "Status Godkendt til dagsorden").await;
    let heading = c
        .find(Locator::Css("h1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let year = agendum::domain::time::today().format("%Y").to_string();
    assert!(heading.contains("2025-0124174"), "{heading}");
    assert!(
        heading.contains(&format!("{year}-")),
        "a new case number: {heading}"
    );
    browser.close().await;
}

/// The secretariat's agenda in a real browser: plan a meeting, put the accepted proposal and a
/// closed item on it, reorder, release. A member gets the mail at a real SMTP server; the public
/// page and PDF show the agenda without the closed content.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_secretariat_builds_and_releases_an_agenda() {
    use crate::mail::{Mode, SmtpServer};
    let smtp = SmtpServer::start(Mode::Accept);
    let smtp_url = smtp.url();
    let Some(app) = crate::helpers::spawn_app_configured(Backend::Sqlite, true, |s| {
        s.smtp = Some(agendum::mail::smtp::SmtpSettings::parse(&smtp_url).unwrap());
    })
    .await
    else {
        return;
    };
    let Some(browser) = start_browser().await else {
        return;
    };
    let c = &browser.client;
    let secret = "HEMMELIG-BROWSER-5150";

    log_in(c, &app, "sekretariat@example.org").await;
    c.goto(&app.url("/secretariat/meetings")).await.unwrap();
    wait_for_text(c, "Planlæg et møde").await;
    let day = agendum::domain::time::today() + chrono::Duration::days(30);
    click(c, "#organization option[value='1']").await;
    for (id, value) in [
        ("date", day.format("%d.%m.%Y").to_string()),
        ("location", "Rådhushallen".to_owned()),
    ] {
        c.find(Locator::Id(id))
            .await
            .unwrap()
            .send_keys(&value)
            .await
            .unwrap();
    }
    click(
        c,
        "form[action='/secretariat/meetings'] button[type=submit]",
    )
    .await;
    wait_for_text(c, "Rådhushallen").await;
    let meeting: i64 = {
        use agendum::db::schema::meetings::dsl::*;
        use diesel::prelude::*;
        meetings
            .filter(location.eq("Rådhushallen"))
            .select(id)
            .first(&mut app.conn())
            .unwrap()
    };
    let title = "Medlemsforslag om grønne tage på kommunens bygninger";
    crate::agendas::accepted_proposal(&app, agendum::domain::MeetingId(meeting), title);

    let editor = format!("/secretariat/meetings/{meeting}/agenda");
    click(c, &format!("a[href='{editor}']")).await;
    wait_for_text(c, "Godkendte forslag, der venter").await;
    wait_for_text(c, "Indsendt rettidigt til dette møde").await;
    click(c, &format!("form[action='{editor}/approval'] button")).await;
    wait_for_text(c, "Godkendelse af dagsordenen").await;
    click(c, &format!("form[action='{editor}/proposals'] button")).await;
    wait_for_text(c, "Ingen godkendte forslag venter").await;
    // A closed item and an open orientation.
    for (kind, item_title, closed, body) in [
        ("orientation", "Køb af ejendom i Valby", true, secret),
        (
            "orientation",
            "Orientering om vejarbejde",
            false,
            "Vejen lukkes i uge 12.",
        ),
    ] {
        click(c, &format!("#kind option[value='{kind}']")).await;
        c.find(Locator::Id("title"))
            .await
            .unwrap()
            .send_keys(item_title)
            .await
            .unwrap();
        if closed {
            click(c, "#closed").await;
        }
        c.find(Locator::Id("body"))
            .await
            .unwrap()
            .send_keys(body)
            .await
            .unwrap();
        click(
            c,
            &format!("form[action='{editor}/items'] button[type=submit]"),
        )
        .await;
        wait_for_text(c, item_title).await;
    }
    // Where the three items stand in the editor's list; `None` while the page is replaced.
    let order = |text: &str| {
        let at = |needle: &str| text.find(needle);
        Some((
            at(title)?,
            at("Orientering om vejarbejde")?,
            at("Køb af ejendom i Valby")?,
        ))
    };
    let (proposal, orientation, closed) = order(&page_text(c).await).expect("all three items");
    assert!(
        proposal < orientation && orientation < closed,
        "closed items last"
    );
    // Reorder: the orientation goes before the proposal.
    click(
        c,
        "button[aria-label='Flyt »Orientering om vejarbejde« op']",
    )
    .await;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some((proposal, orientation, _)) = order(&page_text(c).await)
            && orientation < proposal
        {
            break;
        }
        assert!(Instant::now() < deadline, "the item did not move");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    click(
        c,
        &format!("form[action='{editor}/release'] button[type=submit]"),
    )
    .await;
    let text = wait_for_text(c, "Version 1").await;
    // The release says what it did, in the page's status box.
    assert!(text.contains("Dagsordenen er udsendt til "), "{text}");
    let status = c
        .find(Locator::Css("p.notice[role=status]"))
        .await
        .expect("the notice")
        .text()
        .await
        .unwrap();
    assert!(status.contains("medlemmer og"), "{status}");

    // A member of the council receives the agenda with a calendar invitation.
    let members = agendum::db::organizations::member_addresses(
        &mut app.conn(),
        agendum::domain::OrganizationId(1),
        day,
    )
    .unwrap()
    .len();
    let received = smtp.wait_for(members, Duration::from_secs(60)).await;
    let mail = received
        .iter()
        .find(|m| m.to.iter().any(|t| t.contains("politiker@example.org")))
        .expect("the member's mail");
    let parsed = mail.parsed();
    assert!(
        parsed
            .subject()
            .unwrap()
            .starts_with("Dagsorden: Borgerrepræsentationen")
    );
    let ics = parsed
        .attachments()
        .find(|a| {
            use mail_parser::MimeHeaders;
            a.is_content_type("text", "calendar")
        })
        .expect("a calendar invitation");
    let ics = String::from_utf8_lossy(ics.contents());
    assert!(ics.contains("METHOD:REQUEST") && ics.contains("LOCATION:Rådhushallen"));
    assert!(!String::from_utf8_lossy(&mail.data).contains(secret));
    log_out(c).await;

    // The public page and PDF: the closed item by title only.
    c.goto(&app.url(&format!("/meetings/{meeting}")))
        .await
        .unwrap();
    let text = wait_for_text(c, "DAGSORDEN").await;
    assert!(text.contains(title) && text.contains("Vejen lukkes i uge 12."));
    assert!(text.contains("Køb af ejendom i Valby") && text.contains("Lukket punkt"));
    assert!(!text.contains(secret));
    let pdf = app
        .get_bytes(&format!("/meetings/{meeting}/agenda.pdf"))
        .await;
    if let Some(text) = crate::agendas::pdf_text(&pdf, None) {
        assert!(text.contains("Køb af ejendom i Valby") && !text.contains(secret));
        assert!(text.contains("Orientering om vejarbejde"));
    }
    browser.close().await;
}

/// Sets a text field to `value` (what was in it is cleared first).
pub(crate) async fn fill(c: &Client, id: &str, value: &str) {
    let field = c
        .find(Locator::Id(id))
        .await
        .unwrap_or_else(|e| panic!("#{id}: {e}"));
    field.clear().await.unwrap();
    field.send_keys(value).await.unwrap();
}

/// The whole follow-up loop on the demo, in a real browser with a real SMTP server: the
/// secretariat records the seed decision and confirms the suggested tasks; every administration
/// receives its mail; one contributes through the link in it; the lead compiles the answer
/// logged in; the secretariat puts the overview on Økonomiudvalget's agenda.
async fn follow_up_loop(lang: &str) {
    // The words each step waits for, in the reader's language; the council's own text (the
    // decision, the agenda item, the administrations' mail) stays in its language, Danish.
    let words = |da: &'static str, en: &'static str| if lang == "en" { en } else { da };
    use crate::mail::{Mode, SmtpServer};
    let smtp = SmtpServer::start(Mode::Accept);
    let smtp_url = smtp.url();
    let Some(app) = crate::helpers::spawn_app_configured(Backend::Sqlite, true, |s| {
        s.smtp = Some(agendum::mail::smtp::SmtpSettings::parse(&smtp_url).unwrap());
    })
    .await
    else {
        return;
    };
    let Some(browser) = start_browser_in(lang).await else {
        return;
    };
    let c = &browser.client;

    // The decision, typed into the form, from the list of held meetings.
    log_in(c, &app, "sekretariat@example.org").await;
    c.goto(&app.url("/secretariat/meetings")).await.unwrap();
    click(c, "a[href='/secretariat/meetings/1/decisions']").await;
    wait_for_text(
        c,
        words(
            "Beslutninger: Borgerrepræsentationen",
            "Decisions: Borgerrepræsentationen",
        ),
    )
    .await;
    click(c, "a[href^='/secretariat/agenda-items/']").await;
    wait_for_text(c, words("Registrér beslutningen", "Record the decision")).await;
    click(c, "input[name=outcome][value=adopted]").await;
    for (id, value) in [
        ("votes_for", "34"),
        ("votes_against", "15"),
        ("for_by", "A, B, F, Ø"),
        ("against_by", "C, O, V"),
    ] {
        fill(c, id, value).await;
    }
    click(c, "form[action$='/decision'] button[type=submit]").await;
    wait_for_text(c, words("Forslag til opgaver", "Suggested tasks")).await;
    let text = page_text(c).await;
    assert!(text.contains(
        "Medlemsforslaget blev tiltrådt med 34 stemmer imod 15. For stemte: A, B, F og Ø. \
         Imod stemte: C, O og V."
    ));

    // Each suggestion confirmed; where the text gives no date, the secretariat writes one.
    let suggestions = c.find_all(Locator::Css(".suggestion")).await.unwrap().len();
    assert_eq!(
        suggestions, 9,
        "clause 1, clause 2 for each of seven, clause 3"
    );
    for i in 0..suggestions {
        let deadline = c
            .find(Locator::Id(&format!("deadline-{i}")))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default();
        if i == 0 {
            assert_eq!(
                deadline,
                words("30.06.2025", "30 June 2025"),
                "read from the clause"
            );
        }
        if deadline.is_empty() {
            fill(c, &format!("deadline-{i}"), "01.10.2025").await;
        }
        click(c, &format!("#forslag-{i} button[type=submit]")).await;
        c.wait()
            .for_element(Locator::Css(&format!(
                "#forslag-{i} a[href^='/secretariat/tasks/']"
            )))
            .await
            .unwrap_or_else(|e| panic!("suggestion {i} is sent: {e}"));
    }

    // Every administration receives its mail at the SMTP server, with the deadline attached.
    let queued = agendum::db::outbox::list(&mut app.conn(), None, 0, 1)
        .unwrap()
        .1 as usize;
    let received = smtp.wait_for(queued, Duration::from_secs(60)).await;
    let administrations: Vec<String> = agendum::db::organizations::list(&mut app.conn())
        .unwrap()
        .into_iter()
        .filter(|o| o.kind == agendum::domain::organization::OrganizationKind::Administration)
        .filter_map(|o| o.email)
        .collect();
    assert_eq!(administrations.len(), 7);
    for address in &administrations {
        let mail = received
            .iter()
            .find(|m| m.to.iter().any(|t| t.contains(address.as_str())))
            .unwrap_or_else(|| panic!("a task mail to {address}"));
        use mail_parser::MimeHeaders;
        assert!(
            mail.parsed()
                .attachments()
                .any(|a| a.is_content_type("text", "calendar")),
            "{address} gets the deadline as a calendar file"
        );
    }

    // Teknik- og Miljøforvaltningen contributes to clause 1 through the link in its mail.
    let mail = received
        .iter()
        .map(|m| m.parsed())
        .find(|m| {
            m.subject().is_some_and(|s| {
                s.starts_with("Bidrag fra Teknik- og Miljøforvaltningen til Økonomiforvaltningen")
            }) && m.body_text(0).is_some_and(|b| b.contains("1. at-punkt"))
        })
        .expect("the contribution mail for clause 1");
    let body = mail.body_text(0).unwrap().into_owned();
    let link = body
        .split_whitespace()
        .find(|w| w.contains("/tasks/answer/"))
        .unwrap()
        .to_owned();
    let token = link.rsplit('/').next().unwrap().to_owned();
    let task = match agendum::db::tasks::link(&mut app.conn(), &token, chrono::Utc::now()).unwrap()
    {
        agendum::db::tasks::Link::Valid { task, .. } => task,
        other => panic!("the link works: {other:?}"),
    };
    log_out(c).await;
    // The link as mailed, on the test server's own address.
    c.goto(&app.url(&link[link.find("/tasks/answer/").unwrap()..]))
        .await
        .unwrap();
    wait_for_text(
        c,
        words(
            "Bidrag fra Teknik- og Miljøforvaltningen til Økonomiforvaltningen",
            "Contribution from Teknik- og Miljøforvaltningen to Økonomiforvaltningen",
        ),
    )
    .await;
    fill(
        c,
        "answer",
        "TMF har én profil på X, @kbhteknik, som bruges til trafikinformation.",
    )
    .await;
    fill(c, "answered_by", "Jens Hansen, TMF").await;
    // A file attached on the way: what was typed stays in the form.
    let dir = tempfile::tempdir().unwrap();
    let note = dir.path().join("TMF notat.pdf");
    std::fs::write(
        &note,
        b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n",
    )
    .unwrap();
    c.find(Locator::Id("file"))
        .await
        .unwrap()
        .send_keys(note.to_str().unwrap())
        .await
        .unwrap();
    click(c, "button[formaction$='/files']").await;
    wait_for_text(
        c,
        words(
            "Filen »TMF notat.pdf« er vedhæftet",
            "The file “TMF notat.pdf” is attached",
        ),
    )
    .await;
    let value = |id: &'static str| async move {
        c.find(Locator::Id(id))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
    };
    assert_eq!(
        value("answer").await,
        "TMF har én profil på X, @kbhteknik, som bruges til trafikinformation."
    );
    assert_eq!(value("answered_by").await, "Jens Hansen, TMF");
    click(c, "form button[type=submit]").await;
    wait_for_text(
        c,
        words(
            "Tak. Jeres bidrag er sendt",
            "Your contribution has been sent",
        ),
    )
    .await;

    // The lead compiles the answer, logged in.
    log_in(c, &app, "okf@example.org").await;
    c.goto(&app.url("/my/tasks")).await.unwrap();
    click(c, &format!("a[href='/my/tasks/{task}']")).await;
    let text = wait_for_text(
        c,
        words(
            "Opgave til Økonomiforvaltningen",
            "Task for Økonomiforvaltningen",
        ),
    )
    .await;
    assert!(text.contains("TMF har én profil på X"));
    fill(
        c,
        "answer",
        "Kommunen har to profiler på X: Økonomiforvaltningens og TMF's. Ingen af dem er \
         nødvendige, og begge nedlægges.",
    )
    .await;
    click(
        c,
        "form:has(input[name=action][value=answer]) button[type=submit]",
    )
    .await;
    wait_for_text(
        c,
        words(
            "Tak. Svaret er sendt til sekretariatet.",
            "The answer has been sent to the secretariat.",
        ),
    )
    .await;
    log_out(c).await;

    // The secretariat puts the compiled overview on Økonomiudvalget's next agenda.
    log_in(c, &app, "sekretariat@example.org").await;
    c.goto(&app.url(&format!("/secretariat/tasks/{task}")))
        .await
        .unwrap();
    wait_for_text(
        c,
        words(
            "Sæt svaret på dagsordenen for",
            "Put the answer on the agenda for",
        ),
    )
    .await;
    click(
        c,
        &format!("form[action='/secretariat/tasks/{task}/present'] button"),
    )
    .await;
    let text = wait_for_text(
        c,
        "Opfølgning på medlemsforslag om nedlæggelse af profiler på X",
    )
    .await;
    assert!(
        text.contains(words(
            "Dagsorden: Økonomiudvalget",
            "Agenda: Økonomiudvalget"
        )),
        "{text}"
    );
    let done = agendum::db::tasks::get(&mut app.conn(), task)
        .unwrap()
        .unwrap();
    assert_eq!(done.status.as_str(), "presented");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_follow_up_loop_from_decision_to_the_committees_agenda() {
    follow_up_loop("da").await;
}

/// The same loop read in English: the secretariat, the contributing administration through
/// its link and the lead administration each see every word around the council's text in
/// English.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_follow_up_loop_in_english() {
    follow_up_loop("en").await;
}

/// The secretariat drafts a reply to KL's letter from its case in a real browser, approves and
/// sends it; KL receives the mail at a real SMTP server with the letter's PDF attached, in the
/// seed letter's shape.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_to_the_kl_letter_is_drafted_approved_and_received_with_its_pdf() {
    use crate::mail::{Mode, SmtpServer};
    let smtp = SmtpServer::start(Mode::Accept);
    let smtp_url = smtp.url();
    let Some(app) = crate::helpers::spawn_app_configured(Backend::Sqlite, true, |s| {
        s.smtp = Some(agendum::mail::smtp::SmtpSettings::parse(&smtp_url).unwrap());
    })
    .await
    else {
        return;
    };
    let Some(browser) = start_browser().await else {
        return;
    };
    let c = &browser.client;
    let case = agendum::demo::SEED_LETTER_CASE;

    // From the case's timeline to KL's letter, and from there to a reply.
    log_in(c, &app, "sekretariat@example.org").await;
    c.goto(&app.url(&format!("/cases/{case}"))).await.unwrap();
    wait_for_text(c, "Brev fra KL").await;
    click(c, ".timeline a[href^='/secretariat/letters/']").await;
    wait_for_text(c, "Skriv svar").await;
    click(c, "a[href^='/secretariat/letters/new?svar_paa=']").await;
    wait_for_text(c, "Svar på brevet fra KL af 12. april 2021").await;
    let prefilled = |id: &'static str| async move {
        c.find(Locator::Id(id))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
    };
    assert_eq!(prefilled("recipient_name").await, "KL");
    assert_eq!(prefilled("salutation").await, "Kære Jacob Bundsgaard");
    assert_eq!(prefilled("case").await, case);
    assert!(
        prefilled("heading")
            .await
            .starts_with("Svar på henvendelse til indenrigs- og boligministeren")
    );
    let okf = agendum::db::organizations::list(&mut app.conn())
        .unwrap()
        .into_iter()
        .find(|o| o.name == "Økonomiforvaltningen")
        .unwrap();
    click(c, &format!("#sender option[value='{}']", okf.id.0)).await;
    for (id, value) in [
        ("recipient_email", "sekretariat@kl.example.org"),
        (
            "body",
            "Tak for jeres henvendelse om brugen af IT-udstyr.\n\nKøbenhavns Kommune deler \
             jeres vurdering og har bedt ministeriet om en vejledning.\n\n\
             <script>document.title='pwned'</script>",
        ),
        ("sig1_name", "Anna Dahl"),
        ("sig1_title", "Overborgmester"),
        ("sig2_name", "Bo Berg"),
        ("sig2_title", "Administrerende direktør"),
    ] {
        fill(c, id, value).await;
    }
    click(c, "form.letter-form button[type=submit]").await;
    let text = wait_for_text(c, "Brevet er gemt.").await;
    // Script in the letter is shown as text, never run.
    assert!(
        text.contains("<script>document.title='pwned'</script>"),
        "{text}"
    );
    assert_ne!(c.title().await.unwrap(), "pwned");
    click(c, "button[name=action][value=approve]").await;
    wait_for_text(c, "Brevet er godkendt og kan sendes.").await;
    click(c, "button[name=action][value=send]").await;
    let text = wait_for_text(c, "Brevet er sendt til modtageren").await;
    assert!(
        text.contains("Brevet er sendt og kan ikke ændres."),
        "{text}"
    );
    assert!(!text.contains("Ret brevet"), "a sent letter has no edit");

    // KL receives it at the SMTP server, with the PDF.
    let queued = agendum::db::outbox::list(&mut app.conn(), None, 0, 1)
        .unwrap()
        .1 as usize;
    let received = smtp.wait_for(queued, Duration::from_secs(60)).await;
    let mail = received
        .iter()
        .find(|m| {
            m.to.iter()
                .any(|t| t.contains("sekretariat@kl.example.org"))
        })
        .expect("the letter's mail to KL");
    use mail_parser::MimeHeaders;
    let parsed = mail.parsed();
    assert!(
        parsed
            .subject()
            .unwrap_or_default()
            .starts_with("Svar på henvendelse til indenrigs- og boligministeren")
    );
    let pdf = parsed
        .attachments()
        .find(|a| a.is_content_type("application", "pdf"))
        .expect("the letter as PDF")
        .contents()
        .to_vec();
    if let Some(text) = crate::agendas::pdf_text(&pdf, None) {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for expected in [
            "Økonomiforvaltningen",
            "Københavns Rådhus",
            "Side 1 af 1",
            "Att.: Jacob Bundsgaard",
            "Kære Jacob Bundsgaard",
            "Tak for jeres henvendelse om brugen af IT-udstyr.",
            "Med venlig hilsen",
            "Anna Dahl",
            "Bo Berg",
        ] {
            assert!(text.contains(expected), "{expected}: {text}");
        }
    }
    browser.close().await;
}

/// Enter in a one-line field of the proposal form saves the draft with every clause: it never
/// presses the first clause's "Flyt ned" or "Fjern" (issue 19).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn enter_in_the_title_saves_the_draft_with_its_clauses() {
    let Some(app) = spawn_app(Backend::Sqlite).await else {
        return;
    };
    let Some(browser) = start_browser().await else {
        return;
    };
    let c = &browser.client;
    log_in(c, &app, "politiker@example.org").await;
    c.goto(&app.url("/proposals/new")).await.unwrap();
    fill(c, "title", "Medlemsforslag om flere bænke").await;
    fill(c, "clause-1", "at der opstilles bænke i alle parker").await;
    click(c, "button[value=add-clause]").await;
    c.wait()
        .for_element(Locator::Id("clause-2"))
        .await
        .expect("a second clause field");
    fill(c, "clause-2", "at bænkene er af genbrugstræ").await;
    fill(c, "title", "Medlemsforslag om flere bænke i parkerne").await;
    c.find(Locator::Id("title"))
        .await
        .unwrap()
        .send_keys(&fantoccini::key::Key::Enter.to_string())
        .await
        .unwrap();
    let text = wait_for_text(c, "Status Kladde").await;
    assert!(
        text.contains("Medlemsforslag om flere bænke i parkerne"),
        "{text}"
    );
    assert!(
        text.contains("at der opstilles bænke i alle parker"),
        "{text}"
    );
    assert!(text.contains("at bænkene er af genbrugstræ"), "{text}");
    let first = text.find("at der opstilles").unwrap();
    let second = text.find("at bænkene er").unwrap();
    assert!(first < second, "the clauses keep their order: {text}");
    browser.close().await;
}

/// The main flows in English: a reader whose browser asks for English reads the agenda in it;
/// the English-speaking member (her saved language) writes a proposal; the secretariat reads
/// its inbox in English and switches to Danish with the link on the page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_main_flows_read_in_english() {
    let Some(app) = spawn_app(Backend::Sqlite).await else {
        return;
    };
    let Some(browser) = start_browser_in("en").await else {
        return;
    };
    let c = &browser.client;
    // A reader: the front page and the released agenda, in English, dates too.
    c.goto(&app.url("/")).await.unwrap();
    let text = wait_for_text(c, "Upcoming meetings").await;
    assert!(!text.contains("Kommende møder"), "{text}");
    c.goto(&app.url("/meetings/1")).await.unwrap();
    let text = wait_for_text(c, "The agenda as PDF").await;
    assert!(text.contains("April 2025"), "{text}");
    // The member writes a proposal and submits it; every word around her text is English.
    log_in(c, &app, "member@example.org").await;
    c.goto(&app.url("/proposals/new")).await.unwrap();
    fill(c, "title", "Medlemsforslag om cykelparkering").await;
    fill(
        c,
        "clause-1",
        "at der etableres flere cykelstativer ved rådhuset",
    )
    .await;
    click(c, "button.button[value=save]").await;
    let text = wait_for_text(c, "The draft has been saved").await;
    assert!(text.contains("Status Draft"), "{text}");
    log_out(c).await;
    // The secretariat's browser asks for English too; the switch on the page gives Danish.
    log_in(c, &app, "sekretariat@example.org").await;
    c.goto(&app.url("/secretariat/proposals")).await.unwrap();
    wait_for_text(c, "Incoming proposals").await;
    click(c, "a.language-switch").await;
    wait_for_text(c, "Indkomne forslag").await;
    browser.close().await;
}
