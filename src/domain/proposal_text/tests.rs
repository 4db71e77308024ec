use proptest::prelude::*;

use super::*;
use crate::demo::{SEED_CASE, SEED_CLAUSES, SEED_MOTIVATION, SEED_TITLE};

/// The seed agenda's item (`shared/product/seed-corrected.md`, A, page 2), as printed.
const SEED_ITEM: &str = "\
Medlemsforslag om nedlæggelse af profiler på X og undersøgelse af kommunens brug af
sociale medier (2025-0124174)

Medlemsforslag

Det foreslås,

1. at Borgerrepræsentationen pålægger Økonomiforvaltningen, at indhente svar fra alle
   forvaltninger på i hvilket omfang de bruger det sociale medie X, og om der er noget, der
   gør det tvingende nødvendigt at beholde en profil derpå. Oversigten forelægges
   Økonomiudvalget inden udgangen af juni måned,
2. at alle Københavns Kommunes profiler på det sociale medie X skal nedlægges, medmindre er
   der er tvingende nødvendigt at beholde en profil,
3. at Økonomiforvaltningen indhenter svar fra alle forvaltninger på, hvilke sociale medier de
   har profiler på.

(Stillet af Enhedslisten)

Motivation

Borgerrepræsentationen har vedtaget, at København skal forsøge at gøre sig uafhængig af
techgiganternes tjenester. Samtidig er det afgørende, at Københavns Kommune kan sikre
troværdig og pålidelig kommunikation til borgerne, og derfor ikke understøtter medier, der
er kendetegnet ved udbredelse misinformation, falske nyheder, og propaganda for
antidemokratiske tiltag.

En af de mest problematiske platforme for dette er X — tidligere kendt som Twitter — som er
ejet af Elon Musk. Derfor har Hvidovre Kommune nu nedlagt deres kommunale profil på X og
benytter sig ikke længere af platformen til kommunikation til omverdenen. Vi foreslår
derfor, at København følger eksemplet fra Hvidovre og lukker kommunens profiler på X.

Vi vil dog gerne være sikre på, at der ikke er tvingende grunde til at beholde en kommunal
profil i en kortere periode, til der er fundet et godt alternativ. Derfor skal alle
forvaltninger spørges om de har en profil, som de mener ikke kan lukkes, uden at det vil
give alvorlige problemer med afgørende kommunikation til borgerne.
";

fn reference(text: &str) -> CaseReference {
    CaseReference::parse(text).unwrap()
}

#[test]
fn the_seed_item_parses_into_exactly_the_demo_proposal() {
    let parsed = parse_proposal(SEED_ITEM);
    assert_eq!(parsed.title.as_deref(), Some(SEED_TITLE));
    assert_eq!(parsed.case_references, vec![reference(SEED_CASE)]);
    assert_eq!(parsed.opening.as_deref(), Some("Det foreslås,"));
    assert_eq!(parsed.clauses, SEED_CLAUSES);
    assert_eq!(parsed.submitters, vec!["Enhedslisten"]);
    assert_eq!(parsed.motivation, SEED_MOTIVATION);
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

/// The same item as text extraction left it (seeds/003): blank lines in the middle of clauses
/// and sentences where the PDF's lines broke.
#[test]
fn pdf_extraction_breaks_are_put_back_together() {
    let extracted = "\
Medlemsforslag om nedlaeggelse af profiler pa X og undersegelse af kommunens brug af
sociale medier (2025-0124174)

Medlemsforslag

Det foreslas,

1. at Borgerrepraesentationen palasgger @konomiforvaltningen, at indhente svar fra alle
forvaltninger pa i hvilket omfang de bruger det sociale medie X. Oversigten foreleegges @konomiudvalget

inden udgangen af juni maned,
2. at alle Kebenhavns Kommunes profiler pa det sociale medie X skal nedlaegges, medmindre er

der er tvingende ngdvendigt at beholde en profil,
3. at @konomiforvaltningen indhenter svar fra alle forvaltninger pa, hvilke sociale medier de har

profiler pa.

(Stillet af Enhedslisten)

Motivation

Derfor har Hvidovre Kommune nu nedlagt deres kommunale profil pa X. Vi foreslar derfor, at Kebenhavn falger

eksemplet fra Hvidovre og lukker kommunens profiler pa X.

Vi vil dog gerne veere sikre pa det.
";
    let parsed = parse_proposal(extracted);
    // "Det foreslas," lost its å: not a known opening, so the line is reported, not guessed.
    assert_eq!(parsed.clauses.len(), 3, "{parsed:#?}");
    assert!(parsed.clauses[0].ends_with("@konomiudvalget inden udgangen af juni maned,"));
    assert_eq!(
        parsed.clauses[1],
        "at alle Kebenhavns Kommunes profiler pa det sociale medie X skal nedlaegges, medmindre er der er tvingende ngdvendigt at beholde en profil,"
    );
    assert!(parsed.clauses[2].ends_with("de har profiler pa."));
    assert_eq!(parsed.submitters, vec!["Enhedslisten"]);
    assert_eq!(
        parsed.motivation,
        "Derfor har Hvidovre Kommune nu nedlagt deres kommunale profil pa X. Vi foreslar derfor, at Kebenhavn falger eksemplet fra Hvidovre og lukker kommunens profiler pa X.\n\nVi vil dog gerne veere sikre pa det."
    );
    assert_eq!(parsed.case_references, vec![reference("2025-0124174")]);
}

#[test]
fn jeg_foreslaar_with_parenthesis_numbers_and_motivering_on_the_heading_line() {
    let parsed = parse_proposal(
        "Medlemsforslag om flere træer på Amagerbrogade\n\
         \n\
         Jeg foreslår,\n\
         1) at Teknik- og Miljøforvaltningen planter 40 træer på Amagerbrogade i 2026,\n\
         2) at udgiften finansieres af puljen til byens grønne rum.\n\
         \n\
         Stillet af: Anna Holm (Ø) og Bo Ravn (A)\n\
         \n\
         Motivering: Amagerbrogade er en af byens varmeste gader.\n\
         Træer giver skygge.\n",
    );
    assert_eq!(
        parsed.title.as_deref(),
        Some("Medlemsforslag om flere træer på Amagerbrogade")
    );
    assert!(parsed.case_references.is_empty());
    assert_eq!(parsed.opening.as_deref(), Some("Jeg foreslår,"));
    assert_eq!(
        parsed.clauses,
        vec![
            "at Teknik- og Miljøforvaltningen planter 40 træer på Amagerbrogade i 2026,",
            "at udgiften finansieres af puljen til byens grønne rum.",
        ]
    );
    assert_eq!(parsed.submitters, vec!["Anna Holm (Ø)", "Bo Ravn (A)"]);
    assert_eq!(
        parsed.motivation,
        "Amagerbrogade er en af byens varmeste gader. Træer giver skygge."
    );
}

#[test]
fn windows_line_ends_tabs_bullets_and_begrundelse() {
    let parsed = parse_proposal(
        "Medlemsforslag om gratis svømning for pensionister\r\n\r\n\
         Det foreslås,\r\n\
         -\tat Kultur- og Fritidsforvaltningen tilbyder gratis svømning,\r\n\
         •\u{a0}at ordningen evalueres efter et år.\r\n\r\n\
         (Stillet af Socialdemokratiet)\r\n\r\n\
         Begrundelse\r\n\r\n\
         Svømning er sundt.\r\n\r\n\
         Mange har ikke råd.\r\n",
    );
    assert_eq!(
        parsed.clauses,
        vec![
            "at Kultur- og Fritidsforvaltningen tilbyder gratis svømning,",
            "at ordningen evalueres efter et år.",
        ]
    );
    assert_eq!(parsed.submitters, vec!["Socialdemokratiet"]);
    assert_eq!(
        parsed.motivation,
        "Svømning er sundt.\n\nMange har ikke råd."
    );
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn opening_and_a_single_clause_on_one_line() {
    let parsed = parse_proposal(
        "Medlemsforslag om cykelparkering\n\nDet foreslås, at Borgerrepræsentationen pålægger Teknik- og Miljøforvaltningen at etablere 500 nye cykelparkeringspladser.\n\nMotivation\n\nDer mangler plads.",
    );
    assert_eq!(parsed.opening.as_deref(), Some("Det foreslås,"));
    assert_eq!(
        parsed.clauses,
        vec![
            "at Borgerrepræsentationen pålægger Teknik- og Miljøforvaltningen at etablere 500 nye cykelparkeringspladser."
        ]
    );
    assert_eq!(parsed.motivation, "Der mangler plads.");
}

#[test]
fn several_case_references_and_parentheses_that_belong_to_the_title() {
    let parsed = parse_proposal(
        "Medlemsforslag om opfølgning (sagsnr. 2024-0012345, 2025-0000042)\n\nDet foreslås,\n1. at sagen genoptages.",
    );
    assert_eq!(
        parsed.title.as_deref(),
        Some("Medlemsforslag om opfølgning")
    );
    assert_eq!(
        parsed.case_references,
        vec![reference("2024-0012345"), reference("2025-0000042")]
    );
    let parsed = parse_proposal(
        "Medlemsforslag om profiler på sociale medier (X og Facebook)\n\nDet foreslås,\n1. at de lukkes.",
    );
    assert_eq!(
        parsed.title.as_deref(),
        Some("Medlemsforslag om profiler på sociale medier (X og Facebook)")
    );
    assert!(parsed.case_references.is_empty());
}

#[test]
fn an_agenda_number_before_the_title_and_the_kind_line_first() {
    let parsed = parse_proposal(
        "Medlemsforslag\n\n3. Medlemsforslag om lys i Fælledparken (2025-0100001)\n\nDet foreslås,\n\n1. at der opsættes lys.\n",
    );
    assert_eq!(
        parsed.title.as_deref(),
        Some("Medlemsforslag om lys i Fælledparken")
    );
    assert_eq!(parsed.case_references, vec![reference("2025-0100001")]);
    assert_eq!(parsed.clauses, vec!["at der opsættes lys."]);
}

#[test]
fn indstilling_om_and_words_split_at_the_line_end() {
    let parsed = parse_proposal(
        "Medlemsforslag om busser\n\nIndstilling om,\n1. at kommu-\nnens busser kører hver 10. minut, og at Teknik-\nog Miljøforvaltningen betaler.\n",
    );
    assert_eq!(parsed.opening.as_deref(), Some("Indstilling om,"));
    assert_eq!(
        parsed.clauses,
        vec![
            "at kommunens busser kører hver 10. minut, og at Teknik- og Miljøforvaltningen betaler."
        ]
    );
}

#[test]
fn no_title_no_heading_and_unnumbered_clauses() {
    let parsed = parse_proposal(
        "DET FORESLÅS:\nat alle skoler får frugt,\nat det betales af kassen.\n\nBørn lærer bedre, når de har spist.\n",
    );
    assert_eq!(parsed.title, None);
    assert_eq!(parsed.opening.as_deref(), Some("DET FORESLÅS:"));
    assert_eq!(
        parsed.clauses,
        vec!["at alle skoler får frugt,", "at det betales af kassen."]
    );
    assert_eq!(parsed.motivation, "Børn lærer bedre, når de har spist.");
    assert!(parsed.warnings.contains(&ParseWarning::NoTitle));
    assert!(parsed.warnings.contains(&ParseWarning::NoMotivationHeading));
}

#[test]
fn submitters_wrapped_over_lines() {
    let parsed = parse_proposal(
        "Medlemsforslag om X\n\nDet foreslås,\n1. at X.\n\n(Stillet af Enhedslisten,\nAlternativet og SF – Socialistisk Folkeparti)\n\nMotivation\nFordi.",
    );
    assert_eq!(
        parsed.submitters,
        vec![
            "Enhedslisten",
            "Alternativet",
            "SF – Socialistisk Folkeparti"
        ]
    );
    assert_eq!(parsed.motivation, "Fordi.");
}

#[test]
fn text_that_is_not_a_proposal_is_reported_not_guessed() {
    for text in [
        "",
        "   \n\n\t",
        "Hej med dig",
        "1.",
        "(Stillet af",
        "Motivation",
    ] {
        let parsed = parse_proposal(text);
        assert!(parsed.clauses.is_empty(), "{text:?}: {parsed:?}");
        assert!(
            parsed.warnings.contains(&ParseWarning::NoClauses),
            "{text:?}"
        );
    }
    let parsed =
        parse_proposal("Medlemsforslag om Y\n\nNoget forklarende tekst.\nDet foreslås,\n1. at Y.");
    assert_eq!(parsed.clauses, vec!["at Y."]);
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| matches!(w, ParseWarning::LinesIgnored(n) if *n > 0))
    );
}

#[test]
fn long_input_is_cut_at_a_character_boundary() {
    let text = format!(
        "Medlemsforslag om æ\n\nDet foreslås,\n1. at {}",
        "ø".repeat(MAX_INPUT_BYTES)
    );
    let parsed = parse_proposal(&text);
    assert_eq!(parsed.clauses.len(), 1);
    assert!(parsed.warnings.contains(&ParseWarning::Truncated));
}

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Borgerrepræsentationen",
        "pålægger",
        "Økonomiforvaltningen",
        "at",
        "undersøge",
        "de",
        "sociale",
        "medier",
        "inden",
        "udgangen",
        "af",
        "juni",
        "måned",
        "København",
        "og",
        "Teknik- og Miljøforvaltningen",
        "X-profiler",
        "træer",
        "skal",
        "plantes",
        "i",
        "2026",
        "X",
    ])
    .prop_map(str::to_owned)
}

fn sentence(words: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(word(), words).prop_map(|w| w.join(" "))
}

/// Wraps text at `width` columns, as an editor or a PDF would.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut column = 0;
    for word in text.split(' ') {
        if column > 0 && column + word.chars().count() > width {
            out.push('\n');
            column = 0;
        } else if column > 0 {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += word.chars().count();
    }
    out
}

proptest! {
    /// Any text at all: no panic, and what comes out is tidy.
    #[test]
    fn never_panics(text in any::<String>()) {
        let parsed = parse_proposal(&text);
        for clause in &parsed.clauses {
            prop_assert!(!clause.is_empty());
            prop_assert_eq!(clause.trim(), clause.as_str());
        }
        for name in &parsed.submitters {
            prop_assert!(!name.is_empty());
        }
    }

    /// Text made of the parser's own markers in any order: no panic.
    #[test]
    fn never_panics_on_marker_soup(parts in prop::collection::vec(prop::sample::select(vec![
        "Det foreslås,", "1. at", "2)", "(Stillet af", ")", "Motivation", "Motivering:", "\n", "\n\n",
        "\r\n", "-", "at ", "Medlemsforslag", "(2025-0124174)", "(", "æøå", "\u{00AD}", "\t", "İ",
    ]), 0..60)) {
        let _ = parse_proposal(&parts.concat());
    }

    /// A proposal written out in any wrapping reads back as itself.
    #[test]
    fn written_proposals_read_back(
        title in sentence(3..12),
        clauses in prop::collection::vec(sentence(2..30), 1..6),
        paragraphs in prop::collection::vec(sentence(1..40), 0..4),
        width in 20usize..100,
        numbered in any::<bool>(),
    ) {
        let title = format!("Medlemsforslag om {title}");
        let clauses: Vec<String> = clauses.iter().map(|c| format!("at {c},")).collect();
        let paragraphs: Vec<String> = paragraphs.iter().map(|p| format!("Derfor {p}.")).collect();
        let mut text = format!("{}\n\nDet foreslås,\n\n", wrap(&title, width));
        for (n, clause) in clauses.iter().enumerate() {
            let marker = if numbered { format!("{}. ", n + 1) } else { "- ".to_owned() };
            text.push_str(&wrap(&format!("{marker}{clause}"), width));
            text.push('\n');
        }
        text.push_str("\n(Stillet af Enhedslisten)\n\nMotivation\n\n");
        for p in &paragraphs {
            text.push_str(&wrap(p, width));
            text.push_str("\n\n");
        }
        let parsed = parse_proposal(&text);
        prop_assert_eq!(parsed.title.as_deref(), Some(title.as_str()));
        prop_assert_eq!(&parsed.clauses, &clauses);
        prop_assert_eq!(parsed.submitters, vec!["Enhedslisten".to_owned()]);
        prop_assert_eq!(parsed.motivation, paragraphs.join("\n\n"));
    }
}
