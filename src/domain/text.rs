//! Small text helpers shared by pages, documents and mail.

use super::language::Lang;

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

/// Text as it may be stored, whatever arrived: control characters removed (a bell, a NUL, an
/// escape, C1 controls), line breaks kept as `\n` (`\r\n` and a lone `\r` become `\n`) and
/// tabs kept. Every text input passes through here (forms, multipart fields, JSON strings), so
/// no page, PDF, feed, mail header or database sees a control character. Borrowed when clean.
pub fn clean_input(input: &str) -> std::borrow::Cow<'_, str> {
    let keep = |c: char| !c.is_control() || c == '\n' || c == '\t';
    if input.chars().all(keep) {
        return std::borrow::Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() != Some(&'\n') {
                out.push('\n');
            }
        } else if keep(c) {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The word before a list's last item, as people write it in either language ("A, B og C").
pub const LIST_AND: [&str; 2] = [" og ", " and "];

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

/// A file size for people: "812 byte", "34 kB", "2,5 MB" (English: "812 bytes", "2.5 MB").
pub fn file_size(lang: Lang, bytes: i64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes.max(0) as f64;
    if b < KB {
        match lang {
            Lang::Da => format!("{bytes} byte"),
            Lang::En => format!("{bytes} bytes"),
        }
    } else if b < KB * KB {
        format!("{:.0} kB", b / KB)
    } else {
        let text = format!("{:.1} MB", b / (KB * KB));
        match lang {
            Lang::Da => text.replace('.', ","),
            Lang::En => text,
        }
    }
}

/// "A", "A and B", "A, B and C" in `lang` (no comma before the last, in either language).
pub fn list<S: AsRef<str>>(lang: Lang, items: &[S]) -> String {
    match lang {
        Lang::Da => danish_list(items),
        Lang::En => match items {
            [] => String::new(),
            [one] => one.as_ref().to_owned(),
            [init @ .., last] => {
                let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
                format!("{} and {}", init.join(", "), last.as_ref())
            }
        },
    }
}

/// What a part of a comparison is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffKind {
    Same,
    Removed,
    Added,
}

/// The longest texts compared word by word; longer ones are compared paragraph by paragraph's
/// worth of cost anyway by falling back to "all removed, all added" beyond this many words.
const DIFF_MAX_WORDS: usize = 6_000;

/// Two texts compared word by word (longest common subsequence), as runs of the same kind.
/// Whitespace between words is kept with the word before it, so the parts read as text.
pub fn word_diff(old: &str, new: &str) -> Vec<(DiffKind, String)> {
    let split = |t: &str| -> Vec<String> {
        let mut words = Vec::new();
        let mut current = String::new();
        for c in t.chars() {
            if c.is_whitespace() {
                current.push(c);
            } else {
                if current.chars().last().is_some_and(char::is_whitespace) {
                    words.push(std::mem::take(&mut current));
                }
                current.push(c);
            }
        }
        if !current.is_empty() {
            words.push(current);
        }
        words
    };
    let (a, b) = (split(old), split(new));
    let mut out: Vec<(DiffKind, String)> = Vec::new();
    let mut push = |kind: DiffKind, word: &str| match out.last_mut() {
        Some((k, text)) if *k == kind => text.push_str(word),
        _ => out.push((kind, word.to_owned())),
    };
    if a.len() > DIFF_MAX_WORDS || b.len() > DIFF_MAX_WORDS {
        push(DiffKind::Removed, old);
        push(DiffKind::Added, new);
        return out;
    }
    let key = |w: &String| w.trim_end().to_owned();
    let (n, m) = (a.len(), b.len());
    // lcs[i][j]: the common length of a[i..] and b[j..].
    let mut lcs = vec![0u32; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * (m + 1) + j] = if key(&a[i]) == key(&b[j]) {
                lcs[(i + 1) * (m + 1) + j + 1] + 1
            } else {
                lcs[(i + 1) * (m + 1) + j].max(lcs[i * (m + 1) + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if key(&a[i]) == key(&b[j]) {
            push(DiffKind::Same, &b[j]);
            i += 1;
            j += 1;
        } else if lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1] {
            push(DiffKind::Removed, &a[i]);
            i += 1;
        } else {
            push(DiffKind::Added, &b[j]);
            j += 1;
        }
    }
    for word in &a[i..] {
        push(DiffKind::Removed, word);
    }
    for word in &b[j..] {
        push(DiffKind::Added, word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_loses_control_characters_and_keeps_lines() {
        assert_eq!(clean_input("Titel\x07 med\u{0} klokke"), "Titel med klokke");
        assert_eq!(clean_input("a\r\nb\rc\nd\te"), "a\nb\nc\nd\te");
        assert_eq!(clean_input("\u{1b}[31mrød\u{7f}\u{85}"), "[31mrød");
        assert!(matches!(
            clean_input("Ren tekst, æøå – «»"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    proptest::proptest! {
        #[test]
        fn cleaned_input_has_no_control_characters(input in "\\PC*|[\\x00-\\x20a\\u{80}-\\u{a0}]*") {
            let cleaned = clean_input(&input);
            proptest::prop_assert!(cleaned.chars().all(|c| !c.is_control() || c == '\n' || c == '\t'));
            // Cleaning twice changes nothing more.
            proptest::prop_assert_eq!(clean_input(&cleaned), cleaned.clone());
            // Only control characters go; everything else stays in order.
            let kept: String = input.chars().filter(|c| !c.is_control()).collect();
            let cleaned_visible: String = cleaned.chars().filter(|c| !c.is_control()).collect();
            proptest::prop_assert_eq!(kept, cleaned_visible);
        }
    }

    #[test]
    fn file_sizes_and_lists_in_each_language() {
        assert_eq!(file_size(Lang::Da, 812), "812 byte");
        assert_eq!(file_size(Lang::Da, 34 * 1024), "34 kB");
        assert_eq!(file_size(Lang::Da, 5 * 1024 * 1024 / 2), "2,5 MB");
        assert_eq!(file_size(Lang::En, 5 * 1024 * 1024 / 2), "2.5 MB");
        assert_eq!(list(Lang::En, &["A", "B", "C"]), "A, B and C");
    }

    #[test]
    fn word_diff_finds_the_changed_words() {
        let diff = word_diff("at alle profiler lukkes,", "at alle profiler på X lukkes.");
        assert_eq!(
            diff,
            vec![
                (DiffKind::Same, "at alle profiler ".to_owned()),
                (DiffKind::Removed, "lukkes,".to_owned()),
                (DiffKind::Added, "på X lukkes.".to_owned()),
            ]
        );
        assert_eq!(word_diff("", ""), vec![]);
        assert_eq!(word_diff("a", "a"), vec![(DiffKind::Same, "a".to_owned())]);
        assert_eq!(
            word_diff("", "ny"),
            vec![(DiffKind::Added, "ny".to_owned())]
        );
    }

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
