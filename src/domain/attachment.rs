//! Files attached to agenda items: what kinds are accepted, recognised by their first bytes,
//! so a file is what its name says.

/// Why a file is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AttachmentError {
    #[error("no file")]
    Empty,
    #[error("the file name is missing or invalid")]
    Name,
    #[error("files of type .{0} are not attached")]
    Kind(String),
    #[error("the file {0} is not a {1} file, as its name says")]
    Mismatch(String, &'static str),
    #[error("the file is larger than {0} MB")]
    TooLarge(u64),
}

struct Kind {
    extensions: &'static [&'static str],
    content_type: &'static str,
    label: &'static str,
    check: fn(&[u8]) -> bool,
}

fn starts(prefix: &'static [u8]) -> impl Fn(&[u8]) -> bool {
    move |bytes| bytes.starts_with(prefix)
}

fn pdf(b: &[u8]) -> bool {
    // Some writers put a few bytes before the header; readers look in the first kilobyte.
    b.windows(5).take(1024).any(|w| w == b"%PDF-")
}
fn png(b: &[u8]) -> bool {
    starts(b"\x89PNG\r\n\x1a\n")(b)
}
fn jpeg(b: &[u8]) -> bool {
    starts(b"\xff\xd8\xff")(b)
}
fn gif(b: &[u8]) -> bool {
    starts(b"GIF87a")(b) || starts(b"GIF89a")(b)
}
fn zip(b: &[u8]) -> bool {
    starts(b"PK\x03\x04")(b)
}
fn ole(b: &[u8]) -> bool {
    starts(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")(b)
}
fn text(b: &[u8]) -> bool {
    !b.contains(&0) && std::str::from_utf8(b).is_ok()
}

const KINDS: &[Kind] = &[
    Kind {
        extensions: &["pdf"],
        content_type: "application/pdf",
        label: "PDF",
        check: pdf,
    },
    Kind {
        extensions: &["png"],
        content_type: "image/png",
        label: "PNG",
        check: png,
    },
    Kind {
        extensions: &["jpg", "jpeg"],
        content_type: "image/jpeg",
        label: "JPEG",
        check: jpeg,
    },
    Kind {
        extensions: &["gif"],
        content_type: "image/gif",
        label: "GIF",
        check: gif,
    },
    Kind {
        extensions: &["docx"],
        content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        label: "Word",
        check: zip,
    },
    Kind {
        extensions: &["xlsx"],
        content_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        label: "Excel",
        check: zip,
    },
    Kind {
        extensions: &["pptx"],
        content_type: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        label: "PowerPoint",
        check: zip,
    },
    Kind {
        extensions: &["doc"],
        content_type: "application/msword",
        label: "Word",
        check: ole,
    },
    Kind {
        extensions: &["xls"],
        content_type: "application/vnd.ms-excel",
        label: "Excel",
        check: ole,
    },
    Kind {
        extensions: &["ppt"],
        content_type: "application/vnd.ms-powerpoint",
        label: "PowerPoint",
        check: ole,
    },
    Kind {
        extensions: &["odt"],
        content_type: "application/vnd.oasis.opendocument.text",
        label: "OpenDocument",
        check: zip,
    },
    Kind {
        extensions: &["ods"],
        content_type: "application/vnd.oasis.opendocument.spreadsheet",
        label: "OpenDocument",
        check: zip,
    },
    Kind {
        extensions: &["txt"],
        content_type: "text/plain; charset=utf-8",
        label: "tekst",
        check: text,
    },
    Kind {
        extensions: &["csv"],
        content_type: "text/csv; charset=utf-8",
        label: "CSV",
        check: text,
    },
];

/// A file name as stored and offered for download: the last path part, without control
/// characters or quotes, at most 200 characters.
pub fn clean_filename(name: &str) -> Result<String, AttachmentError> {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | ':' | '*' | '?' | '|'))
        .take(200)
        .collect();
    let clean = clean.trim().trim_start_matches('.').to_owned();
    if clean.is_empty() {
        return Err(AttachmentError::Name);
    }
    Ok(clean)
}

/// The content type of an accepted file, when its bytes are what its name says.
pub fn check(filename: &str, bytes: &[u8]) -> Result<&'static str, AttachmentError> {
    if bytes.is_empty() {
        return Err(AttachmentError::Empty);
    }
    let extension = filename
        .rsplit_once('.')
        .map(|(_, e)| e.to_lowercase())
        .unwrap_or_default();
    let kind = KINDS
        .iter()
        .find(|k| k.extensions.contains(&extension.as_str()))
        .ok_or_else(|| AttachmentError::Kind(extension.clone()))?;
    if (kind.check)(bytes) {
        Ok(kind.content_type)
    } else {
        Err(AttachmentError::Mismatch(filename.to_owned(), kind.label))
    }
}

impl From<&AttachmentError> for crate::i18n::Msg {
    fn from(err: &AttachmentError) -> Self {
        use crate::i18n::Msg;
        match err {
            AttachmentError::Empty => Msg::key("attachment-empty"),
            AttachmentError::Name => Msg::key("attachment-name"),
            AttachmentError::Kind(ext) => Msg::key("attachment-kind").arg("ext", ext),
            AttachmentError::Mismatch(name, kind) => Msg::key("attachment-mismatch")
                .arg("name", name)
                .arg("kind", kind),
            AttachmentError::TooLarge(mb) => Msg::key("attachment-too-large").arg("mb", mb),
        }
    }
}

impl From<AttachmentError> for crate::i18n::Msg {
    fn from(err: AttachmentError) -> Self {
        (&err).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_what_their_names_say() {
        assert_eq!(check("bilag.pdf", b"%PDF-1.7\n..."), Ok("application/pdf"));
        assert_eq!(check("BILAG.PDF", b"%PDF-1.4"), Ok("application/pdf"));
        assert_eq!(
            check("bilag.pdf", b"MZ\x90\x00 not a pdf"),
            Err(AttachmentError::Mismatch("bilag.pdf".into(), "PDF"))
        );
        assert_eq!(check("kort.png", b"\x89PNG\r\n\x1a\n...."), Ok("image/png"));
        assert!(check("kort.png", b"GIF89a").is_err());
        assert!(check("notat.docx", b"PK\x03\x04rest").is_ok());
        assert!(check("notat.docx", b"%PDF-").is_err());
        assert!(check("gammel.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1...").is_ok());
        assert!(check("data.csv", "a;b\nø;å\n".as_bytes()).is_ok());
        assert!(check("data.csv", b"a\x00b").is_err());
        assert_eq!(
            check("virus.exe", b"MZ"),
            Err(AttachmentError::Kind("exe".into()))
        );
        assert_eq!(
            check("uden-endelse", b"x"),
            Err(AttachmentError::Kind(String::new()))
        );
        assert_eq!(check("tom.pdf", b""), Err(AttachmentError::Empty));
    }

    #[test]
    fn file_names_lose_paths_and_unsafe_characters() {
        assert_eq!(
            clean_filename("C:\\Users\\x\\Bilag 1.pdf").unwrap(),
            "Bilag 1.pdf"
        );
        assert_eq!(clean_filename("../../etc/passwd").unwrap(), "passwd");
        assert_eq!(clean_filename("a\"b\r\n.pdf").unwrap(), "ab.pdf");
        assert_eq!(clean_filename("  ").unwrap_err(), AttachmentError::Name);
        assert_eq!(clean_filename(".hidden.pdf").unwrap(), "hidden.pdf");
    }
}
