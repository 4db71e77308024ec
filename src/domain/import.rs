//! The members file (`agendum import members FILE`, the upload on the settings page): a CSV
//! file of organizations, persons and memberships, one per row, with a header naming the
//! columns. Parsed and checked for shape here; what each row changes is for the service.
//!
//! Columns (any order; only `kind` and `name` are required, the rest may be left out):
//! `kind,name,short_name,email,organization,role,party,start_date,end_date,position`.
//! `kind` is an organization's kind (`council`, `committee`, `party`, `administration`,
//! `external`), `person` or `membership`. Commas or semicolons separate the fields (the
//! header's first separator decides); a UTF-8 byte order mark is ignored.

use super::organization::OrganizationKind;

/// The largest file read.
pub const IMPORT_MAX_BYTES: usize = 2 * 1024 * 1024;
/// The most rows one file may have.
pub const IMPORT_MAX_ROWS: usize = 5_000;

/// Every column the file may have, in the documented order.
pub const COLUMNS: [&str; 10] = [
    "kind",
    "name",
    "short_name",
    "email",
    "organization",
    "role",
    "party",
    "start_date",
    "end_date",
    "position",
];

/// What a row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Organization(OrganizationKind),
    Person,
    Membership,
}

impl RowKind {
    pub fn parse(text: &str) -> Option<RowKind> {
        match text.trim().to_lowercase().as_str() {
            "person" => Some(RowKind::Person),
            "membership" => Some(RowKind::Membership),
            other => other.parse().ok().map(RowKind::Organization),
        }
    }

    /// The catalogue key of the kind's label.
    pub fn label_key(self) -> &'static str {
        match self {
            RowKind::Organization(kind) => kind.label_key(),
            RowKind::Person => "import-kind-person",
            RowKind::Membership => "import-kind-membership",
        }
    }
}

/// One row as written, with its line in the file (the header is line 1).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportRow {
    pub line: usize,
    pub kind: String,
    pub name: String,
    pub short_name: String,
    pub email: String,
    pub organization: String,
    pub role: String,
    pub party: String,
    pub start_date: String,
    pub end_date: String,
    pub position: String,
}

/// Why a file cannot be read at all (a row's own problems are reported with the row).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is larger than {} MB", IMPORT_MAX_BYTES / 1024 / 1024)]
    TooLarge,
    #[error("the file is not UTF-8 text")]
    NotText,
    #[error("unknown column {0}")]
    UnknownColumn(String),
    #[error("missing column {0}")]
    MissingColumn(&'static str),
    #[error("column {0} is there twice")]
    RepeatedColumn(String),
    #[error("more than {IMPORT_MAX_ROWS} rows")]
    TooManyRows,
    #[error("line {0} is not CSV: {1}")]
    Malformed(usize, String),
}

impl From<ImportError> for crate::i18n::Msg {
    fn from(e: ImportError) -> Self {
        use crate::i18n::Msg;
        let columns = COLUMNS.join(",");
        match e {
            ImportError::Empty => Msg::key("import-error-empty").arg("columns", columns),
            ImportError::TooLarge => {
                Msg::key("import-error-too-large").arg("mb", IMPORT_MAX_BYTES / 1024 / 1024)
            }
            ImportError::NotText => Msg::key("import-error-not-text"),
            ImportError::UnknownColumn(c) => Msg::key("import-error-unknown-column")
                .arg("column", c)
                .arg("columns", columns),
            ImportError::MissingColumn(c) => Msg::key("import-error-missing-column")
                .arg("column", c)
                .arg("columns", columns),
            ImportError::RepeatedColumn(c) => {
                Msg::key("import-error-repeated-column").arg("column", c)
            }
            ImportError::TooManyRows => {
                Msg::key("import-error-too-many-rows").arg("rows", IMPORT_MAX_ROWS)
            }
            ImportError::Malformed(line, why) => Msg::key("import-error-malformed")
                .arg("line", line)
                .arg("why", why),
        }
    }
}

/// Reads the file's rows; empty rows are skipped.
pub fn parse_members(bytes: &[u8]) -> Result<Vec<ImportRow>, ImportError> {
    if bytes.len() > IMPORT_MAX_BYTES {
        return Err(ImportError::TooLarge);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    if first.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let delimiter = match (first.find(','), first.find(';')) {
        (Some(c), Some(s)) if s < c => b';',
        (None, Some(_)) => b';',
        _ => b',',
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| ImportError::Malformed(1, e.to_string()))?
        .clone();
    let mut index: [Option<usize>; COLUMNS.len()] = [None; COLUMNS.len()];
    for (at, name) in header.iter().enumerate() {
        let name = name.trim().to_lowercase();
        if name.is_empty() {
            continue;
        }
        let column = COLUMNS
            .iter()
            .position(|c| *c == name)
            .ok_or_else(|| ImportError::UnknownColumn(name.chars().take(40).collect()))?;
        if index[column].replace(at).is_some() {
            return Err(ImportError::RepeatedColumn(name));
        }
    }
    for required in ["kind", "name"] {
        let column = COLUMNS.iter().position(|c| *c == required).unwrap_or(0);
        if index[column].is_none() {
            return Err(ImportError::MissingColumn(COLUMNS[column]));
        }
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            ImportError::Malformed(line, e.to_string())
        })?;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if rows.len() == IMPORT_MAX_ROWS {
            return Err(ImportError::TooManyRows);
        }
        let field = |name: &str| -> String {
            COLUMNS
                .iter()
                .position(|c| *c == name)
                .and_then(|column| index[column])
                .and_then(|at| record.get(at))
                .unwrap_or("")
                .trim()
                .to_owned()
        };
        // The reader does not count the blank lines it skips: the line is counted here.
        let line = record.position().map_or(0, |p| {
            let bytes = text.as_bytes();
            let mut at = usize::try_from(p.byte()).unwrap_or(0).min(bytes.len());
            // A record's position may be at the blank lines skipped before it.
            while at < bytes.len() && matches!(bytes[at], b'\n' | b'\r') {
                at += 1;
            }
            bytes[..at].iter().filter(|b| **b == b'\n').count() + 1
        });
        rows.push(ImportRow {
            line,
            kind: field("kind"),
            name: field("name"),
            short_name: field("short_name"),
            email: field("email"),
            organization: field("organization"),
            role: field("role"),
            party: field("party"),
            start_date: field("start_date"),
            end_date: field("end_date"),
            position: field("position"),
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_read_with_either_separator_and_in_any_column_order() {
        let comma = "kind,name,short_name\nparty,Socialdemokratiet,A\n\n\"committee\",\"Børne- og Ungdomsudvalget, det nye\",BUU\n";
        let rows = parse_members(comma.as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[1].line, 4);
        assert_eq!(rows[1].name, "Børne- og Ungdomsudvalget, det nye");
        let semicolon = "\u{feff}name;kind;email\nAnna Dahl;person;anna@example.org\n";
        let rows = parse_members(semicolon.as_bytes()).unwrap();
        assert_eq!(rows[0].kind, "person");
        assert_eq!(rows[0].email, "anna@example.org");
        assert_eq!(rows[0].party, "");
    }

    #[test]
    fn a_wrong_header_is_named() {
        assert_eq!(
            parse_members(b"kind,navn\nparty,X\n"),
            Err(ImportError::UnknownColumn("navn".into()))
        );
        assert_eq!(
            parse_members(b"kind,email\nperson,a@b.dk\n"),
            Err(ImportError::MissingColumn("name"))
        );
        assert_eq!(
            parse_members(b"kind,name,name\n"),
            Err(ImportError::RepeatedColumn("name".into()))
        );
        assert_eq!(parse_members(b""), Err(ImportError::Empty));
        assert_eq!(parse_members(b"\xff\xfe"), Err(ImportError::NotText));
    }

    #[test]
    fn row_kinds_are_the_organization_kinds_and_two_more() {
        assert_eq!(
            RowKind::parse("Party"),
            Some(RowKind::Organization(OrganizationKind::Party))
        );
        assert_eq!(RowKind::parse(" membership "), Some(RowKind::Membership));
        assert_eq!(RowKind::parse("person"), Some(RowKind::Person));
        assert_eq!(RowKind::parse("parti"), None);
    }
}
