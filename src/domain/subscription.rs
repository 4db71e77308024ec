//! Subscriptions to a body's agendas by mail.

text_enum!(
    /// A subscription is confirmed from its mail (double opt-in) and ended from any mail.
    SubscriptionStatus {
        Pending = "pending",
        Confirmed = "confirmed",
        Unsubscribed = "unsubscribed",
    }
);
