//! Letters: the seed letter rendered in its own shape and read back with pdftotext.

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
