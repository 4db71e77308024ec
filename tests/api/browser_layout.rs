//! The pages fit the screens they are used on (issue 19, item 7), in a real Chromium: at a
//! phone's 390 px and an iPad's 1024 px no page of the secretariat, the politician or the
//! administration scrolls sideways (a wide table scrolls inside its own box), the menu stays
//! reachable, and at 1280 px the header is one row. The pages are found by following the
//! links each role sees, one page of each kind, so a new page is held to it without a list.

use std::collections::BTreeSet;

use fantoccini::Client;

use crate::browser::{log_in, start_browser};
use crate::helpers::{Backend, TestApp, spawn_app};

/// Pages of one kind are alike: `/secretariat/tasks/12` stands for every task.
fn kind_of(path: &str) -> String {
    path.split('/')
        .map(|part| {
            if part.chars().any(|c| c.is_ascii_digit()) {
                "N"
            } else {
                part
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// At most this many kinds of page per role: every kind the menus reach today, with room.
const MAX_KINDS: usize = 80;

/// The same-site pages a role reaches from `start`, one of each kind, breadth first. Files,
/// PDFs and feeds are left out: they are not pages.
pub async fn pages_of(c: &Client, app: &TestApp, start: &str, prefixes: &[&str]) -> Vec<String> {
    let mut seen_kinds = BTreeSet::new();
    let mut queue = vec![start.to_owned()];
    let mut pages = Vec::new();
    while let Some(path) = queue.first().cloned() {
        queue.remove(0);
        if !seen_kinds.insert(kind_of(&path)) || pages.len() >= MAX_KINDS {
            continue;
        }
        c.goto(&app.url(&path)).await.unwrap();
        pages.push(path);
        let links = c
            .execute(
                "return Array.from(document.querySelectorAll('a[href]'))\
                 .map(a => a.getAttribute('href'));",
                vec![],
            )
            .await
            .unwrap();
        for link in links.as_array().into_iter().flatten() {
            let Some(href) = link.as_str() else { continue };
            let href = href.split(['#', '?']).next().unwrap_or_default();
            let page_like = !href.ends_with(".pdf")
                && !href.ends_with(".ics")
                && !href.ends_with(".atom")
                && !href.contains("/files/")
                && !href.contains("/attachments/")
                && !href.contains("/original")
                && !href.contains("/logo");
            if page_like
                && prefixes.iter().any(|p| href.starts_with(p))
                && !seen_kinds.contains(&kind_of(href))
            {
                queue.push(href.to_owned());
            }
        }
    }
    pages
}

/// How far the page is wider than the window, whether the main menu is on screen, and the
/// smallest text in a chart (in CSS pixels; 99 without a chart).
async fn overflow(c: &Client) -> (i64, bool, f64) {
    let measured = c
        .execute(
            "const nav = document.querySelector('.site-header nav');\
             const r = nav ? nav.getBoundingClientRect() : null;\
             const labels = Array.from(document.querySelectorAll('svg text'))\
               .map(t => t.getBoundingClientRect().height);\
             return [document.documentElement.scrollWidth - window.innerWidth,\
                     !!r && r.width > 0 && r.right <= window.innerWidth + 1,\
                     labels.length ? Math.min(...labels) : 99];",
            vec![],
        )
        .await
        .unwrap();
    (
        measured[0].as_i64().unwrap_or(i64::MAX),
        measured[1].as_bool().unwrap_or(false),
        measured[2].as_f64().unwrap_or(0.0),
    )
}

async fn check_widths(c: &Client, app: &TestApp, pages: &[String]) {
    for (width, height) in [(390, 844), (1024, 768)] {
        c.set_window_size(width, height).await.unwrap();
        for path in pages {
            c.goto(&app.url(path)).await.unwrap();
            let (wider, menu, smallest_label) = overflow(c).await;
            assert!(
                wider <= 0,
                "{path} at {width} px scrolls sideways by {wider} px"
            );
            assert!(menu, "{path} at {width} px: the menu is off screen");
            // A chart's labels stay readable: 12 px or more (their box is taller than the font).
            assert!(
                smallest_label >= 12.0,
                "{path} at {width} px: a chart label is {smallest_label} px high"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_fits_a_phone_and_a_tablet() {
    let Some(app) = spawn_app(Backend::Sqlite).await else {
        return;
    };
    let Some(browser) = start_browser().await else {
        return;
    };
    // A decided proposal with a task, so the task pages and the dashboard's chart are there.
    crate::pages::seed_task_link(&app);
    let c = &browser.client;
    c.set_window_size(1280, 900).await.unwrap();
    log_in(c, &app, "sekretariat@example.org").await;
    // At 1280 px the secretariat's header is one row: brand, menu and account side by side
    // (each part's box overlaps every other's height).
    // In both languages.
    for path in [
        "/secretariat/proposals",
        "/secretariat/proposals?lang=en",
        "/secretariat/proposals?lang=da",
    ] {
        c.goto(&app.url(path)).await.unwrap();
        let header = c
            .execute(
                "const wrap = document.querySelector('.site-header .wrap');\
                 const kids = Array.from(wrap.children).map(k => k.getBoundingClientRect());\
                 const oneRow = kids.every(a => kids.every(b => a.top < b.bottom && b.top < a.bottom));\
                 return [oneRow, wrap.clientWidth, kids.map(r => Math.round(r.width))];",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(
            header[0].as_bool(),
            Some(true),
            "{path}: the header wraps at 1280 px (its width, and its parts' widths): {header}"
        );
    }

    let secretariat = pages_of(c, &app, "/secretariat/proposals", &["/secretariat"]).await;
    assert!(
        secretariat.len() >= 10,
        "the crawl found too few pages: {secretariat:?}"
    );
    check_widths(c, &app, &secretariat).await;

    c.set_window_size(1280, 900).await.unwrap();
    crate::browser::log_out(c).await;
    log_in(c, &app, "politiker@example.org").await;
    let politician = pages_of(c, &app, "/my/proposals", &["/my", "/proposals"]).await;
    check_widths(c, &app, &politician).await;

    c.set_window_size(1280, 900).await.unwrap();
    crate::browser::log_out(c).await;
    log_in(c, &app, "okf@example.org").await;
    let administration = pages_of(c, &app, "/my/tasks", &["/my"]).await;
    check_widths(c, &app, &administration).await;

    c.set_window_size(1280, 900).await.unwrap();
    crate::browser::log_out(c).await;
    let public = pages_of(
        c,
        &app,
        "/",
        &["/meetings", "/proposals", "/cases", "/organizations"],
    )
    .await;
    check_widths(c, &app, &public).await;
    browser.close().await;
}
