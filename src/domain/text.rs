//! Small text helpers shared by pages, documents and mail.

/// Splits stored text into paragraphs at blank lines; lines inside a paragraph are joined with
/// a space, so text wrapped by its author reads as one paragraph.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                out.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    out
}

/// "A", "A og B", "A, B og C": a Danish enumeration.
pub fn danish_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} og {}", init.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_paragraphs_and_joins_wrapped_lines() {
        let text = "First line\nwrapped here.\n\n\n  Second.  \n\nThird\r\nparagraph";
        assert_eq!(
            paragraphs(text),
            vec!["First line wrapped here.", "Second.", "Third paragraph"]
        );
        assert!(paragraphs("  \n \n").is_empty());
    }

    #[test]
    fn danish_enumeration() {
        assert_eq!(danish_list::<&str>(&[]), "");
        assert_eq!(danish_list(&["A"]), "A");
        assert_eq!(danish_list(&["A", "B"]), "A og B");
        assert_eq!(danish_list(&["A", "B", "F", "Ø"]), "A, B, F og Ø");
    }
}
