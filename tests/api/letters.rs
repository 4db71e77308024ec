//! Letters: the seed letter rendered in its own shape and read back with pdftotext; the demo's
//! KL letter at `/letters/{id}.pdf`, public, and a letter that is not.

use crate::helpers::{Backend, on_both_backends, spawn_app};

on_both_backends!(the_demo_letter_is_served_and_private_letters_are_not,);

/// Whitespace made single, as pdftotext's line breaks fall where they fall.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_seed_letter_reads_back_in_order_with_its_page_markers() {
    let (sender, date, text) = agendum::demo::seed_letter();
    let view = agendum::documents::LetterView::new(&sender, date, &text);
    let pdf = agendum::documents::letter_pdf(&view).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    if let Ok(path) = std::env::var("AGENDUM_DUMP_LETTER") {
        std::fs::write(path, &pdf).unwrap();
    }
    if let Some(info) = crate::agendas::pdf_tool("pdfinfo", &pdf, None) {
        assert!(info.contains("Tagged:          yes"), "{info}");
        assert!(
            info.contains("Pages:           2"),
            "two pages, as the seed: {info}"
        );
    }
    let Some(pages) = [1, 2]
        .iter()
        .map(|p| crate::agendas::pdf_text(&pdf, Some((*p, *p))).map(|t| flat(&t)))
        .collect::<Option<Vec<String>>>()
    else {
        return;
    };
    // The letterhead, the date and the page marker on every page.
    for (n, page) in pages.iter().enumerate() {
        for expected in [
            "KL",
            "Weidekampsgade 10",
            "Postboks 3370",
            "2300 København S",
            "www.kl.dk",
            "Dato: 12. april 2021",
            &format!("Side {} af 2", n + 1),
        ] {
            assert!(
                page.contains(expected),
                "page {}: {expected}: {page}",
                n + 1
            );
        }
    }
    // The letter's text in order, across the pages.
    let all = flat(&pages.join(" "));
    let mut at = 0;
    let mut expected = vec![
        "Indenrigs- og boligministeren".to_owned(),
        "min@im.dk".to_owned(),
        flat(&text.heading),
        "Kære Kaare Dybvad Bek".to_owned(),
    ];
    expected.extend(text.body.split("\n\n").map(flat));
    expected.extend(
        [
            "Med venlig hilsen",
            "Jacob Bundsgaard",
            "Kristian Wendelboe",
        ]
        .map(str::to_owned),
    );
    assert_eq!(text.body.split("\n\n").count(), 8);
    for e in &expected {
        // A paragraph may be split by the page's letterhead: its words stay in order.
        let words: Vec<&str> = e.split(' ').collect();
        for w in words {
            let found = all[at..]
                .find(w)
                .unwrap_or_else(|| panic!("«{w}» (of «{e}») after position {at}: {all}"));
            at += found + w.len();
        }
    }
}

async fn the_demo_letter_is_served_and_private_letters_are_not(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let case = agendum::db::cases::by_reference(
        &mut app.conn(),
        &agendum::domain::CaseReference::parse(agendum::demo::SEED_LETTER_CASE).unwrap(),
    )
    .unwrap()
    .expect("the demo has the letter's case");
    let letters = agendum::db::letters::of_case(&mut app.conn(), case.id).unwrap();
    assert_eq!(letters.len(), 1);
    let kl = &letters[0];
    assert_eq!(kl.sender_name, "KL");
    assert_eq!(kl.status.as_str(), "registered");
    let response = app.get(&format!("/letters/{}.pdf", kl.id)).await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let pdf = response.bytes().await.unwrap().to_vec();
    if let Some(text) = crate::agendas::pdf_text(&pdf, None) {
        let text = flat(&text);
        for expected in [
            "Kære Kaare Dybvad Bek",
            "Side 1 af 2",
            "Side 2 af 2",
            "Weidekampsgade 10",
            "Dato: 12. april 2021",
            "Jacob Bundsgaard",
        ] {
            assert!(text.contains(expected), "{expected}: {text}");
        }
    }
    // On its case's timeline, for everyone.
    let timeline = app
        .get_text(&format!("/cases/{}", agendum::demo::SEED_LETTER_CASE), 200)
        .await;
    assert!(timeline.contains("Brev fra KL: Henvendelse til indenrigs- og boligministeren"));
    assert!(timeline.contains(&format!("&#x2F;letters&#x2F;{}.pdf", kl.id)));
    for path in ["/letters/999999.pdf", "/letters/1", "/letters/x.pdf"] {
        assert_eq!(app.get(path).await.status().as_u16(), 404, "{path}");
    }

    // A letter that is not public: the secretariat reads it, nobody else.
    let (_, date, text) = agendum::demo::seed_letter();
    let private = agendum::db::letters::register_incoming(
        &mut app.conn(),
        &agendum::db::letters::IncomingLetter {
            case_id: case.id,
            sender_organization_id: None,
            sender_name: "En borger",
            date,
            text: &text,
            public: false,
            original: None,
            by: None,
        },
    )
    .unwrap();
    let path = format!("/letters/{private}.pdf");
    assert_eq!(app.get(&path).await.status().as_u16(), 404);
    let politician = app.login("politiker@example.org", "demo").await;
    assert_eq!(politician.get(&path).await.status().as_u16(), 404);
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let response = secretariat.get(&path).await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["cache-control"], "private, no-store");
    // The timeline shows the private letter to the secretariat only.
    let case_path = format!("/cases/{}", agendum::demo::SEED_LETTER_CASE);
    assert!(
        !app.get_text(&case_path, 200)
            .await
            .contains("Brev fra En borger")
    );
    assert!(
        secretariat
            .get_text(&case_path, 200)
            .await
            .contains("Brev fra En borger")
    );

    // The API: the public letter for everyone, both for the secretariat.
    let listed = app.get_json("/api/v1/letters", 200).await;
    assert_eq!(listed["pagination"]["total"], 1);
    let first = &listed["data"][0];
    assert_eq!(first["sender"]["name"], "KL");
    assert_eq!(first["case"]["reference"], agendum::demo::SEED_LETTER_CASE);
    assert_eq!(first["salutation"], "Kære Kaare Dybvad Bek");
    assert!(
        first["links"]["pdf"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/letters/{}.pdf", kl.id))
    );
    assert_eq!(
        app.get_json(&format!("/api/v1/letters/{}", kl.id), 200)
            .await["id"],
        kl.id
    );
    assert_eq!(
        app.get(&format!("/api/v1/letters/{private}"))
            .await
            .status()
            .as_u16(),
        404
    );
    let token = crate::helpers::api_token(&app, "sekretariat@example.org");
    let (status, all) = crate::helpers::api_call(
        &app,
        reqwest::Method::GET,
        "/api/v1/letters",
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(all["pagination"]["total"], 2);
    let (status, _) = crate::helpers::api_call(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/letters/{private}"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(status, 200);
}
