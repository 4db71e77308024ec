//! The cryptography of accounts: argon2id password hashes, random secrets (session cookies, CSRF
//! tokens, API tokens) and the SHA-256 digests under which secrets are stored, so a copy of the
//! database does not log anyone in.

use std::sync::LazyLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::RngCore;

pub use crate::domain::secret::{
    API_TOKEN_PREFIX, generate_password, new_api_token, new_secret, random_hex, secret_hash,
    secrets_equal,
};

use crate::domain::account::{MAX_PASSWORD_BYTES, NewPassword};
use crate::error::{AppError, AppResult};

/// argon2id with the parameters OWASP recommends (19 MiB, 2 passes, 1 lane).
fn argon2() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::default())
}

pub fn hash_password(password: &NewPassword) -> AppResult<String> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| AppError::internal(e.to_string()))?;
    argon2()
        .hash_password(password.expose().as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| AppError::internal(e.to_string()))
}

/// A hash nobody's password matches, verified against when an account does not exist, so a
/// wrong address takes as long to refuse as a wrong password.
static NOBODY: LazyLock<String> =
    LazyLock::new(|| hash_password(&NewPassword::unchecked(&random_hex(16))).unwrap_or_default());

/// Whether `candidate` is the password of `hash` (`None`: no such account; the same work is done).
pub fn verify_password(hash: Option<&str>, candidate: &str) -> bool {
    if candidate.len() > MAX_PASSWORD_BYTES {
        return false;
    }
    let stored = hash.unwrap_or(NOBODY.as_str());
    let Ok(parsed) = PasswordHash::new(stored) else {
        return false;
    };
    argon2()
        .verify_password(candidate.as_bytes(), &parsed)
        .is_ok()
        && hash.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_against_their_hash_only() {
        let hash = hash_password(&NewPassword::unchecked("rødgrød med fløde")).unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_password(Some(&hash), "rødgrød med fløde"));
        assert!(!verify_password(Some(&hash), "rodgrod med flode"));
        assert!(!verify_password(None, "rødgrød med fløde"));
        assert!(!verify_password(Some("not a hash"), "x"));
        let again = hash_password(&NewPassword::unchecked("rødgrød med fløde")).unwrap();
        assert_ne!(hash, again, "each hash has its own salt");
    }

    #[test]
    fn secrets_are_random_and_stored_hashed() {
        let a = new_secret();
        assert_eq!(a.len(), 64);
        assert_ne!(a, new_secret());
        assert_eq!(secret_hash("abc").len(), 64);
        assert_eq!(
            secret_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(new_api_token().starts_with("agendum_"));
        assert!(secrets_equal("abc", "abc"));
        assert!(!secrets_equal("abc", "abd"));
        assert!(!secrets_equal("abc", "abcd"));
        let password = generate_password();
        assert_eq!(password.len(), 23);
        assert!(NewPassword::parse(&password).is_ok());
    }
}
