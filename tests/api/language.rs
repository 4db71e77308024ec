//! The language of a request (issue 20): a saved choice, then the reader's choice on the page
//! (kept in a cookie), then `Accept-Language`, then the instance's default; `<html lang>`,
//! `Content-Language` and `Vary` follow, and each language is its own page in the page memory.

use crate::helpers::{Backend, on_both_backends, spawn_app, spawn_app_configured};

on_both_backends!(
    the_browser_s_language_is_answered,
    a_choice_on_the_page_is_kept,
    the_instance_default_is_the_last_word,
    english_pages_hold_no_danish_fixed_words,
);

async fn get(
    client: &reqwest::Client,
    url: String,
    accept: Option<&str>,
) -> (String, String, String) {
    let mut request = client.get(url);
    if let Some(accept) = accept {
        request = request.header("accept-language", accept);
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let header = |name: &str| {
        response
            .headers()
            .get_all(name)
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (language, vary) = (header("content-language"), header("vary"));
    (language, vary, response.text().await.unwrap())
}

async fn the_browser_s_language_is_answered(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let client = reqwest::Client::new();
    // Danish by default, with a switch to English written in English.
    let (language, vary, page) = get(&client, app.url("/"), None).await;
    assert_eq!(language, "da");
    assert!(vary.contains("Accept-Language"), "{vary}");
    assert!(page.contains("<html lang=\"da\">"));
    assert!(
        page.contains("hreflang=\"en\" lang=\"en\">English</a>"),
        "{page}"
    );
    assert!(page.contains(">Log ind</a>"));
    // English when the browser asks for it, also for the meeting page kept in memory: each
    // language is its own page there.
    for path in ["/", "/meetings/1", "/meetings/1"] {
        let (language, _, page) =
            get(&client, app.url(path), Some("en-GB,en;q=0.9,da;q=0.5")).await;
        assert_eq!(language, "en", "{path}");
        assert!(page.contains("<html lang=\"en\">"), "{path}");
        assert!(page.contains(">Log in</a>"), "{path}");
        assert!(
            page.contains("hreflang=\"da\" lang=\"da\">Dansk</a>"),
            "{path}"
        );
    }
    let (language, _, page) = get(&client, app.url("/meetings/1"), Some("da")).await;
    assert_eq!(language, "da");
    assert!(page.contains(">Log ind</a>"));
    // The public overviews are written in it, words and plurals.
    let (_, _, page) = get(&client, app.url("/proposals/follow-up"), Some("en")).await;
    let text = crate::helpers::text_of(&page);
    assert!(text.contains("Member proposals in follow-up"), "{text}");
    assert!(
        text.contains("See also") && !text.contains("Se også"),
        "{text}"
    );
    // The login page and the error pages too.
    let (_, _, page) = get(&client, app.url("/login"), Some("en")).await;
    let text = crate::helpers::text_of(&page);
    assert!(
        text.contains("Forgot your password?") && text.contains("Demo accounts"),
        "{text}"
    );
    let response = client
        .get(app.url("/no/such/page"))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 404);
    let text = crate::helpers::text_of(&response.text().await.unwrap());
    assert!(
        text.contains("Page not found") && text.contains("Error code 404."),
        "{text}"
    );
    // A language we do not speak: the default.
    let (language, _, _) = get(&client, app.url("/"), Some("de-DE,fr;q=0.8")).await;
    assert_eq!(language, "da");
}

async fn a_choice_on_the_page_is_kept(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let browser = app.browser();
    // The switch: ?lang=en answers in English and is remembered, whatever the browser says.
    let (language, _, _) = get(&browser, app.url("/?lang=en"), Some("da")).await;
    assert_eq!(language, "en");
    let (language, _, page) = get(&browser, app.url("/meetings/1"), Some("da")).await;
    assert_eq!(language, "en");
    assert!(page.contains(">Log in</a>"));
    // The address may say it too: /en/… is the same page in English, /da/… in Danish.
    let fresh = reqwest::Client::new();
    let (language, _, page) = get(&fresh, app.url("/en/meetings/1"), None).await;
    assert_eq!(language, "en");
    assert!(page.contains("<html lang=\"en\">"));
    let (language, _, _) = get(&browser, app.url("/da/"), None).await;
    assert_eq!(language, "da");
    // Logged in, the menus speak the chosen language.
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let page = secretariat
        .get_text("/secretariat/proposals?lang=en", 200)
        .await;
    assert!(page.contains(">Proposals</a>"), "{page}");
    assert!(page.contains(">Log out</button>"), "{page}");
    let page = secretariat.get_text("/secretariat/meetings", 200).await;
    assert!(page.contains(">Meetings and deadlines</a>"), "{page}");
    // Chosen while logged in, it is the person's own: a new login elsewhere (no cookie, a
    // Danish browser) is in English, until they choose again.
    let elsewhere = app.login("sekretariat@example.org", "demo").await;
    let response = elsewhere
        .client
        .get(app.url("/secretariat/meetings"))
        .header("accept-language", "da")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["content-language"], "en");
    let page = response.text().await.unwrap();
    assert!(page.contains("<html lang=\"en\">"), "{page}");
    let page = elsewhere
        .get_text("/secretariat/meetings?lang=da", 200)
        .await;
    assert!(page.contains(">Møder og frister</a>"), "{page}");
    let again = app.login("sekretariat@example.org", "demo").await;
    let page = again.get_text("/secretariat/meetings", 200).await;
    assert!(page.contains("<html lang=\"da\">"), "{page}");
}

async fn the_instance_default_is_the_last_word(backend: Backend) {
    let Some(app) = spawn_app_configured(backend, true, |s| {
        s.default_language = agendum::domain::language::Lang::En;
    })
    .await
    else {
        return;
    };
    let client = reqwest::Client::new();
    let (language, _, _) = get(&client, app.url("/"), None).await;
    assert_eq!(language, "en");
    let (language, _, _) = get(&client, app.url("/"), Some("da")).await;
    assert_eq!(language, "da");
}

/// The Danish catalogue's fixed words that English says otherwise, as fragments long enough to
/// be unmistakable (the words between a message's arguments, at least `MIN` characters).
fn danish_fragments() -> Vec<(String, String)> {
    use agendum::i18n::{Lang, SOURCES, keys, t};
    const MIN: usize = 14;
    // The council's own words, shown as written in any language: the demo agenda's first item
    // is titled with the kind's Danish name.
    const COUNCIL_CONTENT: [&str; 1] = ["AgendaItemKind-approval_of_agenda"];
    let danish = SOURCES.iter().find(|(l, _)| *l == Lang::Da).unwrap().1;
    let mut out = Vec::new();
    for key in keys(danish) {
        if COUNCIL_CONTENT.contains(&key.as_str()) {
            continue;
        }
        let (da, en) = (t(Lang::Da, &key), t(Lang::En, &key));
        if da == en {
            continue;
        }
        // The words between arguments: an argument's value is not the catalogue's.
        let pattern = danish
            .lines()
            .find_map(|line| line.strip_prefix(&format!("{key} = ")))
            .unwrap_or_default();
        for fragment in pattern.split(['{', '}']) {
            let fragment = fragment.trim();
            // Phrases, not single words: a lone word may be a name in the council's content.
            let phrase = fragment.contains(' ');
            if phrase
                && fragment.chars().count() >= MIN
                && !fragment.starts_with('$')
                && !en.contains(fragment)
            {
                out.push((key.clone(), fragment.to_owned()));
            }
        }
    }
    out
}

/// The same-site pages a page links to (not files, feeds or the way out).
fn links_of(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in html.split("href=\"").skip(1) {
        let link = part
            .split('"')
            .next()
            .unwrap_or_default()
            .replace("&amp;", "&");
        let path = link.split('#').next().unwrap_or_default().to_owned();
        let file = [
            ".pdf",
            ".ics",
            ".atom",
            ".css",
            ".svg",
            ".png",
            "/logo",
            "/files/",
            "/attachments/",
            "lang=",
        ]
        .iter()
        .any(|s| path.contains(s));
        if path.starts_with('/') && !path.starts_with("//") && !file && !path.starts_with("/dev/") {
            out.push(path);
        }
    }
    out
}

/// Reads every page it can reach from `start` (up to `limit`), in English, and fails on any
/// fixed Danish words of the catalogue on them.
async fn no_danish_on_pages(
    client: &reqwest::Client,
    base: &str,
    start: &[&str],
    limit: usize,
) -> usize {
    let fragments = danish_fragments();
    assert!(fragments.len() > 300, "{}", fragments.len());
    let mut queue: std::collections::VecDeque<String> =
        start.iter().map(|s| s.to_string()).collect();
    let mut seen: std::collections::HashSet<String> = queue.iter().cloned().collect();
    let mut read = 0;
    let mut found = Vec::new();
    while let Some(path) = queue.pop_front() {
        if read >= limit {
            break;
        }
        let response = client
            .get(format!("{base}{path}"))
            .header("accept-language", "en")
            .send()
            .await
            .unwrap();
        let html_page = response
            .headers()
            .get("content-type")
            .is_some_and(|v| v.to_str().unwrap_or_default().starts_with("text/html"));
        if !html_page {
            continue;
        }
        let body = response.text().await.unwrap();
        read += 1;
        assert!(
            body.contains("<html lang=\"en\">"),
            "{path} is not in English"
        );
        let text = crate::helpers::text_of(&body);
        for (key, fragment) in &fragments {
            if text.contains(fragment.as_str()) {
                found.push(format!("{path}: {key}: »{fragment}«"));
            }
        }
        for link in links_of(&body) {
            // One page of each list is enough: the pages of a list share their words.
            let page_of_list = link.contains("page=") && !link.contains("page=1");
            if !page_of_list && seen.insert(link.clone()) {
                queue.push_back(link);
            }
        }
    }
    assert!(
        found.is_empty(),
        "Danish on English pages:\n{}",
        found.join("\n")
    );
    read
}

async fn english_pages_hold_no_danish_fixed_words(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let anonymous = reqwest::Client::new();
    let read = no_danish_on_pages(
        &anonymous,
        &app.url(""),
        &[
            "/",
            "/login",
            "/proposals/follow-up",
            "/proposals/completed",
            "/password/forgot",
        ],
        200,
    )
    .await;
    assert!(read > 5, "{read}");
    for (email, start) in [
        ("sekretariat@example.org", "/secretariat/proposals"),
        ("member@example.org", "/my/proposals"),
        ("okf@example.org", "/my/tasks"),
    ] {
        let session = app.login(email, "demo").await;
        // The switch, once: saved as the person's own (the member's is English already).
        session.get_text(&format!("{start}?lang=en"), 200).await;
        let read = no_danish_on_pages(
            &session.client,
            &app.url(""),
            &[start, "/account/password"],
            250,
        )
        .await;
        assert!(read > 5, "{email}: {read}");
    }
}
