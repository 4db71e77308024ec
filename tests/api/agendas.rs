//! Agendas: the secretariat builds and releases them over HTTP; the PDF is read back with
//! pdftotext; calendars are parsed back; closed content stays with members.

use agendum::db::agenda;
use agendum::db::{meetings, proposals};
use agendum::domain::meeting::MeetingKind;
use agendum::domain::proposal::ProposalStatus;
use agendum::domain::{BodyId, MeetingId, OrganizationId, ProposalId};
use chrono::{Duration, Utc};
use diesel::prelude::*;

use crate::helpers::{
    Backend, Session, TestApp, element, in_ci, notice, on_both_backends, seed_block,
    seed_corrected, spawn_app, text_of,
};

const SEED_MEETING: i64 = 1;
const UPCOMING_COUNCIL_MEETING: i64 = 2;
const COMMITTEE_MEETING: i64 = 3;
const SECRET: &str = "HEMMELIG-GRUNDPRIS-4711";

on_both_backends!(
    agenda_mail_speaks_each_members_language,
    seed_pdf_reads_as_the_seed,
    secretariat_builds_and_releases_an_agenda,
    release_refuses_bad_agendas,
    calendars_parse_back_in_copenhagen_time,
    closed_content_never_leaks,
    supplements_name_closed_items_without_their_cases,
    feed_is_well_formed_atom,
    public_follows_a_body_by_email,
    attachments_are_checked_and_kept_from_the_public,
    markdown_reads_the_same_on_pages_and_paper,
);

/// The text of pages `first..=last` of a PDF, by poppler's pdftotext; `None` (with a notice)
/// where pdftotext is not installed, except in CI.
pub(crate) fn pdf_text(pdf: &[u8], pages: Option<(u32, u32)>) -> Option<String> {
    pdf_tool("pdftotext", pdf, pages)
}

pub(crate) fn pdf_tool(tool: &str, pdf: &[u8], pages: Option<(u32, u32)>) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.pdf");
    std::fs::write(&path, pdf).unwrap();
    let mut command = std::process::Command::new(tool);
    if let Some((first, last)) = pages {
        command.args(["-f", &first.to_string(), "-l", &last.to_string()]);
    }
    command.arg(&path);
    if tool == "pdftotext" {
        command.arg("-");
    }
    match command.output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{tool}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(String::from_utf8(out.stdout).unwrap())
        }
        Err(_) if in_ci() => panic!("CI=true but {tool} (poppler-utils) is missing"),
        Err(_) => {
            notice(&format!(
                "{tool} not found (poppler-utils); the PDF checks are skipped"
            ));
            None
        }
    }
}

/// Words as pdftotext gives them: the word joiner before a page number set aside.
fn words(text: &str) -> Vec<String> {
    text.replace('\u{2060}', " ")
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// The words without page numbers ("2") and the table of contents' item numbers ("1.").
fn without_numbers(words: &[String]) -> Vec<String> {
    words
        .iter()
        .filter(|w| !w.trim_end_matches('.').chars().all(|c| c.is_ascii_digit()))
        .cloned()
        .collect()
}

async fn seed_pdf_reads_as_the_seed(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let response = app
        .get(&format!("/meetings/{SEED_MEETING}/agenda.pdf"))
        .await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let pdf = response.bytes().await.unwrap().to_vec();
    assert!(pdf.starts_with(b"%PDF-"));
    let Some(info) = pdf_tool("pdfinfo", &pdf, None) else {
        return;
    };
    // Tagged, titled, two pages: the title page with its table of contents, and the item.
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        info.contains("Title:           Dagsorden for Borgerrepræsentationen 30.04.2025"),
        "{info}"
    );
    assert!(info.contains("Pages:           2"), "{info}");
    // The municipality names itself in the document's metadata.
    assert!(
        info.contains("Author:          Københavns Kommune, Borgerrepræsentationen"),
        "{info}"
    );
    let page1 = words(&pdf_text(&pdf, Some((1, 1))).unwrap());
    let page2 = words(&pdf_text(&pdf, Some((2, 2))).unwrap());
    // Every page ends with its number.
    assert_eq!(page1.last().map(String::as_str), Some("1"));
    assert_eq!(page2.last().map(String::as_str), Some("2"));
    // The table of contents numbers the item as the agenda does ("1.") and points to the
    // page where it starts: page 2.
    assert!(page1.iter().any(|w| w == "1."), "{page1:?}");
    let toc_numbers: Vec<&String> = page1[..page1.len() - 1]
        .iter()
        .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    assert_eq!(toc_numbers, ["2"], "{page1:?}");
    assert_eq!(page2.first().map(String::as_str), Some("Medlemsforslag"));

    let seed = seed_corrected();
    // Same words in the same order as the seed, page by page; the page numbers (the seed's
    // text shows none but the table of contents' "2") are compared above.
    let seed1 = words(&seed_block(&seed, "Page 1"));
    let seed2 = words(&seed_block(&seed, "Page 2"));
    assert_eq!(
        without_numbers(&page1[..page1.len() - 1]),
        without_numbers(&seed1)
    );
    assert_eq!(&page2[..page2.len() - 1], &seed2[..]);
    // The whole document too, as one would read it.
    let all = pdf_text(&pdf, None).unwrap();
    assert!(
        all.contains("Økonomiforvaltningen") && all.contains("Borgerrepræsentationens mødesal")
    );
}

/// The agenda's lock version, as the editor page carries it.
fn lock_of(html: &str) -> String {
    let at = html
        .find("name=\"lock\" value=\"")
        .expect("the editor carries the agenda's version")
        + "name=\"lock\" value=\"".len();
    html[at..].split('"').next().unwrap().to_owned()
}

pub(crate) fn accepted_proposal(app: &TestApp, meeting: MeetingId, title: &str) -> ProposalId {
    accepted_proposal_with(
        app,
        meeting,
        title,
        "at Teknik- og Miljøforvaltningen planter 100 træer.",
        "Byen skal være grønnere.",
    )
}

/// An accepted proposal for `meeting` with one clause and its motivation.
fn accepted_proposal_with(
    app: &TestApp,
    meeting: MeetingId,
    title: &str,
    clause: &str,
    motivation: &str,
) -> ProposalId {
    let clauses = vec![clause.to_owned()];
    proposals::insert(
        &mut app.conn(),
        &proposals::NewProposal {
            body_id: BodyId(1),
            organization_id: OrganizationId(1),
            title,
            opening: "Det foreslås,",
            clauses: &clauses,
            motivation,
            status: ProposalStatus::Accepted,
            submitting_party_id: None,
            submitters: &[],
            cases: &[],
            target_meeting_id: Some(meeting),
            submitted_at: Some(Utc::now()),
        },
    )
    .unwrap()
}

/// The released agenda's mail is in each member's own language: the English-speaking member's
/// in English (dates too, and the calendar invitation), the others' in Danish; the agenda's PDF
/// stays in the municipality's language.
async fn agenda_mail_speaks_each_members_language(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let meeting = UPCOMING_COUNCIL_MEETING;
    let proposal = accepted_proposal_with(
        &app,
        MeetingId(meeting),
        "Medlemsforslag om cykelparkering",
        "at der opsættes cykelstativer.",
        "",
    );
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let editor = Editor {
        app: &app,
        session: &secretariat,
        meeting,
    };
    editor
        .post("/proposals", &[("proposal", &proposal.to_string())])
        .await;
    let (status, body) = editor.post("/release", &[("late_reason", "")]).await;
    assert_eq!(status, 303, "{body}");
    let english = mails_to(&app, "member@example.org");
    assert_eq!(english.len(), 1, "{english:?}");
    let (subject, text, _) = &english[0];
    assert!(subject.starts_with("Agenda: "), "{subject}");
    assert!(text.contains("Dear Sarah Whitfield"), "{text}");
    assert!(
        !text.contains("Dagsorden") && !text.contains("kl. "),
        "{text}"
    );
    let danish = mails_to(&app, "politiker@example.org");
    let (subject, text, _) = &danish[0];
    assert!(subject.starts_with("Dagsorden: "), "{subject}");
    assert!(text.contains("kl. "), "{text}");
    let pdf = secretariat
        .get_bytes(&format!("/meetings/{meeting}/agenda.pdf"))
        .await;
    if let Some(text) = pdf_text(&pdf, Some((1, 1))) {
        assert!(text.contains("DAGSORDEN"), "{text}");
    }
}

/// A motivation and a clause in Markdown: formatted on the public pages, and on the agenda's
/// paper as text without a marker (no `**`, no `- ` list run together).
async fn markdown_reads_the_same_on_pages_and_paper(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let meeting = UPCOMING_COUNCIL_MEETING;
    let proposal = accepted_proposal_with(
        &app,
        MeetingId(meeting),
        "Medlemsforslag om cykelparkering",
        "at der opsættes *overdækkede* cykelstativer.",
        "Der mangler **pladser** ved:\n\n- Rådhuspladsen\n- Nørreport",
    );
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let editor = Editor {
        app: &app,
        session: &secretariat,
        meeting,
    };
    let (status, _) = editor
        .post("/proposals", &[("proposal", &proposal.to_string())])
        .await;
    assert_eq!(status, 303);
    let (status, body) = editor.post("/release", &[("late_reason", "")]).await;
    assert_eq!(status, 303, "{body}");

    for path in [
        format!("/proposals/{proposal}"),
        format!("/meetings/{meeting}"),
    ] {
        let page = app.get_text(&path, 200).await;
        assert!(page.contains("<strong>pladser</strong>"), "{path}: {page}");
        assert!(page.contains("<li>Rådhuspladsen</li>"), "{path}: {page}");
        assert!(page.contains("<em>overdækkede</em>"), "{path}: {page}");
        assert!(!crate::helpers::text_of(&page).contains("**"), "{path}");
    }
    let pdf = app
        .get_bytes(&format!("/meetings/{meeting}/agenda.pdf"))
        .await;
    if let Some(text) = pdf_text(&pdf, None) {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains("Der mangler pladser ved:"), "{flat}");
        assert!(flat.contains("overdækkede cykelstativer"), "{flat}");
        assert!(
            !flat.contains("**") && !flat.contains("*overdækkede*"),
            "{flat}"
        );
        // The list stays a list: its items on lines of their own, not "- Rådhuspladsen - …".
        assert!(!flat.contains("- Rådhuspladsen - Nørreport"), "{flat}");
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        assert!(
            lines.iter().any(|l| l.ends_with("Rådhuspladsen"))
                && lines.iter().any(|l| l.ends_with("Nørreport")),
            "{text}"
        );
    }
}

struct Editor<'a> {
    app: &'a TestApp,
    session: &'a Session,
    meeting: i64,
}

impl Editor<'_> {
    fn path(&self, rest: &str) -> String {
        format!("/secretariat/meetings/{}/agenda{rest}", self.meeting)
    }

    async fn page(&self) -> String {
        self.session.get_text(&self.path(""), 200).await
    }

    /// The agenda's version now, as a page loaded now carries it.
    async fn lock(&self) -> String {
        let page = self.page().await;
        let lock = meetings::get(&mut self.app.conn(), MeetingId(self.meeting))
            .unwrap()
            .unwrap()
            .lock_version
            .to_string();
        if page.contains("name=\"lock\"") {
            assert_eq!(lock_of(&page), lock);
        }
        lock
    }

    /// Posts with the current lock; returns the status and the body.
    async fn post(&self, rest: &str, fields: &[(&str, &str)]) -> (u16, String) {
        let lock = self.lock().await;
        self.post_with_lock(rest, fields, &lock).await
    }

    async fn post_with_lock(
        &self,
        rest: &str,
        fields: &[(&str, &str)],
        lock: &str,
    ) -> (u16, String) {
        let mut all = fields.to_vec();
        all.push(("lock", lock));
        let r = self.session.post_form(&self.path(rest), &all).await;
        (r.status().as_u16(), r.text().await.unwrap())
    }

    fn items(&self, app: &TestApp) -> Vec<(String, String, bool)> {
        agenda::working_items(&mut app.conn(), MeetingId(self.meeting))
            .unwrap()
            .into_iter()
            .map(|i| (i.number, i.title, i.public))
            .collect()
    }
}

fn outbox_for_meeting(app: &TestApp, meeting: i64) -> Vec<(String, String)> {
    use agendum::db::schema::{outbox_attachments, outbox_messages};
    outbox_messages::table
        .inner_join(outbox_attachments::table)
        .filter(outbox_messages::concerns_kind.eq("meeting"))
        .filter(outbox_messages::concerns_id.eq(meeting))
        .select((
            outbox_messages::recipients,
            outbox_attachments::content_type,
        ))
        .load(&mut app.conn())
        .unwrap()
}

async fn secretariat_builds_and_releases_an_agenda(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let meeting = UPCOMING_COUNCIL_MEETING;
    // Only the secretariat builds agendas.
    let politician = app.login("politiker@example.org", "demo").await;
    let path = format!("/secretariat/meetings/{meeting}/agenda");
    assert_eq!(politician.get(&path).await.status().as_u16(), 403);
    assert_eq!(app.get(&path).await.status().as_u16(), 303);

    let title = "Medlemsforslag om flere træer i byen";
    let proposal = accepted_proposal(&app, MeetingId(meeting), title);
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let editor = Editor {
        app: &app,
        session: &secretariat,
        meeting,
    };
    let page = editor.page().await;
    assert!(page.contains("Indsendt rettidigt til dette møde"), "{page}");
    assert!(page.contains(title));

    // The accepted proposal goes on; a closed item and an orientation are added.
    let (status, _) = editor
        .post("/proposals", &[("proposal", &proposal.to_string())])
        .await;
    assert_eq!(status, 303, "back to the editor");
    let (status, body) = editor
        .post("/proposals", &[("proposal", &proposal.to_string())])
        .await;
    assert_eq!(status, 422);
    assert!(body.contains("står allerede på dagsordenen"), "{body}");
    let (status, _) = editor
        .post(
            "/items",
            &[
                ("kind", "orientation"),
                ("title", "Køb af grunden på Hemmeligvej"),
                ("closed", "1"),
                ("body", SECRET),
            ],
        )
        .await;
    assert_eq!(status, 303);
    let okf = agendum::db::organizations::find(&mut app.conn(), "Økonomiforvaltningen").unwrap()[0]
        .id
        .to_string();
    let (status, _) = editor
        .post(
            "/items",
            &[
                ("kind", "recommendation"),
                ("title", "Budget for byens træer"),
                ("source", &okf),
                ("section", "At Borgerrepræsentationen godkender budgettet."),
                ("section", "Træerne mangler."),
            ],
        )
        .await;
    assert_eq!(status, 303);
    // An indstilling needs its »Indstilling« section.
    let (status, body) = editor
        .post(
            "/items",
            &[
                ("kind", "recommendation"),
                ("title", "Uden indstilling"),
                ("section", ""),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(body.contains("afsnittet »Indstilling«"), "{body}");
    let items = editor.items(&app);
    assert_eq!(items[0].1, "Godkendelse af dagsordenen");
    assert_eq!(items[1].1, title);
    assert_eq!(items.last().unwrap().1, "Køb af grunden på Hemmeligvej");
    assert!(!items.last().unwrap().2, "closed last");
    let numbers: Vec<&str> = items.iter().map(|i| i.0.as_str()).collect();
    let expected: Vec<String> = (1..=items.len()).map(|n| n.to_string()).collect();
    assert_eq!(numbers, expected);

    // Two people at once: a change from an older page is refused and changes nothing.
    let stale = editor.lock().await;
    let ids: Vec<i64> = agenda::working_items(&mut app.conn(), MeetingId(meeting))
        .unwrap()
        .iter()
        .map(|i| i.id.0)
        .collect();
    let (status, _) = editor
        .post(&format!("/items/{}", ids[1]), &[("action", "down")])
        .await;
    assert_eq!(status, 303);
    let after_first = editor.items(&app);
    let (status, body) = editor
        .post_with_lock(&format!("/items/{}", ids[1]), &[("action", "up")], &stale)
        .await;
    assert_eq!(status, 409);
    assert!(body.contains("ændret af en anden"), "{body}");
    assert_eq!(editor.items(&app), after_first);
    // Nothing passes the approval of the agenda, and open items stay before closed ones.
    let (status, body) = editor
        .post(&format!("/items/{}", ids[0]), &[("action", "down")])
        .await;
    assert_eq!(status, 422, "{body}");
    // Drag and drop: the same rules.
    let (status, _) = editor
        .post(
            &format!("/items/{}", ids[1]),
            &[("action", "move"), ("to", "1")],
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(editor.items(&app)[1].1, title);

    // Release: version 1, every member mailed with a calendar invitation.
    let (status, body) = editor.post("/release", &[("late_reason", "")]).await;
    assert_eq!(status, 303, "{body}");
    let mails = outbox_for_meeting(&app, meeting);
    assert!(mails.len() >= 50, "{}", mails.len());
    assert!(
        mails
            .iter()
            .all(|(_, t)| t == "text/calendar; method=REQUEST; charset=UTF-8")
    );
    assert!(
        mails
            .iter()
            .any(|(to, _)| to.contains("politiker@example.org"))
    );
    let released = agenda::released(&mut app.conn(), MeetingId(meeting), None)
        .unwrap()
        .unwrap();
    assert_eq!(released.version, 1);
    let status: String = {
        use agendum::db::schema::proposals::dsl::*;
        proposals
            .find(proposal.0)
            .select(status)
            .first(&mut app.conn())
            .unwrap()
    };
    assert_eq!(status, "on_agenda");

    // The public sees the closed item's title only, in HTML and PDF; the secretariat sees all.
    let public = app.get_text(&format!("/meetings/{meeting}"), 200).await;
    assert!(public.contains("Køb af grunden på Hemmeligvej"));
    assert!(!public.contains(SECRET));
    let public_pdf = app
        .get_bytes(&format!("/meetings/{meeting}/agenda.pdf"))
        .await;
    let members_pdf = secretariat
        .get_bytes(&format!("/meetings/{meeting}/agenda.pdf"))
        .await;
    if let Some(text) = pdf_text(&public_pdf, None) {
        assert!(text.contains("Lukket punkt") && text.contains("Hemmeligvej"));
        assert!(!text.contains(SECRET), "{text}");
        let members_text = pdf_text(&members_pdf, None).unwrap();
        assert!(members_text.contains(SECRET), "{members_text}");
    }
    // A member of the council gets the full PDF too; nobody else does.
    let member_pdf = politician
        .get_bytes(&format!("/meetings/{meeting}/agenda.pdf"))
        .await;
    assert_eq!(member_pdf, members_pdf);

    // Nothing changed, nothing to release.
    let (status, body) = editor.post("/release", &[]).await;
    assert_eq!(status, 422);
    assert!(body.contains("Intet er ændret siden version 1"), "{body}");

    // A supplement: one more item, released as version 2 with what changed.
    let (status, _) = editor
        .post(
            "/items",
            &[
                ("kind", "letter"),
                ("title", "Henvendelse fra KL om IT-udstyr"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    let page = editor.page().await;
    assert!(page.contains("Udsend tillægsdagsorden (version 2)"));
    assert!(page.contains("Nyt punkt"), "{page}");
    let (status, _) = editor.post("/release", &[]).await;
    assert_eq!(status, 303);
    let v2 = text_of(&app.get_text(&format!("/meetings/{meeting}"), 200).await);
    assert!(v2.contains("Version 2") && v2.contains("Henvendelse fra KL om IT-udstyr"));
    assert!(v2.contains("Nyt punkt"), "{v2}");
    let v1 = app
        .get_text(&format!("/meetings/{meeting}?version=1"), 200)
        .await;
    assert!(text_of(&v1).contains("Du læser version 1"));
    // Its table of contents is as released; the version list below names what came later.
    let toc = text_of(element(&v1, "<nav class=\"toc\"", "nav"));
    assert!(
        toc.contains(title) && !toc.contains("Henvendelse fra KL"),
        "{toc}"
    );
    assert_eq!(outbox_for_meeting(&app, meeting).len(), 2 * mails.len());
    // Version 1's PDF is still the one released then.
    let v1_pdf = app
        .get_bytes(&format!("/meetings/{meeting}/agenda.pdf?version=1"))
        .await;
    assert_eq!(v1_pdf, public_pdf);
    assert_eq!(
        app.get(&format!("/meetings/{meeting}/agenda.pdf?version=3"))
            .await
            .status()
            .as_u16(),
        404,
        "no version 3"
    );
}

async fn release_refuses_bad_agendas(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    // An empty agenda.
    let committee = Editor {
        app: &app,
        session: &secretariat,
        meeting: COMMITTEE_MEETING,
    };
    let (status, body) = committee.post("/release", &[]).await;
    assert_eq!(status, 422);
    assert!(body.contains("Dagsordenen har ingen punkter."), "{body}");
    // A meeting in the past.
    let seed = Editor {
        app: &app,
        session: &secretariat,
        meeting: SEED_MEETING,
    };
    let page = seed.page().await;
    assert!(page.contains("kan ikke længere ændres"));
    let (status, body) = seed.post("/release", &[]).await;
    assert_eq!(status, 422);
    assert!(body.contains("begyndt eller afholdt"), "{body}");
    // Two items with the same number.
    let (status, _) = committee
        .post("/items", &[("kind", "orientation"), ("title", "Første")])
        .await;
    assert_eq!(status, 303);
    let (status, _) = committee
        .post(
            "/items",
            &[("kind", "orientation"), ("title", "Anden"), ("number", "1")],
        )
        .await;
    assert_eq!(status, 303);
    let (status, body) = committee.post("/release", &[]).await;
    assert_eq!(status, 422);
    assert!(body.contains("»1« står mere end én gang"), "{body}");
    // A meeting two days ahead is past its release deadline: a reason is needed, and kept.
    let soon = meetings::insert(
        &mut app.conn(),
        &meetings::NewMeeting {
            organization_id: OrganizationId(1),
            kind: MeetingKind::Extraordinary,
            starts_at: Utc::now() + Duration::days(2),
            ends_at: None,
            location: "Rådhuset",
        },
    )
    .unwrap();
    let urgent = Editor {
        app: &app,
        session: &secretariat,
        meeting: soon.0,
    };
    let (status, _) = urgent
        .post("/items", &[("kind", "other"), ("title", "Hastesag")])
        .await;
    assert_eq!(status, 303);
    let (status, body) = urgent.post("/release", &[("late_reason", " ")]).await;
    assert_eq!(status, 422);
    assert!(body.contains("Skriv en begrundelse"), "{body}");
    assert!(
        agenda::released(&mut app.conn(), soon, None)
            .unwrap()
            .is_none()
    );
    let (status, _) = urgent
        .post(
            "/release",
            &[("late_reason", "Hastesag om vinterberedskab")],
        )
        .await;
    assert_eq!(status, 303);
    let versions = agenda::versions(&mut app.conn(), soon).unwrap();
    assert_eq!(
        versions[0].late_reason.as_deref(),
        Some("Hastesag om vinterberedskab")
    );
    assert_eq!(versions[0].released_by.as_deref(), Some("BR-sekretariatet"));
}

async fn calendars_parse_back_in_copenhagen_time(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let response = app
        .get(&format!("/meetings/{SEED_MEETING}/meeting.ics"))
        .await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    let text = response.text().await.unwrap();
    let calendar = parse_calendar(&text);
    let event = &calendar.events[0];
    // 30.04.2025 17:30 in Copenhagen (summer time, UTC+2), with the zone defined in the file.
    assert_eq!(
        event.property("DTSTART"),
        Some("TZID=Europe/Copenhagen:20250430T173000")
    );
    assert_eq!(
        event.property("SUMMARY"),
        Some("Møde i Borgerrepræsentationen")
    );
    assert_eq!(
        event.property("LOCATION"),
        Some("Borgerrepræsentationens mødesal")
    );
    assert!(calendar.has_timezone("Europe/Copenhagen"));
    assert_eq!(calendar.method.as_deref(), Some("PUBLISH"));

    // A council's calendar has all its meetings; one that holds none has no calendar.
    let text = app.get_text("/organizations/1/meetings.ics", 200).await;
    let calendar = parse_calendar(&text);
    assert!(!calendar.events.is_empty());
    let upcoming = meetings::get(&mut app.conn(), MeetingId(UPCOMING_COUNCIL_MEETING))
        .unwrap()
        .unwrap();
    let local = agendum::domain::time::local(upcoming.starts_at);
    let expected = format!("TZID=Europe/Copenhagen:{}", local.format("%Y%m%dT%H%M%S"));
    assert!(
        calendar
            .events
            .iter()
            .any(|e| e.property("DTSTART") == Some(expected.as_str()))
    );
    assert_eq!(
        app.get("/organizations/9999/meetings.ics")
            .await
            .status()
            .as_u16(),
        404
    );
}

/// A small reader of what the tests need from an iCalendar file, written to RFC 5545 from the
/// outside (not with the code that writes it): lines unfolded, properties with parameters.
struct Calendar {
    method: Option<String>,
    timezones: Vec<String>,
    events: Vec<Component>,
}

struct Component {
    properties: Vec<(String, String)>,
}

impl Component {
    /// `DTSTART` gives `TZID=…:value`: the parameters and the value after the name.
    fn property(&self, name: &str) -> Option<&str> {
        self.properties
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl Calendar {
    fn has_timezone(&self, tzid: &str) -> bool {
        self.timezones.iter().any(|t| t == tzid)
    }
}

fn parse_calendar(text: &str) -> Calendar {
    assert!(text.contains("\r\n"), "lines end in CRLF");
    let mut lines: Vec<String> = Vec::new();
    for raw in text.split("\r\n") {
        assert!(raw.len() <= 75, "folded at 75 octets: {raw}");
        if let Some(rest) = raw.strip_prefix(' ') {
            lines
                .last_mut()
                .expect("a continuation follows a line")
                .push_str(rest);
        } else if !raw.is_empty() {
            lines.push(raw.to_owned());
        }
    }
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    let mut calendar = Calendar {
        method: None,
        timezones: Vec::new(),
        events: Vec::new(),
    };
    let mut stack: Vec<String> = Vec::new();
    let mut current: Option<Component> = None;
    for line in &lines {
        let (name, value) = match line.find([':', ';']) {
            Some(at) => (&line[..at], line[at + 1..].to_owned()),
            None => panic!("not a content line: {line}"),
        };
        match name {
            "BEGIN" => {
                stack.push(value.clone());
                if value == "VEVENT" {
                    current = Some(Component {
                        properties: Vec::new(),
                    });
                }
            }
            "END" => {
                assert_eq!(stack.pop().as_deref(), Some(value.as_str()), "nesting");
                if value == "VEVENT" {
                    calendar.events.push(current.take().unwrap());
                }
            }
            "METHOD" => calendar.method = Some(value),
            "TZID" if stack.last().map(String::as_str) == Some("VTIMEZONE") => {
                calendar.timezones.push(value)
            }
            _ => {
                if let Some(c) = current.as_mut() {
                    let value = value
                        .replace("\\,", ",")
                        .replace("\\;", ";")
                        .replace("\\n", "\n")
                        .replace("\\\\", "\\");
                    c.properties.push((name.to_owned(), value));
                }
            }
        }
    }
    assert!(stack.is_empty());
    calendar
}

/// Closed content never leaks: a closed item's text, and a closed member proposal's clauses and
/// motivation, are looked for in every public channel after release.
async fn closed_content_never_leaks(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let meeting = UPCOMING_COUNCIL_MEETING;
    let secret_clause = "at kommunen køber grunden for HEMMELIG-KLAUSUL-0815";
    let proposal = {
        let mut conn = app.conn();
        let clauses = vec![secret_clause.to_owned()];
        proposals::insert(
            &mut conn,
            &proposals::NewProposal {
                body_id: BodyId(1),
                organization_id: OrganizationId(1),
                title: "Medlemsforslag om køb af grund",
                opening: "Det foreslås,",
                clauses: &clauses,
                motivation: "HEMMELIG-MOTIVATION-0816",
                status: ProposalStatus::Accepted,
                submitting_party_id: None,
                submitters: &[],
                cases: &[],
                target_meeting_id: Some(MeetingId(meeting)),
                submitted_at: Some(Utc::now()),
            },
        )
        .unwrap()
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let editor = Editor {
        app: &app,
        session: &secretariat,
        meeting,
    };
    let (status, _) = editor
        .post("/proposals", &[("proposal", &proposal.to_string())])
        .await;
    assert_eq!(status, 303);
    let item = agenda::working_items(&mut app.conn(), MeetingId(meeting))
        .unwrap()
        .into_iter()
        .find(|i| i.proposal_id == Some(proposal))
        .unwrap();
    let (status, _) = editor
        .post(&format!("/items/{}", item.id), &[("action", "close")])
        .await;
    assert_eq!(status, 303);
    let (status, _) = editor
        .post(
            "/items",
            &[
                ("kind", "recommendation"),
                ("title", "Salg af ejendom"),
                ("closed", "1"),
                ("section", SECRET),
                ("body", "HEMMELIG-BRØDTEKST-0817"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    let (status, body) = editor.post("/release", &[]).await;
    assert_eq!(status, 303, "{body}");
    let secrets = [
        SECRET,
        "HEMMELIG-KLAUSUL-0815",
        "HEMMELIG-MOTIVATION-0816",
        "HEMMELIG-BRØDTEKST-0817",
    ];

    // Channel by channel: what the public gets.
    let mut channels: Vec<(String, String)> = Vec::new();
    for path in [
        format!("/meetings/{meeting}"),
        format!("/meetings/{meeting}?version=1"),
        format!("/meetings/{meeting}/meeting.ics"),
        "/organizations/1/meetings.ics".to_owned(),
        "/organizations/1/feed.atom".to_owned(),
        format!("/api/v1/meetings/{meeting}"),
        "/api/v1/meetings".to_owned(),
        format!("/proposals/{proposal}"),
    ] {
        let response = app.get(&path).await;
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        assert!(status == 200 || status == 404, "{path}: {status}");
        channels.push((path, text));
    }
    let pdf = app
        .get_bytes(&format!("/meetings/{meeting}/agenda.pdf"))
        .await;
    if let Some(text) = pdf_text(&pdf, None) {
        assert!(text.contains("Salg af ejendom") && text.contains("Lukket punkt"));
        channels.push(("agenda.pdf".to_owned(), text));
    }
    // Mail: the agenda mail names items, never their closed text.
    {
        use agendum::db::schema::outbox_messages;
        let mails: Vec<(String, String, Option<String>)> = outbox_messages::table
            .select((
                outbox_messages::recipients,
                outbox_messages::text_body,
                outbox_messages::html_body,
            ))
            .load(&mut app.conn())
            .unwrap();
        assert!(!mails.is_empty());
        for (to, text, html) in mails {
            channels.push((format!("mail to {to}"), text + &html.unwrap_or_default()));
        }
    }
    for (channel, text) in &channels {
        for secret in secrets {
            assert!(!text.contains(secret), "{secret} leaked through {channel}");
        }
    }
    // The titles are public, as on paper.
    assert!(channels[0].1.contains("Salg af ejendom"));
    // The working agenda decides nothing: switching the closed item to open, or deleting it
    // (to postpone it), publishes nothing before a release says so.
    let proposal_paths = [
        format!("/proposals/{proposal}"),
        format!("/api/v1/proposals/{proposal}"),
        "/api/v1/proposals".to_owned(),
        "/proposals/follow-up".to_owned(),
    ];
    for action in ["open", "delete"] {
        if action == "delete" {
            let (status, _) = editor
                .post(&format!("/items/{}", item.id), &[("action", "close")])
                .await;
            assert_eq!(status, 303);
        }
        let (status, _) = editor
            .post(&format!("/items/{}", item.id), &[("action", action)])
            .await;
        assert_eq!(status, 303, "{action}");
        for path in &proposal_paths {
            let text = app.get(path).await.text().await.unwrap();
            for secret in secrets {
                assert!(
                    !text.contains(secret),
                    "{secret} leaked through {path} after {action}"
                );
            }
        }
    }
    // Members and the secretariat get it all.
    let members_pdf = secretariat
        .get_bytes(&format!("/meetings/{meeting}/agenda.pdf"))
        .await;
    if let Some(text) = pdf_text(&members_pdf, None) {
        for secret in secrets {
            assert!(text.contains(secret), "{secret} missing for members");
        }
    }
}

/// A supplement that adds a closed item lists it for the public by number and title only: its
/// case number stays with members in the page, the PDF, the feed, the version list and the
/// subscribers' mail (the members' list names it).
async fn supplements_name_closed_items_without_their_cases(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let meeting = UPCOMING_COUNCIL_MEETING;
    let secret_case = "2026-0004711";
    let reader = "borger@example.net";
    let proposal = {
        let mut conn = app.conn();
        let subscription = agendum::db::subscriptions::request(
            &mut conn,
            OrganizationId(1),
            &agendum::domain::EmailAddress::parse(reader).unwrap(),
            agendum::domain::language::Lang::Da,
        )
        .unwrap();
        assert!(matches!(
            subscription,
            agendum::db::subscriptions::Requested::Confirm { .. }
        ));
        let id = {
            use agendum::db::schema::subscriptions::dsl::*;
            subscriptions
                .filter(email.eq(reader))
                .select(id)
                .first::<i64>(&mut conn)
                .unwrap()
        };
        agendum::db::subscriptions::confirm(&mut conn, id).unwrap();
        let case = agendum::db::cases::insert(
            &mut conn,
            BodyId(1),
            &agendum::domain::CaseReference::parse(secret_case).unwrap(),
            "Køb af grund",
        )
        .unwrap();
        let clauses = vec!["at kommunen køber grunden.".to_owned()];
        proposals::insert(
            &mut conn,
            &proposals::NewProposal {
                body_id: BodyId(1),
                organization_id: OrganizationId(1),
                title: "Medlemsforslag om køb af grund",
                opening: "Det foreslås,",
                clauses: &clauses,
                motivation: "Fordi.",
                status: ProposalStatus::Accepted,
                submitting_party_id: None,
                submitters: &[],
                cases: &[case],
                target_meeting_id: Some(MeetingId(meeting)),
                submitted_at: Some(Utc::now()),
            },
        )
        .unwrap()
    };
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let editor = Editor {
        app: &app,
        session: &secretariat,
        meeting,
    };
    let (status, _) = editor
        .post(
            "/items",
            &[("kind", "orientation"), ("title", "Orientering om budget")],
        )
        .await;
    assert_eq!(status, 303);
    let (status, body) = editor.post("/release", &[]).await;
    assert_eq!(status, 303, "{body}");
    let (status, _) = editor
        .post("/proposals", &[("proposal", &proposal.to_string())])
        .await;
    assert_eq!(status, 303);
    let item = agenda::working_items(&mut app.conn(), MeetingId(meeting))
        .unwrap()
        .into_iter()
        .find(|i| i.proposal_id == Some(proposal))
        .unwrap();
    let (status, _) = editor
        .post(&format!("/items/{}", item.id), &[("action", "close")])
        .await;
    assert_eq!(status, 303);
    let (status, body) = editor.post("/release", &[]).await;
    assert_eq!(status, 303, "{body}");

    let mut channels: Vec<(String, String)> = Vec::new();
    for path in [
        format!("/meetings/{meeting}"),
        format!("/meetings/{meeting}?version=2"),
        "/organizations/1/feed.atom".to_owned(),
        format!("/api/v1/meetings/{meeting}"),
    ] {
        let response = app.get(&path).await;
        assert_eq!(response.status().as_u16(), 200, "{path}");
        channels.push((path, response.text().await.unwrap()));
    }
    if let Some(text) = pdf_text(
        &app.get_bytes(&format!("/meetings/{meeting}/agenda.pdf"))
            .await,
        None,
    ) {
        channels.push(("agenda.pdf".to_owned(), text));
    }
    let mails = mails_to(&app, reader);
    assert_eq!(mails.len(), 2, "one notice a version");
    for (subject, text, _) in mails {
        channels.push((format!("mail {subject}"), text));
    }
    // The public list of changes names the new item by its title.
    assert!(
        channels[0].1.contains("Nyt punkt")
            && channels[0].1.contains("Medlemsforslag om køb af grund"),
        "{}",
        channels[0].1
    );
    for (channel, text) in &channels {
        assert!(
            !text.contains(secret_case),
            "{secret_case} leaked through {channel}"
        );
    }
    // Members and the secretariat read the full list.
    let own = editor.page().await;
    assert!(own.contains(secret_case));
    let members_pdf = secretariat
        .get_bytes(&format!("/meetings/{meeting}/agenda.pdf"))
        .await;
    if let Some(text) = pdf_text(&members_pdf, Some((1, 1))) {
        assert!(text.contains(secret_case), "{text}");
    }
}

async fn feed_is_well_formed_atom(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    // The meeting page announces its body's feed, so a feed reader finds it from the page.
    let page = app
        .get_text(&format!("/meetings/{SEED_MEETING}"), 200)
        .await
        .replace("&#x2F;", "/");
    assert!(
        page.contains(
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Nyt fra Borgerrepræsentationen\" href=\"/organizations/1/feed.atom\">"
        ),
        "{page}"
    );
    let response = app.get("/organizations/1/feed.atom").await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "application/atom+xml; charset=utf-8"
    );
    let xml = response.text().await.unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let feed = doc.root_element();
    let atom = "http://www.w3.org/2005/Atom";
    assert_eq!(feed.tag_name().name(), "feed");
    assert_eq!(feed.tag_name().namespace(), Some(atom));
    let child = |node: roxmltree::Node<'_, '_>, name: &str| {
        node.children()
            .find(|c| c.tag_name().name() == name)
            .and_then(|c| c.text().map(str::to_owned))
    };
    for required in ["id", "title", "updated"] {
        assert!(child(feed, required).is_some(), "feed {required}");
    }
    let entries: Vec<_> = feed
        .children()
        .filter(|c| c.tag_name().name() == "entry")
        .collect();
    // The seed meeting's agenda, released 24.04.2025.
    assert_eq!(entries.len(), 1);
    let entry = entries[0];
    assert_eq!(
        child(entry, "title").as_deref(),
        Some("Dagsorden udsendt: mødet 30.04.2025, kl. 17:30")
    );
    assert!(child(entry, "updated").unwrap().starts_with("2025-04-24T"));
    let link = entry
        .children()
        .find(|c| c.tag_name().name() == "link")
        .and_then(|l| l.attribute("href"))
        .unwrap();
    assert!(link.ends_with("/meetings/1?version=1"), "{link}");
    assert!(
        child(entry, "summary")
            .unwrap()
            .contains("Medlemsforslag om nedlæggelse af profiler på X")
    );
    assert_eq!(
        app.get("/organizations/9999/feed.atom")
            .await
            .status()
            .as_u16(),
        404
    );
    // A person who follows the feed link reads a page: what a feed is, its address to copy,
    // and the same entries.
    let page = app.get_text("/organizations/1/feed", 200).await;
    let text = crate::helpers::text_of(&page);
    assert!(text.contains("Kopiér adressen"), "{text}");
    assert!(page.contains("feed.atom\" readonly"), "{page}");
    assert!(
        text.contains("Dagsorden udsendt: mødet 30.04.2025, kl. 17:30"),
        "{text}"
    );
    let subscribe = app.get_text("/organizations/1/subscribe", 200).await;
    assert!(
        subscribe.contains("href=\"/organizations/1/feed\""),
        "{subscribe}"
    );
}

fn mails_to(app: &TestApp, address: &str) -> Vec<(String, String, Option<String>)> {
    use agendum::db::schema::outbox_messages;
    outbox_messages::table
        .filter(outbox_messages::recipients.like(format!("%{address}%")))
        .order(outbox_messages::id)
        .select((
            outbox_messages::subject,
            outbox_messages::text_body,
            outbox_messages::extra_headers,
        ))
        .load(&mut app.conn())
        .unwrap()
}

/// The first address in `text` that starts with `prefix`.
fn link_in(text: &str, prefix: &str) -> String {
    let at = text
        .find(prefix)
        .unwrap_or_else(|| panic!("no {prefix} in {text}"));
    text[at..]
        .split(|c: char| c.is_whitespace() || c == '"' || c == '>')
        .next()
        .unwrap()
        .to_owned()
}

async fn public_follows_a_body_by_email(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let reader = "borger@example.net";
    let client = app.browser();
    let page = client
        .get(app.url("/organizations/1/subscribe"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Følg Borgerrepræsentationen"));
    let csrf = crate::helpers::csrf_of(&page).unwrap();
    let post = |fields: Vec<(&'static str, String)>| {
        let client = client.clone();
        let url = app.url("/organizations/1/subscribe");
        async move {
            let r = client.post(url).form(&fields).send().await.unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let (status, body) = post(vec![
        ("csrf", csrf.clone()),
        ("email", "ikke en adresse".into()),
    ])
    .await;
    assert_eq!(status, 422);
    assert!(body.contains("Skriv en gyldig e-mailadresse"));
    let (status, body) = post(vec![("csrf", csrf.clone()), ("email", reader.into())]).await;
    assert_eq!(status, 200);
    assert!(body.contains("Tjek din e-mail"));
    // Asking again at once sends nothing more: the form cannot flood a mailbox.
    let (status, body) = post(vec![("csrf", csrf.clone()), ("email", reader.into())]).await;
    assert_eq!(status, 200);
    assert!(body.contains("Tjek din e-mail"));
    let confirmation = mails_to(&app, reader);
    assert_eq!(confirmation.len(), 1);
    assert!(confirmation[0].0.contains("Bekræft"));
    let confirm_url = link_in(&confirmation[0].1, "http://agendum.test/");
    let confirm_path = &confirm_url[confirm_url.find("/subscriptions/").unwrap()..];

    // Not confirmed yet: a release mails the members, not the reader.
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let editor = Editor {
        app: &app,
        session: &secretariat,
        meeting: UPCOMING_COUNCIL_MEETING,
    };
    let (status, _) = editor
        .post(
            "/items",
            &[
                ("kind", "orientation"),
                ("title", "Lukket sag"),
                ("closed", "1"),
                ("body", SECRET),
            ],
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(editor.post("/release", &[]).await.0, 303);
    assert_eq!(mails_to(&app, reader).len(), 1);

    // Confirming takes a press of a button (a link scanner does not confirm).
    let confirm_page = client.get(app.url(confirm_path)).send().await.unwrap();
    assert_eq!(confirm_page.status().as_u16(), 200);
    // The secret in the address is not passed on to other sites.
    assert_eq!(confirm_page.headers()["referrer-policy"], "same-origin");
    let confirm_page = confirm_page.text().await.unwrap();
    let csrf = crate::helpers::csrf_of(&confirm_page).unwrap();
    let done = client
        .post(app.url(confirm_path))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(done.status().as_u16(), 200);
    assert!(
        done.text()
            .await
            .unwrap()
            .contains("Du følger nu Borgerrepræsentationen")
    );
    // The link is used up.
    assert_eq!(
        client
            .get(app.url(confirm_path))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        404
    );

    // A supplement reaches the reader: the public view, with a way out in text and header.
    let (status, _) = editor
        .post("/items", &[("kind", "other"), ("title", "Nyt åbent punkt")])
        .await;
    assert_eq!(status, 303);
    assert_eq!(editor.post("/release", &[]).await.0, 303);
    let mails = mails_to(&app, reader);
    assert_eq!(mails.len(), 2);
    let (subject, text, headers) = &mails[1];
    assert!(
        subject.starts_with("Tillægsdagsorden: Borgerrepræsentationen"),
        "{subject}"
    );
    assert!(text.contains("Nyt åbent punkt") && text.contains("Lukket sag (lukket punkt)"));
    assert!(!text.contains(SECRET));
    let headers: Vec<(String, String)> = serde_json::from_str(headers.as_deref().unwrap()).unwrap();
    let unsubscribe = headers
        .iter()
        .find(|(n, _)| n == "List-Unsubscribe")
        .map(|(_, v)| v.trim_matches(['<', '>']).to_owned())
        .unwrap();
    assert!(headers.contains(&(
        "List-Unsubscribe-Post".to_owned(),
        "List-Unsubscribe=One-Click".to_owned()
    )));
    assert_eq!(
        link_in(text, "http://agendum.test/subscriptions/"),
        unsubscribe
    );

    // One click from the mail program: a POST without cookie or form token.
    let path = &unsubscribe[unsubscribe.find("/subscriptions/").unwrap()..];
    let r = reqwest::Client::new()
        .post(app.url(path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.text().await.unwrap().contains("Du er afmeldt"));
    let (status, _) = editor
        .post("/items", &[("kind", "other"), ("title", "Endnu et punkt")])
        .await;
    assert_eq!(status, 303);
    assert_eq!(editor.post("/release", &[]).await.0, 303);
    assert_eq!(
        mails_to(&app, reader).len(),
        2,
        "nothing after unsubscribing"
    );
    // Tokens that are not ours.
    for path in [
        "/subscriptions/confirm/0000",
        "/subscriptions/unsubscribe/0000",
    ] {
        assert_eq!(app.get(path).await.status().as_u16(), 404, "{path}");
    }
}

/// A multipart body as a browser sends it: the form token, the agenda's version, the public
/// flag and one file.
pub(crate) fn multipart(fields: &[(&str, &str)], file: (&str, &[u8])) -> (String, Vec<u8>) {
    let boundary = "----agendum-test-boundary-7d3a";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n",
            file.0
        )
        .as_bytes(),
    );
    body.extend_from_slice(file.1);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn attachments_are_checked_and_kept_from_the_public(backend: Backend) {
    let Some(app) = crate::helpers::spawn_app_configured(backend, true, |s| {
        s.max_attachment_bytes = 1024 * 1024;
    })
    .await
    else {
        return;
    };
    let meeting = UPCOMING_COUNCIL_MEETING;
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let editor = Editor {
        app: &app,
        session: &secretariat,
        meeting,
    };
    for (title, closed) in [
        ("Åbent punkt med bilag", false),
        ("Lukket punkt med bilag", true),
    ] {
        let mut fields = vec![("kind", "orientation"), ("title", title)];
        if closed {
            fields.push(("closed", "1"));
        }
        assert_eq!(editor.post("/items", &fields).await.0, 303);
    }
    let items = agenda::working_items(&mut app.conn(), MeetingId(meeting)).unwrap();
    let open = items
        .iter()
        .find(|i| i.title == "Åbent punkt med bilag")
        .unwrap()
        .id;
    let closed = items
        .iter()
        .find(|i| i.title == "Lukket punkt med bilag")
        .unwrap()
        .id;
    let pdf = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";
    let upload =
        |item: agendum::domain::AgendaItemId, name: &'static str, bytes: Vec<u8>, public: bool| {
            let csrf = secretariat.csrf.clone();
            let client = secretariat.client.clone();
            let url = app.url(&format!(
                "/secretariat/meetings/{meeting}/agenda/items/{item}/attachments"
            ));
            let lock = meetings::get(&mut app.conn(), MeetingId(meeting))
                .unwrap()
                .unwrap()
                .lock_version
                .to_string();
            async move {
                let mut fields = vec![("csrf", csrf.as_str()), ("lock", lock.as_str())];
                if public {
                    fields.push(("public", "1"));
                }
                let (content_type, body) = multipart(&fields, (name, &bytes));
                let r = client
                    .post(url)
                    .header("content-type", content_type)
                    .body(body)
                    .send()
                    .await
                    .unwrap();
                (r.status().as_u16(), r.text().await.unwrap())
            }
        };
    // Refused, with the reason at the field, and nothing stored.
    let (status, body) = upload(open, "notat.pdf", b"MZ\x90\x00 a program".to_vec(), true).await;
    assert_eq!(status, 422);
    assert!(
        body.contains("Filen »notat.pdf« er ikke en PDF-fil"),
        "{body}"
    );
    let (status, body) = upload(open, "virus.exe", b"MZ".to_vec(), true).await;
    assert_eq!(status, 422);
    assert!(
        body.contains("Filtypen ».exe« kan ikke vedhæftes"),
        "{body}"
    );
    let mut big = pdf.to_vec();
    big.resize(1024 * 1024 + 1, b' ');
    let (status, body) = upload(open, "stor.pdf", big, true).await;
    assert_eq!(status, 422);
    assert!(body.contains("Filen er for stor (højst 1 MB)"), "{body}");
    assert!(
        agenda::item_attachments(&mut app.conn(), MeetingId(meeting), open)
            .unwrap()
            .is_empty()
    );
    // A public file and an internal one on the open item; a public-marked one on the closed.
    for (item, name, public) in [
        (open, "Bilag 1 – tidsplan.pdf", true),
        (open, "intern-note.txt", false),
        (closed, "fortroligt.pdf", true),
    ] {
        let bytes = if name.ends_with(".txt") {
            "Kun for medlemmer: HEMMELIG-NOTE".as_bytes().to_vec()
        } else {
            pdf.to_vec()
        };
        let (status, body) = upload(item, name, bytes, public).await;
        assert_eq!(status, 303, "{name}: {body}");
    }
    let files = |item| agenda::item_attachments(&mut app.conn(), MeetingId(meeting), item).unwrap();
    let open_files = files(open);
    assert_eq!(open_files.len(), 2);
    let public_file = open_files.iter().find(|f| f.public).unwrap().id;
    let internal_file = open_files.iter().find(|f| !f.public).unwrap().id;
    let closed_file = files(closed)[0].id;
    let file_url =
        |id: agendum::domain::AttachmentId| format!("/meetings/{meeting}/attachments/{id}");
    // Before release no file is public.
    assert_eq!(app.get(&file_url(public_file)).await.status().as_u16(), 404);
    assert_eq!(editor.post("/release", &[]).await.0, 303);

    // (Tera writes the slashes of an address as `&#x2F;`.)
    let page = app
        .get_text(&format!("/meetings/{meeting}"), 200)
        .await
        .replace("&#x2F;", "/");
    assert!(page.contains("Bilag 1 – tidsplan.pdf") && page.contains(&file_url(public_file)));
    assert!(!page.contains("intern-note.txt") && !page.contains("fortroligt.pdf"));
    let r = app.get(&file_url(public_file)).await;
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let disposition = r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(disposition.starts_with("inline;"), "{disposition}");
    assert!(
        disposition.contains("filename*=UTF-8''Bilag%201%20%E2%80%93%20tidsplan.pdf"),
        "{disposition}"
    );
    assert_eq!(r.bytes().await.unwrap().as_ref(), pdf);
    for id in [internal_file, closed_file] {
        assert_eq!(app.get(&file_url(id)).await.status().as_u16(), 404, "{id}");
    }
    // A file of another meeting's id space is not found through this one.
    assert_eq!(
        app.get(&format!("/meetings/1/attachments/{public_file}"))
            .await
            .status()
            .as_u16(),
        404
    );
    // Members of the council and the secretariat get every file of the released agenda.
    let politician = app.login("politiker@example.org", "demo").await;
    for session in [&politician, &secretariat] {
        for id in [public_file, internal_file, closed_file] {
            assert_eq!(
                session.get(&file_url(id)).await.status().as_u16(),
                200,
                "{id}"
            );
        }
    }
    let internal = politician.get(&file_url(internal_file)).await;
    assert!(
        internal.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    // The public PDF names the public file only.
    let public_pdf = app
        .get_bytes(&format!("/meetings/{meeting}/agenda.pdf"))
        .await;
    if let Some(text) = pdf_text(&public_pdf, None) {
        assert!(text.contains("Bilag 1 – tidsplan.pdf"), "{text}");
        assert!(!text.contains("intern-note.txt") && !text.contains("fortroligt.pdf"));
    }
    // Taking a file off is a change for a supplement; the released version keeps it.
    let lock = editor.lock().await;
    let r = secretariat
        .post_form(
            &format!("/secretariat/meetings/{meeting}/agenda/attachments/{public_file}/detach"),
            &[("lock", &lock)],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let page = editor.page().await;
    assert!(page.contains("har fået ændrede bilag"), "{page}");
    assert_eq!(app.get(&file_url(public_file)).await.status().as_u16(), 200);
}
