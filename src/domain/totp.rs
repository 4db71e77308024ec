//! Two-factor login for secretariat accounts: time-based one-time passwords (RFC 6238, by the
//! `totp-rs` crate: SHA-1, six digits, 30-second steps, as every authenticator app reads them)
//! and one-time recovery codes. A code is accepted one step early or late (a phone's clock
//! drifts), and never twice: the step it matched is remembered and must grow.

use rand::RngCore;
use totp_rs::{Algorithm, Secret, TOTP};

/// Seconds per code.
pub const STEP_SECONDS: u64 = 30;
/// Digits per code.
pub const DIGITS: usize = 6;
/// Steps accepted before and after the current one.
pub const SKEW_STEPS: u8 = 1;
/// Bytes of a new secret (160 bits, as RFC 4226 recommends).
pub const SECRET_BYTES: usize = 20;
/// Recovery codes made at a time.
pub const RECOVERY_CODES: usize = 10;
/// Characters of a recovery code (shown in two groups of five).
const RECOVERY_CHARS: usize = 10;
/// Letters and digits that cannot be confused when read aloud or typed (no 0/O, 1/I/L).
const RECOVERY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
/// Wrong codes one login may try before it must start again with the password.
pub const CODE_ATTEMPTS: i32 = 5;
/// Minutes between the password and the code before the login must start again.
pub const CHALLENGE_MINUTES: i64 = 5;

/// A secret as stored and as typed into an app: RFC 4648 base32 without padding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotpSecret(String);

/// Why a stored secret is unusable (never expected: Agendum makes them).
#[derive(Debug, thiserror::Error)]
#[error("the stored TOTP secret is not valid base32 of {SECRET_BYTES} bytes")]
pub struct BadSecret;

impl TotpSecret {
    pub fn generate() -> Self {
        let mut bytes = [0u8; SECRET_BYTES];
        rand::rng().fill_bytes(&mut bytes);
        TotpSecret(base32_encode(&bytes))
    }

    pub fn parse(stored: &str) -> Result<Self, BadSecret> {
        let bytes = base32_decode(stored).ok_or(BadSecret)?;
        if bytes.len() != SECRET_BYTES {
            return Err(BadSecret);
        }
        Ok(TotpSecret(stored.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// In groups of four, as people type it into an app.
    pub fn grouped(&self) -> String {
        self.0
            .as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn totp(&self) -> TOTP {
        let bytes = base32_decode(&self.0).unwrap_or_default();
        TOTP::new_unchecked(Algorithm::SHA1, DIGITS, SKEW_STEPS, STEP_SECONDS, bytes)
    }

    /// The code of the step holding `unix_seconds`.
    pub fn code_at(&self, unix_seconds: u64) -> String {
        self.totp().generate(unix_seconds)
    }

    /// The step a typed code belongs to, if it is the code of the current step or one next to
    /// it; spaces in the typed code are ignored.
    pub fn matching_step(&self, typed: &str, unix_seconds: u64) -> Option<u64> {
        let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
        if typed.len() != DIGITS || !typed.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let totp = self.totp();
        let now = unix_seconds / STEP_SECONDS;
        let skew = u64::from(SKEW_STEPS);
        (now.saturating_sub(skew)..=now + skew)
            .find(|step| super::secret::secrets_equal(&totp.generate(step * STEP_SECONDS), &typed))
    }

    /// The `otpauth://` address an authenticator app reads (from a link or a QR code).
    pub fn otpauth_url(&self, issuer: &str, account: &str) -> String {
        let enc = |s: &str| url_encode(s);
        format!(
            "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
            enc(issuer),
            enc(account),
            self.0,
            enc(issuer)
        )
    }
}

fn url_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn base32_encode(bytes: &[u8]) -> String {
    match Secret::Raw(bytes.to_vec()).to_encoded() {
        Secret::Encoded(text) => text,
        Secret::Raw(_) => String::new(),
    }
}

fn base32_decode(text: &str) -> Option<Vec<u8>> {
    Secret::Encoded(text.to_ascii_uppercase()).to_bytes().ok()
}

/// New recovery codes, as shown once (`abcde-fghjk`).
pub fn new_recovery_codes() -> Vec<String> {
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0u8; RECOVERY_CHARS];
            rand::rng().fill_bytes(&mut bytes);
            let chars: String = bytes
                .iter()
                .map(|b| RECOVERY_ALPHABET[*b as usize % RECOVERY_ALPHABET.len()] as char)
                .collect();
            format!("{}-{}", &chars[..5], &chars[5..])
        })
        .collect()
}

/// A typed recovery code as stored (its hash is taken of this): lower case, without the dash
/// and spaces; `None` when it cannot be one.
pub fn normalize_recovery_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    (code.len() == RECOVERY_CHARS && code.bytes().all(|b| RECOVERY_ALPHABET.contains(&b)))
        .then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rfc_6238_test_vector_for_sha1() {
        // RFC 6238 appendix B: the ASCII secret "12345678901234567890", 59 s → 94287082 (8
        // digits); its last six digits are the six-digit code.
        let secret = TotpSecret(base32_encode(b"12345678901234567890"));
        assert_eq!(secret.code_at(59), "287082");
        assert_eq!(secret.code_at(1_111_111_109), "081804");
        assert_eq!(secret.code_at(2_000_000_000), "279037");
    }

    #[test]
    fn codes_match_one_step_either_side_and_name_their_step() {
        let secret = TotpSecret::generate();
        assert!(TotpSecret::parse(secret.as_str()).is_ok());
        let now = 1_800_000_015;
        let step = now / STEP_SECONDS;
        let code = secret.code_at(now);
        assert_eq!(secret.matching_step(&code, now), Some(step));
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        assert_eq!(secret.matching_step(&spaced, now), Some(step));
        assert_eq!(
            secret.matching_step(&secret.code_at(now - 30), now),
            Some(step - 1)
        );
        assert_eq!(
            secret.matching_step(&secret.code_at(now + 30), now),
            Some(step + 1)
        );
        assert_eq!(secret.matching_step(&secret.code_at(now - 90), now), None);
        assert_eq!(secret.matching_step("12345", now), None);
        assert_eq!(secret.matching_step("abcdef", now), None);
    }

    #[test]
    fn base32_round_trips() {
        for len in 0..25 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(base32_decode(&base32_encode(&bytes)).unwrap(), bytes);
        }
        assert_eq!(base32_encode(b"foobar"), "MZXW6YTBOI");
        assert!(TotpSecret::parse("not base32!").is_err());
    }

    #[test]
    fn recovery_codes_are_distinct_and_read_back() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), RECOVERY_CODES);
        let typed = format!(" {} ", codes[0].to_uppercase());
        assert_eq!(
            normalize_recovery_code(&typed),
            Some(codes[0].replace('-', ""))
        );
        assert_eq!(normalize_recovery_code("0000-11111"), None);
    }

    #[test]
    fn the_otpauth_address_names_issuer_and_account() {
        let secret = TotpSecret(base32_encode(b"12345678901234567890"));
        let url = secret.otpauth_url("Aarhus Kommune", "a@b.dk");
        assert!(url.starts_with("otpauth://totp/Aarhus%20Kommune:a%40b.dk?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Aarhus%20Kommune"), "{url}");
    }
}
