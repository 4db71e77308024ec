//! Mail to politicians about decisions and follow-up: to a proposal's proposer when it is
//! decided and when an administration has answered an adopted clause, and to the signers of a
//! draft of the minutes. Queued in the transaction of the change.

use tera::Context;

use super::templates::{MailSite, render_mail};
use crate::config::Settings;
use crate::db::decisions::{StoredDecision, decided_item};
use crate::db::tasks::Task;
use crate::db::{DbConnection, accounts, organizations as orgs, proposals};
use crate::domain::decision::Outcome;
use crate::domain::mail::{Mailbox, OutgoingMessage};
use crate::domain::proposal::SubmitterRole;
use crate::domain::text::paragraphs;
use crate::domain::time::date;
use crate::error::{AppError, AppResult};

/// Who hears about a proposal: the account that wrote it and each proposer with an address,
/// once each.
fn recipients(
    conn: &mut DbConnection,
    proposal: &proposals::Proposal,
) -> AppResult<Vec<(Mailbox, Option<crate::domain::PersonId>)>> {
    let mut out: Vec<(Mailbox, Option<crate::domain::PersonId>)> = Vec::new();
    if let Some(account) = match proposal.created_by {
        Some(id) => accounts::get(conn, id)?,
        None => None,
    } && account.role != crate::domain::account::Role::Secretariat
        && let Ok(m) = Mailbox::new(Some(&account.name), &account.email)
    {
        out.push((m, account.person_id));
    }
    for s in proposal
        .submitters
        .iter()
        .filter(|s| s.role == SubmitterRole::Proposer)
    {
        let email = crate::db::organizations::person_email(conn, s.person_id)?;
        if let Some(m) = email.and_then(|e| Mailbox::new(Some(&s.name), &e).ok())
            && !out
                .iter()
                .any(|(o, _)| o.email.eq_ignore_ascii_case(&m.email))
        {
            out.push((m, Some(s.person_id)));
        }
    }
    Ok(out)
}

fn send(
    conn: &mut DbConnection,
    settings: &Settings,
    proposal: &proposals::Proposal,
    template: &str,
    mut ctx: Context,
    // Words of the context in the recipient's language.
    localized: impl Fn(crate::domain::language::Lang, &mut Context),
) -> AppResult<usize> {
    let to = recipients(conn, proposal)?;
    let site = MailSite::load(conn)?;
    ctx.insert("title", &proposal.title);
    ctx.insert(
        "url",
        &format!("{}/proposals/{}", settings.base_url, proposal.id),
    );
    for (m, person) in &to {
        let lang = site.lang_for(conn, &m.email, *person)?;
        let mut c = ctx.clone();
        localized(lang, &mut c);
        c.insert("name", m.name.as_deref().unwrap_or(""));
        let mail = render_mail(template, lang, &site, &c)?;
        let message = OutgoingMessage::new(vec![m.clone()], mail.subject, mail.text)
            .map_err(AppError::internal)?
            .html(mail.html)
            .concerning("proposal", proposal.id.0);
        super::enqueue(conn, &settings.mail_from, &message)?;
    }
    Ok(to.len())
}

/// The decision on a proposal, to its proposer. Nothing for items that are no proposal.
pub fn notify_decided(
    conn: &mut DbConnection,
    settings: &Settings,
    decision: &StoredDecision,
) -> AppResult<usize> {
    let Some(item) = decided_item(conn, decision.agenda_item_id)? else {
        return Ok(0);
    };
    let Some(snapshot) = &item.item.proposal else {
        return Ok(0);
    };
    let Some(proposal) = proposals::get(conn, snapshot.id)? else {
        return Ok(0);
    };
    let referred_to = match decision.referred_to {
        Some(id) => orgs::list(conn)?
            .into_iter()
            .find(|o| o.id == id)
            .map(|o| o.name),
        None => None,
    };
    let mut ctx = Context::new();
    ctx.insert("organization", &item.organization_name);
    let meeting_starts_at = item.meeting_starts_at;
    ctx.insert("decision_text", &decision.text);
    ctx.insert("referred_to", &referred_to);
    ctx.insert(
        "adopted",
        &(decision.decision.outcome == Outcome::Adopted
            || !decision
                .decision
                .adopted_clauses(item.clauses().len() as u32)
                .is_empty()),
    );
    send(
        conn,
        settings,
        &proposal,
        "proposal_decided",
        ctx,
        |lang, c| {
            c.insert("meeting_date", &date(lang, meeting_starts_at));
        },
    )
}

/// An administration's answer to an adopted clause, to the proposer.
pub fn notify_answered(
    conn: &mut DbConnection,
    settings: &Settings,
    task: &Task,
) -> AppResult<usize> {
    let Some(proposal) = task.proposal_id else {
        return Ok(0);
    };
    let Some(proposal) = proposals::get(conn, proposal)? else {
        return Ok(0);
    };
    let answer = task.answer.clone().unwrap_or_default();
    let mut ctx = Context::new();
    ctx.insert("lead", &task.lead.name);
    ctx.insert("clause", &task.clause);
    ctx.insert("clause_text", &task.clause_text);
    ctx.insert("answer_paragraphs", &paragraphs(&answer));
    ctx.insert("answer", &answer);
    ctx.insert(
        "answer_to",
        &task.answer_to.as_ref().map(|o| o.name.clone()),
    );
    send(
        conn,
        settings,
        &proposal,
        "proposal_answered",
        ctx,
        |_, _| {},
    )
}

/// Asks each person who is to approve a draft of the minutes, and has an address, to read and
/// approve it. The secretariat's own approval needs no mail.
pub fn notify_signers(
    conn: &mut DbConnection,
    settings: &Settings,
    draft: &crate::db::minutes::Minutes,
) -> AppResult<usize> {
    let mut sent = 0;
    for signer in &draft.signers {
        let Some(person) = signer.person_id() else {
            continue;
        };
        let email = crate::db::organizations::person_email(conn, person)?;
        let Some(to) = email.and_then(|e| Mailbox::new(Some(&signer.name), &e).ok()) else {
            continue;
        };
        let site = MailSite::load(conn)?;
        let lang = site.lang_for(conn, &to.email, Some(person))?;
        let mut ctx = Context::new();
        ctx.insert("name", &signer.name);
        ctx.insert("organization", &draft.content.organization_name);
        ctx.insert("meeting_date", &date(lang, draft.content.starts_at));
        ctx.insert("version", &draft.version);
        ctx.insert("reason", &draft.correction_reason);
        ctx.insert(
            "url",
            &format!(
                "{}/meetings/{}/minutes/draft",
                settings.base_url, draft.meeting_id
            ),
        );
        let mail = render_mail("minutes_approval", lang, &site, &ctx)?;
        let message = OutgoingMessage::new(vec![to], mail.subject, mail.text)
            .map_err(AppError::internal)?
            .html(mail.html)
            .concerning("meeting", draft.meeting_id.0);
        super::enqueue(conn, &settings.mail_from, &message)?;
        sent += 1;
    }
    Ok(sent)
}
