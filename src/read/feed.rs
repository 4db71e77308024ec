//! A body's Atom feed: its released agendas (and supplements) and its published minutes,
//! newest first, as the public may read them.

use crate::db::{DbConnection, agenda, meetings};
use crate::domain::language::Lang;
use crate::domain::{OrganizationId, atom};
use crate::error::AppResult;
use crate::i18n::t_with;

/// How many entries a feed carries.
pub const FEED_ENTRIES: i64 = 50;

/// The feed of the body `id`, with absolute links under `base`.
pub fn organization(
    lang: Lang,
    conn: &mut DbConnection,
    base: &str,
    id: OrganizationId,
) -> AppResult<atom::Feed> {
    let name = meetings::body_name(conn, id)?;
    let published = crate::db::minutes::published_of_organization(conn, id, FEED_ENTRIES)?
        .into_iter()
        .map(|(meeting, version, at)| Ok((meetings::get(conn, meeting)?, version, at)))
        .collect::<AppResult<Vec<_>>>()?;
    let entries = agenda::releases_of_organization(conn, id, FEED_ENTRIES)?;
    // Published minutes are entries too: the decisions are what many readers wait for.
    let minutes_entries = published.into_iter().filter_map(|(meeting, version, at)| {
        let meeting = meeting?;
        let when = crate::domain::time::datetime(lang, meeting.starts_at);
        let url = format!(
            "{base}/meetings/{}/minutes.pdf?version={version}",
            meeting.id
        );
        Some(atom::Entry {
            id: url.clone(),
            title: if version == 1 {
                t_with(lang, "feed-minutes-published", &[("when", when.into())])
            } else {
                t_with(
                    lang,
                    "feed-minutes-corrected",
                    &[
                        ("when", when.into()),
                        ("version", i64::from(version).into()),
                    ],
                )
            },
            url: format!("{base}/meetings/{}", meeting.id),
            updated: at,
            summary: t_with(
                lang,
                "feed-minutes-summary",
                &[
                    ("organization", meeting.organization_name.clone().into()),
                    ("location", meeting.location.clone().into()),
                ],
            ),
        })
    });
    let mut entries: Vec<atom::Entry> = entries
        .iter()
        .map(|e| {
            let meeting = &e.agenda.snapshot.meeting;
            let when = crate::domain::time::datetime(lang, meeting.starts_at);
            let title = if e.agenda.version == 1 {
                t_with(lang, "feed-agenda-released", &[("when", when.into())])
            } else {
                t_with(
                    lang,
                    "feed-agenda-supplement",
                    &[
                        ("when", when.into()),
                        ("version", i64::from(e.agenda.version).into()),
                    ],
                )
            };
            let summary = if e.agenda.version == 1 {
                e.agenda
                    .snapshot
                    .items
                    .iter()
                    .map(|i| {
                        let i = i.public_view();
                        if i.public {
                            format!("{}. {}", i.number, i.display_title())
                        } else {
                            t_with(
                                lang,
                                "feed-closed-item",
                                &[
                                    ("number", i.number.clone().into()),
                                    ("title", i.title.clone().into()),
                                ],
                            )
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            } else {
                e.public_changes.join("\n")
            };
            let url = format!(
                "{base}/meetings/{}?version={}",
                meeting.id, e.agenda.version
            );
            atom::Entry {
                id: url.clone(),
                title,
                url,
                updated: e.agenda.released_at,
                summary: format!(
                    "{}\n{summary}",
                    t_with(
                        lang,
                        "feed-meeting-place",
                        &[
                            ("organization", meeting.organization_name.clone().into()),
                            ("location", meeting.location.clone().into()),
                        ]
                    )
                ),
            }
        })
        .collect();
    entries.extend(minutes_entries);
    entries.sort_by_key(|e| std::cmp::Reverse(e.updated));
    entries.truncate(FEED_ENTRIES as usize);
    let self_url = format!("{base}/organizations/{id}/feed.atom");
    Ok(atom::Feed {
        id: self_url.clone(),
        title: t_with(lang, "feed-title", &[("name", name.into())]),
        self_url,
        page_url: format!("{base}/"),
        updated: entries
            .first()
            .map_or_else(|| chrono::DateTime::UNIX_EPOCH, |e| e.updated),
        entries,
        lang,
    })
}
