//! Who a stored document or a view is for.

/// Who a document is for: the public never sees a closed item's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    Public,
    /// The body's members and the secretariat.
    Members,
}

impl Audience {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Public => "public",
            Self::Members => "members",
        }
    }
}
