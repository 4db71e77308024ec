//! The secretariat plans meetings and sees each one's deadlines, on both backends.

use crate::helpers::{Backend, on_both_backends, spawn_app};

on_both_backends!(secretariat_plans_a_meeting_and_sees_its_deadlines,);

async fn secretariat_plans_a_meeting_and_sees_its_deadlines(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    // Who may: the secretariat only.
    assert_eq!(
        app.get("/secretariat/meetings").await.status().as_u16(),
        303
    );
    let politician = app.login("politiker@example.org", "demo").await;
    assert_eq!(
        politician
            .get("/secretariat/meetings")
            .await
            .status()
            .as_u16(),
        403
    );
    let r = politician
        .post_form("/secretariat/meetings", &[("organization", "1")])
        .await;
    assert_eq!(r.status().as_u16(), 403);
    let secretariat = app.login("sekretariat@example.org", "demo").await;
    let page = secretariat.get_text("/secretariat/meetings", 200).await;
    // The demo's Økonomiudvalget meeting, with its own rule (5 working days at 12:00).
    assert!(page.contains("5 arbejdsdage før mødet kl. 12:00"), "{page}");
    assert!(page.contains("4 arbejdsdage før mødet"));

    // Bad input: a clear message at each field, nothing created.
    let bad = [
        (
            vec![("organization", "999")],
            "Vælg kommunalbestyrelsen eller et udvalg",
        ),
        (vec![("date", "30.02.2031")], "Skriv en dato, der findes"),
        (vec![("date", "i morgen")], "Skriv en dato, der findes"),
        (vec![("date", "2020-01-07")], "Mødet skal ligge i fremtiden"),
        (vec![("time", "25:00")], "Skriv klokkeslættet som TT:MM"),
        // 02:30 does not exist on the day summer time starts.
        (
            vec![("date", "2031-03-30"), ("time", "02:30")],
            "findes ikke i dansk tid",
        ),
        (vec![("location", "  ")], "Skriv, hvor mødet holdes"),
        (
            vec![("kind", "hemmeligt")],
            "Vælg ordinært eller ekstraordinært møde",
        ),
    ];
    for (changes, expected) in bad {
        let mut fields = vec![
            ("organization", "1"),
            ("date", "2031-01-09"),
            ("time", "17:30"),
            ("location", "Borgerrepræsentationens mødesal"),
            ("kind", "regular"),
        ];
        for (k, v) in changes {
            fields.retain(|(key, _)| *key != k);
            fields.push((k, v));
        }
        let r = secretariat
            .post_form("/secretariat/meetings", &fields)
            .await;
        assert_eq!(r.status().as_u16(), 422, "{expected}");
        assert!(r.text().await.unwrap().contains(expected), "«{expected}»");
    }
    let before: i64 = {
        use agendum::db::schema::meetings::dsl::*;
        use diesel::prelude::*;
        meetings.count().get_result(&mut app.conn()).unwrap()
    };
    assert_eq!(before, 3, "nothing was created");

    // A meeting on Tuesday 7 January 2031: proposals 8 calendar days before at noon (30
    // December); the agenda 4 working days before, back over the weekend, New Year's Day and
    // the closed 31 December: Monday 30 December 2030, at the meeting's time.
    let r = secretariat
        .post_form(
            "/secretariat/meetings",
            &[
                ("organization", "1"),
                ("date", "07.01.2031"),
                ("time", "17:30"),
                ("location", "Borgerrepræsentationens mødesal"),
                ("kind", "extraordinary"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let page = crate::helpers::text_of(&secretariat.get_text("/secretariat/meetings", 200).await);
    assert!(page.contains("07.01.2031, kl. 17:30"), "{page}");
    assert!(page.contains("Ekstraordinært møde"));
    assert!(
        page.contains("30.12.2030, kl. 12:00"),
        "the proposal deadline: {page}"
    );
    assert!(
        page.contains("30.12.2030, kl. 17:30"),
        "the agenda deadline: {page}"
    );
    // The new meeting is public (date, place) and offered to politicians for proposals.
    app.get_text("/meetings/4", 200).await;
    let form = politician.get_text("/proposals/new", 200).await;
    assert!(form.contains("07.01.2031, kl. 17:30"));
    let events = agendum::db::audit::for_subject(
        &mut app.conn(),
        agendum::service::meetings::MEETING.with(4),
    )
    .unwrap();
    assert_eq!(events[0].action, "meeting.planned");
    assert_eq!(events[0].actor, "BR-sekretariatet");
}
