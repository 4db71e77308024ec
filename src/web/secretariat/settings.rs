//! `/secretariat/settings`: the municipality's own settings (name, web address, what the
//! council is called, the language of its mail, the logo) and the way to each part of the
//! register. A change shows on every page at once on this node, within a second on the others.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;

use super::letters::LOGO_UPLOAD_LIMIT;
use super::register::choices;
use crate::db::DbConnection;
use crate::db::organizations as orgs;
use crate::domain::municipality::{CouncilTitle, Language, SettingsInput};
use crate::domain::organization::OrganizationKind;
use crate::domain::proposal::FieldErrors;
use crate::error::{AppError, AppResult};
use crate::service::municipality as service;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, CurrentUser, Secretariat};
use crate::web::forms::Choice;
use crate::web::forms::{FormState, Posted, page, refused_or};
use crate::web::templates::render_page;
use crate::web::upload::read_upload;

#[derive(Serialize)]
struct KindCount {
    label: String,
    active: usize,
    inactive: usize,
}

#[derive(Serialize)]
struct SettingsPage {
    municipality: String,
    form: FormState<SettingsInput>,
    council_titles: Vec<Choice>,
    languages: Vec<Choice>,
    has_logo: bool,
    logo_problem: Option<crate::i18n::Msg>,
    kinds: Vec<KindCount>,
    persons: i64,
    period: Option<String>,
}

/// What a refused post brings back to the page.
enum Refusal<'a> {
    None,
    Settings(SettingsInput, &'a FieldErrors),
    Logo(&'a crate::i18n::Msg),
}

fn settings_page(
    conn: &mut DbConnection,
    user: &CurrentUser,
    refusal: Refusal,
) -> AppResult<String> {
    let lang = user.lang;
    let m = service::get(conn)?;
    let (input, errors, logo_problem) = match refusal {
        Refusal::None => (service::input(&m), FieldErrors::default(), None),
        Refusal::Settings(input, errors) => (input, errors.clone(), None),
        Refusal::Logo(why) => (
            service::input(&m),
            FieldErrors::default(),
            Some(why.to_owned()),
        ),
    };
    let all = orgs::list(conn)?;
    let kinds = OrganizationKind::ALL
        .iter()
        .map(|k| KindCount {
            label: k.label(lang),
            active: all.iter().filter(|o| o.kind == *k && o.active).count(),
            inactive: all.iter().filter(|o| o.kind == *k && !o.active).count(),
        })
        .collect();
    let view = SettingsPage {
        municipality: m.name.clone(),
        council_titles: choices(
            CouncilTitle::ALL
                .iter()
                .map(|t| (t.as_str().to_owned(), t.label(lang).to_owned())),
            &input.council_title,
        ),
        languages: choices(
            Language::ALL
                .iter()
                .map(|l| (l.as_str().to_owned(), l.label(lang).to_owned())),
            &input.default_language,
        ),
        form: FormState::new(input, &errors),
        has_logo: m.has_logo,
        logo_problem,
        kinds,
        persons: orgs::persons_count(conn)?,
        period: orgs::election_periods(conn, m.id)?
            .into_iter()
            .next()
            .map(|p| p.name),
    };
    render_page("secretariat/settings.html", user, &view)
}

/// `GET /secretariat/settings`: the municipality's settings and what it is made of, with the
/// way to each part.
pub async fn show(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
) -> AppResult<HttpResponse> {
    let body = state
        .db
        .run(move |conn| settings_page(conn, &user, Refusal::None))
        .await?;
    Ok(page(StatusCode::OK, body))
}

/// After a change: this node's pages show it at once.
async fn changed(state: &AppState) -> AppResult<()> {
    state.site.refresh(&state.db).await?;
    state.pages.clear();
    Ok(())
}

/// `POST /secretariat/settings`: the name, web address, council title and language.
pub async fn save(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    CsrfForm(input): CsrfForm<SettingsInput>,
) -> AppResult<HttpResponse> {
    let posted = state
        .db
        .run(
            move |conn| match service::update(conn, &user.account.actor(), &input)? {
                Ok(()) => Ok(Posted::Done(())),
                Err(errors) => Ok(Posted::Refused(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    settings_page(conn, &user, Refusal::Settings(input, &errors))?,
                )),
            },
        )
        .await?;
    if matches!(posted, Posted::Done(_)) {
        changed(&state).await?;
    }
    Ok(posted.respond(|()| ("/secretariat/settings".to_owned(), "notice-settings-saved")))
}

/// `POST /secretariat/settings/logo` (multipart: `file`, or `remove_logo`).
pub async fn save_logo(
    req: HttpRequest,
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    multipart: actix_multipart::Multipart,
) -> AppResult<HttpResponse> {
    let read = read_upload(&req, Some(&user), multipart, LOGO_UPLOAD_LIMIT).await?;
    let posted = state
        .db
        .run(move |conn| {
            let done = read.map_err(AppError::invalid).and_then(|mut upload| {
                let remove = upload.field("remove_logo").is_some();
                let file = upload.take_file()?.map(|(_, bytes)| bytes);
                match (remove, file) {
                    (true, _) => service::set_logo(conn, &user.account.actor(), None)
                        .map(|()| "notice-logo-removed"),
                    (false, Some(bytes)) => {
                        service::set_logo(conn, &user.account.actor(), Some(&bytes))
                            .map(|()| "notice-logo-saved")
                    }
                    (false, None) => Err(AppError::invalid("error-choose-an-image-file-png-or")),
                }
            });
            refused_or(done, |why| settings_page(conn, &user, Refusal::Logo(why)))
        })
        .await?;
    if matches!(posted, Posted::Done(_)) {
        changed(&state).await?;
    }
    Ok(posted.respond(|done| ("/secretariat/settings#logo".to_owned(), done.to_owned())))
}
