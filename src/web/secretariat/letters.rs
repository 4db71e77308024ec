//! The secretariat's letters: every letter (`/secretariat/letters`), drafting an outgoing letter
//! or registering an incoming one (`/secretariat/letters/new`), one letter with its actions
//! (`/secretariat/letters/{id}`: edit, approve, send, publish, put on an agenda, reply), and the
//! organizations' letterheads (`/secretariat/letterheads`).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::db::letters::{self, Letter};
use crate::db::{DbConnection, audit, cases, meetings};
use crate::domain::account::Actor;
use crate::domain::attachment::{self, clean_filename};
use crate::domain::letter::{
    LetterDirection, LetterEvent, LetterStatus, LetterText, Signatory, check_incoming,
    check_outgoing, check_sender_name, reply_to,
};
use crate::domain::proposal::FieldErrors;
use crate::domain::time::{parse_date, today};
use crate::domain::{CaseReference, LetterId, MeetingId, OrganizationId};
use crate::error::{AppError, AppResult};
use crate::service::{
    self,
    letters::{CaseChoice, LetterInput, LetterheadInput, Sender},
};
use crate::web::AppState;
use crate::web::auth::{CsrfForm, CurrentUser, Secretariat};
use crate::web::forms::{page as html, refused_or};
use crate::web::templates::render_page;
use crate::web::upload::read_upload;
use crate::web::views::{AuditLine, When, case_url};

pub use crate::urls::letter as letter_url;

/// The letter form as typed: every field a string, so a refused form comes back as it was.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct LetterFields {
    pub direction: String,
    pub case: String,
    pub case_title: String,
    pub in_reply_to: String,
    pub sender: String,
    pub sender_name: String,
    pub date: String,
    pub recipient_name: String,
    pub recipient_title: String,
    pub recipient_email: String,
    pub heading: String,
    pub salutation: String,
    pub body: String,
    pub closing: String,
    pub sig1_name: String,
    pub sig1_title: String,
    pub sig2_name: String,
    pub sig2_title: String,
    pub sig3_name: String,
    pub sig3_title: String,
    pub sig4_name: String,
    pub sig4_title: String,
    pub public: Option<String>,
    pub lock: Option<String>,
}

impl LetterFields {
    fn outgoing(&self) -> bool {
        self.direction != LetterDirection::Incoming.as_str()
    }

    fn signatories(&self) -> Vec<Signatory> {
        [
            (&self.sig1_name, &self.sig1_title),
            (&self.sig2_name, &self.sig2_title),
            (&self.sig3_name, &self.sig3_title),
            (&self.sig4_name, &self.sig4_title),
        ]
        .into_iter()
        .map(|(name, title)| Signatory {
            name: name.clone(),
            title: Some(title.clone()),
        })
        .collect()
    }

    fn set_signatories(&mut self, list: &[Signatory]) {
        let title = |s: &Signatory| s.title.clone().unwrap_or_default();
        let slots = [
            (&mut self.sig1_name, &mut self.sig1_title),
            (&mut self.sig2_name, &mut self.sig2_title),
            (&mut self.sig3_name, &mut self.sig3_title),
            (&mut self.sig4_name, &mut self.sig4_title),
        ];
        for (i, (name, t)) in slots.into_iter().enumerate() {
            match list.get(i) {
                Some(s) => {
                    *name = s.name.clone();
                    *t = title(s);
                }
                None => {
                    name.clear();
                    t.clear();
                }
            }
        }
    }

    fn text(&self) -> LetterText {
        LetterText {
            recipient_name: self.recipient_name.clone(),
            recipient_title: Some(self.recipient_title.clone()),
            recipient_email: Some(self.recipient_email.clone()),
            heading: self.heading.clone(),
            salutation: self.salutation.clone(),
            body: self.body.clone(),
            closing: self.closing.clone(),
            signatories: self.signatories(),
        }
    }

    /// The fields of a stored letter, for its edit form.
    fn of(lang: crate::domain::language::Lang, letter: &Letter) -> Self {
        let mut fields = LetterFields {
            direction: letter.direction.as_str().to_owned(),
            sender: letter
                .sender_organization_id
                .map(|o| o.0.to_string())
                .unwrap_or_default(),
            sender_name: letter.sender_name.clone(),
            date: crate::domain::time::day(lang, letter.date),
            recipient_name: letter.text.recipient_name.clone(),
            recipient_title: letter.text.recipient_title.clone().unwrap_or_default(),
            recipient_email: letter.text.recipient_email.clone().unwrap_or_default(),
            heading: letter.text.heading.clone(),
            salutation: letter.text.salutation.clone(),
            body: letter.text.body.clone(),
            closing: letter.text.closing.clone(),
            public: letter.public.then(|| "ja".to_owned()),
            lock: Some(letter.lock_version.to_string()),
            ..Default::default()
        };
        fields.set_signatories(&letter.text.signatories);
        fields
    }

    /// The fields of a multipart form.
    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let map: serde_json::Map<String, Value> = pairs
            .iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect();
        serde_json::from_value(Value::Object(map)).unwrap_or_default()
    }
}

/// Reads the form into a letter, every problem at its field. `new` asks for the case too.
fn parse(
    fields: &LetterFields,
    new: bool,
    has_original: bool,
) -> Result<(Option<CaseReference>, LetterInput), FieldErrors> {
    let mut errors = FieldErrors::default();
    let case = if new {
        match CaseReference::parse(fields.case.trim()) {
            Ok(c) => Some(c),
            Err(_) => {
                errors.add("case", "field-write-the-case-number-as-yyyy");
                None
            }
        }
    } else {
        None
    };
    let date = if fields.date.trim().is_empty() {
        Some(today())
    } else {
        parse_date(&fields.date)
    };
    if date.is_none() {
        errors.add("date", "field-write-the-date-as-dd-mm");
    }
    let sender = match fields.sender.trim() {
        "" if fields.outgoing() => {
            errors.add("sender", "field-choose-the-sender");
            None
        }
        "" => match check_sender_name(&fields.sender_name) {
            Ok(name) => Some(Sender::Named(name)),
            Err(e) => {
                errors.0.extend(e.0);
                None
            }
        },
        id => match id.parse::<i64>() {
            Ok(id) => Some(Sender::Organization(OrganizationId(id))),
            Err(_) => {
                errors.add("sender", "field-choose-the-sender-on-the-list");
                None
            }
        },
    };
    let text = if fields.outgoing() {
        check_outgoing(&fields.text())
    } else {
        check_incoming(&fields.text(), has_original)
    };
    let text = match text {
        Ok(t) => Some(t),
        Err(e) => {
            errors.0.extend(e.0);
            None
        }
    };
    match (date, sender, text) {
        (Some(date), Some(sender), Some(text)) if errors.is_empty() => Ok((
            case,
            LetterInput {
                sender,
                date,
                text,
                public: fields.public.is_some(),
            },
        )),
        _ => Err(errors),
    }
}

/// What the form is for.
#[derive(Debug, Clone, Copy)]
enum FormFor {
    New,
    Edit(LetterId),
}

fn form_page(
    conn: &mut DbConnection,
    user: &CurrentUser,
    target: FormFor,
    fields: &LetterFields,
    errors: &FieldErrors,
    problem: Option<&crate::i18n::Msg>,
) -> AppResult<String> {
    let lang = user.lang;
    let outgoing = fields.outgoing();
    let senders: Vec<SenderChoice> = letters::letterheads(conn)?
        .iter()
        .filter(|e| !outgoing || e.can_send())
        .map(|e| SenderChoice {
            id: e.id,
            name: e.name.clone(),
            selected: fields.sender.trim() == e.id.0.to_string(),
        })
        .collect();
    let (action, heading) = match (target, outgoing) {
        (FormFor::New, true) => (
            "/secretariat/letters".to_owned(),
            crate::i18n::t(lang, "letter-form-new-outgoing"),
        ),
        (FormFor::New, false) => (
            "/secretariat/letters/incoming".to_owned(),
            crate::i18n::t(lang, "letter-form-register-incoming"),
        ),
        (FormFor::Edit(id), true) => (
            format!("{}/edit", letter_url(id)),
            crate::i18n::t(lang, "letter-form-edit-outgoing"),
        ),
        (FormFor::Edit(id), false) => (
            format!("{}/edit", letter_url(id)),
            crate::i18n::t(lang, "letter-form-edit-incoming"),
        ),
    };
    // The case as a link, when it exists.
    let case = match CaseReference::parse(fields.case.trim()) {
        Ok(reference) => cases::by_reference(conn, &reference)?.map(|c| (reference, c.title)),
        Err(_) => None,
    };
    let reply_to = match fields.in_reply_to.trim().parse::<LetterId>() {
        Ok(id) => letters::get(conn, id)?.map(|original| Link {
            url: letter_url(id),
            text: letter_of(lang, &original),
        }),
        Err(_) => None,
    };
    let view = FormPage {
        letter_url: match target {
            FormFor::Edit(id) => Some(letter_url(id)),
            FormFor::New => None,
        },
        case_url: case.as_ref().map(|(reference, _)| case_url(reference)),
        case_known: case.map(|(_, title)| title),
        reply_to,
        action,
        heading,
        is_new: matches!(target, FormFor::New),
        outgoing,
        f: fields,
        senders,
        signatories: fields
            .signatories()
            .iter()
            .enumerate()
            .map(|(i, s)| SignatoryLine {
                n: i + 1,
                name: s.name.clone(),
                title: s.title.clone(),
            })
            .collect(),
        errors: crate::web::forms::error_lines(errors),
        e: errors.0.iter().cloned().collect(),
        problem,
    };
    render_page("secretariat/letter_form.html", user, &view)
}

/// The letter form: what was typed, who may send, the case and the letter it answers, and
/// what was wrong (by field in `e`).
#[derive(Serialize)]
struct FormPage<'a> {
    letter_url: Option<String>,
    case_known: Option<String>,
    case_url: Option<String>,
    reply_to: Option<Link>,
    action: String,
    heading: String,
    is_new: bool,
    outgoing: bool,
    f: &'a LetterFields,
    senders: Vec<SenderChoice>,
    signatories: Vec<SignatoryLine>,
    errors: Vec<crate::web::forms::ErrorLine>,
    e: std::collections::BTreeMap<String, crate::i18n::Msg>,
    problem: Option<&'a crate::i18n::Msg>,
}

#[derive(Serialize)]
struct SenderChoice {
    id: OrganizationId,
    name: String,
    selected: bool,
}

#[derive(Serialize)]
struct SignatoryLine {
    n: usize,
    name: String,
    title: Option<String>,
}

/// A link with its text (the letter answered).
#[derive(Serialize)]
struct Link {
    url: String,
    text: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    retning: Option<String>,
    #[serde(default)]
    sag: Option<String>,
    #[serde(default)]
    svar_paa: Option<LetterId>,
}

/// `GET /secretariat/letters/new?retning=ud|ind&sag=…&svar_paa=…`
pub async fn new_form(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    query: web::Query<NewQuery>,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let query = query.into_inner();
    let body = state
        .db
        .run(move |conn| {
            // A letter is the council's document, in its language.
            let letter_lang = crate::db::municipality::language(conn)?;
            let mut fields = LetterFields {
                direction: match query.retning.as_deref() {
                    Some("ind") => LetterDirection::Incoming,
                    _ => LetterDirection::Outgoing,
                }
                .as_str()
                .to_owned(),
                case: query.sag.unwrap_or_default(),
                date: crate::domain::time::day(lang, today()),
                closing: crate::i18n::t(letter_lang, "letter-closing"),
                ..Default::default()
            };
            // A reply starts from the letter it answers: to its sender, on its case.
            if let Some(id) = query.svar_paa {
                let original = letters::get(conn, id)?
                    .ok_or_else(|| AppError::not_found("error-the-letter-to-be-answered-does"))?;
                let email = match original.sender_organization_id {
                    Some(org) => letters::letterheads(conn)?
                        .into_iter()
                        .find(|e| e.id == org)
                        .and_then(|e| e.email),
                    None => None,
                };
                let reply = reply_to(
                    letter_lang,
                    &original.text,
                    &original.sender_name,
                    email.as_deref(),
                );
                fields.direction = LetterDirection::Outgoing.as_str().to_owned();
                fields.case = cases::reference_of(conn, original.case_id)?.to_string();
                fields.in_reply_to = id.to_string();
                fields.recipient_name = reply.recipient_name;
                fields.recipient_title = reply.recipient_title.unwrap_or_default();
                fields.recipient_email = reply.recipient_email.unwrap_or_default();
                fields.heading = reply.heading;
                fields.salutation = reply.salutation;
                fields.closing = reply.closing;
            }
            form_page(
                conn,
                &user,
                FormFor::New,
                &fields,
                &FieldErrors::default(),
                None,
            )
        })
        .await?;
    Ok(html(StatusCode::OK, body))
}

/// `POST /secretariat/letters`: an outgoing letter's first draft.
pub async fn create(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    CsrfForm(mut fields): CsrfForm<LetterFields>,
) -> AppResult<HttpResponse> {
    fields.direction = LetterDirection::Outgoing.as_str().to_owned();
    save_new(state, user, fields, None).await
}

/// `POST /secretariat/letters/incoming`: an incoming letter with its original file (multipart).
pub async fn register(
    req: HttpRequest,
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    multipart: actix_multipart::Multipart,
) -> AppResult<HttpResponse> {
    let read = read_upload(
        &req,
        Some(&user),
        multipart,
        state.settings.max_attachment_bytes,
    )
    .await?;
    let upload = match read {
        Ok(upload) => upload,
        Err(e) => {
            let message = crate::i18n::Msg::from(e);
            let body = state
                .db
                .run(move |conn| {
                    let fields = LetterFields {
                        direction: LetterDirection::Incoming.as_str().to_owned(),
                        ..Default::default()
                    };
                    let mut errors = FieldErrors::default();
                    errors.add("original", message);
                    form_page(conn, &user, FormFor::New, &fields, &errors, None)
                })
                .await?;
            return Ok(html(StatusCode::UNPROCESSABLE_ENTITY, body));
        }
    };
    let mut upload = upload;
    let mut fields = LetterFields::from_pairs(&upload.fields);
    fields.direction = LetterDirection::Incoming.as_str().to_owned();
    let original = match upload.take_file()?.filter(|(_, bytes)| !bytes.is_empty()) {
        None => Ok(None),
        Some((name, bytes)) => clean_filename(&name)
            .and_then(|name| {
                let kind = attachment::check(&name, &bytes)?;
                Ok((name, kind, bytes))
            })
            .map(Some),
    };
    save_new(state, user, fields, Some(original)).await
}

type Original = Result<Option<(String, &'static str, Vec<u8>)>, attachment::AttachmentError>;

async fn save_new(
    state: web::Data<AppState>,
    user: CurrentUser,
    fields: LetterFields,
    original: Option<Original>,
) -> AppResult<HttpResponse> {
    let outcome = state
        .db
        .run(move |conn| {
            let mut file_error = None;
            let original = match original {
                None => None,
                Some(Ok(file)) => file,
                Some(Err(e)) => {
                    file_error = Some(crate::i18n::Msg::from(e));
                    None
                }
            };
            let parsed = parse(&fields, true, original.is_some());
            let (case, input) = match (parsed, file_error) {
                (Ok(ok), None) => ok,
                (parsed, file_error) => {
                    let mut errors = parsed.err().unwrap_or_default();
                    if let Some(e) = file_error {
                        errors.add("original", e);
                    }
                    let body = form_page(conn, &user, FormFor::New, &fields, &errors, None)?;
                    return Ok(crate::web::forms::Posted::Refused(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        body,
                    ));
                }
            };
            let case = case.ok_or_else(|| AppError::internal("a new letter without its case"))?;
            let choice = CaseChoice {
                reference: &case,
                new_title: Some(fields.case_title.as_str()),
            };
            let actor = user.account.actor();
            let by = Some(user.account.id);
            let done = if fields.outgoing() {
                let reply = fields.in_reply_to.trim().parse::<LetterId>().ok();
                service::letters::draft(conn, &actor, by, &choice, &input, reply)
            } else {
                let file = original
                    .as_ref()
                    .map(|(name, kind, bytes)| (name.as_str(), *kind, bytes.as_slice()));
                service::letters::register(conn, &actor, by, &choice, &input, file)
            };
            refused_or(done, |why| {
                form_page(
                    conn,
                    &user,
                    FormFor::New,
                    &fields,
                    &FieldErrors::default(),
                    Some(why),
                )
            })
        })
        .await?;
    Ok(outcome.respond(|id| (letter_url(id), done_text("gemt"))))
}

/// `GET /secretariat/letters/{id}/edit`
pub async fn edit_form(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<LetterId>,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let id = path.into_inner();
    let body = state
        .db
        .run(move |conn| {
            let letter = get(conn, id)?;
            if let Err(why) = letter.status.after(LetterEvent::Edit) {
                return letter_page(conn, &user, id, Some(&why.0.into()));
            }
            let mut fields = LetterFields::of(lang, &letter);
            fields.case = cases::reference_of(conn, letter.case_id)?.to_string();
            form_page(
                conn,
                &user,
                FormFor::Edit(id),
                &fields,
                &FieldErrors::default(),
                None,
            )
        })
        .await?;
    Ok(html(StatusCode::OK, body))
}

/// `POST /secretariat/letters/{id}/edit`
pub async fn update(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<LetterId>,
    CsrfForm(mut fields): CsrfForm<LetterFields>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let outcome = state
        .db
        .run(move |conn| {
            let letter = get(conn, id)?;
            // The direction is the letter's, whatever the form says.
            fields.direction = letter.direction.as_str().to_owned();
            fields.case = cases::reference_of(conn, letter.case_id)?.to_string();
            let lock = fields.lock.as_deref().and_then(|l| l.trim().parse().ok());
            let parsed = parse(&fields, false, letter.has_original);
            let input = match parsed {
                Ok((_, input)) => input,
                Err(errors) => {
                    let body = form_page(conn, &user, FormFor::Edit(id), &fields, &errors, None)?;
                    return Ok(crate::web::forms::Posted::Refused(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        body,
                    ));
                }
            };
            let actor = user.account.actor();
            let done = service::letters::edit(conn, &actor, id, lock.unwrap_or(-1), &input);
            refused_or(done, |why| letter_page(conn, &user, id, Some(why)))
        })
        .await?;
    Ok(outcome.respond(|_| (letter_url(id), done_text("gemt"))))
}

fn get(conn: &mut DbConnection, id: LetterId) -> AppResult<Letter> {
    letters::get(conn, id)?.ok_or_else(|| AppError::not_found("error-the-letter-does-not-exist"))
}

#[derive(Debug, Deserialize)]
pub struct ActionForm {
    action: String,
    #[serde(default)]
    lock: Option<String>,
}

/// `POST /secretariat/letters/{id}`: approve, reopen, send, publish or unpublish.
pub async fn act(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<LetterId>,
    CsrfForm(form): CsrfForm<ActionForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    if form.action == "send"
        && let Some(again) = crate::web::auth::reauth_redirect(&state, &user, &letter_url(id))
    {
        return Ok(again);
    }
    let settings = state.settings.clone();
    let action = form.action.clone();
    let outcome = state
        .db
        .run(move |conn| {
            let actor = user.account.actor();
            let by = Some(user.account.id);
            let lock = form
                .lock
                .as_deref()
                .and_then(|l| l.trim().parse().ok())
                .unwrap_or(-1);
            let done = match form.action.as_str() {
                "approve" => {
                    service::letters::transition(conn, &actor, by, id, lock, LetterEvent::Approve)
                }
                "reopen" => {
                    service::letters::transition(conn, &actor, by, id, lock, LetterEvent::Reopen)
                }
                "send" => service::letters::send(conn, &settings, &actor, id, lock).map(|_| ()),
                "publish" => service::letters::publish(conn, &actor, id, lock, true),
                "unpublish" => service::letters::publish(conn, &actor, id, lock, false),
                _ => Err(AppError::bad_request("error-unknown-action")),
            };
            refused_or(done, |why| letter_page(conn, &user, id, Some(why)))
        })
        .await?;
    Ok(outcome.respond(|_| (letter_url(id), done_text(&action))))
}

#[derive(Debug, Deserialize)]
pub struct AgendaForm {
    meeting: String,
}

/// `POST /secretariat/letters/{id}/agenda`: an incoming letter on a coming agenda.
pub async fn put_on_agenda(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<LetterId>,
    CsrfForm(form): CsrfForm<AgendaForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let outcome = state
        .db
        .run(move |conn| {
            let actor = user.account.actor();
            let done = form
                .meeting
                .trim()
                .parse::<i64>()
                .map_err(|_| AppError::invalid("error-choose-the-meeting-the-letter-is"))
                .and_then(|m| {
                    service::letters::put_on_agenda(
                        conn,
                        &actor,
                        Some(user.account.id),
                        id,
                        MeetingId(m),
                    )
                });
            refused_or(done, |why| letter_page(conn, &user, id, Some(why)))
        })
        .await?;
    Ok(outcome.respond(|_| (letter_url(id), done_text("dagsorden"))))
}

/// What an action on a letter did, said on its page afterwards.
fn done_text(action: &str) -> &'static str {
    match action {
        "gemt" => "notice-letter-saved",
        "approve" => "notice-letter-approved",
        "reopen" => "notice-letter-reopened",
        "send" => "notice-letter-sent",
        "publish" => "notice-letter-published",
        "unpublish" => "notice-letter-unpublished",
        "dagsorden" => "notice-letter-on-agenda",
        _ => "notice-letter-changed",
    }
}

/// `GET /secretariat/letters/{id}`
pub async fn show(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<LetterId>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let body = state
        .db
        .run(move |conn| letter_page(conn, &user, id, None))
        .await?;
    Ok(html(StatusCode::OK, body))
}

fn letter_page(
    conn: &mut DbConnection,
    user: &CurrentUser,
    id: LetterId,
    problem: Option<&crate::i18n::Msg>,
) -> AppResult<String> {
    let lang = user.lang;
    let letter = get(conn, id)?;
    let reference = cases::reference_of(conn, letter.case_id)?;
    let case = cases::by_reference(conn, &reference)?
        .ok_or_else(|| AppError::internal("a letter's case is missing"))?;
    let reply_to = letter
        .in_reply_to
        .and_then(|i| letters::get(conn, i).ok().flatten())
        .map(|answered| Link {
            url: letter_url(answered.id),
            text: letter_of(lang, &answered),
        });
    let agenda_url = match letter.agenda_item_id {
        Some(item) => crate::read::followup::presented_url(conn, item)?,
        None => None,
    };
    // An incoming letter not yet on an agenda can be put on a coming meeting's.
    let upcoming =
        if letter.direction == LetterDirection::Incoming && letter.agenda_item_id.is_none() {
            let bodies: Vec<OrganizationId> = meetings::meeting_organizations(conn)?
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            meetings::upcoming_of(conn, &bodies, Utc::now(), 20)?
                .iter()
                .map(|m| MeetingChoice {
                    id: m.id,
                    label: format!(
                        "{}, {}",
                        m.organization_name,
                        crate::domain::time::datetime(lang, m.starts_at)
                    ),
                })
                .collect()
        } else {
            Vec::new()
        };
    let history = audit::for_subject(conn, audit::SubjectKind("letter").with(id))?
        .iter()
        .map(|e| AuditLine::new(lang, e))
        .collect();
    let view = LetterPage {
        letter: letter_view(lang, &letter),
        case: CaseLine {
            reference: reference.to_string(),
            title: case.title,
            url: case_url(&reference),
        },
        body_html: crate::domain::markdown::to_safe_html(&letter.text.body),
        problem,
        reply_to,
        agenda_url,
        upcoming,
        history,
    };
    render_page("secretariat/letter.html", user, &view)
}

/// A letter as the secretariat handles it: its parts and status, its case, the letter it
/// answers, where it is on an agenda, and its history.
#[derive(Serialize)]
struct LetterPage<'a> {
    letter: LetterView,
    case: CaseLine,
    body_html: String,
    problem: Option<&'a crate::i18n::Msg>,
    reply_to: Option<Link>,
    agenda_url: Option<String>,
    upcoming: Vec<MeetingChoice>,
    history: Vec<AuditLine>,
}

#[derive(Serialize)]
struct CaseLine {
    reference: String,
    title: String,
    url: String,
}

/// A coming meeting an incoming letter can be put before.
#[derive(Serialize)]
struct MeetingChoice {
    id: MeetingId,
    label: String,
}

/// The letter's parts and what may be done with it now.
#[derive(Serialize)]
struct LetterView {
    id: LetterId,
    direction: LetterDirection,
    direction_label: String,
    status: LetterStatus,
    status_label: String,
    incoming: bool,
    editable: bool,
    can_approve: bool,
    approved: bool,
    sent: bool,
    sender: String,
    date: String,
    recipient_name: String,
    recipient_title: Option<String>,
    recipient_email: Option<String>,
    heading: String,
    salutation: String,
    closing: String,
    signatories: Vec<crate::domain::letter::Signatory>,
    public: bool,
    original: Option<String>,
    sent_at: Option<String>,
    approved_at: Option<String>,
    lock: i32,
    pdf_url: String,
    original_url: String,
}

fn letter_view(lang: crate::domain::language::Lang, l: &Letter) -> LetterView {
    LetterView {
        id: l.id,
        direction: l.direction,
        direction_label: l.direction.label(lang),
        status: l.status,
        status_label: l.status.label(lang),
        incoming: l.direction == LetterDirection::Incoming,
        editable: l.status.after(LetterEvent::Edit).is_ok(),
        can_approve: l.status == LetterStatus::Draft,
        approved: l.status == LetterStatus::Approved,
        sent: l.status == LetterStatus::Sent,
        sender: l.sender_name.clone(),
        date: crate::domain::time::long_date(lang, l.date),
        recipient_name: l.text.recipient_name.clone(),
        recipient_title: l.text.recipient_title.clone(),
        recipient_email: l.text.recipient_email.clone(),
        heading: l.text.heading.clone(),
        salutation: l.text.salutation.clone(),
        closing: l.text.closing.clone(),
        signatories: l.text.signatories.clone(),
        public: l.public,
        original: l.original_filename.clone(),
        sent_at: l.sent_at.map(|t| When::new(lang, t).text),
        approved_at: l.approved_at.map(|t| When::new(lang, t).text),
        lock: l.lock_version,
        pdf_url: crate::urls::letter_pdf(l.id),
        original_url: crate::urls::letter_original(l.id),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    side: Option<i64>,
}

const PER_PAGE: i64 = 50;

/// `GET /secretariat/letters`: every letter, newest first, paginated.
pub async fn list(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    let lang = user.lang;
    let page = query.side.unwrap_or(1).max(1);
    let body = state
        .db
        .run(move |conn| {
            let (list, total) = letters::page(conn, false, (page - 1) * PER_PAGE, PER_PAGE)?;
            let mut rows = Vec::new();
            for l in &list {
                let reference = cases::reference_of(conn, l.case_id)?;
                rows.push(LetterRow {
                    url: letter_url(l.id),
                    date: crate::domain::time::day(lang, l.date),
                    direction: l.direction.label(lang),
                    party: match l.direction {
                        LetterDirection::Incoming => format!("Fra {}", l.sender_name),
                        LetterDirection::Outgoing => format!("Til {}", l.text.recipient_name),
                    },
                    heading: l.text.heading.clone(),
                    status: l.status.label(lang),
                    public: l.public,
                    case: reference.to_string(),
                    case_url: case_url(&reference),
                });
            }
            let view = LettersPage {
                letters: rows,
                total,
                page,
                prev: (page > 1).then(|| page - 1),
                next: (page * PER_PAGE < total).then(|| page + 1),
            };
            render_page("secretariat/letters.html", &user, &view)
        })
        .await?;
    Ok(html(StatusCode::OK, body))
}

/// Every letter, newest first, a page at a time.
#[derive(Serialize)]
struct LettersPage {
    letters: Vec<LetterRow>,
    total: i64,
    page: i64,
    prev: Option<i64>,
    next: Option<i64>,
}

#[derive(Serialize)]
struct LetterRow {
    url: String,
    date: String,
    direction: String,
    party: String,
    heading: String,
    status: String,
    public: bool,
    case: String,
    case_url: String,
}

/// `GET /secretariat/letterheads`
pub async fn letterheads(
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
) -> AppResult<HttpResponse> {
    let body = state
        .db
        .run(move |conn| letterheads_page(conn, &user, None))
        .await?;
    Ok(html(StatusCode::OK, body))
}

fn letterheads_page(
    conn: &mut DbConnection,
    user: &CurrentUser,
    problem: Option<(OrganizationId, &crate::i18n::Msg)>,
) -> AppResult<String> {
    let lang = user.lang;
    let entries = letters::letterheads(conn)?
        .iter()
        .map(|e| LetterheadLine {
            id: e.id,
            name: e.name.clone(),
            kind: e
                .kind
                .parse::<crate::domain::organization::OrganizationKind>()
                .map(|k| k.label(lang))
                .unwrap_or_default(),
            address: e.address_lines.join("\n"),
            website: e.website.clone(),
            has_logo: e.has_logo,
            can_send: e.can_send(),
            problem: problem.filter(|(id, _)| *id == e.id).map(|(_, p)| p),
        })
        .collect();
    let view = LetterheadsPage { entries };
    render_page("secretariat/letterheads.html", user, &view)
}

/// The organizations' letterheads, each with its form, and what came of the last save.
#[derive(Serialize)]
struct LetterheadsPage<'a> {
    entries: Vec<LetterheadLine<'a>>,
}

#[derive(Serialize)]
struct LetterheadLine<'a> {
    id: OrganizationId,
    name: String,
    kind: String,
    address: String,
    website: Option<String>,
    has_logo: bool,
    can_send: bool,
    problem: Option<&'a crate::i18n::Msg>,
}

/// `POST /secretariat/letterheads/{id}` (multipart: address, web address, logo).
pub async fn save_letterhead(
    req: HttpRequest,
    state: web::Data<AppState>,
    Secretariat(user): Secretariat,
    path: web::Path<OrganizationId>,
    multipart: actix_multipart::Multipart,
) -> AppResult<HttpResponse> {
    let org = path.into_inner();
    let read = read_upload(&req, Some(&user), multipart, LOGO_UPLOAD_LIMIT).await?;
    let (upload, read_problem) = match read {
        Ok(upload) => (Some(upload), None),
        Err(e) => (None, Some(crate::i18n::Msg::from(e))),
    };
    let actor = user.account.actor();
    let outcome = state
        .db
        .run(move |conn| {
            let done = match (upload, read_problem) {
                (Some(mut upload), None) => save_letterhead_fields(conn, &actor, org, &mut upload),
                (_, problem) => Err(AppError::invalid(problem.unwrap_or_else(|| {
                    crate::domain::attachment::AttachmentError::Empty.into()
                }))),
            };
            refused_or(done, |why| letterheads_page(conn, &user, Some((org, why))))
        })
        .await?;
    Ok(outcome.respond(|_| {
        (
            format!("/secretariat/letterheads#brevhoved-{org}"),
            "notice-letterhead-saved",
        )
    }))
}

/// What is read of a logo upload: past the logo's own limit, so `check_logo` says why it is
/// refused rather than the upload reader.
pub(super) const LOGO_UPLOAD_LIMIT: u64 = crate::domain::letter::LOGO_MAX_BYTES as u64 * 2;

fn save_letterhead_fields(
    conn: &mut DbConnection,
    actor: &Actor,
    org: OrganizationId,
    upload: &mut crate::web::upload::Upload,
) -> AppResult<()> {
    let logo = upload.take_file()?.map(|(_, bytes)| bytes);
    service::letters::set_letterhead(
        conn,
        actor,
        org,
        &LetterheadInput {
            address: upload.field("address").unwrap_or_default(),
            website: upload.field("website"),
            remove_logo: upload.field("remove_logo").is_some(),
            logo,
        },
    )
}

/// "KL af 12. april 2021": a letter named by its sender and date, in a link to it.
fn letter_of(lang: crate::domain::language::Lang, letter: &Letter) -> String {
    crate::i18n::t_with(
        lang,
        "letter-of",
        &[
            ("sender", letter.sender_name.clone().into()),
            (
                "date",
                crate::domain::time::long_date(lang, letter.date).into(),
            ),
        ],
    )
}
