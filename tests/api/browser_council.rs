//! A council set up from nothing in a real browser (issue 18): `agendum setup` on an empty
//! database; the secretariat sets its password from the link, names the council, makes the
//! byråd, two committees, three parties and two administrations on the pages, enters one
//! member by hand and the rest (seven members and two substitutes in all) from a members file,
//! plans a meeting and invites a politician, who sets a password from the mailed link and
//! submits a proposal; the secretariat accepts it, releases the agenda and records the
//! decision; the task mail arrives at the administration's configured addresses, at a real SMTP
//! server. On both backends.

use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};

use crate::browser::{click, fill, log_in_with, log_out, page_text, start_browser, wait_for_text};
use crate::helpers::{Backend, TestApp};
use crate::mail::{Mode, SmtpServer};

const PASSWORD: &str = "en lang og god adgangskode";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_council_is_set_up_from_nothing_on_sqlite() {
    council_from_nothing(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_council_is_set_up_from_nothing_on_postgres() {
    council_from_nothing(Backend::Postgres).await;
}

async fn choose(c: &Client, select: &str, value: &str) {
    click(c, &format!("{select} option[value='{value}']")).await;
}

/// Waits (up to 15 s) until the browser's address satisfies `done`.
async fn wait_for_url(c: &Client, done: impl Fn(&url::Url) -> bool, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if c.current_url().await.is_ok_and(|u| done(&u)) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{what}: still at {:?}: {}",
            c.current_url().await,
            page_text(c).await
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn log_in(c: &Client, app: &TestApp, email: &str) {
    log_in_with(c, app, email, PASSWORD).await;
}

/// Opens a set-password link (its path) and chooses the password.
async fn set_password(c: &Client, app: &TestApp, link: &str) {
    let path = &link[link.find("/password/reset/").expect("a set-password link")..];
    c.goto(&app.url(path)).await.unwrap();
    wait_for_text(c, "Vælg adgangskode").await;
    fill(c, "password", PASSWORD).await;
    fill(c, "password_again", PASSWORD).await;
    click(c, "form button[type=submit]").await;
    wait_for_text(c, "Din adgangskode er gemt").await;
}

fn link_in(text: &str) -> String {
    text.split_whitespace()
        .find(|w| w.contains("/password/reset/"))
        .unwrap_or_else(|| panic!("a link in {text}"))
        .to_owned()
}

async fn council_from_nothing(backend: Backend) {
    let smtp = SmtpServer::start(Mode::Accept);
    let smtp_url = smtp.url();
    let Some(app) = crate::helpers::spawn_app_configured(backend, false, |s| {
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
    let dir = tempfile::tempdir().unwrap();

    // The first run, on the server's command line.
    let database_url = match &app.database_url {
        agendum::config::DatabaseUrl::Postgres(url) => url.clone(),
        agendum::config::DatabaseUrl::Sqlite(path) => format!("sqlite://{}", path.display()),
    };
    let out = crate::cli::agendum(dir.path())
        .args([
            "setup",
            "--municipality",
            "Testby Kommune",
            "--secretariat",
            "sekretariat@testby.dk",
        ])
        .env("AGENDUM_DATABASE_URL", &database_url)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    set_password(c, &app, &link_in(&stdout)).await;
    log_in(c, &app, "sekretariat@testby.dk").await;

    // The municipality: its council is a byråd.
    c.goto(&app.url("/secretariat/settings")).await.unwrap();
    wait_for_text(c, "Indstillinger for Testby Kommune").await;
    choose(c, "#council_title", "byraad").await;
    fill(c, "website", "www.testby.dk").await;
    click(
        c,
        "form[action='/secretariat/settings'] button[type=submit]",
    )
    .await;
    wait_for_text(c, "Indstillingerne er gemt.").await;

    // The organizations, one form each.
    let orgs: [(&str, &str, &str, &str, Option<&str>); 8] = [
        ("council", "Testby Byråd", "BR", "", None),
        (
            "committee",
            "Økonomiudvalget",
            "ØU",
            "",
            Some("Testby Byråd"),
        ),
        (
            "committee",
            "Teknik- og Miljøudvalget",
            "TMU",
            "",
            Some("Testby Byråd"),
        ),
        ("party", "Socialdemokratiet", "A", "", None),
        ("party", "Venstre", "V", "", None),
        ("party", "Enhedslisten", "Ø", "", None),
        (
            "administration",
            "Økonomiforvaltningen",
            "ØKF",
            "okf@testby.dk\nokf-kopi@testby.dk",
            Some("Økonomiudvalget"),
        ),
        (
            "administration",
            "Teknik- og Miljøforvaltningen",
            "TMF",
            "tmf@testby.dk",
            Some("Teknik- og Miljøudvalget"),
        ),
    ];
    for (kind, name, short, emails, parent) in orgs {
        c.goto(&app.url("/secretariat/settings/organizations"))
            .await
            .unwrap();
        wait_for_text(c, "Opret en organisation").await;
        choose(c, "#kind", kind).await;
        fill(c, "name", name).await;
        fill(c, "short_name", short).await;
        if !emails.is_empty() {
            fill(c, "emails", emails).await;
        }
        if let Some(parent) = parent {
            let id = app.organization_id(parent);
            choose(c, "#parent", &id.to_string()).await;
        }
        click(
            c,
            "form[action='/secretariat/settings/organizations'] button[type=submit]",
        )
        .await;
        wait_for_url(c, |u| !u.path().ends_with("/organizations"), name).await;
    }
    let council = app.organization_id("Testby Byråd");
    let party_a = app.organization_id("Socialdemokratiet");

    // One member by hand: the person, then her seat.
    c.goto(&app.url("/secretariat/settings/persons"))
        .await
        .unwrap();
    fill(c, "name", "Anna Holm").await;
    fill(c, "email", "anna.holm@testby.dk").await;
    click(
        c,
        "form[action='/secretariat/settings/persons'] button[type=submit]",
    )
    .await;
    wait_for_text(c, "Tilføj et medlemskab").await;
    choose(c, "#organization", &council.to_string()).await;
    choose(c, "#role", "chair").await;
    choose(c, "#party", &party_a.to_string()).await;
    fill(c, "start_date", "01.01.2026").await;
    click(
        c,
        "form[action='/secretariat/settings/memberships'] button[type=submit]",
    )
    .await;
    wait_for_text(c, "Testby Byråd").await;

    // The rest from the members file: six more members of the byråd, two substitutes, and
    // the committees' seats.
    let file = dir.path().join("medlemmer.csv");
    std::fs::write(
        &file,
        "kind;name;email;organization;role;party;start_date;position\n\
         membership;Bo Lind;bo.lind@testby.dk;Testby Byråd;vice_chair;V;01.01.2026;\n\
         membership;Carla Sørensen;carla@testby.dk;Testby Byråd;member;Ø;01.01.2026;\n\
         membership;Dan Mikkelsen;dan@testby.dk;Testby Byråd;member;A;01.01.2026;\n\
         membership;Eva Kjær;eva@testby.dk;Testby Byråd;member;V;01.01.2026;\n\
         membership;Frank Olsen;frank@testby.dk;Testby Byråd;member;A;01.01.2026;\n\
         membership;Gitte Berg;gitte@testby.dk;Testby Byråd;member;Ø;01.01.2026;\n\
         membership;Hans Vig;hans@testby.dk;Testby Byråd;substitute;A;01.01.2026;1\n\
         membership;Ida Brun;ida@testby.dk;Testby Byråd;substitute;V;01.01.2026;1\n\
         membership;Anna Holm;anna.holm@testby.dk;Økonomiudvalget;chair;A;01.01.2026;\n\
         membership;Bo Lind;bo.lind@testby.dk;Økonomiudvalget;member;V;01.01.2026;\n\
         membership;Carla Sørensen;carla@testby.dk;Teknik- og Miljøudvalget;chair;Ø;01.01.2026;\n",
    )
    .unwrap();
    c.goto(&app.url("/secretariat/settings/import"))
        .await
        .unwrap();
    c.find(Locator::Id("file"))
        .await
        .unwrap()
        .send_keys(file.to_str().unwrap())
        .await
        .unwrap();
    click(
        c,
        "form[action='/secretariat/settings/import'] button[type=submit]",
    )
    .await;
    wait_for_text(c, "11 oprettes, 0 ændres, 0 er uændrede").await;
    click(
        c,
        "form[action='/secretariat/settings/import/apply'] button[type=submit]",
    )
    .await;
    wait_for_text(c, "Filen er indlæst: 11 oprettet").await;
    let seats =
        agendum::db::organizations::memberships_of_organization(&mut app.conn(), council).unwrap();
    let role = |r: &str| seats.iter().filter(|m| m.role.as_str() == r).count();
    assert_eq!(
        (
            role("chair") + role("vice_chair") + role("member"),
            role("substitute")
        ),
        (7, 2),
        "seven members and two substitutes"
    );

    // A meeting of the byråd, three weeks ahead.
    let day = agendum::domain::time::today() + chrono::Duration::days(21);
    c.goto(&app.url("/secretariat/meetings")).await.unwrap();
    choose(c, "#organization", &council.to_string()).await;
    fill(c, "date", &day.format("%d.%m.%Y").to_string()).await;
    fill(c, "time", "17:00").await;
    fill(c, "location", "Byrådssalen").await;
    click(
        c,
        "form[action='/secretariat/meetings'] button[type=submit]",
    )
    .await;
    wait_for_text(c, "Byrådssalen").await;
    let meeting = agendum::db::meetings::upcoming(&mut app.conn(), council, chrono::Utc::now(), 1)
        .unwrap()
        .pop()
        .expect("the meeting")
        .id;

    // Anna Holm is invited; she sets her password from the mailed link.
    let anna = {
        use agendum::db::schema::persons::dsl::*;
        use diesel::prelude::*;
        persons
            .filter(email.eq("anna.holm@testby.dk"))
            .select(id)
            .first::<i64>(&mut app.conn())
            .unwrap()
    };
    c.goto(&app.url("/secretariat/settings/accounts"))
        .await
        .unwrap();
    fill(c, "email", "anna.holm@testby.dk").await;
    fill(c, "name", "Anna Holm").await;
    choose(c, "#role", "politician").await;
    choose(c, "#person", &anna.to_string()).await;
    click(
        c,
        "form[action='/secretariat/settings/accounts'] button[type=submit]",
    )
    .await;
    wait_for_url(
        c,
        |u| u.path() != "/secretariat/settings/accounts",
        "the invitation",
    )
    .await;
    let invitation =
        wait_for_mail(&smtp, "anna.holm@testby.dk", "Agendum for Testby Kommune").await;
    log_out(c).await;
    set_password(c, &app, &link_in(&invitation)).await;
    log_in(c, &app, "anna.holm@testby.dk").await;

    // Her proposal, on the meeting's agenda.
    c.goto(&app.url("/proposals/new")).await.unwrap();
    fill(
        c,
        "title",
        "Medlemsforslag om solceller på kommunens skoler",
    )
    .await;
    fill(
        c,
        "clause-1",
        "at Byrådet pålægger Økonomiforvaltningen at undersøge, hvilke af kommunens skoler der kan få solceller på taget, og forelægge en plan for Økonomiudvalget",
    )
    .await;
    fill(
        c,
        "motivation",
        "Skolernes tage står tomme, og strømmen er dyr.",
    )
    .await;
    choose(c, "#meeting", &meeting.to_string()).await;
    click(c, "button[value=save]:not(.default-submit)").await;
    wait_for_text(c, "Status Kladde").await;
    click(c, "form[action$='/submit'] button").await;
    wait_for_text(c, "Status Indsendt").await;
    let proposal_path = c.current_url().await.unwrap().path().to_owned();
    log_out(c).await;

    // The secretariat accepts it, builds the agenda and releases it.
    log_in(c, &app, "sekretariat@testby.dk").await;
    c.goto(&app.url(&proposal_path)).await.unwrap();
    wait_for_text(c, "Tjekliste").await;
    for checkbox in c.find_all(Locator::Css("input[name=check]")).await.unwrap() {
        checkbox.click().await.unwrap();
    }
    click(c, "#review-form button[type=submit]:not([formaction])").await;
    wait_for_text(c, "Status Godkendt til dagsorden").await;
    let editor = format!("/secretariat/meetings/{meeting}/agenda");
    c.goto(&app.url(&editor)).await.unwrap();
    wait_for_text(c, "Godkendte forslag, der venter").await;
    click(c, &format!("form[action='{editor}/approval'] button")).await;
    wait_for_text(c, "Godkendelse af dagsordenen").await;
    click(c, &format!("form[action='{editor}/proposals'] button")).await;
    wait_for_text(c, "Ingen godkendte forslag venter").await;
    click(
        c,
        &format!("form[action='{editor}/release'] button[type=submit]"),
    )
    .await;
    wait_for_text(c, "Version 1").await;
    let agenda_mail = wait_for_mail(&smtp, "gitte@testby.dk", "Dagsorden: Testby Byråd").await;
    assert!(
        agenda_mail.contains("Solceller") || agenda_mail.contains("solceller"),
        "{agenda_mail}"
    );

    // The meeting is held (its start moved into the past); the decision is recorded.
    {
        use agendum::db::schema::meetings::dsl::*;
        use diesel::prelude::*;
        diesel::update(meetings.find(meeting.0))
            .set(starts_at.eq((chrono::Utc::now() - chrono::Duration::hours(2)).naive_utc()))
            .execute(&mut app.conn())
            .unwrap();
    }
    c.goto(&app.url(&format!("/secretariat/meetings/{meeting}/decisions")))
        .await
        .unwrap();
    c.find(Locator::XPath(
        "//a[starts-with(@href, '/secretariat/agenda-items/') and contains(., 'solceller')]",
    ))
    .await
    .unwrap_or_else(|e| panic!("the proposal's item: {e}"))
    .click()
    .await
    .unwrap();
    wait_for_text(c, "Registrér beslutningen").await;
    click(c, "input[name=outcome][value=adopted]").await;
    click(c, "form[action$='/decision'] button[type=submit]").await;
    wait_for_text(c, "Forslag til opgaver").await;
    let suggestions = c.find_all(Locator::Css(".suggestion")).await.unwrap().len();
    assert_eq!(suggestions, 1, "{}", page_text(c).await);
    fill(
        c,
        "deadline-0",
        &(day + chrono::Duration::days(60))
            .format("%d.%m.%Y")
            .to_string(),
    )
    .await;
    click(c, "#forslag-0 button[type=submit]").await;
    c.wait()
        .for_element(Locator::Css("#forslag-0 a[href^='/secretariat/tasks/']"))
        .await
        .unwrap_or_else(|e| panic!("the task is sent: {e}"));

    // The task mail reaches Økonomiforvaltningen at both of its configured addresses.
    let task = wait_for_mail(&smtp, "okf@testby.dk", "Opgave til Økonomiforvaltningen").await;
    assert!(task.contains("solceller"), "{task}");
    wait_for_mail(
        &smtp,
        "okf-kopi@testby.dk",
        "Opgave til Økonomiforvaltningen",
    )
    .await;
    assert!(
        task.contains("Testby Kommune"),
        "signed by the municipality: {task}"
    );
    browser.close().await;
}

/// The text of the first mail to `address` whose subject starts with `subject` (waits up to
/// 60 s for the worker to deliver it).
async fn wait_for_mail(smtp: &SmtpServer, address: &str, subject: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        for mail in smtp.received() {
            if !mail.to.iter().any(|t| t.contains(address)) {
                continue;
            }
            let parsed = mail.parsed();
            if parsed.subject().is_some_and(|s| s.contains(subject)) {
                return parsed
                    .body_text(0)
                    .map(|b| b.into_owned())
                    .unwrap_or_default();
            }
        }
        assert!(
            Instant::now() < deadline,
            "no mail «{subject}» to {address}: {:?}",
            smtp.received()
                .iter()
                .map(|m| (m.to.clone(), m.parsed().subject().map(str::to_owned)))
                .collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
