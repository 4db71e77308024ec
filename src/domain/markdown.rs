//! Markdown from users (a motivation, a clause, a comment, a letter's body), rendered the same
//! way for every reader, one function per target: safe HTML for pages and the HTML part of
//! mails, blocks of styled text for the Typst documents (never Typst markup), plain text for the
//! text part of mails. Raw HTML in the text is shown as text, links go only to http(s) and
//! mailto addresses, images are not embedded (their text is kept). What comes out has no script,
//! no event handler and no style a user could inject.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd, html};
use serde::Serialize;

fn safe_destination(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || lower.starts_with('/')
        || lower.starts_with('#')
}

/// Renders Markdown to HTML that is safe to put in a page as it is.
pub fn to_safe_html(markdown: &str) -> String {
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    let mut in_image = 0usize;
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
        // Raw HTML is not markup here: it is shown as the text it is.
        Event::Html(text) | Event::InlineHtml(text) => Some(Event::Text(text)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = if safe_destination(&dest_url) || link_type == LinkType::Email {
                dest_url
            } else {
                "#".into()
            };
            Some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::Start(Tag::Image { .. }) => {
            in_image += 1;
            None
        }
        Event::End(TagEnd::Image) => {
            in_image = in_image.saturating_sub(1);
            None
        }
        Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => None,
        other => Some(other),
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// One line of text (a clause) as safe HTML without a block around it: emphasis and links
/// kept, paragraphs joined by a line break.
pub fn to_safe_inline_html(markdown: &str) -> String {
    let html = to_safe_html(markdown);
    let trimmed = html.trim_end();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|rest| rest.strip_suffix("</p>"))
    {
        // One paragraph: its content. Several, or a list: kept as blocks.
        Some(inner) if !inner.contains("<p>") => inner.to_owned(),
        _ => html,
    }
}

/// One line of text (a clause) as runs of styled text for a document: its blocks joined by a
/// space.
pub fn inline_spans(markdown: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for block in blocks(markdown) {
        if !out.is_empty() {
            out.push(Span {
                text: " ".to_owned(),
                strong: false,
                emph: false,
            });
        }
        if let Some(marker) = block.marker {
            out.push(Span {
                text: format!("{marker} "),
                strong: false,
                emph: false,
            });
        }
        out.extend(block.spans);
    }
    out
}

/// Markdown as plain text, for the text part of a mail: emphasis markers gone, list items on
/// their own lines with "-" or their number, a link's address after its text, paragraphs
/// separated by a blank line.
pub fn to_plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut previous: Option<TextBlock> = None;
    for block in blocks(markdown) {
        if let Some(before) = &previous {
            // Items of one list follow each other; every other block stands apart.
            let bullet = |b: &TextBlock| b.marker.as_deref() == Some("•");
            let same_list =
                before.kind == "item" && block.kind == "item" && bullet(before) == bullet(&block);
            out.push_str(if same_list { "\n" } else { "\n\n" });
        }
        if let Some(marker) = &block.marker {
            out.push_str(if marker == "•" { "-" } else { marker });
            out.push(' ');
        }
        for span in &block.spans {
            out.push_str(&span.text);
        }
        previous = Some(block);
    }
    out
}

/// A block of text for a document (a letter's body, a motivation): a paragraph, a heading, a list item (with its marker) or a quote.
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

/// Reads Markdown into blocks the document templates lay out: paragraphs, headings, list items
/// and quotes, with bold and italic kept. Raw HTML is text; a link keeps its address after its
/// text, since paper cannot be clicked. Blank-line paragraphs of plain text come out as they
/// were written.
pub fn blocks(markdown: &str) -> Vec<TextBlock> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_html() {
        assert_eq!(
            to_safe_html("Et *vigtigt* forslag.\n\n- æble\n- ø"),
            "<p>Et <em>vigtigt</em> forslag.</p>\n<ul>\n<li>æble</li>\n<li>ø</li>\n</ul>\n"
        );
        assert_eq!(
            to_safe_html("[KL](https://www.kl.dk)"),
            "<p><a href=\"https://www.kl.dk\">KL</a></p>\n"
        );
    }

    #[test]
    fn a_clause_renders_inline_and_plain_text_has_no_markers() {
        assert_eq!(
            to_safe_inline_html("at **alle** forvaltninger *svarer*"),
            "at <strong>alle</strong> forvaltninger <em>svarer</em>"
        );
        assert_eq!(
            to_plain_text("Et **vigtigt** forslag.\n\n- æble\n- ø\n\n1. én\n2. to\n\nSlut."),
            "Et vigtigt forslag.\n\n- æble\n- ø\n\n1. én\n2. to\n\nSlut."
        );
        assert_eq!(
            to_plain_text("[KL](https://www.kl.dk)"),
            "KL (https://www.kl.dk)"
        );
    }

    #[test]
    fn script_and_dangerous_links_are_defused() {
        for (input, forbidden) in [
            ("<script>alert(1)</script>", "<script"),
            ("<img src=x onerror=alert(1)>", "<img"),
            ("a <b onclick=alert(1)>b</b>", "<b "),
            ("[x](javascript:alert(1))", "javascript:"),
            ("[x](JaVaScRiPt:alert(1))", "JaVaScRiPt:"),
            ("![x](https://evil.example/t.png)", "<img"),
            ("<div style=\"position:fixed\">x</div>", "<div"),
            ("[x](data:text/html;base64,PHNjcmlwdD4=)", "data:"),
        ] {
            let html = to_safe_html(input);
            assert!(!html.contains(forbidden), "{input} → {html}");
        }
        assert!(to_safe_html("<script>alert(1)</script>").contains("&lt;script&gt;"));
    }
}
