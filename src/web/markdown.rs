//! Markdown from users (a proposal's motivation) as safe HTML: raw HTML in the text is shown as
//! text, links go only to http(s) and mailto addresses, images are not embedded (their text is
//! kept). What comes out has no script, no event handler and no style a user could inject.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd, html};

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
