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
    seed_pdf_reads_as_the_seed,
    secretariat_builds_and_releases_an_agenda,
    release_refuses_bad_agendas,
    calendars_parse_back_in_copenhagen_time,
);

/// The text of pages `first..=last` of a PDF, by poppler's pdftotext; `None` (with a notice)
/// where pdftotext is not installed, except in CI.
fn pdf_text(pdf: &[u8], pages: Option<(u32, u32)>) -> Option<String> {
    pdf_tool("pdftotext", pdf, pages)
}

fn pdf_tool(tool: &str, pdf: &[u8], pages: Option<(u32, u32)>) -> Option<String> {
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

fn without_numbers(words: &[String]) -> Vec<String> {
    words
        .iter()
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
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
    let page1 = words(&pdf_text(&pdf, Some((1, 1))).unwrap());
    let page2 = words(&pdf_text(&pdf, Some((2, 2))).unwrap());
    // Every page ends with its number.
    assert_eq!(page1.last().map(String::as_str), Some("1"));
    assert_eq!(page2.last().map(String::as_str), Some("2"));
    // The table of contents points to the page where the item starts: page 2.
    let toc_numbers: Vec<&String> = page1[..page1.len() - 1]
        .iter()
        .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    assert_eq!(toc_numbers, ["2"], "{page1:?}");
    assert_eq!(page2.first().map(String::as_str), Some("Medlemsforslag"));

    let Some(seed) = seed_corrected() else { return };
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

fn accepted_proposal(app: &TestApp, meeting: MeetingId, title: &str) -> ProposalId {
    let mut conn = app.conn();
    let clauses = vec!["at Teknik- og Miljøforvaltningen planter 100 træer.".to_owned()];
    proposals::insert(
        &mut conn,
        &proposals::NewProposal {
            body_id: BodyId(1),
            organization_id: OrganizationId(1),
            title,
            opening: "Det foreslås,",
            clauses: &clauses,
            motivation: "Byen skal være grønnere.",
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
        .get(&format!("/meetings/{meeting}/agenda.pdf"))
        .await
        .bytes()
        .await
        .unwrap();
    let members_pdf = secretariat
        .get(&format!("/meetings/{meeting}/agenda.pdf"))
        .await
        .bytes()
        .await
        .unwrap();
    if let Some(text) = pdf_text(&public_pdf, None) {
        assert!(text.contains("Lukket punkt") && text.contains("Hemmeligvej"));
        assert!(!text.contains(SECRET), "{text}");
        let members_text = pdf_text(&members_pdf, None).unwrap();
        assert!(members_text.contains(SECRET), "{members_text}");
    }
    // A member of the council gets the full PDF too; nobody else does.
    let member_pdf = politician
        .get(&format!("/meetings/{meeting}/agenda.pdf"))
        .await
        .bytes()
        .await
        .unwrap();
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
        .get(&format!("/meetings/{meeting}/agenda.pdf?version=1"))
        .await
        .bytes()
        .await
        .unwrap();
    assert_eq!(v1_pdf, public_pdf);
    app.get(&format!("/meetings/{meeting}/agenda.pdf?version=3"))
        .await
        .status()
        .as_u16()
        .eq(&404)
        .then_some(())
        .expect("no version 3");
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
