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
use crate::domain::text::paragraphs;
use crate::domain::time::{date_da, time_da};

const AGENDA_TEMPLATE: &str = include_str!("../templates/pdf/agenda.typ");
const OVERVIEW_TEMPLATE: &str = include_str!("../templates/pdf/overview.typ");
const MINUTES_TEMPLATE: &str = include_str!("../templates/pdf/minutes.typ");
const LETTER_TEMPLATE: &str = include_str!("../templates/pdf/letter.typ");

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
}

impl LetterView {
    pub fn new(
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
            date_line: format!("Dato: {}", crate::domain::time::long_date_da(date)),
            recipient_lines,
            heading: text.heading.clone(),
            salutation: text.salutation.clone(),
            blocks: markdown_blocks(&text.body),
            closing: text.closing.clone(),
            signatories: text.signatories.clone(),
            logo: None,
        }
    }

    pub fn with_logo(mut self, logo: Option<Vec<u8>>) -> Self {
        self.logo = logo;
        self
    }
}

/// A block of a letter's body: a paragraph, a heading, a list item (with its marker) or a quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextBlock {
    pub kind: &'static str,
    pub marker: Option<String>,
    pub spans: Vec<Span>,
}

/// A run of text with its emphasis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub text: String,
    pub strong: bool,
    pub emph: bool,
}

/// Reads Markdown into blocks the letter template lays out: paragraphs, headings, list items
/// and quotes, with bold and italic kept. Raw HTML is text; a link keeps its address after its
/// text, since paper cannot be clicked. Blank-line paragraphs of plain text come out as they
/// were written.
pub fn markdown_blocks(markdown: &str) -> Vec<TextBlock> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut blocks = Vec::new();
    let mut current: Option<TextBlock> = None;
    let (mut strong, mut emph, mut quote) = (0usize, 0usize, 0usize);
    // Each open list: the next number of an ordered one, or None for bullets.
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut link: Vec<String> = Vec::new();
    let push_text = |current: &mut Option<TextBlock>, text: &str, strong: bool, emph: bool| {
        let block = current.get_or_insert_with(|| TextBlock {
            kind: "p",
            marker: None,
            spans: Vec::new(),
        });
        match block.spans.last_mut() {
            Some(last) if last.strong == strong && last.emph == emph => last.text.push_str(text),
            _ => block.spans.push(Span {
                text: text.to_owned(),
                strong,
                emph,
            }),
        }
    };
    let finish = |current: &mut Option<TextBlock>, blocks: &mut Vec<TextBlock>| {
        if let Some(mut block) = current.take() {
            if let Some(last) = block.spans.last_mut() {
                last.text = last.text.trim_end().to_owned();
            }
            block.spans.retain(|s| !s.text.is_empty());
            if !block.spans.is_empty() {
                blocks.push(block);
            }
        }
    };
    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Paragraph) | Event::Start(Tag::Heading { .. }) => {
                // A loose list item's first paragraph is the item itself.
                let fresh_item = current
                    .as_ref()
                    .is_some_and(|b| b.kind == "item" && b.spans.is_empty());
                if !fresh_item {
                    finish(&mut current, &mut blocks);
                    let kind = match (&event, quote > 0) {
                        (Event::Start(Tag::Heading { .. }), _) => "heading",
                        (_, true) => "quote",
                        _ => "p",
                    };
                    current = Some(TextBlock {
                        kind,
                        marker: None,
                        spans: Vec::new(),
                    });
                }
            }
            Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Heading(_)) => {
                finish(&mut current, &mut blocks);
            }
            Event::Start(Tag::BlockQuote(_)) => quote += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote = quote.saturating_sub(1),
            Event::Start(Tag::List(first)) => {
                finish(&mut current, &mut blocks);
                lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                finish(&mut current, &mut blocks);
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                finish(&mut current, &mut blocks);
                let marker = match lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}.");
                        *n += 1;
                        m
                    }
                    _ => "•".to_owned(),
                };
                current = Some(TextBlock {
                    kind: "item",
                    marker: Some(marker),
                    spans: Vec::new(),
                });
            }
            Event::End(TagEnd::Item) => finish(&mut current, &mut blocks),
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            Event::Start(Tag::Emphasis) => emph += 1,
            Event::End(TagEnd::Emphasis) => emph = emph.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => link.push(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = link.pop() {
                    let url = url.trim_start_matches("mailto:");
                    let shown = current
                        .as_ref()
                        .and_then(|b| b.spans.last())
                        .is_some_and(|s| s.text.ends_with(url));
                    if !shown {
                        push_text(&mut current, &format!(" ({url})"), strong > 0, emph > 0);
                    }
                }
            }
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                push_text(&mut current, &text, strong > 0, emph > 0);
            }
            Event::SoftBreak => push_text(&mut current, " ", strong > 0, emph > 0),
            Event::HardBreak => push_text(&mut current, "\n", strong > 0, emph > 0),
            _ => {}
        }
    }
    finish(&mut current, &mut blocks);
    blocks
}

/// The letter as a PDF.
pub fn letter_pdf(view: &LetterView) -> Result<Vec<u8>, RenderError> {
    render(letter_engine(), view)
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
            out.push_str(&format!(", stedfortræder for {for_}"));
        }
        out
    };
    MinutesView {
        document_title: format!(
            "Beslutningsprotokol for {} {}",
            content.organization_name,
            date_da(content.starts_at)
        ),
        organization: content.organization_name.clone(),
        author: content.organization_name.clone(),
        subtitle: format!(
            "{}, mødet den {}, kl. {} i {}",
            content.organization_name,
            date_da(content.starts_at),
            time_da(content.starts_at),
            content.location
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
                    (None, Some(outcome)) => format!("{}.", outcome.label_da()),
                    (None, None) => "Ingen beslutning.".to_owned(),
                },
                statements: i
                    .statements
                    .iter()
                    .map(|s| format!("{} fra {}: {}", s.kind.label_da(), s.by, s.text))
                    .collect(),
            })
            .collect(),
        approvals,
    }
}

/// The minutes as a PDF.
pub fn minutes_pdf(view: &MinutesView) -> Result<Vec<u8>, RenderError> {
    render(minutes_engine(), view)
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
pub fn overview_pdf(overview: &Overview) -> Result<Vec<u8>, RenderError> {
    render(overview_engine(), overview)
}

#[derive(Serialize)]
struct AgendaData<'a> {
    document_title: String,
    /// The PDF's author: the municipality and the body ("Københavns Kommune,
    /// Borgerrepræsentationen").
    author: String,
    title: &'static str,
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
    clauses: Vec<String>,
    submitted_by: Option<String>,
    motivation: Vec<String>,
}

#[derive(Serialize)]
struct SectionData {
    heading: String,
    paragraphs: Vec<String>,
}

/// "Medlemsforslag", "Indstilling fra Økonomiforvaltningen"; none for the approval of the
/// agenda, whose title says it all.
fn kind_line(item: &SnapshotItem) -> Option<String> {
    if item.kind == AgendaItemKind::ApprovalOfAgenda {
        return None;
    }
    let label = item.kind.label_da();
    Some(match &item.source {
        Some(source) => format!("{label} fra {source}"),
        None => label.to_owned(),
    })
}

fn item_data(item: &SnapshotItem, audience: Audience) -> ItemData {
    let item = match audience {
        Audience::Public => item.public_view(),
        Audience::Members => item.clone(),
    };
    // The public sees a closed item's title and "Lukket punkt", nothing more.
    let withheld = !item.public && audience == Audience::Public;
    ItemData {
        title: item.display_title(),
        closed: !item.public,
        kind_line: if withheld { None } else { kind_line(&item) },
        proposal: item.proposal.as_ref().map(|p| ProposalData {
            opening: p.opening.clone(),
            clauses: p.clauses.clone(),
            submitted_by: p.submitted_by.clone(),
            motivation: paragraphs(&p.motivation),
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
    municipality: &str,
    snapshot: &AgendaSnapshot,
    version: u32,
    changes: &[String],
    audience: Audience,
) -> Result<Vec<u8>, RenderError> {
    let meeting = &snapshot.meeting;
    let data = AgendaData {
        document_title: format!(
            "Dagsorden for {} {}",
            meeting.organization_name,
            date_da(meeting.starts_at)
        ),
        author: format!("{municipality}, {}", meeting.organization_name),
        title: "DAGSORDEN",
        subtitle: format!(
            "for mødet den {}, kl. {} i {}",
            date_da(meeting.starts_at),
            time_da(meeting.starts_at),
            meeting.location
        ),
        supplement: (version > 1).then(|| Supplement {
            heading: format!("Tillægsdagsorden (version {version}). Ændringer:"),
            changes,
        }),
        items: snapshot
            .items
            .iter()
            .map(|item| item_data(item, audience))
            .collect(),
    };
    render(agenda_engine(), &data)
}

fn render<T: Serialize>(
    engine: &TypstEngine<TypstTemplateMainFile>,
    data: &T,
) -> Result<Vec<u8>, RenderError> {
    let json = serde_json::to_string(data).map_err(|e| RenderError(e.to_string()))?;
    let mut inputs = Dict::new();
    inputs.insert("data".into(), json.into_value());
    let document: PagedDocument = engine
        .compile_with_input(inputs)
        .output
        .map_err(|e| RenderError(format!("{e:?}")))?;
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
        .map_err(|e| RenderError(format!("{e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

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
