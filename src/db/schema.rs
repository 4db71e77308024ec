// One schema for both backends; migrations/sqlite and migrations/postgres must agree with it
// (the test suite runs on both).

diesel::table! {
    bodies (id) {
        id -> BigInt,
        name -> Text,
        short_name -> Nullable<Text>,
        website -> Nullable<Text>,
        created_at -> Timestamp,
        closed_constitution_day -> Bool,
        closed_christmas_eve -> Bool,
        closed_new_years_eve -> Bool,
        council_title -> Text,
        default_language -> Text,
        logo -> Nullable<Binary>,
        logo_type -> Nullable<Text>,
        settings_version -> BigInt,
        case_reference_format -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    organizations (id) {
        id -> BigInt,
        body_id -> BigInt,
        kind -> Text,
        name -> Text,
        short_name -> Nullable<Text>,
        email -> Nullable<Text>,
        parent_id -> Nullable<BigInt>,
        website -> Nullable<Text>,
        start_date -> Nullable<Date>,
        end_date -> Nullable<Date>,
        created_at -> Timestamp,
        proposal_deadline_rule -> Nullable<Text>,
        agenda_release_rule -> Nullable<Text>,
        minutes_signers -> Text,
        address_lines -> Nullable<Text>,
        logo -> Nullable<Binary>,
        logo_content_type -> Nullable<Text>,
        active -> Bool,
        extra_emails -> Text,
        language -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    persons (id) {
        id -> BigInt,
        body_id -> BigInt,
        name -> Text,
        title -> Nullable<Text>,
        email -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    memberships (id) {
        id -> BigInt,
        person_id -> BigInt,
        organization_id -> BigInt,
        party_id -> Nullable<BigInt>,
        role -> Text,
        start_date -> Date,
        end_date -> Nullable<Date>,
        position -> Nullable<Integer>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    closed_days (id) {
        id -> BigInt,
        body_id -> BigInt,
        day -> Date,
        name -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    election_periods (id) {
        id -> BigInt,
        body_id -> BigInt,
        name -> Text,
        start_date -> Date,
        end_date -> Nullable<Date>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    cases (id) {
        id -> BigInt,
        body_id -> BigInt,
        reference -> Text,
        title -> Text,
        created_at -> Timestamp,
        reference_key -> Nullable<Text>,
    }
}

diesel::table! {
    meetings (id) {
        id -> BigInt,
        organization_id -> BigInt,
        kind -> Text,
        starts_at -> Timestamp,
        ends_at -> Nullable<Timestamp>,
        location -> Text,
        status -> Text,
        lock_version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    proposals (id) {
        id -> BigInt,
        body_id -> BigInt,
        organization_id -> BigInt,
        title -> Text,
        opening -> Text,
        motivation -> Text,
        status -> Text,
        submitting_party_id -> Nullable<BigInt>,
        target_meeting_id -> Nullable<BigInt>,
        submitted_at -> Nullable<Timestamp>,
        late -> Bool,
        lock_version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        created_by -> Nullable<BigInt>,
        late_reason -> Nullable<Text>,
        deadline_at -> Nullable<Timestamp>,
        requested_cases -> Text,
    }
}

diesel::table! {
    proposal_clauses (id) {
        id -> BigInt,
        proposal_id -> BigInt,
        position -> Integer,
        text -> Text,
    }
}

diesel::table! {
    proposal_submitters (proposal_id, person_id) {
        proposal_id -> BigInt,
        person_id -> BigInt,
        role -> Text,
        position -> Integer,
    }
}

diesel::table! {
    proposal_cases (proposal_id, case_id) {
        proposal_id -> BigInt,
        case_id -> BigInt,
        position -> Integer,
    }
}

diesel::table! {
    agenda_items (id) {
        id -> BigInt,
        meeting_id -> BigInt,
        position -> Integer,
        number -> Text,
        title -> Text,
        kind -> Text,
        public -> Bool,
        proposal_id -> Nullable<BigInt>,
        case_id -> Nullable<BigInt>,
        body -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        sections -> Nullable<Text>,
        source_organization_id -> Nullable<BigInt>,
        custom_number -> Bool,
    }
}

diesel::table! {
    agenda_attachments (id) {
        id -> BigInt,
        meeting_id -> BigInt,
        agenda_item_id -> Nullable<BigInt>,
        filename -> Text,
        content_type -> Text,
        size -> BigInt,
        sha256 -> Text,
        public -> Bool,
        content -> Binary,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        text -> Nullable<Text>,
    }
}

diesel::table! {
    agenda_documents (agenda_version_id, audience) {
        agenda_version_id -> BigInt,
        audience -> Text,
        content_type -> Text,
        content -> Binary,
    }
}

diesel::table! {
    agenda_versions (id) {
        id -> BigInt,
        meeting_id -> BigInt,
        version -> Integer,
        released_at -> Timestamp,
        late_reason -> Nullable<Text>,
        snapshot -> Text,
        changes -> Text,
        released_by -> Nullable<BigInt>,
        public_changes -> Nullable<Text>,
    }
}

diesel::table! {
    agenda_version_items (id) {
        id -> BigInt,
        agenda_version_id -> BigInt,
        meeting_id -> BigInt,
        version -> Integer,
        position -> Integer,
        number -> Text,
        public -> Bool,
        proposal_id -> Nullable<BigInt>,
        case_id -> Nullable<BigInt>,
    }
}

diesel::joinable!(organizations -> bodies (body_id));
diesel::joinable!(persons -> bodies (body_id));
diesel::joinable!(memberships -> persons (person_id));
diesel::joinable!(cases -> bodies (body_id));
diesel::joinable!(meetings -> organizations (organization_id));
diesel::joinable!(proposal_clauses -> proposals (proposal_id));
diesel::joinable!(proposal_submitters -> proposals (proposal_id));
diesel::joinable!(proposal_submitters -> persons (person_id));
diesel::joinable!(proposal_cases -> proposals (proposal_id));
diesel::joinable!(proposal_cases -> cases (case_id));
diesel::table! {
    subscriptions (id) {
        id -> BigInt,
        organization_id -> BigInt,
        email -> Text,
        status -> Text,
        confirm_token_hash -> Nullable<Text>,
        unsubscribe_token -> Text,
        created_at -> Timestamp,
        confirmed_at -> Nullable<Timestamp>,
        unsubscribed_at -> Nullable<Timestamp>,
        language -> Nullable<Text>,
    }
}

diesel::joinable!(agenda_items -> meetings (meeting_id));
diesel::joinable!(agenda_versions -> meetings (meeting_id));
diesel::joinable!(agenda_version_items -> agenda_versions (agenda_version_id));

diesel::allow_tables_to_appear_in_same_query!(
    bodies,
    organizations,
    persons,
    memberships,
    cases,
    meetings,
    proposals,
    proposal_clauses,
    proposal_submitters,
    proposal_cases,
    agenda_items,
    agenda_versions,
    agenda_version_items,
    agenda_attachments,
    agenda_documents,
    subscriptions,
    meeting_attendance,
    decisions,
    tasks,
    task_contributions,
    task_tokens,
    task_reminders,
    task_files,
    users,
    sessions,
    api_tokens,
    audit_events,
);

diesel::table! {
    outbox_messages (id) {
        id -> BigInt,
        message_id -> Text,
        from_header -> Text,
        reply_to -> Nullable<Text>,
        recipients -> Text,
        subject -> Text,
        text_body -> Text,
        html_body -> Nullable<Text>,
        extra_headers -> Nullable<Text>,
        concerns_kind -> Nullable<Text>,
        concerns_id -> Nullable<BigInt>,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_by -> Nullable<Text>,
        claim_expires_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        sent_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    outbox_attachments (id) {
        id -> BigInt,
        message_id -> BigInt,
        position -> Integer,
        filename -> Text,
        content_type -> Text,
        content -> Binary,
    }
}

diesel::joinable!(outbox_attachments -> outbox_messages (message_id));
diesel::allow_tables_to_appear_in_same_query!(outbox_messages, outbox_attachments);

diesel::table! {
    users (id) {
        id -> BigInt,
        email -> Text,
        name -> Text,
        role -> Text,
        person_id -> Nullable<BigInt>,
        organization_id -> Nullable<BigInt>,
        password_hash -> Text,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        totp_secret -> Nullable<Text>,
        totp_pending -> Nullable<Text>,
        totp_enabled_at -> Nullable<Timestamp>,
        totp_last_step -> Nullable<BigInt>,
        language -> Nullable<Text>,
    }
}

diesel::table! {
    recovery_codes (id) {
        id -> BigInt,
        user_id -> BigInt,
        code_hash -> Text,
        created_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    login_challenges (id) {
        id -> BigInt,
        token_hash -> Text,
        user_id -> BigInt,
        attempt_id -> Nullable<BigInt>,
        attempts -> Integer,
        created_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    sessions (id) {
        id -> BigInt,
        token_hash -> Text,
        user_id -> BigInt,
        csrf_token -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> BigInt,
        token_hash -> Text,
        user_id -> BigInt,
        label -> Nullable<Text>,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    login_attempts (id) {
        id -> BigInt,
        email -> Text,
        ip -> Text,
        succeeded -> Bool,
        attempted_at -> Timestamp,
    }
}

diesel::table! {
    audit_events (id) {
        id -> BigInt,
        at -> Timestamp,
        user_id -> Nullable<BigInt>,
        actor -> Text,
        action -> Text,
        subject_kind -> Text,
        subject_id -> BigInt,
        before_state -> Nullable<Text>,
        after_state -> Nullable<Text>,
        note -> Nullable<Text>,
    }
}

diesel::table! {
    app_meta (key) {
        key -> Text,
        value -> Text,
    }
}

diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(audit_events -> users (user_id));
diesel::joinable!(users -> persons (person_id));
diesel::joinable!(users -> organizations (organization_id));

diesel::table! {
    proposal_versions (id) {
        id -> BigInt,
        proposal_id -> BigInt,
        version -> Integer,
        title -> Text,
        opening -> Text,
        clauses -> Text,
        motivation -> Text,
        saved_by -> Nullable<BigInt>,
        saved_at -> Timestamp,
    }
}

diesel::table! {
    proposal_reviews (id) {
        id -> BigInt,
        proposal_id -> BigInt,
        version -> Integer,
        outcome -> Text,
        checklist -> Text,
        comment -> Nullable<Text>,
        reviewer_id -> Nullable<BigInt>,
        reviewed_at -> Timestamp,
    }
}

diesel::table! {
    case_counters (body_id, year) {
        body_id -> BigInt,
        year -> Integer,
        last_serial -> BigInt,
    }
}

diesel::table! {
    meeting_attendance (meeting_id, person_id) {
        meeting_id -> BigInt,
        person_id -> BigInt,
        status -> Text,
        substitute_for -> Nullable<BigInt>,
    }
}

diesel::table! {
    decisions (id) {
        id -> BigInt,
        agenda_item_id -> BigInt,
        meeting_id -> BigInt,
        outcome -> Text,
        data -> Text,
        referred_to_id -> Nullable<BigInt>,
        text -> Text,
        text_edited -> Bool,
        recorded_by -> Nullable<BigInt>,
        recorded_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    tasks (id) {
        id -> BigInt,
        body_id -> BigInt,
        decision_id -> BigInt,
        agenda_item_id -> BigInt,
        proposal_id -> Nullable<BigInt>,
        clause -> Integer,
        clause_text -> Text,
        description -> Text,
        lead_id -> BigInt,
        deadline -> Nullable<Date>,
        answer_to_id -> Nullable<BigInt>,
        status -> Text,
        answer -> Nullable<Text>,
        answered_at -> Nullable<Timestamp>,
        answered_by -> Nullable<Text>,
        proposed_deadline -> Nullable<Date>,
        extension_reason -> Nullable<Text>,
        presented_item_id -> Nullable<BigInt>,
        lock_version -> Integer,
        created_by -> Nullable<BigInt>,
        sent_at -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    task_contributions (id) {
        id -> BigInt,
        task_id -> BigInt,
        organization_id -> BigInt,
        status -> Text,
        answer -> Nullable<Text>,
        answered_at -> Nullable<Timestamp>,
        answered_by -> Nullable<Text>,
    }
}

diesel::table! {
    task_tokens (id) {
        id -> BigInt,
        task_id -> BigInt,
        contribution_id -> Nullable<BigInt>,
        token_hash -> Text,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
        last_used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    task_reminders (task_id, reminder_key) {
        task_id -> BigInt,
        reminder_key -> Text,
        sent_at -> Timestamp,
    }
}

diesel::table! {
    task_files (id) {
        id -> BigInt,
        task_id -> BigInt,
        contribution_id -> Nullable<BigInt>,
        filename -> Text,
        content_type -> Text,
        size -> BigInt,
        sha256 -> Text,
        content -> Binary,
        created_at -> Timestamp,
    }
}

diesel::joinable!(decisions -> agenda_items (agenda_item_id));
diesel::joinable!(decisions -> meetings (meeting_id));
diesel::joinable!(meeting_attendance -> meetings (meeting_id));
diesel::joinable!(meeting_attendance -> persons (person_id));
diesel::joinable!(tasks -> decisions (decision_id));
diesel::joinable!(tasks -> agenda_items (agenda_item_id));
diesel::joinable!(task_contributions -> tasks (task_id));
diesel::joinable!(task_tokens -> tasks (task_id));
diesel::joinable!(task_reminders -> tasks (task_id));
diesel::joinable!(task_files -> tasks (task_id));

diesel::table! {
    minutes (id) {
        id -> BigInt,
        meeting_id -> BigInt,
        version -> Integer,
        content -> Text,
        signers -> Text,
        correction_reason -> Nullable<Text>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        published_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    minutes_signatures (minutes_id, signer_key) {
        minutes_id -> BigInt,
        signer_key -> Text,
        signer_name -> Text,
        signed_at -> Timestamp,
        recorded_by -> Nullable<BigInt>,
        on_behalf -> Bool,
    }
}

diesel::table! {
    minutes_documents (minutes_id, audience) {
        minutes_id -> BigInt,
        audience -> Text,
        content -> Binary,
    }
}

diesel::joinable!(minutes -> meetings (meeting_id));
diesel::joinable!(minutes_signatures -> minutes (minutes_id));
diesel::joinable!(minutes_documents -> minutes (minutes_id));
diesel::allow_tables_to_appear_in_same_query!(
    minutes,
    minutes_signatures,
    minutes_documents,
    meetings
);
diesel::allow_tables_to_appear_in_same_query!(minutes, tasks);
diesel::allow_tables_to_appear_in_same_query!(minutes, agenda_items);

diesel::table! {
    letters (id) {
        id -> BigInt,
        case_id -> BigInt,
        direction -> Text,
        status -> Text,
        sender_organization_id -> Nullable<BigInt>,
        sender_name -> Text,
        letter_date -> Date,
        recipient_name -> Text,
        recipient_title -> Nullable<Text>,
        recipient_email -> Nullable<Text>,
        heading -> Text,
        salutation -> Text,
        body -> Text,
        closing -> Text,
        signatories -> Text,
        public -> Bool,
        original_filename -> Nullable<Text>,
        original_content_type -> Nullable<Text>,
        original -> Nullable<Binary>,
        pdf -> Nullable<Binary>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        approved_by -> Nullable<BigInt>,
        approved_at -> Nullable<Timestamp>,
        sent_at -> Nullable<Timestamp>,
        lock_version -> Integer,
        in_reply_to -> Nullable<BigInt>,
        agenda_item_id -> Nullable<BigInt>,
        outbox_id -> Nullable<BigInt>,
    }
}

diesel::joinable!(letters -> cases (case_id));
diesel::allow_tables_to_appear_in_same_query!(letters, cases);

diesel::table! {
    password_links (id) {
        id -> BigInt,
        user_id -> BigInt,
        token_hash -> Text,
        purpose -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(password_links -> users (user_id));
diesel::allow_tables_to_appear_in_same_query!(password_links, users);

diesel::table! {
    password_requests (id) {
        id -> BigInt,
        email -> Text,
        ip -> Text,
        requested_at -> Timestamp,
    }
}

diesel::table! {
    /// The search index's documents (db/search.rs); the terms are backend-specific and written
    /// with SQL of their own (an FTS5 table on SQLite, a tsvector column on PostgreSQL).
    search_documents (id) {
        id -> BigInt,
        kind -> Text,
        source_id -> BigInt,
        body_id -> BigInt,
        organization_id -> Nullable<BigInt>,
        meeting_id -> Nullable<BigInt>,
        case_id -> Nullable<BigInt>,
        proposal_id -> Nullable<BigInt>,
        visibility -> Text,
        status -> Nullable<Text>,
        day -> Date,
        title -> Text,
        text -> Text,
        indexed_at -> Timestamp,
        /// Who may find it and what filters select it, as tokens (`domain::search::token`).
        meta -> Text,
    }
}
