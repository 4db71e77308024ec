use super::*;

fn letters(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_owned).collect()
}

fn votes(f: u32, a: u32, abstain: u32, for_by: &str, against_by: &str, abstain_by: &str) -> Votes {
    Votes {
        in_favour: f,
        against: a,
        abstain,
        in_favour_by: letters(for_by),
        against_by: letters(against_by),
        abstain_by: letters(abstain_by),
    }
}

fn decision(outcome: Outcome, v: Option<Votes>) -> Decision {
    Decision {
        outcome,
        votes: v,
        clauses: Vec::new(),
        amendments: Vec::new(),
        statements: Vec::new(),
        referred_to: None,
        consulted: Vec::new(),
    }
}

#[test]
fn the_standard_sentence() {
    let d = decision(
        Outcome::Adopted,
        Some(votes(34, 15, 0, "A B F Ø", "C O V", "")),
    );
    assert_eq!(
        d.text(Lang::Da, AgendaItemKind::MemberProposal),
        "Medlemsforslaget blev tiltrådt med 34 stemmer imod 15. For stemte: A, B, F og Ø. Imod stemte: C, O og V."
    );
    d.check(3, Some(49)).unwrap();
}

#[test]
fn sentences_for_every_outcome() {
    let k = AgendaItemKind::MemberProposal;
    assert_eq!(
        decision(Outcome::Adopted, None).text(Lang::Da, k),
        "Medlemsforslaget blev tiltrådt uden afstemning."
    );
    assert_eq!(
        decision(
            Outcome::Rejected,
            Some(votes(15, 34, 2, "C O", "A B F Ø", "I"))
        )
        .text(Lang::Da, k),
        "Medlemsforslaget blev forkastet med 15 stemmer imod 34, idet 2 undlod at stemme. For stemte: C og O. Imod stemte: A, B, F og Ø. Undlod at stemme: I."
    );
    assert_eq!(
        decision(Outcome::Adopted, Some(votes(1, 0, 0, "", "", ""))).text(Lang::Da, k),
        "Medlemsforslaget blev tiltrådt med 1 stemme imod 0."
    );
    let mut referred = decision(Outcome::Referred, None);
    referred.referred_to = Some("Økonomiudvalget".into());
    referred.consulted = vec!["Socialudvalget".into(), "Teknik- og Miljøudvalget".into()];
    assert_eq!(
        referred.text(Lang::Da, k),
        "Medlemsforslaget blev henvist til Økonomiudvalget med høring af Socialudvalget og Teknik- og Miljøudvalget."
    );
    for (outcome, text) in [
        (Outcome::Postponed, "Medlemsforslaget blev udsat."),
        (
            Outcome::Removed,
            "Medlemsforslaget blev taget af dagsordenen.",
        ),
        (Outcome::Withdrawn, "Medlemsforslaget blev trukket."),
        (
            Outcome::SecondReading,
            "Medlemsforslaget blev oversendt til 2. behandling.",
        ),
    ] {
        assert_eq!(decision(outcome, None).text(Lang::Da, k), text);
    }
    assert_eq!(
        decision(Outcome::Noted, None).text(Lang::Da, AgendaItemKind::Orientation),
        "Orienteringen blev taget til efterretning."
    );
    assert_eq!(
        decision(Outcome::Adopted, None).text(Lang::Da, AgendaItemKind::ApprovalOfAgenda),
        "Dagsordenen blev godkendt uden afstemning."
    );
}

#[test]
fn amendments_come_first_then_clauses_then_statements() {
    let mut d = decision(Outcome::Adopted, None);
    d.amendments.push(Amendment {
        proposed_by: "V".into(),
        text: "at-punkt 2 udgår".into(),
        outcome: Outcome::Rejected,
        votes: Some(votes(10, 39, 0, "V", "A B F Ø", "")),
    });
    d.clauses = vec![
        ClauseDecision {
            clause: 2,
            outcome: Outcome::Rejected,
            votes: Some(votes(20, 29, 0, "C V", "A B", "")),
        },
        ClauseDecision {
            clause: 1,
            outcome: Outcome::Adopted,
            votes: Some(votes(45, 4, 0, "A B C V", "O", "")),
        },
    ];
    d.statements.push(Statement {
        kind: StatementKind::ProtocolNote,
        by: "Ø".into(),
        text: "Vi ønsker en hurtig proces.".into(),
    });
    d.statements.push(Statement {
        kind: StatementKind::Dissent,
        by: "O".into(),
        text: "Vi er imod.".into(),
    });
    d.check(2, Some(49)).unwrap();
    assert_eq!(
        d.text(Lang::Da, AgendaItemKind::MemberProposal),
        "Ændringsforslag fra V (»at-punkt 2 udgår«) blev forkastet med 10 stemmer imod 39. For stemte: V. Imod stemte: A, B, F og Ø. \
         Medlemsforslagets 1. at-punkt blev tiltrådt med 45 stemmer imod 4. For stemte: A, B, C og V. Imod stemte: O. \
         Medlemsforslagets 2. at-punkt blev forkastet med 20 stemmer imod 29. For stemte: C og V. Imod stemte: A og B. \
         Protokolbemærkning fra Ø: »Vi ønsker en hurtig proces.« \
         Afvigende mening fra O: »Vi er imod.«"
    );
    assert_eq!(d.adopted_clauses(2), vec![1]);
}

#[test]
fn votes_must_add_up_and_agree_with_the_outcome() {
    let d = decision(Outcome::Adopted, Some(votes(34, 15, 0, "", "", "")));
    let e = d.check(3, Some(51)).unwrap_err();
    assert_eq!(e.field, "votes");
    assert!(
        e.message.to_string().contains("giver 49")
            && e.message.to_string().contains("51 til stede"),
        "{}",
        e.message
    );
    // Without recorded attendance the counts cannot be checked against it.
    d.check(3, None).unwrap();

    let tie = decision(Outcome::Adopted, Some(votes(20, 20, 0, "", "", "")));
    assert!(
        tie.check(3, None)
            .unwrap_err()
            .message
            .to_string()
            .contains("ikke flertal")
    );
    decision(Outcome::Rejected, Some(votes(20, 20, 0, "", "", "")))
        .check(3, None)
        .unwrap();
    assert!(
        decision(Outcome::Rejected, Some(votes(30, 20, 0, "", "", "")))
            .check(3, None)
            .is_err()
    );

    let twice = decision(Outcome::Adopted, Some(votes(30, 20, 0, "A B", "B C", "")));
    assert!(
        twice
            .check(3, None)
            .unwrap_err()
            .message
            .to_string()
            .contains("B står på to sider")
    );
}

#[test]
fn a_dissent_only_from_the_minority() {
    let mut d = decision(
        Outcome::Adopted,
        Some(votes(34, 15, 0, "A B F Ø", "C O V", "")),
    );
    d.statements.push(Statement {
        kind: StatementKind::Dissent,
        by: "A".into(),
        text: "Uenig.".into(),
    });
    let e = d.check(3, None).unwrap_err();
    assert_eq!(e.field, "statements");
    assert!(
        e.message.to_string().contains("A stemte ikke i mindretal"),
        "{}",
        e.message
    );
    d.statements[0].by = "V".into();
    d.check(3, None).unwrap();
    // Rejected: the minority are those who voted for.
    let mut r = decision(
        Outcome::Rejected,
        Some(votes(15, 34, 0, "C O V", "A B F Ø", "")),
    );
    r.statements.push(Statement {
        kind: StatementKind::Dissent,
        by: "O".into(),
        text: "Uenig.".into(),
    });
    r.check(3, None).unwrap();
    // No vote, no minority.
    let mut n = decision(Outcome::Adopted, None);
    n.statements.push(Statement {
        kind: StatementKind::Dissent,
        by: "O".into(),
        text: "Uenig.".into(),
    });
    assert!(n.check(3, None).is_err());
    // Protocol notes may come from anyone.
    let mut p = decision(
        Outcome::Adopted,
        Some(votes(34, 15, 0, "A B F Ø", "C O V", "")),
    );
    p.statements.push(Statement {
        kind: StatementKind::ProtocolNote,
        by: "A".into(),
        text: "Godt.".into(),
    });
    p.check(3, None).unwrap();
}

#[test]
fn clauses_and_referrals_are_checked() {
    let clause = |n, outcome| ClauseDecision {
        clause: n,
        outcome,
        votes: None,
    };
    let mut d = decision(Outcome::Adopted, None);
    d.clauses = vec![clause(1, Outcome::Adopted), clause(4, Outcome::Rejected)];
    assert!(
        d.check(3, None)
            .unwrap_err()
            .message
            .to_string()
            .contains("ikke et 4. at-punkt")
    );
    d.clauses = vec![clause(1, Outcome::Adopted), clause(1, Outcome::Rejected)];
    assert!(
        d.check(2, None)
            .unwrap_err()
            .message
            .to_string()
            .contains("to gange")
    );
    d.clauses = vec![clause(1, Outcome::Adopted)];
    assert!(
        d.check(2, None)
            .unwrap_err()
            .message
            .to_string()
            .contains("alle 2")
    );
    d.clauses = vec![clause(1, Outcome::Rejected), clause(2, Outcome::Rejected)];
    assert_eq!(d.check(2, None).unwrap_err().field, "outcome");
    d.outcome = Outcome::Rejected;
    d.check(2, None).unwrap();
    assert!(d.adopted_clauses(2).is_empty());

    let referred = decision(Outcome::Referred, None);
    assert_eq!(referred.check(3, None).unwrap_err().field, "referred_to");
    let mut adopted = decision(Outcome::Adopted, None);
    adopted.consulted = vec!["Socialudvalget".into()];
    assert_eq!(adopted.check(3, None).unwrap_err().field, "consulted");
    assert_eq!(
        decision(Outcome::Adopted, None).adopted_clauses(3),
        vec![1, 2, 3]
    );
    assert!(
        decision(Outcome::Postponed, None)
            .adopted_clauses(3)
            .is_empty()
    );
}

#[test]
fn an_outcome_says_what_becomes_of_its_proposal() {
    use crate::domain::proposal::DecisionStep;
    assert_eq!(Outcome::Adopted.proposal_step(false), DecisionStep::Decided);
    assert_eq!(
        Outcome::Adopted.proposal_step(true),
        DecisionStep::InFollowUp
    );
    assert_eq!(
        Outcome::Rejected.proposal_step(false),
        DecisionStep::Decided
    );
    assert_eq!(Outcome::Referred.proposal_step(true), DecisionStep::Again);
    assert_eq!(Outcome::Postponed.proposal_step(false), DecisionStep::Again);
    assert_eq!(
        Outcome::Withdrawn.proposal_step(true),
        DecisionStep::Withdrawn
    );
    assert_eq!(Outcome::Noted.proposal_step(false), DecisionStep::Decided);
}

#[test]
fn the_decision_text_is_written_in_the_council_language() {
    let mut d = decision(
        Outcome::Adopted,
        Some(votes(34, 15, 2, "A B F Ø", "C O V", "I")),
    );
    assert_eq!(
        d.text(Lang::En, AgendaItemKind::MemberProposal),
        "The member proposal was adopted by 34 votes to 15, with 2 abstaining. \
         In favour: A, B, F and Ø. Against: C, O and V. Abstained: I."
    );
    d.votes = None;
    d.outcome = Outcome::Noted;
    assert_eq!(
        d.text(Lang::En, AgendaItemKind::Orientation),
        "The information item was noted."
    );
    d.outcome = Outcome::Adopted;
    d.clauses = vec![ClauseDecision {
        clause: 2,
        outcome: Outcome::Adopted,
        votes: None,
    }];
    assert_eq!(
        d.text(Lang::En, AgendaItemKind::MemberProposal),
        "Clause 2 of the member proposal was adopted without a vote."
    );
    assert_eq!(
        d.text(Lang::Da, AgendaItemKind::MemberProposal),
        "Medlemsforslagets 2. at-punkt blev tiltrådt uden afstemning."
    );
    let e = d.check(1, None).unwrap_err();
    assert_eq!(
        e.message.in_lang(Lang::En),
        "The proposal has no clause 2; it has 1."
    );
}
