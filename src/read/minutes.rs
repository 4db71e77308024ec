//! Minutes as a reader sees them: the version line and the approvals in words, the content as
//! the audience may read it. The page, the API and the stored PDF use this one view.

use crate::db::minutes::Minutes;
use crate::documents::{MinutesView, minutes_view};
use crate::domain::audience::Audience;
use crate::domain::language::Lang;
use crate::domain::time::date;
use crate::i18n::{t, t_with};

/// The minutes as their page and PDF show them to `audience`.
pub fn view(lang: Lang, minutes: &Minutes, audience: Audience) -> MinutesView {
    let mut version_line = match minutes.published_at {
        Some(at) => t_with(
            lang,
            "minutes-version-published",
            &[
                ("version", i64::from(minutes.version).into()),
                ("date", date(lang, at).into()),
            ],
        ),
        None => t_with(
            lang,
            "minutes-version-draft",
            &[("version", i64::from(minutes.version).into())],
        ),
    };
    if let Some(reason) = &minutes.correction_reason {
        version_line.push_str(&t_with(
            lang,
            "minutes-correction",
            &[("reason", reason.clone().into())],
        ));
    }
    let approvals = minutes
        .signers
        .iter()
        .map(
            |s| match minutes.signatures.iter().find(|g| g.key == s.key) {
                Some(g) => format!(
                    "{}{}",
                    t_with(
                        lang,
                        "minutes-approved",
                        &[
                            ("name", s.name.clone().into()),
                            ("role", s.role.to_lowercase().into()),
                            ("date", date(lang, g.signed_at).into()),
                        ],
                    ),
                    if g.on_behalf {
                        t(lang, "minutes-on-behalf")
                    } else {
                        String::new()
                    }
                ),
                None => t_with(
                    lang,
                    "minutes-approval-missing",
                    &[
                        ("name", s.name.clone().into()),
                        ("role", s.role.to_lowercase().into()),
                    ],
                ),
            },
        )
        .collect();
    minutes_view(lang, &minutes.content, version_line, approvals, audience)
}
