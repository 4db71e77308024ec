//! The OpenAPI document describes the API as the router serves it: every route of the router
//! and nothing else, and every field of every answer, so a client generated from the document
//! sees all of what the API says.

use serde_json::{Value, json};

use crate::helpers::{Backend, api_call, api_token, spawn_app};

const PREFIX: &str = "/api/v1";

/// The operations of the document: (method, path).
fn documented(doc: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for method in ops.as_object().unwrap().keys() {
            out.push((method.clone(), path.clone()));
        }
    }
    out.sort();
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_document_describes_the_router_exactly() {
    let Some(app) = spawn_app(Backend::Sqlite).await else {
        return;
    };
    let doc = app.get_json("/api/v1/openapi.json", 200).await;
    let mut routed: Vec<(String, String)> = agendum::web::all_routes()
        .filter_map(|(method, path)| {
            path.strip_prefix(PREFIX)
                .map(|p| (method.to_owned(), p.to_owned()))
        })
        .collect();
    routed.sort();
    assert!(routed.len() > 15, "the router has its API routes");
    assert_eq!(documented(&doc), routed, "documented = routed");
}

/// The schema `node` points to, `$ref`s followed.
fn resolve<'a>(doc: &'a Value, mut node: &'a Value) -> &'a Value {
    while let Some(target) = node.get("$ref").and_then(Value::as_str) {
        let mut found = doc;
        for part in target.trim_start_matches("#/").split('/') {
            found = &found[part];
        }
        assert!(!found.is_null(), "{target} exists");
        node = found;
    }
    node
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// What of `value` the `schema` does not describe: fields it does not name, and values of
/// another type than it says, each with where it is (`at`).
fn undescribed(doc: &Value, schema: &Value, value: &Value, at: &str, out: &mut Vec<String>) {
    let schema = resolve(doc, schema);
    for key in ["oneOf", "anyOf"] {
        if let Some(choices) = schema[key].as_array() {
            // Described when one of the alternatives describes it wholly.
            let mut best: Option<Vec<String>> = None;
            for choice in choices {
                let mut found = Vec::new();
                undescribed(doc, choice, value, at, &mut found);
                if best.as_ref().is_none_or(|b| found.len() < b.len()) {
                    best = Some(found);
                }
            }
            out.extend(best.unwrap_or_default());
            return;
        }
    }
    if let Some(parts) = schema["allOf"].as_array() {
        // Every part's properties together describe the object.
        let mut merged = json!({"type": "object", "properties": {}});
        for part in parts {
            let part = resolve(doc, part);
            if let Some(props) = part["properties"].as_object() {
                for (k, v) in props {
                    merged["properties"][k] = v.clone();
                }
            }
        }
        undescribed(doc, &merged, value, at, out);
        return;
    }
    let actual = type_name(value);
    let allowed: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let fits = allowed.is_empty()
        || allowed.contains(&actual)
        || (actual == "integer" && allowed.contains(&"number"));
    if !fits {
        out.push(format!("{at}: {actual}, described as {allowed:?}"));
        return;
    }
    if let Some(options) = schema["enum"].as_array()
        && !options.contains(value)
    {
        out.push(format!("{at}: {value} is not one of {options:?}"));
    }
    match value {
        Value::Object(fields) => {
            let properties = schema["properties"].as_object();
            let extra = &schema["additionalProperties"];
            for (name, field) in fields {
                let place = format!("{at}.{name}");
                match properties.and_then(|p| p.get(name)) {
                    Some(described) => undescribed(doc, described, field, &place, out),
                    None if extra.is_object() => undescribed(doc, extra, field, &place, out),
                    None => out.push(format!("{place}: not in the document")),
                }
            }
        }
        Value::Array(items) => {
            if items.is_empty() {
                return;
            }
            if schema["items"].is_null() {
                out.push(format!("{at}: an array whose items are not described"));
                return;
            }
            for (i, item) in items.iter().enumerate() {
                undescribed(doc, &schema["items"], item, &format!("{at}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// The schema of `method path`'s answer with `status`.
fn response_schema<'a>(doc: &'a Value, method: &str, path: &str, status: u16) -> &'a Value {
    let response = resolve(
        doc,
        &doc["paths"][path][method]["responses"][status.to_string()],
    );
    assert!(
        !response.is_null(),
        "{method} {path} documents status {status}"
    );
    let schema = &response["content"]["application/json"]["schema"];
    assert!(
        !schema.is_null(),
        "{method} {path} {status} describes its JSON"
    );
    schema
}

/// Checks one answer against the document, and that it says something (an empty list proves
/// nothing about the fields of its items).
fn check(doc: &Value, method: &str, pattern: &str, status: u16, body: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let schema = response_schema(doc, method, pattern, status);
    undescribed(
        doc,
        schema,
        body,
        &format!("{method} {pattern} {status}"),
        &mut out,
    );
    if let Some(data) = body.get("data") {
        assert!(
            data.as_array().is_some_and(|d| !d.is_empty()),
            "{method} {pattern}: the demo gives it something to list"
        );
    }
    out
}

/// Every field the API answers with is in the document, for every operation that reads, as
/// the secretariat (who sees the most) and as nobody; and for the writes the demo allows.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_field_the_api_answers_with_is_described() {
    let Some(app) = spawn_app(Backend::Sqlite).await else {
        return;
    };
    let doc = app.get_json("/api/v1/openapi.json", 200).await;
    let secretariat = api_token(&app, "sekretariat@example.org");
    let politician = api_token(&app, "politiker@example.org");
    let mut wrong = Vec::new();
    // The seed item decided and its first task confirmed, so that every list has something.
    let (item, _) = app.seed_item();
    let (status, decision) = api_call(
        &app,
        reqwest::Method::POST,
        &format!("{PREFIX}/agenda-items/{}/decision", item.0),
        Some(&secretariat),
        Some(crate::followup::adopted()),
    )
    .await;
    assert_eq!(status, 201, "{decision}");
    wrong.extend(check(
        &doc,
        "post",
        "/agenda-items/{id}/decision",
        status,
        &decision,
    ));
    let (_, suggestions) = api_call(
        &app,
        reqwest::Method::GET,
        &format!("{PREFIX}/agenda-items/{}/task-suggestions", item.0),
        Some(&secretariat),
        None,
    )
    .await;
    let (status, task) = api_call(
        &app,
        reqwest::Method::POST,
        &format!("{PREFIX}/tasks"),
        Some(&secretariat),
        Some(crate::followup::confirmation(
            item.0,
            &suggestions["suggestions"][0],
        )),
    )
    .await;
    assert_eq!(status, 201, "{task}");
    wrong.extend(check(&doc, "post", "/tasks", status, &task));
    let get = |path: String, token: Option<String>| {
        let app = &app;
        async move {
            api_call(
                app,
                reqwest::Method::GET,
                &format!("{PREFIX}{path}"),
                token.as_deref(),
                None,
            )
            .await
        }
    };
    let first_id = |list: &Value| {
        list["data"][0]["id"]
            .as_i64()
            .unwrap_or_else(|| panic!("an id to follow in {list}"))
    };
    let (_, meetings) = get("/meetings".into(), None).await;
    let (_, letters) = get("/letters".into(), Some(secretariat.clone())).await;
    let (_, tasks) = get("/tasks".into(), Some(secretariat.clone())).await;
    let (_, proposals) = get("/proposals".into(), Some(secretariat.clone())).await;
    let reference = proposals["data"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|p| p["case_references"][0].as_str())
        .expect("a proposal with a case")
        .to_owned();
    // A value for each path parameter of the document.
    let fill = |pattern: &str| -> String {
        pattern
            .replace(
                "/meetings/{id}",
                &format!("/meetings/{}", first_id(&meetings)),
            )
            .replace("/letters/{id}", &format!("/letters/{}", first_id(&letters)))
            .replace("/tasks/{id}", &format!("/tasks/{}", first_id(&tasks)))
            .replace(
                "/proposals/{id}",
                &format!("/proposals/{}", first_id(&proposals)),
            )
            .replace("/cases/{reference}", &format!("/cases/{reference}"))
            .replace("/agenda-items/{id}", &format!("/agenda-items/{}", item.0))
            .replace("/organizations/{id}", "/organizations/1")
            .replace("/persons/{id}", "/persons/1")
    };
    let mut checked = 0;
    for (method, pattern) in documented(&doc) {
        if method != "get" || pattern == "/openapi.json" {
            continue;
        }
        // A search without words lists nothing; one the demo answers.
        let path = if pattern == "/search" {
            "/search?q=profiler".to_owned()
        } else {
            fill(&pattern)
        };
        assert!(
            !path.contains('{'),
            "a value for each parameter of {pattern}"
        );
        for token in [Some(secretariat.clone()), None] {
            let (status, body) = get(path.clone(), token.clone()).await;
            if token.is_some() {
                assert_eq!(status, 200, "GET {path}: {body}");
            }
            wrong.extend(check(&doc, "get", &pattern, status, &body));
            checked += 1;
        }
    }
    assert!(checked >= 18, "only {checked} answers checked");

    // The writes: parsing, a draft and its edit, and a refused one (the error's fields).
    let call = |method: reqwest::Method, path: &str, token: &str, body: Value| {
        let app = &app;
        let path = format!("{PREFIX}{path}");
        let token = token.to_owned();
        async move { api_call(app, method, &path, Some(&token), Some(body)).await }
    };
    let seed = crate::helpers::seed_corrected();
    let (status, parsed) = call(
        reqwest::Method::POST,
        "/proposals/parse",
        &politician,
        json!({ "text": seed }),
    )
    .await;
    wrong.extend(check(&doc, "post", "/proposals/parse", status, &parsed));
    let draft = json!({
        "title": "Medlemsforslag om bedre cykelstier",
        "clauses": ["at forvaltningen undersøger mulighederne."],
        "motivation": "Fordi flere cykler.",
    });
    let (status, created) = call(reqwest::Method::POST, "/proposals", &politician, draft).await;
    assert_eq!(status, 201, "{created}");
    wrong.extend(check(&doc, "post", "/proposals", status, &created));
    let id = created["id"].as_i64().unwrap();
    let (status, edited) = call(
        reqwest::Method::PATCH,
        &format!("/proposals/{id}"),
        &politician,
        json!({ "title": "Medlemsforslag om bedre og flere cykelstier", "lock_version": created["lock_version"] }),
    )
    .await;
    wrong.extend(check(&doc, "patch", "/proposals/{id}", status, &edited));
    let (status, refused) = call(
        reqwest::Method::POST,
        "/proposals",
        &politician,
        json!({ "title": "" }),
    )
    .await;
    assert_eq!(status, 422, "{refused}");
    wrong.extend(check(&doc, "post", "/proposals", status, &refused));

    // The register's writes.
    let (status, party) = call(
        reqwest::Method::POST,
        "/organizations",
        &secretariat,
        json!({ "kind": "party", "name": "Nyt Parti", "short_name": "N" }),
    )
    .await;
    assert_eq!(status, 201, "{party}");
    wrong.extend(check(&doc, "post", "/organizations", status, &party));
    let (status, patched) = call(
        reqwest::Method::PATCH,
        &format!("/organizations/{}", party["id"]),
        &secretariat,
        json!({ "website": "www.nytparti.dk", "active": false }),
    )
    .await;
    assert_eq!(status, 200, "{patched}");
    wrong.extend(check(
        &doc,
        "patch",
        "/organizations/{id}",
        status,
        &patched,
    ));
    let (status, person) = call(
        reqwest::Method::POST,
        "/persons",
        &secretariat,
        json!({ "name": "Ny Person", "email": "ny@example.org" }),
    )
    .await;
    assert_eq!(status, 201, "{person}");
    wrong.extend(check(&doc, "post", "/persons", status, &person));
    let (status, patched) = call(
        reqwest::Method::PATCH,
        &format!("/persons/{}", person["id"]),
        &secretariat,
        json!({ "title": null }),
    )
    .await;
    wrong.extend(check(&doc, "patch", "/persons/{id}", status, &patched));
    let (status, membership) = call(
        reqwest::Method::POST,
        "/memberships",
        &secretariat,
        json!({ "person_id": person["id"], "organization_id": 1, "role": "substitute", "start_date": "2026-01-01" }),
    )
    .await;
    assert_eq!(status, 201, "{membership}");
    wrong.extend(check(&doc, "post", "/memberships", status, &membership));
    let (status, patched) = call(
        reqwest::Method::PATCH,
        &format!("/memberships/{}", membership["id"]),
        &secretariat,
        json!({ "end_date": "2026-06-30" }),
    )
    .await;
    assert_eq!(status, 200, "{patched}");
    wrong.extend(check(&doc, "patch", "/memberships/{id}", status, &patched));
    let (status, refused) = call(
        reqwest::Method::POST,
        "/organizations",
        &secretariat,
        json!({ "kind": "administration", "name": "Uden adresse" }),
    )
    .await;
    assert_eq!(status, 422, "{refused}");
    assert!(
        refused["error"]["fields"]["emails"].is_string(),
        "{refused}"
    );
    wrong.extend(check(&doc, "post", "/organizations", status, &refused));
    assert!(wrong.is_empty(), "undescribed:\n{}", wrong.join("\n"));
}

/// The checker itself: it finds a field the schema does not name, a wrong type, and a value
/// outside an enum, and follows `$ref` and `oneOf`.
#[test]
fn the_checker_finds_what_is_not_described() {
    let doc = json!({"components": {"schemas": {
        "Thing": {"type": "object", "properties": {
            "id": {"type": "integer"},
            "kind": {"type": "string", "enum": ["a", "b"]},
            "parent": {"oneOf": [{"$ref": "#/components/schemas/Thing"}, {"type": "null"}]},
        }},
    }}});
    let schema = json!({"$ref": "#/components/schemas/Thing"});
    let mut out = Vec::new();
    let good = json!({"id": 1, "kind": "a", "parent": {"id": 2, "kind": "b", "parent": null}});
    undescribed(&doc, &schema, &good, "x", &mut out);
    assert!(out.is_empty(), "{out:?}");
    let bad = json!({"id": "1", "kind": "c", "parent": {"id": 2, "extra": true}});
    undescribed(&doc, &schema, &bad, "x", &mut out);
    assert_eq!(out.len(), 3, "{out:?}");
    assert!(out.iter().any(|o| o.contains("x.parent.extra")), "{out:?}");
}
