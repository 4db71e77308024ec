//! A body's rules and plans (issue 18, item 5): deadline rules and closed days kept on a page
//! that shows the next deadlines they give, a year's meetings made in one step after a preview
//! (and not again when run twice), and one meeting moved.

use agendum::db::{meetings, organizations as orgs};
use agendum::domain::MeetingId;
use agendum::domain::time::{local, local_to_utc};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};

use crate::helpers::{
    Backend, Posted, Session, TestApp, audit_actions, on_both_backends, spawn_app, text_of,
};

on_both_backends!(
    deadline_rules_and_closed_days_move_the_next_deadlines,
    a_year_plan_is_previewed_made_and_not_made_twice,
    a_planned_meeting_is_moved_and_a_held_one_is_not,
);

async fn post_plan(session: &Session, fields: &[(&'static str, String)]) -> Posted {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    session.post("/secretariat/meetings/plan", &pairs).await
}

/// A meeting of `org` on the first working Thursday at least three weeks ahead, at 17:00.
fn plan_meeting(app: &TestApp, org: agendum::domain::OrganizationId) -> MeetingId {
    let mut day = local(Utc::now()).date_naive() + Duration::days(21);
    while day.weekday() != Weekday::Thu || agendum::domain::holidays::public_holiday(day).is_some()
    {
        day += Duration::days(1);
    }
    let starts_at = local_to_utc(day.and_time(NaiveTime::from_hms_opt(17, 0, 0).unwrap())).unwrap();
    meetings::insert(
        &mut app.conn(),
        &meetings::NewMeeting {
            organization_id: org,
            kind: agendum::domain::meeting::MeetingKind::Regular,
            starts_at,
            ends_at: None,
            location: "Rådhuset",
        },
    )
    .unwrap()
}

async fn deadline_rules_and_closed_days_move_the_next_deadlines(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let org = app.organization_id("Økonomiudvalget");
    let meeting = plan_meeting(&app, org);
    let starts = meetings::get(&mut app.conn(), meeting)
        .unwrap()
        .unwrap()
        .starts_at;
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let page = secretariat
        .get_text("/secretariat/settings/rules", 200)
        .await;
    assert!(page.contains(&format!("id=\"regler-{org}\"")), "{page}");

    // A refused rule comes back at its field, and nothing changes.
    let before = orgs::deadline_settings(&mut app.conn(), org).unwrap();
    let (status, body) = secretariat
        .post(
            &format!("/secretariat/settings/rules/{org}"),
            &[
                ("proposal_kind", "weekday"),
                ("proposal_weekday", ""),
                ("proposal_time", "12:00"),
                ("release_kind", "working_days"),
                ("release_days", "400"),
            ],
        )
        .await
        .page();
    assert_eq!(status, 422);
    assert!(body.contains("Vælg ugedagen."), "{body}");
    assert!(body.contains("Skriv et antal dage fra 0 til 90."), "{body}");
    assert_eq!(
        orgs::deadline_settings(&mut app.conn(), org)
            .unwrap()
            .proposal,
        before.proposal
    );

    // Proposals three working days before at 10:00; the agenda two working days before.
    let (status, location) = secretariat
        .post(
            &format!("/secretariat/settings/rules/{org}"),
            &[
                ("proposal_kind", "working_days"),
                ("proposal_days", "3"),
                ("proposal_time", "10:00"),
                ("release_kind", "working_days"),
                ("release_days", "2"),
                ("release_time", ""),
            ],
        )
        .await
        .said();
    assert_eq!(status, 303, "{location}");
    let rules = orgs::deadline_settings(&mut app.conn(), org).unwrap();
    assert_eq!(rules.proposal.to_string(), "working_days:3@10:00");
    assert_eq!(rules.agenda_release.to_string(), "working_days:2");
    assert!(
        audit_actions(&app, "organization", org.0)
            .contains(&"organization.deadline_rules".to_owned())
    );
    // The page shows the deadline the new rule gives for the coming meeting.
    let expected = rules.proposal.deadline(starts, &rules.closed);
    let page = text_of(
        &secretariat
            .get_text("/secretariat/settings/rules", 200)
            .await,
    );
    assert!(
        page.contains("Medlemsforslag senest 3 arbejdsdage før mødet kl. 10:00"),
        "{page}"
    );
    assert!(
        page.contains(&agendum::domain::time::datetime_da(expected)),
        "{expected} in {page}"
    );

    // A closed day on the deadline's date pushes the deadline one working day back.
    let day = local(expected).date_naive();
    let (status, location) = secretariat
        .post(
            "/secretariat/settings/closed-days",
            &[
                ("constitution_day", "1"),
                ("christmas_eve", "1"),
                ("new_years_eve", "1"),
                (
                    "extra",
                    &format!("{} Lukkedag for test", day.format("%d.%m.%Y")),
                ),
            ],
        )
        .await
        .said();
    assert_eq!(status, 303, "{location}");
    let rules = orgs::deadline_settings(&mut app.conn(), org).unwrap();
    let moved = rules.proposal.deadline(starts, &rules.closed);
    assert!(local(moved).date_naive() < day, "{moved} before {day}");
    assert_eq!(rules.closed.closed_reason(day), Some("Lukkedag for test"));
    // A bad line is named, and the stored days stay.
    let (status, body) = secretariat
        .post(
            "/secretariat/settings/closed-days",
            &[("extra", "31.02.2027 Findes ikke")],
        )
        .await
        .page();
    assert_eq!(status, 422);
    assert!(body.contains("Linje 1"), "{body}");
    let body_id = agendum::service::register::body(&mut app.conn()).unwrap();
    assert_eq!(
        orgs::closed_days(&mut app.conn(), body_id)
            .unwrap()
            .extra
            .len(),
        1
    );
    assert!(audit_actions(&app, "body", body_id.0).contains(&"body.closed_days".to_owned()));
}

async fn a_year_plan_is_previewed_made_and_not_made_twice(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let org = app.organization_id("Økonomiudvalget");
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let form = secretariat
        .get_text("/secretariat/meetings/plan", 200)
        .await;
    assert!(form.contains("Se datoerne"));
    let year = local(Utc::now()).year() + 1;
    let org_text = org.to_string();
    let from = format!("01.01.{year}");
    let to = format!("31.12.{year}");
    let fields = |action: &'static str| {
        vec![
            ("organization", org_text.clone()),
            ("from", from.clone()),
            ("to", to.clone()),
            ("weekday", "thursday".to_owned()),
            ("interval", "weeks:2".to_owned()),
            ("time", "16:30".to_owned()),
            ("location", "Rådhuset, udvalgsværelse 1".to_owned()),
            ("skip", format!("01.07.{year}–31.07.{year}")),
            ("action", action.to_owned()),
        ]
    };

    // The expected dates: every other Thursday from the first, minus July and the holidays.
    let mut expected = Vec::new();
    let mut day = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
    while day.weekday() != Weekday::Thu {
        day += Duration::days(1);
    }
    while day.year() == year {
        if day.month() != 7 && agendum::domain::holidays::public_holiday(day).is_none() {
            expected.push(day);
        }
        day += Duration::days(14);
    }

    let (status, preview) = post_plan(&secretariat, &fields("preview")).await.page();
    assert_eq!(status, 200);
    let meetings_before = meetings::upcoming(&mut app.conn(), org, Utc::now(), 1000)
        .unwrap()
        .len();
    assert!(
        preview.contains(&format!("Planlæg {} møder", expected.len())),
        "{} expected: {preview}",
        expected.len()
    );
    assert!(text_of(&preview).contains("Intet møde: Sprunget over efter ønske"));
    assert_eq!(
        meetings::upcoming(&mut app.conn(), org, Utc::now(), 1000)
            .unwrap()
            .len(),
        meetings_before,
        "a preview plans nothing"
    );

    let (status, location) = post_plan(&secretariat, &fields("create")).await.said();
    assert_eq!(status, 303, "{location}");
    assert_eq!(location, "/secretariat/meetings");
    let notice = secretariat.notice_at(&location).await;
    assert!(
        notice.contains(&format!("{} møder er planlagt", expected.len())),
        "{notice}"
    );
    let planned: Vec<NaiveDate> = meetings::upcoming(&mut app.conn(), org, Utc::now(), 1000)
        .unwrap()
        .into_iter()
        .filter(|m| local(m.starts_at).year() == year)
        .map(|m| {
            assert_eq!(
                local(m.starts_at).time(),
                NaiveTime::from_hms_opt(16, 30, 0).unwrap()
            );
            assert_eq!(m.location, "Rådhuset, udvalgsværelse 1");
            local(m.starts_at).date_naive()
        })
        .collect();
    assert_eq!(planned, expected);
    let one = meetings::upcoming(&mut app.conn(), org, Utc::now(), 1000)
        .unwrap()
        .into_iter()
        .find(|m| local(m.starts_at).year() == year)
        .unwrap();
    assert!(audit_actions(&app, "meeting", one.id.0).contains(&"meeting.planned".to_owned()));

    // The same plan again makes nothing new.
    let (status, location) = post_plan(&secretariat, &fields("create")).await.said();
    assert_eq!(status, 303);
    let notice = secretariat.notice_at(&location).await;
    assert!(notice.starts_with("0 møder er planlagt"), "{notice}");

    // A bad plan is refused at its fields.
    let (status, body) = secretariat
        .post(
            "/secretariat/meetings/plan",
            &[("organization", ""), ("from", "x"), ("action", "preview")],
        )
        .await
        .page();
    assert_eq!(status, 422);
    assert!(
        body.contains("Vælg kommunalbestyrelsen eller et udvalg."),
        "{body}"
    );
}

async fn a_planned_meeting_is_moved_and_a_held_one_is_not(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let org = app.organization_id("Økonomiudvalget");
    let meeting = plan_meeting(&app, org);
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let path = format!("/secretariat/meetings/{meeting}/edit");
    let page = secretariat.get_text(&path, 200).await;
    assert!(page.contains("value=\"Rådhuset\""), "{page}");

    let (status, body) = secretariat
        .post(
            &path,
            &[
                ("date", "01.01.2020"),
                ("time", "17:00"),
                ("location", "Rådhuset"),
                ("kind", "regular"),
            ],
        )
        .await
        .page();
    assert_eq!(status, 422);
    assert!(body.contains("Mødet skal ligge i fremtiden."), "{body}");

    let new_day = local(Utc::now()).date_naive() + Duration::days(40);
    let (status, location) = secretariat
        .post(
            &path,
            &[
                ("date", &new_day.format("%d.%m.%Y").to_string()),
                ("time", "09:15"),
                ("location", "Byrådssalen"),
                ("kind", "extraordinary"),
            ],
        )
        .await
        .said();
    assert_eq!(status, 303, "{location}");
    let m = meetings::get(&mut app.conn(), meeting).unwrap().unwrap();
    assert_eq!(local(m.starts_at).date_naive(), new_day);
    assert_eq!(
        local(m.starts_at).time(),
        NaiveTime::from_hms_opt(9, 15, 0).unwrap()
    );
    assert_eq!(m.location, "Byrådssalen");
    assert_eq!(m.organization_id, org);
    assert!(audit_actions(&app, "meeting", meeting.0).contains(&"meeting.changed".to_owned()));
    let page = secretariat.get_text(&location, 200).await;
    assert!(page.contains("Mødet er ændret."));

    // The seed meeting was held: it cannot be moved.
    let (status, body) = secretariat
        .post(
            "/secretariat/meetings/1/edit",
            &[
                ("date", &new_day.format("%d.%m.%Y").to_string()),
                ("time", "09:15"),
                ("location", "X"),
                ("kind", "regular"),
            ],
        )
        .await
        .page();
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("kan ikke længere ændres"), "{body}");
}
