//! Cases (sager) and their references.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use super::schema::{cases, proposal_cases};
use super::{DbConnection, now};
use crate::domain::{BodyId, CaseId, CaseReference, ProposalId};
use crate::error::{AppError, AppResult};

#[derive(Debug, Clone)]
pub struct Case {
    pub id: CaseId,
    pub body_id: BodyId,
    pub reference: CaseReference,
    pub title: String,
    pub created_at: DateTime<Utc>,
}

pub fn insert(
    conn: &mut DbConnection,
    body_id: BodyId,
    reference: &CaseReference,
    title: &str,
) -> AppResult<CaseId> {
    let result = diesel::insert_into(cases::table)
        .values((
            cases::body_id.eq(body_id.0),
            cases::reference.eq(reference.to_string()),
            cases::reference_key.eq(reference.key()),
            cases::title.eq(title),
            cases::created_at.eq(now()),
        ))
        .returning(cases::id)
        .get_result(conn);
    match result {
        Ok(id) => {
            super::search::refresh_case(conn, CaseId(id))?;
            Ok(CaseId(id))
        }
        Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
            Err(AppError::conflict(
                crate::i18n::Msg::key("error-the-case-number-already-exists")
                    .arg("reference", reference),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

pub fn by_reference(conn: &mut DbConnection, reference: &CaseReference) -> AppResult<Option<Case>> {
    let row = cases::table
        .filter(cases::reference_key.eq(reference.key()))
        .select(CASE_COLUMNS)
        .first(conn)
        .optional()?;
    row.map(case_of).transpose()
}

pub fn get(conn: &mut DbConnection, id: CaseId) -> AppResult<Option<Case>> {
    let row = cases::table
        .find(id.0)
        .select(CASE_COLUMNS)
        .first(conn)
        .optional()?;
    row.map(case_of).transpose()
}

const CASE_COLUMNS: (
    cases::id,
    cases::body_id,
    cases::reference,
    cases::title,
    cases::created_at,
) = (
    cases::id,
    cases::body_id,
    cases::reference,
    cases::title,
    cases::created_at,
);

fn case_of(
    (id, body_id, reference, title, created_at): (i64, i64, String, String, chrono::NaiveDateTime),
) -> AppResult<Case> {
    Ok(Case {
        id: CaseId(id),
        body_id: BodyId(body_id),
        reference: CaseReference::parse(&reference).map_err(AppError::internal)?,
        title,
        created_at: created_at.and_utc(),
    })
}

pub fn link_proposal(
    conn: &mut DbConnection,
    proposal: ProposalId,
    case: CaseId,
    position: i32,
) -> AppResult<()> {
    diesel::insert_into(proposal_cases::table)
        .values((
            proposal_cases::proposal_id.eq(proposal.0),
            proposal_cases::case_id.eq(case.0),
            proposal_cases::position.eq(position),
        ))
        .execute(conn)?;
    super::search::refresh_proposal(conn, proposal)?;
    Ok(())
}

/// The case references of a proposal, in the order the proposal lists them.
pub fn references_of_proposal(
    conn: &mut DbConnection,
    proposal: ProposalId,
) -> AppResult<Vec<CaseReference>> {
    let refs: Vec<String> = proposal_cases::table
        .inner_join(cases::table)
        .filter(proposal_cases::proposal_id.eq(proposal.0))
        .order(proposal_cases::position)
        .select(cases::reference)
        .load(conn)?;
    refs.iter()
        .map(|r| CaseReference::parse(r).map_err(AppError::internal))
        .collect()
}

pub fn reference_of(conn: &mut DbConnection, case: CaseId) -> AppResult<CaseReference> {
    let reference: String = cases::table
        .find(case.0)
        .select(cases::reference)
        .first(conn)?;
    CaseReference::parse(&reference).map_err(AppError::internal)
}
