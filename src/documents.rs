//! Documents rendered on the server: the agenda PDF, by Typst embedded as a library.
//!
//! The Typst template is compiled into the binary and so are its fonts (`typst-assets`); nothing
//! is read from disk or fetched at run time. Data goes in as one JSON string that the template
//! reads with `json(..)`, so text from users is always text, never Typst markup.

use std::sync::OnceLock;

use serde::Serialize;
use typst::foundations::{Dict, IntoValue};
use typst_as_lib::TypstEngine;
use typst_as_lib::TypstTemplateMainFile;
use typst_layout::PagedDocument;

use crate::domain::agenda::{AgendaItemKind, AgendaSnapshot, SnapshotItem};
use crate::domain::language::Lang;
use crate::domain::markdown::{Span, TextBlock, blocks as markdown_blocks, inline_spans};
use crate::domain::text::paragraphs;
use crate::domain::time::{clock, date};
use crate::i18n::{t, t_with};

const AGENDA_TEMPLATE: &str = include_str!("../templates/pdf/agenda.typ");
const OVERVIEW_TEMPLATE: &str = include_str!("../templates/pdf/overview.typ");
const MINUTES_TEMPLATE: &str = include_str!("../templates/pdf/minutes.typ");
const LETTER_TEMPLATE: &str = include_str!("../templates/pdf/letter.typ");
/// What the templates import to lay out text from users (`#import "text.typ"`).
const TEXT_MODULE: &str = include_str!("../templates/pdf/text.typ");

pub use crate::domain::audience::Audience;

/// A document that could not be rendered; the message says where, for the log.
#[derive(Debug, thiserror::Error)]
#[error("the document could not be rendered: {0}")]
pub struct RenderError(String);

/// A Typst engine for one template, with the fonts compiled into the binary. Each document's is
/// built once, on first use (or at `warm_up`).
fn engine(template: &'static str) -> TypstEngine<TypstTemplateMainFile> {
    TypstEngine::builder()
        .main_file(template)
        .fonts(typst_assets::fonts())
        .with_static_source_file_resolver([("text.typ", TEXT_MODULE)])
        .build()
}

fn agenda_engine() -> &'static TypstEngine<TypstTemplateMainFile> {
    static ENGINE: OnceLock<TypstEngine<TypstTemplateMainFile>> = OnceLock::new();
    ENGINE.get_or_init(|| engine(AGENDA_TEMPLATE))
}

fn overview_engine() -> &'static TypstEngine<TypstTemplateMainFile> {
    static ENGINE: OnceLock<TypstEngine<TypstTemplateMainFile>> = OnceLock::new();
    ENGINE.get_or_init(|| engine(OVERVIEW_TEMPLATE))
}

fn minutes_engine() -> &'static TypstEngine<TypstTemplateMainFile> {
    static ENGINE: OnceLock<TypstEngine<TypstTemplateMainFile>> = OnceLock::new();
    ENGINE.get_or_init(|| engine(MINUTES_TEMPLATE))
}

fn letter_engine() -> &'static TypstEngine<TypstTemplateMainFile> {
    static ENGINE: OnceLock<TypstEngine<TypstTemplateMainFile>> = OnceLock::new();
    ENGINE.get_or_init(|| engine(LETTER_TEMPLATE))
}

/// Loads the fonts and parses the templates, so the first request does not pay for it.
pub fn warm_up() {
    agenda_engine();
    overview_engine();
    minutes_engine();
    letter_engine();
}

/// A letter as its PDF shows it.
#[derive(Debug, Clone, Serialize)]
pub struct LetterView {
    pub document_title: String,
    pub sender: crate::domain::letter::Letterhead,
    /// "Dato: 12. april 2021", on every page.
    pub date_line: String,
    /// The recipient's name, title and address, one line each.
    pub recipient_lines: Vec<String>,
    pub heading: String,
    pub salutation: String,
    /// The body's Markdown as blocks of styled text; never Typst markup.
    pub blocks: Vec<TextBlock>,
    pub closing: String,
    pub signatories: Vec<crate::domain::letter::Signatory>,
    /// The sender's logo (PNG or JPEG bytes), at the top of the letterhead.
    pub logo: Option<Vec<u8>>,
    /// A draft: "UDKAST" across every page, so a printed draft is never taken for the letter.
    pub draft: bool,
    /// The letter's language, of its fixed words.
    #[serde(skip)]
    pub lang: Lang,
}

impl LetterView {
    pub fn new(
        lang: Lang,
        sender: &crate::domain::letter::Letterhead,
        date: chrono::NaiveDate,
        text: &crate::domain::letter::LetterText,
    ) -> Self {
        let mut recipient_lines = vec![text.recipient_name.clone()];
        recipient_lines.extend(text.recipient_title.clone());
        recipient_lines.extend(text.recipient_email.clone());
        Self {
            document_title: text.heading.clone(),
            sender: sender.clone(),
            date_line: t_with(
                lang,
                "doc-date-line",
                &[("date", crate::domain::time::long_date(lang, date).into())],
            ),
            recipient_lines,
            heading: text.heading.clone(),
            salutation: text.salutation.clone(),
            blocks: markdown_blocks(&text.body),
            closing: text.closing.clone(),
            signatories: text.signatories.clone(),
            logo: None,
            draft: false,
            lang,
        }
    }

    pub fn with_logo(mut self, logo: Option<Vec<u8>>) -> Self {
        self.logo = logo;
        self
    }

    pub fn marked_draft(mut self, draft: bool) -> Self {
        self.draft = draft;
        self
    }
}

/// The letter as a PDF.
pub fn letter_pdf(view: &LetterView) -> Result<Vec<u8>, RenderError> {
    render(letter_engine(), view.lang, view)
}

/// The minutes as their page and PDF show them, for one audience: the public never reads
/// what a closed item decided beyond its outcome.
#[derive(Debug, Clone, Serialize)]
pub struct MinutesView {
    pub document_title: String,
    pub organization: String,
    /// The PDF's author: the body, and the municipality once `with_municipality` names it.
    pub author: String,
    /// "for mødet den 30.04.2025, kl. 17:30 i Rådhuset"
    pub subtitle: String,
    /// "Version 1, godkendt og offentliggjort 02.05.2025"
    pub version_line: String,
    pub present: Vec<String>,
    pub absent: Vec<String>,
    pub items: Vec<MinutesItemView>,
    /// "Anna Dahl, formand, 01.05.2025"
    pub approvals: Vec<String>,
}

impl MinutesView {
    /// The PDF's author as "Municipality, Body".
    pub fn with_municipality(mut self, municipality: &str) -> Self {
        if !municipality.is_empty() {
            self.author = format!("{municipality}, {}", self.organization);
        }
        self
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct MinutesItemView {
    pub number: String,
    pub title: String,
    pub closed: bool,
    pub decision: String,
    pub statements: Vec<String>,
}

/// What the minutes say, from the frozen content, for `audience`.
pub fn minutes_view(
    lang: Lang,
    content: &crate::domain::minutes::MinutesContent,
    version_line: String,
    approvals: Vec<String>,
    audience: Audience,
) -> MinutesView {
    use crate::domain::meeting::AttendanceStatus;
    let content = match audience {
        Audience::Public => content.public_view(),
        Audience::Members => content.clone(),
    };
    let person = |a: &crate::domain::minutes::AttendanceLine| {
        let mut out = a.name.clone();
        if let Some(p) = &a.party {
            out.push_str(&format!(" ({p})"));
        }
        if let Some(for_) = &a.substitute_for {
            out.push_str(&t_with(
                lang,
                "doc-substitute-for",
                &[("name", for_.clone().into())],
            ));
        }
        out
    };
    MinutesView {
        document_title: t_with(
            lang,
            "doc-minutes-title",
            &[
                ("organization", content.organization_name.clone().into()),
                ("date", date(lang, content.starts_at).into()),
            ],
        ),
        organization: content.organization_name.clone(),
        author: content.organization_name.clone(),
        subtitle: t_with(
            lang,
            "doc-minutes-subtitle",
            &[
                ("organization", content.organization_name.clone().into()),
                ("date", date(lang, content.starts_at).into()),
                ("time", clock(content.starts_at).into()),
                ("location", content.location.clone().into()),
            ],
        ),
        version_line,
        present: content
            .attendance
            .iter()
            .filter(|a| a.status != AttendanceStatus::Absent)
            .map(person)
            .collect(),
        absent: content
            .attendance
            .iter()
            .filter(|a| a.status == AttendanceStatus::Absent)
            .map(person)
            .collect(),
        items: content
            .items
            .iter()
            .map(|i| MinutesItemView {
                number: i.number.clone(),
                title: i.title.clone(),
                closed: !i.public,
                decision: match (&i.text, i.outcome) {
                    (Some(text), _) => text.clone(),
                    (None, Some(outcome)) => format!("{}.", outcome.label(lang)),
                    (None, None) => t(lang, "doc-no-decision"),
                },
                statements: i
                    .statements
                    .iter()
                    .map(|s| {
                        t_with(
                            lang,
                            "doc-statement",
                            &[
                                ("kind", s.kind.label(lang).into()),
                                ("by", s.by.clone().into()),
                                ("text", s.text.clone().into()),
                            ],
                        )
                    })
                    .collect(),
            })
            .collect(),
        approvals,
    }
}

/// The minutes as a PDF.
pub fn minutes_pdf(lang: Lang, view: &MinutesView) -> Result<Vec<u8>, RenderError> {
    render(minutes_engine(), lang, view)
}

/// The overview of a follow-up task's answer, as both its page and its PDF show it.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub document_title: String,
    /// "Besvarelse af 1. at-punkt"
    pub title: String,
    pub proposal_title: String,
    /// Case, meeting, deadline, where the answer goes: one line each.
    pub facts: Vec<String>,
    /// "Borgerrepræsentationen besluttede den 30.04.2025:"
    pub decided: String,
    pub decision_text: String,
    /// "1. at-punkt"
    pub clause_heading: String,
    pub clause_text: String,
    /// The clause's runs of text, its Markdown read, for the PDF.
    pub clause_spans: Vec<Span>,
    pub lead: String,
    /// "Besvaret 12.06.2025 af …", when the lead has answered.
    pub answered: Option<String>,
    pub answer: Vec<String>,
    /// The names of the files given with the answer.
    pub files: Vec<String>,
    pub contributions: Vec<OverviewContribution>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OverviewContribution {
    pub organization: String,
    pub answered: Option<String>,
    pub paragraphs: Vec<String>,
    pub files: Vec<String>,
}

/// The overview as a PDF, for the agenda of the body the answer goes to.
pub fn overview_pdf(lang: Lang, overview: &Overview) -> Result<Vec<u8>, RenderError> {
    render(overview_engine(), lang, overview)
}

#[derive(Serialize)]
struct AgendaData<'a> {
    document_title: String,
    /// The PDF's author: the municipality and the body ("Københavns Kommune,
    /// Borgerrepræsentationen").
    author: String,
    title: String,
    subtitle: String,
    supplement: Option<Supplement<'a>>,
    items: Vec<ItemData>,
}

#[derive(Serialize)]
struct Supplement<'a> {
    heading: String,
    changes: &'a [String],
}

#[derive(Serialize)]
struct ItemData {
    /// "1", for the table of contents.
    number: String,
    title: String,
    closed: bool,
    kind_line: Option<String>,
    proposal: Option<ProposalData>,
    sections: Vec<SectionData>,
    body: Vec<String>,
    attachments: Vec<String>,
}

#[derive(Serialize)]
struct ProposalData {
    opening: String,
    /// Each clause's runs of text, its Markdown read.
    clauses: Vec<Vec<Span>>,
    submitted_by: Option<String>,
    motivation: Vec<TextBlock>,
}

#[derive(Serialize)]
struct SectionData {
    heading: String,
    paragraphs: Vec<String>,
}

/// "Medlemsforslag", "Indstilling fra Økonomiforvaltningen"; none for the approval of the
/// agenda, whose title says it all.
fn kind_line(lang: Lang, item: &SnapshotItem) -> Option<String> {
    if item.kind == AgendaItemKind::ApprovalOfAgenda {
        return None;
    }
    let label = item.kind.label(lang);
    Some(match &item.source {
        Some(source) => t_with(
            lang,
            "doc-kind-from",
            &[("kind", label.into()), ("source", source.clone().into())],
        ),
        None => label,
    })
}

fn item_data(lang: Lang, item: &SnapshotItem, audience: Audience) -> ItemData {
    let item = match audience {
        Audience::Public => item.public_view(),
        Audience::Members => item.clone(),
    };
    // The public sees a closed item's title and "Lukket punkt", nothing more.
    let withheld = !item.public && audience == Audience::Public;
    ItemData {
        number: item.number.clone(),
        title: item.display_title(),
        closed: !item.public,
        kind_line: if withheld {
            None
        } else {
            kind_line(lang, &item)
        },
        proposal: item.proposal.as_ref().map(|p| ProposalData {
            opening: p.opening.clone(),
            clauses: p.clauses.iter().map(|c| inline_spans(c)).collect(),
            submitted_by: p.submitted_by.clone(),
            motivation: markdown_blocks(&p.motivation),
        }),
        sections: item
            .sections
            .iter()
            .filter(|s| !s.text.trim().is_empty())
            .map(|s| SectionData {
                heading: s.heading.clone(),
                paragraphs: paragraphs(&s.text),
            })
            .collect(),
        body: item.body.as_deref().map(paragraphs).unwrap_or_default(),
        attachments: item
            .attachments
            .iter()
            .map(|a| a.filename.clone())
            .collect(),
    }
}

/// The agenda PDF of a released version: page 1 the title, the meeting and the table of
/// contents (and, for a supplementary agenda, what changed), then each item from a new page.
pub fn agenda_pdf(
    lang: Lang,
    municipality: &str,
    snapshot: &AgendaSnapshot,
    version: u32,
    changes: &[String],
    audience: Audience,
) -> Result<Vec<u8>, RenderError> {
    let meeting = &snapshot.meeting;
    let data = AgendaData {
        document_title: t_with(
            lang,
            "doc-agenda-title",
            &[
                ("organization", meeting.organization_name.clone().into()),
                ("date", date(lang, meeting.starts_at).into()),
            ],
        ),
        author: format!("{municipality}, {}", meeting.organization_name),
        title: t(lang, "doc-agenda-heading"),
        subtitle: t_with(
            lang,
            "doc-agenda-subtitle",
            &[
                ("date", date(lang, meeting.starts_at).into()),
                ("time", clock(meeting.starts_at).into()),
                ("location", meeting.location.clone().into()),
            ],
        ),
        supplement: (version > 1).then(|| Supplement {
            heading: t_with(
                lang,
                "doc-supplement-heading",
                &[("version", i64::from(version).into())],
            ),
            changes,
        }),
        items: snapshot
            .items
            .iter()
            .map(|item| item_data(lang, item, audience))
            .collect(),
    };
    render(agenda_engine(), lang, &data)
}

/// The fixed words of the documents, in the document's language, and the language itself
/// (Typst's `text(lang:)`: hyphenation, quotes, and the PDF's declared language).
#[derive(Serialize)]
struct Words {
    lang: &'static str,
    region: &'static str,
    closed_item: String,
    motivation: String,
    attachments: String,
    /// "Side {n} af {m}": the template puts the numbers in.
    page_of: String,
    draft: String,
    minutes: String,
    present: String,
    absent: String,
    decision: String,
    approved: String,
    the_decision: String,
    /// "Svar fra {lead}"
    answer_from: String,
    /// "Vedhæftet: {files}"
    attached: String,
    /// "{lead} har endnu ikke svaret."
    not_answered: String,
    contributions: String,
    no_contribution: String,
}

impl Words {
    fn new(lang: Lang) -> Self {
        let w = |key: &str| t(lang, key);
        Words {
            lang: lang.as_str(),
            region: match lang {
                Lang::Da => "dk",
                Lang::En => "gb",
            },
            closed_item: w("doc-closed-item"),
            motivation: w("doc-motivation"),
            attachments: w("doc-attachments"),
            page_of: w("doc-page-of"),
            draft: w("doc-draft"),
            minutes: w("doc-minutes-heading"),
            present: w("doc-present"),
            absent: w("doc-absent"),
            decision: w("doc-decision"),
            approved: w("doc-approved"),
            the_decision: w("doc-the-decision"),
            answer_from: w("doc-answer-from"),
            attached: w("doc-attached"),
            not_answered: w("doc-not-answered"),
            contributions: w("doc-contributions"),
            no_contribution: w("doc-no-contribution"),
        }
    }
}

/// A document's data with the words around it.
#[derive(Serialize)]
struct WithWords<'a, T> {
    #[serde(flatten)]
    data: &'a T,
    words: Words,
}

fn render<T: Serialize>(
    engine: &TypstEngine<TypstTemplateMainFile>,
    lang: Lang,
    data: &T,
) -> Result<Vec<u8>, RenderError> {
    let data = WithWords {
        data,
        words: Words::new(lang),
    };
    let json = serde_json::to_string(&data).map_err(|e| RenderError(e.to_string()))?;
    let mut inputs = Dict::new();
    inputs.insert("data".into(), json.into_value());
    let document: PagedDocument = engine
        .compile_with_input(inputs)
        .output
        .map_err(|e| RenderError(format!("{e:?}")))?;
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
        .map_err(|e| RenderError(format!("{e:?}")))
}

/// Files larger than this are found by their name only: reading a PDF's text takes time.
pub const MAX_TEXT_EXTRACT_BYTES: usize = 50 * 1024 * 1024;
/// Characters of a file's text kept for search.
pub const MAX_FILE_TEXT_CHARS: usize = 400_000;

/// The text of an attached file, for search: a PDF's text layer, a text file's text. `None` for
/// other kinds and for a file whose text cannot be read (it is still found by its name).
pub fn file_text(content_type: &str, content: &[u8]) -> Option<String> {
    let text = if content_type == "application/pdf" {
        if content.len() > MAX_TEXT_EXTRACT_BYTES {
            return None;
        }
        // The PDF parser panics on some malformed files; a file that cannot be read is no
        // reason to refuse it.
        std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(content))
            .ok()?
            .ok()?
    } else if content_type.starts_with("text/") {
        String::from_utf8_lossy(content).into_owned()
    } else {
        return None;
    };
    let text: String = text.chars().take(MAX_FILE_TEXT_CHARS).collect();
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proposals_markdown_reaches_the_agenda_pdf_as_styled_text_never_as_markers() {
        let item: SnapshotItem = serde_json::from_value(serde_json::json!({
            "id": 1, "number": "1", "title": "Medlemsforslag om cykler", "kind": "member_proposal",
            "public": true, "case_references": [], "body": null,
            "proposal": {
                "id": 7, "opening": "Det foreslås,",
                "clauses": ["at **alle** forvaltninger svarer,", "at *Økonomiudvalget* orienteres."],
                "submitted_by": "Stillet af Enhedslisten",
                "motivation": "Et **vigtigt** forslag.\n\n- første\n- anden"
            }
        }))
        .unwrap();
        let data = item_data(Lang::Da, &item, Audience::Public);
        let proposal = data.proposal.unwrap();
        let text = |spans: &[Span]| spans.iter().map(|s| s.text.as_str()).collect::<String>();
        assert_eq!(text(&proposal.clauses[0]), "at alle forvaltninger svarer,");
        assert!(
            proposal.clauses[0]
                .iter()
                .any(|s| s.strong && s.text == "alle")
        );
        assert!(
            proposal.clauses[1]
                .iter()
                .any(|s| s.emph && s.text == "Økonomiudvalget")
        );
        let kinds: Vec<&str> = proposal.motivation.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, ["p", "item", "item"]);
        let all = serde_json::to_string(&proposal.motivation).unwrap();
        assert!(!all.contains("**") && !all.contains("- første"), "{all}");
    }

    fn plain(blocks: &[TextBlock]) -> Vec<(&str, Option<&str>, String)> {
        blocks
            .iter()
            .map(|b| {
                (
                    b.kind,
                    b.marker.as_deref(),
                    b.spans.iter().map(|s| s.text.as_str()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn plain_paragraphs_come_out_as_written() {
        let blocks = markdown_blocks("Første afsnit\nfortsat.\n\nAndet afsnit.");
        assert_eq!(
            plain(&blocks),
            vec![
                ("p", None, "Første afsnit fortsat.".to_owned()),
                ("p", None, "Andet afsnit.".to_owned())
            ]
        );
        assert!(blocks[0].spans.iter().all(|s| !s.strong && !s.emph));
    }

    #[test]
    fn markdown_keeps_emphasis_lists_and_link_addresses_but_no_markup() {
        let blocks = markdown_blocks(
            "Vi **beder** om *svar*.\n\n1. første\n2. anden\n\n- punkt\n\n> citat\n\n\
             Se [vejledningen](https://www.kk.dk/v) og <script>x</script>.",
        );
        let text = plain(&blocks);
        assert_eq!(text[0].2, "Vi beder om svar.");
        assert!(
            blocks[0]
                .spans
                .iter()
                .any(|s| s.strong && s.text == "beder")
        );
        assert!(blocks[0].spans.iter().any(|s| s.emph && s.text == "svar"));
        assert_eq!(text[1], ("item", Some("1."), "første".to_owned()));
        assert_eq!(text[2], ("item", Some("2."), "anden".to_owned()));
        assert_eq!(text[3], ("item", Some("•"), "punkt".to_owned()));
        assert_eq!(text[4], ("quote", None, "citat".to_owned()));
        assert!(
            text[5].2.contains("vejledningen (https://www.kk.dk/v)"),
            "{:?}",
            text[5]
        );
        assert!(text[5].2.contains("<script>"), "raw HTML stays text");
    }
}
