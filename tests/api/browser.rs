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

/// Headless Chromium, or `None` (with a notice) where it is not installed; in CI its absence
/// fails the run.
pub async fn start_browser() -> Option<Browser> {
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
                format!("--user-data-dir={}", profile.path().display()),
            ],
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
    assert_eq!(c.title().await.unwrap(), "Møder – Agendum");
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
