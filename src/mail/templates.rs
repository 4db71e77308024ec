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

pub struct RenderedMail {
    pub subject: Subject,
    pub text: String,
    pub html: String,
}

pub fn render_mail(name: &str, lang: Lang, ctx: &Context) -> AppResult<RenderedMail> {
    let mut ctx = ctx.clone();
    ctx.insert("lang", lang.code());
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
