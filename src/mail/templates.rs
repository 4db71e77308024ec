//! Mail bodies from Tera templates in `templates/mail/`, in Danish and English:
//! `NAME.LANG.txt` (the first line is the subject, then a blank line, then the text body) and
//! `NAME.LANG.html` (the HTML body).

use tera::Context;

use crate::domain::mail::Subject;
use crate::error::{AppError, AppResult};
use crate::render::render_in;

pub use crate::domain::language::Lang;

/// Who mail comes from as its words say it: the municipality's name (the signature, the
/// footer) and the language of mail to recipients who have not chosen one (`lang`).
#[derive(Debug, Clone)]
pub struct MailSite {
    pub lang: Lang,
    pub municipality: String,
}

impl MailSite {
    /// The municipality's settings; before `agendum setup` named it, Danish and "Agendum".
    pub fn load(conn: &mut crate::db::DbConnection) -> AppResult<MailSite> {
        let m = crate::db::municipality::get(conn)?;
        Ok(MailSite {
            lang: m.as_ref().map_or(Lang::Da, |m| m.default_language),
            municipality: m.map_or_else(|| "Agendum".to_owned(), |m| m.name),
        })
    }

    /// The language of mail to a person: their account's choice (the account acting as
    /// `person`, else the one with the address), else the municipality's.
    pub fn lang_for(
        &self,
        conn: &mut crate::db::DbConnection,
        email: &str,
        person: Option<crate::domain::PersonId>,
    ) -> AppResult<Lang> {
        Ok(crate::db::accounts::language_of(conn, email, person)?.unwrap_or(self.lang))
    }
}

pub struct RenderedMail {
    pub subject: Subject,
    pub text: String,
    pub html: String,
}

/// The mail `name` in `lang`, the recipient's language.
pub fn render_mail(
    name: &str,
    lang: Lang,
    site: &MailSite,
    ctx: &Context,
) -> AppResult<RenderedMail> {
    let mut ctx = ctx.clone();
    ctx.insert("lang", lang.as_str());
    ctx.insert("municipality", &site.municipality);
    let text = render_in(lang, &format!("mail/{name}.{}.txt", lang.as_str()), &ctx)?;
    let (subject, body) = text
        .split_once("\n\n")
        .ok_or_else(|| AppError::internal(MissingSubject(name.to_owned())))?;
    let subject = Subject::new(subject).map_err(AppError::internal)?;
    let html = render_in(lang, &format!("mail/{name}.{}.html", lang.as_str()), &ctx)?;
    Ok(RenderedMail {
        subject,
        text: body.trim_start().to_owned(),
        html,
    })
}

#[derive(Debug)]
struct MissingSubject(String);

impl std::fmt::Display for MissingSubject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "mail template {} has no subject line followed by a blank line",
            self.0
        )
    }
}

impl std::error::Error for MissingSubject {}
