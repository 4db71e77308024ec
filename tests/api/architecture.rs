//! The layers' arrows point one way (docs/architecture.md): `web` → `service` → `db` /
//! `documents` / `mail` → `domain`. A module that reaches against the arrows fails here, with
//! the file and line.

use std::path::{Path, PathBuf};

/// Each layer and the top-level modules of the crate it may not use.
const RULES: &[(&str, &[&str])] = &[
    (
        "domain",
        &[
            "web",
            "service",
            "read",
            "db",
            "documents",
            "mail",
            "render",
            "urls",
            "config",
            "auth",
            "app",
            "demo",
            "error",
        ],
    ),
    (
        "db",
        &[
            "web",
            "service",
            "read",
            "documents",
            "mail",
            "render",
            "urls",
            "config",
            "auth",
            "app",
            "demo",
        ],
    ),
    (
        "documents.rs",
        &["web", "service", "read", "db", "mail", "app", "demo"],
    ),
    ("read", &["web", "service", "app", "demo"]),
    ("service", &["web", "app"]),
    ("mail", &["web", "service", "app", "demo"]),
    (
        "render.rs",
        &["web", "service", "read", "db", "mail", "app"],
    ),
    ("urls.rs", &["web", "service", "read", "db", "mail", "app"]),
];

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_file() {
        out.push(path.to_owned());
        return;
    }
    for entry in std::fs::read_dir(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())) {
        let entry = entry.unwrap().path();
        if entry.is_dir() || entry.extension().is_some_and(|e| e == "rs") {
            rust_files(&entry, out);
        }
    }
}

/// The crate-level modules a line of code names (`crate::db::…`, `agendum::web`), comments
/// left out.
fn named_modules(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or("");
    let mut found = Vec::new();
    for prefix in ["crate::", "agendum::"] {
        let mut rest = code;
        while let Some(at) = rest.find(prefix) {
            rest = &rest[at + prefix.len()..];
            if let Some(group) = rest.strip_prefix('{') {
                // `use crate::{db, web::x}`: every first name in the group.
                let group = group.split('}').next().unwrap_or("");
                for part in group.split(',') {
                    let name: String = part
                        .trim()
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        found.push(name);
                    }
                }
                continue;
            }
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            found.push(name);
        }
    }
    found
}

#[test]
fn layers_only_use_the_layers_below_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    let mut checked = 0;
    for (layer, forbidden) in RULES {
        let mut files = Vec::new();
        rust_files(&src.join(layer), &mut files);
        for file in files {
            // The domain's own tests may take the demo's seed text as their example.
            let is_test = file.file_name().is_some_and(|n| n == "tests.rs");
            let text = std::fs::read_to_string(&file).unwrap();
            checked += 1;
            for (number, line) in text.lines().enumerate() {
                if line.contains("super::super") {
                    wrong.push(format!("{}:{}: super::super", file.display(), number + 1));
                }
                for module in named_modules(line) {
                    if forbidden.contains(&module.as_str()) && !(is_test && module == "demo") {
                        wrong.push(format!(
                            "{}:{}: {layer} uses {module}",
                            file.display(),
                            number + 1
                        ));
                    }
                }
            }
        }
    }
    assert!(checked > 60, "only {checked} files checked");
    assert!(
        wrong.is_empty(),
        "against the arrows:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_scanner_sees_what_it_must() {
    assert_eq!(named_modules("use crate::web::auth;"), ["web"]);
    assert_eq!(
        named_modules("let x = crate::db::get(crate::mail::x); // crate::service"),
        ["db", "mail"]
    );
    assert!(named_modules("// crate::web in a comment").is_empty());
    assert_eq!(
        named_modules("use crate::{db::Db, web::auth};"),
        ["db", "web"]
    );
}

/// No handler opens a transaction: the service layer does (`write_transaction`), and no
/// handler or mail composer queries tables itself.
#[test]
fn transactions_and_queries_stay_below_the_web() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for dir in ["web", "mail", "read"] {
        let mut files = Vec::new();
        rust_files(&src.join(dir), &mut files);
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for (number, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                let transaction = dir == "web" && code.contains("write_transaction");
                let query = code.contains("diesel::") || code.contains("schema::");
                if transaction || query {
                    wrong.push(format!(
                        "{}:{}: {}",
                        file.display(),
                        number + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// No handler module borrows another's: what two handlers share lives in the web layer's
/// infrastructure (`forms`, `files`, `upload`, `views`, …), a read model or a service.
#[test]
fn handlers_do_not_use_each_other() {
    const HANDLERS: [&str; 20] = [
        "account",
        "agenda_admin",
        "api",
        "api_followup",
        "api_proposals",
        "decisions_admin",
        "documents",
        "followup_public",
        "letters",
        "letters_admin",
        "mailbox",
        "meetings_admin",
        "minutes",
        "my_tasks",
        "outbox",
        "pages",
        "proposals",
        "subscriptions",
        "task_answer",
        "tasks_admin",
    ];
    // `/proposals/{id}` is one address for the public page and the authors' own page: the
    // public handler hands its authors over. (The audience folders will give it one home.)
    const KNOWN: [(&str, &str); 1] = [("pages", "proposals")];
    let web = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web");
    let mut wrong = Vec::new();
    for from in HANDLERS {
        let file = web.join(format!("{from}.rs"));
        let text = std::fs::read_to_string(&file).unwrap();
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for to in HANDLERS {
                let used = code.contains(&format!("super::{to}::"))
                    || code.contains(&format!("use super::{to}"))
                    || code.contains(&format!("crate::web::{to}::"));
                if to != from && used && !KNOWN.contains(&(from, to)) {
                    wrong.push(format!("src/web/{from}.rs:{}: uses {to}", number + 1));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
