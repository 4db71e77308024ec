//! Atom feeds (RFC 4287), written by hand: a feed is a few elements, and every text goes through
//! one escape.

use chrono::{DateTime, SecondsFormat, Utc};

#[derive(Debug, Clone)]
pub struct Feed {
    /// A permanent IRI, e.g. `tag:kk.example.org,2026:organization-1`.
    pub id: String,
    pub title: String,
    /// The feed's own address (`rel="self"`).
    pub self_url: String,
    /// The page the feed is about (`rel="alternate"`).
    pub page_url: String,
    pub updated: DateTime<Utc>,
    pub entries: Vec<Entry>,
    /// The language of the feed's own words (`xml:lang`).
    pub lang: super::language::Lang,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub title: String,
    pub url: String,
    pub updated: DateTime<Utc>,
    /// Plain text, one paragraph per line.
    pub summary: String,
}

/// Text for XML content and attribute values; characters XML 1.0 forbids are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl Feed {
    pub fn to_xml(&self) -> String {
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        out.push_str(&format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
            self.lang.as_str()
        ));
        out.push_str(&format!("  <id>{}</id>\n", escape(&self.id)));
        out.push_str(&format!("  <title>{}</title>\n", escape(&self.title)));
        out.push_str(&format!("  <updated>{}</updated>\n", time(self.updated)));
        out.push_str(&format!(
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
            escape(&self.self_url)
        ));
        out.push_str(&format!(
            "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(&self.page_url)
        ));
        out.push_str("  <author><name>Agendum</name></author>\n");
        for entry in &self.entries {
            out.push_str("  <entry>\n");
            out.push_str(&format!("    <id>{}</id>\n", escape(&entry.id)));
            out.push_str(&format!("    <title>{}</title>\n", escape(&entry.title)));
            out.push_str(&format!("    <updated>{}</updated>\n", time(entry.updated)));
            out.push_str(&format!(
                "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
                escape(&entry.url)
            ));
            out.push_str(&format!(
                "    <summary type=\"text\">{}</summary>\n",
                escape(&entry.summary)
            ));
            out.push_str("  </entry>\n");
        }
        out.push_str("</feed>\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_forbidden_characters_dropped() {
        assert_eq!(
            escape("Æ & <b>\"x\" 'y'\u{1}"),
            "Æ &amp; &lt;b&gt;&quot;x&quot; &apos;y&apos;"
        );
    }

    #[test]
    fn a_feed_has_its_elements_in_order() {
        let at: DateTime<Utc> = "2025-04-24T10:00:00Z".parse().unwrap();
        let feed = Feed {
            id: "tag:example.org,2026:organization-1".into(),
            title: "Borgerrepræsentationen".into(),
            self_url: "http://x/organizations/1/feed.atom".into(),
            page_url: "http://x/".into(),
            updated: at,
            entries: vec![Entry {
                id: "tag:example.org,2026:meeting-1-agenda-1".into(),
                title: "Dagsorden <udsendt>".into(),
                url: "http://x/meetings/1?version=1&a=b".into(),
                updated: at,
                summary: "1. Punkt".into(),
            }],
            lang: crate::domain::language::Lang::En,
        }
        .to_xml();
        assert!(feed.contains("xml:lang=\"en\""));
        assert!(feed.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns="));
        assert!(feed.contains("<updated>2025-04-24T10:00:00Z</updated>"));
        assert!(feed.contains("<title>Dagsorden &lt;udsendt&gt;</title>"));
        assert!(feed.contains("href=\"http://x/meetings/1?version=1&amp;a=b\""));
        assert!(feed.ends_with("</feed>\n"));
    }
}
