//! Minutes as a reader sees them: the version line and the approvals in words, the content as
//! the audience may read it. The page, the API and the stored PDF use this one view.

use crate::db::minutes::Minutes;
use crate::documents::{MinutesView, minutes_view};
use crate::domain::audience::Audience;
use crate::domain::time::date_da;

/// The minutes as their page and PDF show them to `audience`.
pub fn view(minutes: &Minutes, audience: Audience) -> MinutesView {
    let mut version_line = match minutes.published_at {
        Some(at) => format!(
            "Version {}, godkendt og offentliggjort {}",
            minutes.version,
            date_da(at)
        ),
        None => format!("Udkast til version {}, ikke godkendt", minutes.version),
    };
    if let Some(reason) = &minutes.correction_reason {
        version_line.push_str(&format!(". Rettelse: {reason}"));
    }
    let approvals = minutes
        .signers
        .iter()
        .map(
            |s| match minutes.signatures.iter().find(|g| g.key == s.key) {
                Some(g) => format!(
                    "{} ({}), godkendt {}{}",
                    s.name,
                    s.role.to_lowercase(),
                    date_da(g.signed_at),
                    if g.on_behalf {
                        ", registreret af sekretariatet"
                    } else {
                        ""
                    }
                ),
                None => format!("{} ({}): mangler", s.name, s.role.to_lowercase()),
            },
        )
        .collect();
    minutes_view(&minutes.content, version_line, approvals, audience)
}
