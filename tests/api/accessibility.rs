//! WCAG 2.1 AA, checked by axe-core in a real Chromium (QUALITY.md; issue 20, item 5): every
//! kind of page each role reaches, read in Danish and in English, has no violation. The pages
//! are found by following the links each role sees, so a new page is held to it without a list.
//! axe-core comes from npm, pinned in `tests/tools/package.json` (`npm ci --prefix tests/tools`
//! installs it; `.ci/run` does).

use std::path::PathBuf;

use fantoccini::Client;

use crate::browser::{log_in, log_out, start_browser_in};
use crate::browser_layout::pages_of;
use crate::helpers::{Backend, TestApp, in_ci, notice, spawn_app};

/// The WCAG levels checked: 2.0 and 2.1, A and AA.
const WCAG_TAGS: &str = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']";

/// axe-core's script, or `None` (with a notice) where `npm ci --prefix tests/tools` has not
/// been run; in CI its absence fails the run.
fn axe_source() -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/tools/node_modules/axe-core/axe.min.js");
    match std::fs::read_to_string(&path) {
        Ok(source) => Some(source),
        Err(e) => {
            assert!(
                !in_ci(),
                "CI=true but {} cannot be read ({e}): run npm ci --prefix tests/tools",
                path.display()
            );
            notice("axe-core not installed (npm ci --prefix tests/tools); the check is skipped");
            None
        }
    }
}

/// axe's violations on the page at `path`: each as "rule (impact): the first elements".
async fn violations(c: &Client, app: &TestApp, axe: &str, path: &str) -> Vec<String> {
    c.goto(&app.url(path)).await.unwrap();
    c.execute(axe, vec![]).await.unwrap();
    let script = format!(
        "const done = arguments[arguments.length - 1];\
         axe.run(document, {{ runOnly: {{ type: 'tag', values: {WCAG_TAGS} }} }})\
           .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' +\
             v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))\
           .catch(e => done(['axe failed: ' + e]));"
    );
    let found = c.execute_async(&script, vec![]).await.unwrap();
    found
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(|v| format!("{path}: {v}")))
        .collect()
}

/// Every page each role reaches, in the browser's language `lang`.
async fn check_every_page(lang: &str) {
    let Some(axe) = axe_source() else {
        return;
    };
    let Some(app) = spawn_app(Backend::Sqlite).await else {
        return;
    };
    let Some(browser) = start_browser_in(lang).await else {
        return;
    };
    // A decided proposal with a task, so the task pages and the dashboard's chart are there.
    crate::pages::seed_task_link(&app);
    let c = &browser.client;
    let mut found = Vec::new();
    let mut checked = 0;
    for (account, start, prefixes) in [
        (
            None,
            "/",
            &["/meetings", "/proposals", "/cases", "/organizations"][..],
        ),
        (
            Some("sekretariat@example.org"),
            "/secretariat/proposals",
            &["/secretariat", "/account"][..],
        ),
        (
            Some("politiker@example.org"),
            "/my/proposals",
            &["/my", "/proposals", "/account"][..],
        ),
        (
            Some("okf@example.org"),
            "/my/tasks",
            &["/my", "/account"][..],
        ),
    ] {
        if let Some(account) = account {
            log_in(c, &app, account).await;
        }
        let pages = pages_of(c, &app, start, prefixes).await;
        assert!(
            pages.len() >= 3,
            "too few pages found from {start}: {pages:?}"
        );
        for path in &pages {
            found.extend(violations(c, &app, &axe, path).await);
            checked += 1;
        }
        if account.is_some() {
            // From a page that has the account menu (not every checked page is one).
            c.goto(&app.url(start)).await.unwrap();
            log_out(c).await;
        }
    }
    // The pages a reader meets before logging in, and after a refused login.
    for path in ["/login", "/login?next=/my/proposals", "/password/forgot"] {
        found.extend(violations(c, &app, &axe, path).await);
        checked += 1;
    }
    browser.close().await;
    assert!(checked > 40, "only {checked} pages were checked");
    assert!(
        found.is_empty(),
        "axe-core finds WCAG 2.1 AA violations ({lang}, {checked} pages):\n{}",
        found.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_has_no_axe_violations_in_danish() {
    check_every_page("da").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_has_no_axe_violations_in_english() {
    check_every_page("en").await;
}
