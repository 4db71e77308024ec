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

/// The handlers live in one folder per audience (`web/public`, `web/politician`, …). No folder
/// uses another's handlers: what two audiences share lives in the web layer's infrastructure
/// (`forms`, `files`, `upload`, `views`, `proposal_page`, …), a read model or a service. And the
/// folders hold every handler: no handler module is left at the top of `web/`.
#[test]
fn audiences_do_not_use_each_other() {
    const AUDIENCES: [&str; 7] = [
        "administration",
        "api",
        "dev",
        "oparl",
        "politician",
        "public",
        "secretariat",
    ];
    let web = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web");
    let mut wrong = Vec::new();
    let mut handlers = 0;
    for from in AUDIENCES {
        let mut files = Vec::new();
        rust_files(&web.join(from), &mut files);
        assert!(!files.is_empty(), "web/{from} has handlers");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            handlers += text.matches("pub async fn ").count();
            for (number, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                for to in AUDIENCES {
                    let used = code.contains(&format!("crate::web::{to}"))
                        || code.contains(&format!("web::{{{to}"))
                        || code.contains("super::super");
                    if to != from && used {
                        wrong.push(format!("{}:{}: uses {to}", file.display(), number + 1));
                    }
                }
            }
        }
    }
    assert!(handlers > 100, "only {handlers} handlers found");
    // Each folder's routes name its own handlers (the static assets are infrastructure): a
    // route to a handler elsewhere would belong to no audience.
    for folder in AUDIENCES {
        let file = web.join(folder).join("mod.rs");
        let text = std::fs::read_to_string(&file).unwrap();
        for (number, line) in text.lines().enumerate() {
            if let Some((_, handler)) = line.split_once("=> ")
                && handler.starts_with("crate::")
                && handler != "crate::web::assets::serve;"
            {
                wrong.push(format!(
                    "{}:{}: routes to {handler}",
                    file.display(),
                    number + 1
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Every id in an address is typed (`web::Path<TaskId>`, not `web::Path<i64>`): a task's id
/// cannot be taken for a letter's.
#[test]
fn paths_take_typed_ids() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web"),
        &mut files,
    );
    let mut wrong = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (number, line) in text.lines().enumerate() {
            let raw = line.contains("Path<i64>")
                || line.contains("Path<(i64")
                || (line.contains("web::Path<(") && line.contains(", i64"));
            if raw {
                wrong.push(format!(
                    "{}:{}: {}",
                    file.display(),
                    number + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The audit log is written by the use case (`service`), in its transaction, next to the mail
/// it queues: `db/` writes rows and says what changed, it does not decide what is logged.
#[test]
fn the_service_layer_writes_the_audit_log() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/db"),
        &mut files,
    );
    let mut wrong = Vec::new();
    for file in files {
        if file.ends_with("audit.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for (number, line) in text.lines().enumerate() {
            if line
                .split("//")
                .next()
                .unwrap_or("")
                .contains("audit::record(")
            {
                wrong.push(format!(
                    "{}:{}: {}",
                    file.display(),
                    number + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The page templates mirror the handlers: `web/secretariat/` renders from
/// `templates/secretariat/`, and only what several audiences share stays at the top.
#[test]
fn templates_mirror_the_handlers() {
    const SHARED: [&str; 5] = [
        "base.html",
        "error.html",
        "followup_section.html",
        "macros.html",
        "proposal_private.html",
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut wrong = Vec::new();
    for entry in std::fs::read_dir(root.join("templates")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_file() && !SHARED.contains(&name.as_str()) {
            wrong.push(format!("templates/{name}: belongs in an audience's folder"));
        }
    }
    let mut files = Vec::new();
    rust_files(&root.join("src/web"), &mut files);
    let mut rendered = 0;
    for file in files {
        let relative = file.strip_prefix(root.join("src/web")).unwrap();
        let audience = relative
            .parent()
            .and_then(|p| p.to_str())
            .filter(|p| !p.is_empty());
        let text = std::fs::read_to_string(&file).unwrap();
        for (number, line) in text.lines().enumerate() {
            for piece in line.split('"').skip(1).step_by(2) {
                if !piece.ends_with(".html") || piece.contains(' ') {
                    continue;
                }
                rendered += 1;
                let fits = match piece.split_once('/') {
                    Some((folder, _)) => Some(folder) == audience,
                    None => SHARED.contains(&piece),
                };
                if !fits || !root.join("templates").join(piece).is_file() {
                    wrong.push(format!(
                        "{}:{}: renders {piece}",
                        file.display(),
                        number + 1
                    ));
                }
            }
        }
    }
    assert!(rendered > 30, "only {rendered} templates named");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
