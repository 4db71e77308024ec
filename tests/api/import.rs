//! The members file (issue 18, item 7): organizations, persons and memberships from a CSV file,
//! on the settings page (preview, apply, apply again) and with `agendum import members`; a
//! wrong header and an unknown party are refused with the row named and nothing written.

use agendum::db::organizations as orgs;
use agendum::domain::organization::{MembershipRole, OrganizationKind};

use crate::cli::agendum;
use crate::helpers::{
    Backend, Session, TestApp, fresh_database, on_both_backends, spawn_app, text_of,
};

on_both_backends!(
    the_members_file_is_previewed_applied_and_changes_nothing_twice,
    a_wrong_header_or_an_unknown_party_writes_nothing,
    the_command_imports_into_a_new_instance,
);

const FILE: &str = "\
kind;name;short_name;email;organization;role;party;start_date;end_date;position
party;Testpartiet;T;;;;;;;
committee;Klimaudvalget;KLU;;;;;;;
administration;Klimaforvaltningen;KLF;klima@kommune.example.org;Klimaudvalget;;;;;
membership;Ida Holm;;ida.holm@example.org;Klimaudvalget;chair;T;01.01.2026;;
membership;Ole Berg;;ole.berg@example.org;Klimaudvalget;member;Testpartiet;01.01.2026;;
membership;Ida Holm;;ida.holm@example.org;Testpartiet;member;;01.01.2026;;
membership;Pia Lund;;pia.lund@example.org;Klimaudvalget;substitute;T;01.01.2026;;1
";

/// Posts the file as the settings page's upload: (status, body).
async fn upload(session: &Session, file: &str) -> (u16, String) {
    let (status, _, body) = crate::letters::post_multipart(
        session,
        "/secretariat/settings/import",
        &[],
        ("members.csv", file.as_bytes()),
    )
    .await;
    (status, body)
}

fn fingerprint(app: &TestApp) -> (usize, i64) {
    let mut conn = app.conn();
    (
        orgs::list(&mut conn).unwrap().len(),
        orgs::persons_count(&mut conn).unwrap(),
    )
}

async fn the_members_file_is_previewed_applied_and_changes_nothing_twice(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let form = secretariat
        .get_text("/secretariat/settings/import", 200)
        .await;
    assert!(form.contains("kind,name,short_name,email,organization,role,party"));

    let before = fingerprint(&app);
    let (status, preview) = upload(&secretariat, FILE).await;
    assert_eq!(status, 200, "{preview}");
    let text = text_of(&preview);
    assert!(
        text.contains("7 oprettes, 0 ændres, 0 er uændrede"),
        "{text}"
    );
    assert_eq!(fingerprint(&app), before, "a preview writes nothing");
    assert!(
        preview.contains("name=\"csv\""),
        "the apply form carries the file"
    );

    let (status, location) = secretariat
        .post("/secretariat/settings/import/apply", &[("csv", FILE)])
        .await
        .said();
    assert_eq!(status, 303);
    assert_eq!(
        secretariat.notice_at(&location).await,
        "Filen er indlæst: 7 oprettet, 0 ændret, 0 uændret."
    );
    // Three organizations and three persons more; the memberships as the file says.
    let after = fingerprint(&app);
    assert_eq!(after, (before.0 + 3, before.1 + 3));
    let all = orgs::list(&mut app.conn()).unwrap();
    let committee = all.iter().find(|o| o.name == "Klimaudvalget").unwrap();
    assert_eq!(committee.kind, OrganizationKind::Committee);
    let administration = all.iter().find(|o| o.name == "Klimaforvaltningen").unwrap();
    assert_eq!(administration.emails(), ["klima@kommune.example.org"]);
    assert_eq!(administration.parent_id, Some(committee.id));
    let party = all
        .iter()
        .find(|o| o.short_name.as_deref() == Some("T"))
        .unwrap();
    let seats = orgs::memberships_of_organization(&mut app.conn(), committee.id).unwrap();
    assert_eq!(seats.len(), 3);
    let chair = seats.iter().find(|m| m.person_name == "Ida Holm").unwrap();
    assert_eq!(chair.role, MembershipRole::Chair);
    assert_eq!(chair.party_id, Some(party.id));
    let substitute = seats.iter().find(|m| m.person_name == "Pia Lund").unwrap();
    assert_eq!(
        (substitute.role, substitute.position),
        (MembershipRole::Substitute, Some(1))
    );

    // The same file again: nothing to do, and applying it changes nothing.
    let (status, preview) = upload(&secretariat, FILE).await;
    assert_eq!(status, 200);
    let text = text_of(&preview);
    assert!(
        text.contains("0 oprettes, 0 ændres, 7 er uændrede"),
        "{text}"
    );
    assert!(text.contains("Filen ændrer intet"), "{text}");
    let (status, location) = secretariat
        .post("/secretariat/settings/import/apply", &[("csv", FILE)])
        .await
        .said();
    assert_eq!(status, 303);
    assert_eq!(
        secretariat.notice_at(&location).await,
        "Filen er indlæst: 0 oprettet, 0 ændret, 7 uændret."
    );
    assert_eq!(fingerprint(&app), after);

    // A changed row is a change: Ole Berg becomes vice-chair.
    let changed = FILE.replace(
        "Klimaudvalget;member;Testpartiet",
        "Klimaudvalget;vice_chair;Testpartiet",
    );
    let (status, preview) = upload(&secretariat, &changed).await;
    assert_eq!(status, 200);
    assert!(text_of(&preview).contains("0 oprettes, 1 ændres, 6 er uændrede"));
}

async fn a_wrong_header_or_an_unknown_party_writes_nothing(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let before = fingerprint(&app);
    let (status, body) = upload(&secretariat, "slags,navn\nparty,X\n").await;
    assert_eq!(status, 422);
    assert!(
        body.contains("Overskriften kender ikke kolonnen »slags«"),
        "{body}"
    );

    let file = "kind,name,organization,role,party,start_date\n\
                membership,Ny Person,Økonomiudvalget,member,Ukendtpartiet,01.01.2026\n\
                committee,Nyt Udvalg,,,,\n\
                membership,Anden Person,Intet Sådant Udvalg,member,,01.01.2026\n\
                membership,Tredje Person,Økonomiudvalget,member,,31.02.2026\n";
    let (status, body) = upload(&secretariat, file).await;
    assert_eq!(status, 422, "{body}");
    let text = text_of(&body);
    assert!(
        text.contains("Linje 2 (Ny Person): Ukendt parti »Ukendtpartiet«."),
        "{text}"
    );
    assert!(
        text.contains("Linje 4 (Anden Person): Ukendt organisation »Intet Sådant Udvalg«."),
        "{text}"
    );
    assert!(text.contains("Linje 5 (Tredje Person)"), "{text}");
    assert!(!body.contains("name=\"csv\""), "no apply form");
    // Applying it anyway writes nothing, not even the good row.
    let (status, _) = secretariat
        .post("/secretariat/settings/import/apply", &[("csv", file)])
        .await
        .page();
    assert_eq!(status, 422);
    assert_eq!(fingerprint(&app), before);
    assert!(
        !orgs::list(&mut app.conn())
            .unwrap()
            .iter()
            .any(|o| o.name == "Nyt Udvalg")
    );
}

async fn the_command_imports_into_a_new_instance(backend: Backend) {
    let Some((url, _guard)) = fresh_database(backend) else {
        return;
    };
    let url = match url {
        agendum::config::DatabaseUrl::Postgres(url) => url,
        agendum::config::DatabaseUrl::Sqlite(path) => format!("sqlite://{}", path.display()),
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("members.csv");
    // The council first, then the file of the page's test.
    let (header, rows) = FILE.split_once('\n').unwrap();
    std::fs::write(
        &file,
        format!("{header}\ncouncil;Byrådet;BR;;;;;;;\n{rows}"),
    )
    .unwrap();
    let run = |args: &[&str]| {
        let out = agendum(dir.path())
            .args(args)
            .env("AGENDUM_DATABASE_URL", &url)
            .env("AGENDUM_DEMO", "false")
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let path = file.to_str().unwrap();
    // Before setup there is no municipality to import into.
    let (code, _, err) = run(&["import", "members", path]);
    assert_eq!(code, Some(1));
    assert!(err.contains("run agendum setup first"), "{err}");
    let (code, _, err) = run(&[
        "setup",
        "--municipality",
        "Testby Kommune",
        "--secretariat",
        "sekretariat@testby.dk",
    ]);
    assert_eq!(code, Some(0), "{err}");

    let (code, out, err) = run(&["import", "members", path, "--dry-run"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("8 new, 0 changed, 0 unchanged, 0 refused."),
        "{out}"
    );
    assert!(out.contains("Nothing was written (--dry-run)."), "{out}");
    let (code, out, err) = run(&["import", "members", path]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("8 new, 0 changed, 0 unchanged, 0 refused."),
        "{out}"
    );
    let (code, out, _) = run(&["import", "members", path]);
    assert_eq!(code, Some(0));
    assert!(
        out.contains("0 new, 0 changed, 8 unchanged, 0 refused."),
        "{out}"
    );

    std::fs::write(
        &file,
        "kind,name,organization,party,start_date\nmembership,X Y,Byrådet,Ingen,01.01.2026\n",
    )
    .unwrap();
    let (code, out, err) = run(&["import", "members", path]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("Ukendt parti »Ingen«"), "{out}");
    assert!(
        err.contains("1 rows are refused; nothing was written"),
        "{err}"
    );
}
