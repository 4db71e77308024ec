//! Feedback after every action (issue 19): a change ends on a page that says what it did, once;
//! a refusal is said where the person can act on it; an error page keeps the person logged in.

use crate::helpers::{Backend, on_both_backends, spawn_app, text_of};

on_both_backends!(
    an_action_says_what_it_did_once,
    a_draft_without_a_meeting_says_what_is_missing_on_its_page,
    an_error_page_shows_the_person_logged_in,
    a_draft_never_submitted_is_deleted_not_withdrawn,
);

async fn an_action_says_what_it_did_once(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let (status, location) = secretariat
        .post(
            "/secretariat/meetings",
            &[
                ("organization", "1"),
                ("date", "07.01.2031"),
                ("time", "17:30"),
                ("location", "Rådhuset"),
                ("kind", "regular"),
            ],
        )
        .await
        .said();
    assert_eq!(status, 303, "{location}");
    let notice = secretariat.notice_at(&location).await;
    assert!(notice.starts_with("Mødet er oprettet."), "{notice}");
    assert!(location.ends_with("#moede-4"), "{location}");
    // Another person's pages never show it.
    let politician = app.login("politiker@example.org", "demo").await;
    let page = politician.get_text("/my/proposals", 200).await;
    assert!(!page.contains("role=\"status\""), "{page}");
}

async fn a_draft_without_a_meeting_says_what_is_missing_on_its_page(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let politician = app.login("politiker@example.org", "demo").await;
    let (status, location) = politician
        .post(
            "/proposals/new",
            &[
                ("title", "Medlemsforslag om cykelparkering"),
                ("opening", "Det foreslås,"),
                (
                    "clause",
                    "at Teknik- og Miljøforvaltningen opsætter flere stativer.",
                ),
                ("motivation", "Der mangler **pladser**."),
                ("meeting", ""),
                ("action", "save"),
            ],
        )
        .await
        .said();
    assert_eq!(status, 303, "{location}");
    assert!(
        politician
            .notice_at(&location)
            .await
            .starts_with("Kladden er gemt.")
    );
    // The draft's page offers no button that cannot succeed; it says what is missing.
    let page = politician.get_text(&location, 200).await;
    assert!(!page.contains("Indsend forslaget</button>"), "{page}");
    assert!(
        text_of(&page).contains("Forslaget kan indsendes, når du har valgt det møde"),
        "{page}"
    );
    // The motivation's Markdown is rendered, never shown as its markers.
    assert!(page.contains("<strong>pladser</strong>"), "{page}");
    assert!(!text_of(&page).contains("**"), "{page}");
    // Submitted anyway (an old page): the proposal's own page says why, not a bare error page.
    let id = location.trim_start_matches("/proposals/");
    let (status, page) = politician
        .post(&format!("/proposals/{id}/submit"), &[])
        .await
        .page();
    assert_eq!(status, 422, "{page}");
    assert!(page.contains("Medlemsforslag om cykelparkering"), "{page}");
    assert!(
        text_of(&page).contains("Vælg det møde, forslaget skal behandles på"),
        "{page}"
    );
    assert!(page.contains("href=\"#felt-indsend\""), "{page}");
}

async fn an_error_page_shows_the_person_logged_in(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    for path in ["/secretariat/meetings/999999/agenda", "/no/such/page"] {
        let page = secretariat.get_text(path, 404).await;
        assert!(page.contains("Log ud</button>"), "{path}: {page}");
        assert!(page.contains("Indkomne forslag"), "the menu on {path}");
    }
    let anonymous = app.get_text("/no/such/page", 404).await;
    assert!(!anonymous.contains("Log ud"), "{anonymous}");
}

async fn a_draft_never_submitted_is_deleted_not_withdrawn(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let politician = app.login("politiker@example.org", "demo").await;
    let (status, location) = politician
        .post(
            "/proposals/new",
            &[
                ("title", "Medlemsforslag om vandposter"),
                ("opening", "Det foreslås,"),
                ("clause", "at der opsættes vandposter."),
                ("cases", "2025-0999999, 2025-0124174"),
                ("meeting", ""),
                ("action", "save"),
            ],
        )
        .await
        .said();
    assert_eq!(status, 303, "{location}");
    let page = politician.get_text(&location, 200).await;
    // A case number the register does not know is said, and not linked to a missing page.
    assert!(
        text_of(&page).contains("Sagsnummeret 2025-0999999 findes ikke i sagsregistret."),
        "{page}"
    );
    assert!(!page.contains("2025-0999999</a>"), "{page}");
    assert!(page.contains("2025-0124174</a>"), "{page}");
    assert!(page.contains("Slet kladden</button>"), "{page}");
    assert!(!page.contains("Træk forslaget tilbage"), "{page}");
    let id = location.trim_start_matches("/proposals/").to_owned();
    let (status, location) = politician
        .post(&format!("/proposals/{id}/delete"), &[])
        .await
        .said();
    assert_eq!(status, 303);
    assert_eq!(location, "/my/proposals");
    assert_eq!(politician.notice_at(&location).await, "Kladden er slettet.");
    politician.get_text(&format!("/proposals/{id}"), 404).await;
    let list = politician.get_text("/my/proposals", 200).await;
    assert!(!list.contains("Medlemsforslag om vandposter"), "{list}");
    // The log keeps that it was deleted.
    let actions: Vec<String> = agendum::db::audit::for_subject(
        &mut app.conn(),
        agendum::db::workflow::PROPOSAL.with(agendum::domain::ProposalId(id.parse().unwrap())),
    )
    .unwrap()
    .into_iter()
    .map(|e| e.action)
    .collect();
    assert!(
        actions.contains(&"proposal.deleted".to_owned()),
        "{actions:?}"
    );
}
