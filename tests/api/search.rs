//! Search (issue 21): Danish words found in their inflections, phrases, a case reference first;
//! who finds what (roles × kinds, through the API and the page); bad input refused or finding
//! nothing, never a 500; the index kept change by change equals one rebuilt from scratch; a
//! file found by the words of its text and by its name; both backends find the same.

use agendum::domain::{BodyId, CaseReference, MeetingId, OrganizationId};
use serde_json::Value;

use crate::agendas::multipart;
use crate::helpers::{Backend, TestApp, api_token, on_both_backends, spawn_app};

on_both_backends!(
    danish_words_find_their_inflections,
    who_finds_what,
    bad_input_is_refused_or_finds_nothing,
    the_index_kept_by_changes_equals_a_rebuilt_one,
    pages_follow_one_order,
    attached_files_are_found_by_their_text_and_name,
    the_page_shows_marked_excerpts_and_pages,
);

/// `GET /api/v1/search?{query}` with `token`'s access; the status and body.
async fn api(app: &TestApp, token: Option<&str>, query: &str) -> (u16, Value) {
    let mut request = app.client.get(app.url(&format!("/api/v1/search?{query}")));
    if let Some(t) = token {
        request = request.bearer_auth(t);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

fn q(words: &str) -> String {
    format!("q={}", url_escape(words))
}

fn url_escape(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// (kind, title) of every result on the page.
fn found(body: &Value) -> Vec<(String, String)> {
    body["data"]
        .as_array()
        .unwrap_or_else(|| panic!("no data: {body}"))
        .iter()
        .map(|r| {
            (
                r["kind"].as_str().unwrap().to_owned(),
                r["title"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn finds(app: &TestApp, token: Option<&str>, query: &str) -> Vec<(String, String)> {
    let (status, body) = api(app, token, query).await;
    assert_eq!(status, 200, "{query}: {body}");
    found(&body)
}

const SEED_TITLE: &str = agendum::demo::SEED_TITLE;

async fn danish_words_find_their_inflections(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    // The demo's member proposal on social media (released, so public) and its agenda item.
    for query in [
        "profil",
        "profilerne",
        "PROFILER",
        "forvaltning",
        "forvaltningerne",
        "sociale medier",
        "socialt medie",
        "\"sociale medier\"",
        "nedlæggelse profiler",
        "nedlaeggelse",
    ] {
        let got = finds(&app, None, &q(query)).await;
        assert!(
            got.contains(&("proposal".into(), SEED_TITLE.into())),
            "{query}: {got:?}"
        );
        assert!(
            got.iter()
                .any(|(k, t)| k == "agenda-item" && t.starts_with(SEED_TITLE)),
            "{query}: {got:?}"
        );
    }
    // A phrase is its words in order, adjacent.
    assert!(finds(&app, None, &q("\"medier sociale\"")).await.is_empty());
    // `o` and `ø` are different letters: "sogn" is not "søgn…".
    for (query, absent) in [("so", "sø"), ("profl", "profil")] {
        let got = finds(&app, None, &q(query)).await;
        assert!(
            !got.iter().any(|(_, t)| t == SEED_TITLE),
            "{query} is not {absent}: {got:?}"
        );
    }
    // The case reference finds its case first, written either way.
    for query in ["2025-0124174", " 2025-0124174 "] {
        let got = finds(&app, None, &q(query)).await;
        assert_eq!(
            got.first(),
            Some(&("case".to_owned(), SEED_TITLE.to_owned())),
            "{query}: {got:?}"
        );
    }
    // Every result links to the thing itself, and the excerpt marks the words.
    let (_, body) = api(&app, None, &q("profilerne")).await;
    for r in body["data"].as_array().unwrap() {
        let url = r["url"].as_str().unwrap();
        // Absolute, on the instance's base URL.
        let path = url
            .strip_prefix("http://agendum.test")
            .unwrap_or_else(|| panic!("{url}"));
        let status = app.get(path).await.status();
        assert_eq!(status.as_u16(), 200, "{url}");
        let marked: Vec<&str> = r["excerpt"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["match"] == true)
            .map(|f| f["text"].as_str().unwrap())
            .collect();
        assert!(
            marked
                .iter()
                .all(|m| m.to_lowercase().starts_with("profil")),
            "{r}"
        );
    }
    // Sorted by date: newest first.
    let (_, body) = api(&app, None, &format!("{}&sort=date", q("kommune"))).await;
    let dates: Vec<&str> = body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["date"].as_str().unwrap())
        .collect();
    assert!(dates.len() > 1, "{body}");
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    // Filters: kind, year, dates, status.
    let got = finds(&app, None, &format!("{}&kind=proposal", q("profil"))).await;
    assert!(!got.is_empty() && got.iter().all(|(k, _)| k == "proposal"));
    assert!(
        finds(&app, None, &format!("{}&year=2019", q("profil")))
            .await
            .is_empty()
    );
    assert!(
        !finds(&app, None, &format!("{}&year=2025", q("profil")))
            .await
            .is_empty()
    );
    assert!(
        finds(&app, None, &format!("{}&from=2099-01-01", q("profil")))
            .await
            .is_empty()
    );
    assert!(
        finds(&app, None, &format!("{}&status=rejected", q("profil")))
            .await
            .is_empty()
    );
    // By council or committee: the council treated the seed proposal, Økonomiudvalget did not.
    let council = app.organization_id("Borgerrepræsentationen").0;
    let committee = app.organization_id("Økonomiudvalget").0;
    assert!(
        !finds(
            &app,
            None,
            &format!("{}&organization={council}", q("profil"))
        )
        .await
        .is_empty()
    );
    assert!(
        finds(
            &app,
            None,
            &format!("{}&organization={committee}", q("profil"))
        )
        .await
        .is_empty()
    );
    // The letter KL wrote, public in the demo.
    let got = finds(&app, None, &q("kommunalpolitikere digitalt")).await;
    assert!(got.iter().any(|(k, _)| k == "letter"), "{got:?}");
}

/// The words that stand in one thing each, and who may find it.
struct Secret {
    word: &'static str,
    kind: &'static str,
    /// anonymous, the author (a council member), another council member, a politician on no
    /// council or committee, administration staff, the secretariat.
    found_by: [bool; 6],
}

const READERS: [&str; 6] = [
    "anonymous",
    "author",
    "council member",
    "no member",
    "administration",
    "secretariat",
];

async fn who_finds_what(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let meeting = 2; // the coming council meeting
    let politician_person: i64 = {
        use agendum::db::schema::users;
        use diesel::prelude::*;
        users::table
            .filter(users::email.eq("politiker@example.org"))
            .select(users::person_id)
            .first::<Option<i64>>(&mut app.conn())
            .unwrap()
            .unwrap()
    };
    // A politician who sits on nothing.
    let outsider = {
        let mut conn = app.conn();
        let person = agendum::db::organizations::insert_person(
            &mut conn,
            BodyId(1),
            "Udenfor Udvalg",
            None,
            None,
        )
        .unwrap();
        agendum::service::accounts::add_user(
            &mut conn,
            &agendum::service::accounts::UserRequest {
                email: "udenfor@example.org",
                name: "Udenfor Udvalg",
                role: "politician",
                organization: None,
                person: Some(&person.0.to_string()),
            },
            &agendum::domain::account::NewPassword::parse("en anden adgangskode").unwrap(),
        )
        .unwrap();
        person
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    // The politician's draft, and one submitted but not yet accepted.
    let new_proposal = |title: &'static str, word: &'static str| {
        let mut conn = app.conn();
        agendum::db::proposals::insert(
            &mut conn,
            &agendum::db::proposals::NewProposal {
                body_id: BodyId(1),
                organization_id: OrganizationId(1),
                title,
                opening: "Det foreslås,",
                clauses: &[format!("at kommunen undersøger {word}.")],
                motivation: "Motivation.",
                status: agendum::domain::proposal::ProposalStatus::Draft,
                submitting_party_id: None,
                submitters: &[(
                    agendum::domain::PersonId(politician_person),
                    agendum::domain::proposal::SubmitterRole::Proposer,
                )],
                cases: &[],
                target_meeting_id: Some(MeetingId(meeting)),
                submitted_at: None,
            },
        )
        .unwrap()
    };
    new_proposal("Medlemsforslag om en kladde", "kladdeordet");
    let submitted = new_proposal("Medlemsforslag om et indsendt forslag", "indsendtordet");
    {
        let mut conn = app.conn();
        let lock = agendum::db::proposals::get(&mut conn, submitted)
            .unwrap()
            .unwrap()
            .lock_version;
        agendum::db::workflow::submit(&mut conn, submitted, lock, None, chrono::Utc::now())
            .unwrap();
    }
    // A closed item and an open one on the council's released agenda.
    let lock = || {
        agendum::db::meetings::get(&mut app.conn(), MeetingId(meeting))
            .unwrap()
            .unwrap()
            .lock_version
            .to_string()
    };
    for (title, closed, word) in [
        ("Køb af grund", true, "lukketordet"),
        ("Orientering om trafik", false, "aabentordet"),
    ] {
        let mut fields = vec![
            ("kind", "recommendation"),
            ("title", title),
            ("section", word),
            ("body", word),
        ];
        let l = lock();
        fields.push(("lock", &l));
        if closed {
            fields.push(("closed", "1"));
        }
        let (status, body) = secretariat
            .post(
                &format!("/secretariat/meetings/{meeting}/agenda/items"),
                &fields,
            )
            .await
            .said();
        assert_eq!(status, 303, "{body}");
    }
    // Not yet released: the secretariat does not find agenda items of a working agenda.
    let l = lock();
    let (status, body) = secretariat
        .post(
            &format!("/secretariat/meetings/{meeting}/agenda/release"),
            &[("lock", &l)],
        )
        .await
        .said();
    assert_eq!(status, 303, "{body}");
    // Letters: one public and one not, on a new case.
    {
        let mut conn = app.conn();
        let case = agendum::db::cases::insert(
            &mut conn,
            BodyId(1),
            &CaseReference::parse("2026-0007777").unwrap(),
            "Brevsag",
        )
        .unwrap();
        let (letterhead, date, mut text) = agendum::demo::seed_letter();
        for (public, word) in [(true, "offentligtbrevord"), (false, "internbrevord")] {
            text.heading = format!("Brev om {word}");
            text.body = format!("Brevet handler om {word}.");
            agendum::db::letters::register_incoming(
                &mut conn,
                &agendum::db::letters::IncomingLetter {
                    case_id: case,
                    sender_organization_id: None,
                    sender_name: &letterhead.name,
                    date,
                    text: &text,
                    public,
                    original: None,
                    by: None,
                },
            )
            .unwrap();
        }
    }
    let tokens: Vec<Option<String>> = vec![
        None,
        Some(api_token(&app, "politiker@example.org")),
        Some(api_token(&app, "member@example.org")),
        Some(api_token(&app, "udenfor@example.org")),
        Some(api_token(&app, "okf@example.org")),
        Some(api_token(&app, "sekretariat@example.org")),
    ];
    let table = [
        Secret {
            word: "kladdeordet",
            kind: "proposal",
            found_by: [false, true, false, false, false, false],
        },
        Secret {
            word: "indsendtordet",
            kind: "proposal",
            found_by: [false, true, false, false, false, true],
        },
        Secret {
            word: "lukketordet",
            kind: "agenda-item",
            found_by: [false, true, true, false, false, true],
        },
        Secret {
            word: "aabentordet",
            kind: "agenda-item",
            found_by: [true, true, true, true, true, true],
        },
        Secret {
            word: "offentligtbrevord",
            kind: "letter",
            found_by: [true, true, true, true, true, true],
        },
        Secret {
            word: "internbrevord",
            kind: "letter",
            found_by: [false, false, false, false, false, true],
        },
    ];
    let mut wrong = Vec::new();
    for secret in &table {
        for (reader, token) in tokens.iter().enumerate() {
            let got = finds(&app, token.as_deref(), &q(secret.word)).await;
            let saw = got.iter().any(|(k, _)| k == secret.kind);
            if saw != secret.found_by[reader] {
                wrong.push(format!(
                    "{} ({}) {} by {}: {got:?}",
                    secret.word,
                    secret.kind,
                    if saw { "found" } else { "not found" },
                    READERS[reader]
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // The page applies the same rule: the closed item's word is not found by the public.
    let page = app
        .get_text(&format!("/search?{}", q("lukketordet")), 200)
        .await;
    assert!(page.contains("Intet fundet"), "{page}");
    let page = secretariat
        .get_text(&format!("/search?{}", q("lukketordet")), 200)
        .await;
    assert!(page.contains("<mark>lukketordet</mark>"), "{page}");
    assert!(page.contains("Ikke offentlig"), "{page}");
    // Who finds a closed item follows the seats on its day: a seat given afterwards, reaching
    // back over the meeting, lets the outsider find it; the seat ended before the meeting takes
    // it away again.
    let outsider_token = tokens[3].as_deref();
    let day = agendum::db::meetings::get(&mut app.conn(), MeetingId(meeting))
        .unwrap()
        .unwrap()
        .starts_at
        .date_naive();
    let mut seat = agendum::db::organizations::NewMembership {
        person_id: outsider,
        organization_id: OrganizationId(1),
        party_id: None,
        role: agendum::domain::organization::MembershipRole::Member,
        start_date: day - chrono::Days::new(30),
        end_date: None,
        position: None,
    };
    let membership = agendum::db::organizations::insert_membership(&mut app.conn(), &seat).unwrap();
    let got = finds(&app, outsider_token, &q("lukketordet")).await;
    assert!(got.iter().any(|(k, _)| k == "agenda-item"), "{got:?}");
    index_equals_a_rebuilt_one(&app, 10);
    seat.end_date = Some(day - chrono::Days::new(1));
    agendum::db::organizations::update_membership(&mut app.conn(), membership, &seat).unwrap();
    let got = finds(&app, outsider_token, &q("lukketordet")).await;
    assert!(!got.iter().any(|(k, _)| k == "agenda-item"), "{got:?}");
    index_equals_a_rebuilt_one(&app, 10);
}

async fn bad_input_is_refused_or_finds_nothing(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let long = "a".repeat(10_000);
    for (query, expected) in [
        (q(&long), 400),
        ("q=x&unknown=1".to_owned(), 400),
        ("q=x&per_page=-1".to_owned(), 400),
        ("q=x&per_page=0".to_owned(), 400),
        ("q=x&per_page=1000".to_owned(), 400),
        ("q=x&page=0".to_owned(), 400),
        ("q=x&page=abc".to_owned(), 400),
        ("q=x&page=99999999".to_owned(), 200),
        (
            "q=kommune&page=9223372036854775807&per_page=100".to_owned(),
            200,
        ),
        (q("a b c d e f g h i j k l m n o p"), 200),
        ("q=x&from=yesterday".to_owned(), 400),
        ("q=x&to=2025-13-45".to_owned(), 400),
        ("q=x&to=".to_owned(), 400),
        ("q=x&kind=".to_owned(), 400),
        ("q=x&from=30.04.2025".to_owned(), 400),
        ("q=x&from=2025-04-30&to=2025-12-31".to_owned(), 200),
        ("q=x&year=20255".to_owned(), 400),
        ("q=x&kind=meeting".to_owned(), 400),
        ("q=x&status=whatever".to_owned(), 400),
        ("q=x&sort=random".to_owned(), 400),
        ("q=x&body=-3".to_owned(), 400),
        ("q=x&organization=abc".to_owned(), 400),
        ("q=a&q=b".to_owned(), 400),
        (q("\""), 200),
        (q("*"), 200),
        (q("NEAR("), 200),
        (q("AND OR"), 200),
        (q("profil*"), 200),
        (q("\"profil"), 200),
        (q("{terms}: profil"), 200),
        (q("' OR 1=1 --"), 200),
        (q("^"), 200),
        (q("-profil"), 200),
        (q(""), 200),
        ("".to_owned(), 200),
        (q("ŧ€ſŧ 🚲 中文"), 200),
    ] {
        let (status, body) = api(&app, None, &query).await;
        assert_eq!(
            status,
            expected,
            "{}: {body}",
            query.chars().take(80).collect::<String>()
        );
        if status == 400 {
            assert!(
                body["error"]["message"]
                    .as_str()
                    .is_some_and(|m| !m.is_empty()),
                "{body}"
            );
        }
        // The page answers the same, with its message in the form.
        let page = app.get(&format!("/search?{query}")).await;
        let page_status = page.status().as_u16();
        assert!(page_status < 500, "page {query}: {page_status}");
    }
    // Every status the OpenAPI document offers is one the search knows.
    let doc = app.get_json("/api/v1/openapi.json", 200).await;
    let statuses = doc["paths"]["/search"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "status")
        .unwrap()["schema"]["enum"]
        .as_array()
        .unwrap()
        .clone();
    assert!(statuses.len() > 10);
    for status in statuses {
        let (code, body) = api(
            &app,
            None,
            &format!("q=x&status={}", status.as_str().unwrap()),
        )
        .await;
        assert_eq!(code, 200, "{status}: {body}");
    }
    // Words with no meaning to the engine find what they say, or nothing.
    let got = finds(&app, None, &q("profil*")).await;
    assert!(got.iter().any(|(_, t)| t == SEED_TITLE), "{got:?}");
    assert!(finds(&app, None, &q("")).await.is_empty());
    // The page says what is wrong with a too long query.
    let page = app.get_text(&format!("/search?{}", q(&long)), 400).await;
    assert!(page.contains("højst 300 tegn"), "{page}");
}

async fn pages_follow_one_order(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    // Read a page at a time, the results are the one list read whole, whatever the page size:
    // the named case, then matches in the title, then the others, each newest first.
    let secretariat = api_token(&app, "sekretariat@example.org");
    for words in ["kommune", "profil", "at", "2025-0124174", "sociale medier"] {
        for sort in ["relevance", "date"] {
            let whole = format!("{}&sort={sort}&per_page=100", q(words));
            let (status, body) = api(&app, Some(&secretariat), &whole).await;
            assert_eq!(status, 200, "{body}");
            let all = found(&body);
            let total = body["pagination"]["total"].as_i64().unwrap();
            assert!(!all.is_empty(), "{words}: {body}");
            assert_eq!(
                total.min(100),
                i64::try_from(all.len()).unwrap(),
                "{words}: {body}"
            );
            for size in [1, 3, 7] {
                let mut paged = Vec::new();
                for page in 1..=(all.len() / size + 2) {
                    let one = format!("{}&sort={sort}&per_page={size}&page={page}", q(words));
                    let (status, body) = api(&app, Some(&secretariat), &one).await;
                    assert_eq!(status, 200, "{body}");
                    assert_eq!(body["pagination"]["total"].as_i64(), Some(total));
                    paged.extend(found(&body));
                }
                if total > 100 {
                    paged.truncate(all.len());
                }
                assert_eq!(paged, all, "{words}, {sort}, pages of {size}");
            }
            if sort == "date" {
                let days: Vec<&str> = body["data"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r["date"].as_str().unwrap())
                    .collect();
                assert!(days.windows(2).all(|w| w[0] >= w[1]), "{words}: {days:?}");
            }
        }
    }
    // By relevance, a result whose title holds the word comes before every one whose title
    // does not.
    let mut both = false;
    for word in [
        "kommune",
        "profil",
        "forvaltning",
        "at",
        "medlemsforslag",
        "medie",
    ] {
        let (_, body) = api(
            &app,
            Some(&secretariat),
            &format!("{}&per_page=100", q(word)),
        )
        .await;
        let in_title: Vec<bool> = body["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                agendum::domain::search::terms(r["title"].as_str().unwrap())
                    .iter()
                    .any(|t| *t == agendum::domain::search::terms(word)[0])
            })
            .collect();
        both |= in_title.iter().any(|t| *t) && in_title.iter().any(|t| !t);
        assert!(in_title.windows(2).all(|w| w[0] || !w[1]), "{word}: {body}");
    }
    assert!(both, "no word found both in titles and elsewhere");
    // The count stops at its limit and says there were more; the page is the same.
    use agendum::db::search::{Filters, Found, Order, Searcher, search};
    let query = agendum::domain::search::Query::parse("at")
        .unwrap()
        .unwrap();
    let mut conn = app.conn();
    let mut run = |limit: i64, at_most: i64| -> Found {
        let (s, f) = (Searcher::Secretariat, Filters::default());
        search(
            &mut conn,
            &query,
            s,
            &f,
            Order::Relevance,
            None,
            limit,
            0,
            at_most,
        )
        .unwrap()
    };
    let keys = |f: &Found| f.hits.iter().map(|h| h.id).collect::<Vec<_>>();
    let whole = run(2, 1_000);
    assert!(whole.total >= 3 && !whole.more, "{}", whole.total);
    let counted = run(2, 2);
    assert_eq!((counted.total, counted.more), (2, true));
    assert_eq!(keys(&counted), keys(&whole));
    let exact = run(2, whole.total);
    assert_eq!((exact.total, exact.more), (whole.total, false));
}

async fn the_index_kept_by_changes_equals_a_rebuilt_one(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    // The demo was loaded through the same functions as every change: its index is the one a
    // rebuild makes. Then a day's work on top: release, a decision, a letter sent.
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let meeting = 2;
    let lock = agendum::db::meetings::get(&mut app.conn(), MeetingId(meeting))
        .unwrap()
        .unwrap()
        .lock_version
        .to_string();
    let (status, body) = secretariat
        .post(
            &format!("/secretariat/meetings/{meeting}/agenda/release"),
            &[("lock", &lock)],
        )
        .await
        .said();
    assert_eq!(status, 303, "{body}");
    index_equals_a_rebuilt_one(&app, 5);
}

/// The index as the changes left it is the one `agendum reindex` makes (and holds more than
/// `at_least` documents).
pub fn index_equals_a_rebuilt_one(app: &TestApp, at_least: usize) {
    let kept = agendum::db::search::dump(&mut app.conn()).unwrap();
    assert!(kept.len() > at_least, "{kept:?}");
    agendum::service::search::reindex(&mut app.conn()).unwrap();
    let rebuilt = agendum::db::search::dump(&mut app.conn()).unwrap();
    let only_kept: Vec<_> = kept.iter().filter(|d| !rebuilt.contains(d)).collect();
    let only_rebuilt: Vec<_> = rebuilt.iter().filter(|d| !kept.contains(d)).collect();
    assert!(
        only_kept.is_empty() && only_rebuilt.is_empty(),
        "kept only: {only_kept:#?}\nrebuilt only: {only_rebuilt:#?}"
    );
}

/// A one-page PDF whose text layer says `text` (ASCII), as any PDF writer makes it.
pub fn pdf_saying(text: &str) -> Vec<u8> {
    let stream = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{stream}\nendstream",
            stream.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_owned(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (n, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", n + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

async fn attached_files_are_found_by_their_text_and_name(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let meeting = 2;
    let lock = || {
        agendum::db::meetings::get(&mut app.conn(), MeetingId(meeting))
            .unwrap()
            .unwrap()
            .lock_version
            .to_string()
    };
    let l = lock();
    let (status, body) = secretariat
        .post(
            &format!("/secretariat/meetings/{meeting}/agenda/items"),
            &[
                ("kind", "orientation"),
                ("title", "Orientering om cykelparkering"),
                ("lock", &l),
            ],
        )
        .await
        .said();
    assert_eq!(status, 303, "{body}");
    let item = agendum::db::agenda::working_items(&mut app.conn(), MeetingId(meeting))
        .unwrap()
        .into_iter()
        .find(|i| i.title == "Orientering om cykelparkering")
        .unwrap()
        .id;
    let attach = |name: &'static str, bytes: Vec<u8>| {
        let secretariat = &secretariat;
        let app = &app;
        async move {
            let l = agendum::db::meetings::get(&mut app.conn(), MeetingId(meeting))
                .unwrap()
                .unwrap()
                .lock_version
                .to_string();
            let (content_type, body) = multipart(
                &[("csrf", &secretariat.csrf), ("lock", &l), ("public", "1")],
                (name, &bytes),
            );
            let r = secretariat
                .client
                .post(secretariat.url(&format!(
                    "/secretariat/meetings/{meeting}/agenda/items/{item}/attachments"
                )))
                .header("content-type", content_type)
                .body(body)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status().as_u16(), 303, "{}", r.text().await.unwrap());
        }
    };
    attach(
        "parkeringsnotat.pdf",
        pdf_saying("Notat om cykelparkeringspladser ved Valby station"),
    )
    .await;
    // A file whose text cannot be read is still found by its name.
    let mut broken = b"%PDF-1.4\n".to_vec();
    broken.extend_from_slice(&[0xde, 0xad, 0xbe, 0xef].repeat(64));
    attach("ulaeseligt-bilag.pdf", broken).await;
    let secretariat_token = api_token(&app, "sekretariat@example.org");
    // Attached, not released: the secretariat finds it, on its working agenda; the public does
    // not.
    let (_, body) = api(
        &app,
        Some(&secretariat_token),
        &q("cykelparkeringspladserne"),
    )
    .await;
    let url = body["data"][0]["url"].as_str().unwrap_or_default();
    assert!(
        url.ends_with(&format!("/secretariat/meetings/{meeting}/agenda")),
        "{body}"
    );
    for (token, expected) in [(None, false), (Some(secretariat_token.as_str()), true)] {
        let got = finds(&app, token, &q("cykelparkeringspladserne")).await;
        assert_eq!(
            got.contains(&("file".into(), "parkeringsnotat.pdf".into())),
            expected,
            "{got:?}"
        );
    }
    let l = lock();
    let (status, body) = secretariat
        .post(
            &format!("/secretariat/meetings/{meeting}/agenda/release"),
            &[("lock", &l)],
        )
        .await
        .said();
    assert_eq!(status, 303, "{body}");
    let got = finds(&app, None, &q("cykelparkeringspladserne valby")).await;
    assert!(
        got.contains(&("file".into(), "parkeringsnotat.pdf".into())),
        "{got:?}"
    );
    let got = finds(&app, None, &q("ulaeseligt bilag")).await;
    assert!(
        got.contains(&("file".into(), "ulaeseligt-bilag.pdf".into())),
        "{got:?}"
    );
    index_equals_a_rebuilt_one(&app, 8);
}

async fn the_page_shows_marked_excerpts_and_pages(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let page = app.get_text("/search", 200).await;
    assert!(page.contains("role=\"search\""), "{page}");
    let page = app
        .get_text(&format!("/search?{}&per_page=2", q("profiler")), 200)
        .await;
    assert!(page.contains("<mark>profiler</mark>"), "{page}");
    assert!(page.contains("rel=\"next\""), "{page}");
    assert!(
        page.contains("href=\"&#x2F;cases&#x2F;2025-0124174\""),
        "{page}"
    );
    let english = app
        .get_text(&format!("/search?{}&lang=en", q("profiler")), 200)
        .await;
    assert!(english.contains("Member proposal"), "{english}");
}

/// Both backends find the same things in the same order for the same data (the demo).
#[tokio::test]
async fn both_backends_find_the_same() {
    let (Some(sqlite), Some(postgres)) = (
        spawn_app(Backend::Sqlite).await,
        spawn_app(Backend::Postgres).await,
    ) else {
        return;
    };
    let token_s = api_token(&sqlite, "sekretariat@example.org");
    let token_p = api_token(&postgres, "sekretariat@example.org");
    for query in [
        "profil",
        "sociale medier",
        "\"sociale medier\"",
        "kommune",
        "borgerrepræsentationen",
        "2025-0124174",
        "økonomiforvaltningen",
        "at",
        "x",
    ] {
        for sort in ["relevance", "date"] {
            let path = format!("{}&sort={sort}&per_page=100", q(query));
            for (a, b) in [
                (None, None),
                (Some(token_s.as_str()), Some(token_p.as_str())),
            ] {
                let (_, on_sqlite) = api(&sqlite, a, &path).await;
                let (_, on_postgres) = api(&postgres, b, &path).await;
                assert_eq!(found(&on_sqlite), found(&on_postgres), "{query} ({sort})");
                assert_eq!(
                    on_sqlite["pagination"]["total"], on_postgres["pagination"]["total"],
                    "{query}"
                );
            }
        }
    }
}
