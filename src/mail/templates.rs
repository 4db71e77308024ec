//! Mail bodies from Tera templates in `templates/mail/`, in Danish and English:
//! `NAME.LANG.txt` (the first line is the subject, then a blank line, then the text body) and
//! `NAME.LANG.html` (the HTML body).

use tera::Context;

use crate::domain::mail::Subject;
use crate::error::{AppError, AppResult};
use crate::render::render;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Da,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    pub fn parse(text: &str) -> Option<Lang> {
        match text {
            "da" => Some(Lang::Da),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Who mail comes from as its words say it: the municipality's name (the signature, the
/// footer) and the language of mail to recipients who have not chosen one.
#[derive(Debug, Clone)]
pub struct MailSite {
    pub lang: Lang,
    pub municipality: String,
}

impl MailSite {
    /// The municipality's settings; before `agendum setup` named it, Danish and "Agendum".
    pub fn load(conn: &mut crate::db::DbConnection) -> AppResult<MailSite> {
        use crate::domain::municipality::Language;
        let m = crate::db::municipality::get(conn)?;
        Ok(MailSite {
            lang: match m.as_ref().map(|m| m.default_language) {
                Some(Language::En) => Lang::En,
                _ => Lang::Da,
            },
            municipality: m.map_or_else(|| "Agendum".to_owned(), |m| m.name),
        })
    }
}

pub struct RenderedMail {
    pub subject: Subject,
    pub text: String,
    pub html: String,
}

pub fn render_mail(name: &str, site: &MailSite, ctx: &Context) -> AppResult<RenderedMail> {
    let lang = site.lang;
    let mut ctx = ctx.clone();
    ctx.insert("lang", lang.code());
    ctx.insert("municipality", &site.municipality);
    let text = render(&format!("mail/{name}.{}.txt", lang.code()), &ctx)?;
    let (subject, body) = text
        .split_once("\n\n")
        .ok_or_else(|| AppError::internal(MissingSubject(name.to_owned())))?;
    let subject = Subject::new(subject).map_err(AppError::internal)?;
    let html = render(&format!("mail/{name}.{}.html", lang.code()), &ctx)?;
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
