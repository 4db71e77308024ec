//! Released agendas never change, so their public HTML is rendered once and served from memory.
//!
//! A cached page is checked against the database (latest version, meeting changes) at most
//! once per `REVALIDATE_AFTER`: several app nodes on one database then see another node's
//! release within that time, and a node's own release is seen at once through `invalidate`.
//! The cache is bounded in bytes; the least recently used pages go first.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use actix_web::web::Bytes;

use crate::db::agenda::ReleaseState;
use crate::domain::MeetingId;
use crate::i18n::Lang;

pub const REVALIDATE_AFTER: Duration = Duration::from_secs(1);
pub const DEFAULT_CAPACITY_BYTES: usize = 32 * 1024 * 1024;

pub struct CachedPage {
    pub state: ReleaseState,
    pub html: Bytes,
    /// The same page gzip-compressed once, for the clients that accept it (every browser).
    pub gzip: Bytes,
    pub etag: String,
    checked_ms: AtomicU64,
    used_ms: AtomicU64,
}

impl CachedPage {
    fn size(&self) -> usize {
        self.html.len() + self.gzip.len()
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// Whether an `Accept-Encoding` header value accepts gzip (`q=0` refuses it).
pub fn accepts_gzip(accept_encoding: &str) -> bool {
    accept_encoding.split(',').any(|part| {
        let mut fields = part.split(';').map(str::trim);
        let coding = fields.next().unwrap_or("");
        let refused = fields.any(|f| {
            f.strip_prefix("q=")
                .and_then(|q| q.parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        (coding.eq_ignore_ascii_case("gzip") || coding == "*") && !refused
    })
}

pub struct PageCache {
    /// Each meeting's page in each language it was asked in.
    entries: RwLock<HashMap<(MeetingId, Lang), Arc<CachedPage>>>,
    capacity_bytes: usize,
    epoch: Instant,
}

impl PageCache {
    pub fn new(capacity_bytes: usize) -> Self {
        Self {
            entries: RwLock::new(HashMap::new()),
            capacity_bytes,
            epoch: Instant::now(),
        }
    }

    fn now_ms(&self) -> u64 {
        self.epoch.elapsed().as_millis() as u64
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, HashMap<(MeetingId, Lang), Arc<CachedPage>>> {
        // A panic while holding the lock cannot leave the map half-changed (inserts are whole),
        // so a poisoned lock is still usable.
        self.entries.read().unwrap_or_else(|e| e.into_inner())
    }

    /// The page, if it was checked against the database recently enough to serve as it is.
    pub fn fresh(&self, id: MeetingId, lang: Lang) -> Option<Arc<CachedPage>> {
        let entry = self.read().get(&(id, lang)).cloned()?;
        let now = self.now_ms();
        if now.saturating_sub(entry.checked_ms.load(Ordering::Relaxed))
            < REVALIDATE_AFTER.as_millis() as u64
        {
            entry.used_ms.store(now, Ordering::Relaxed);
            Some(entry)
        } else {
            None
        }
    }

    /// The page, if it still shows `state`; it then counts as checked now.
    pub fn validate(
        &self,
        id: MeetingId,
        lang: Lang,
        state: ReleaseState,
    ) -> Option<Arc<CachedPage>> {
        let entry = self.read().get(&(id, lang)).cloned()?;
        if entry.state != state {
            return None;
        }
        let now = self.now_ms();
        entry.checked_ms.store(now, Ordering::Relaxed);
        entry.used_ms.store(now, Ordering::Relaxed);
        Some(entry)
    }

    /// Keeps a page; `site_version` (the municipality's settings it shows) is part of its
    /// `ETag`, so a renamed municipality is not answered with `304`.
    pub fn insert(
        &self,
        id: MeetingId,
        lang: Lang,
        state: ReleaseState,
        site_version: i64,
        html: String,
    ) -> Arc<CachedPage> {
        let now = self.now_ms();
        let etag = match state {
            ReleaseState::Released {
                version,
                meeting_updated_at,
            } => format!(
                "\"m{id}-{lang}-v{version}-{}-s{site_version}\"",
                meeting_updated_at.and_utc().timestamp_micros()
            ),
            _ => format!("\"m{id}-{lang}-s{site_version}\""),
        };
        let gzip = Bytes::from(gzip(html.as_bytes()));
        let page = Arc::new(CachedPage {
            state,
            html: Bytes::from(html),
            gzip,
            etag,
            checked_ms: AtomicU64::new(now),
            used_ms: AtomicU64::new(now),
        });
        let mut entries = self.entries.write().unwrap_or_else(|e| e.into_inner());
        entries.insert((id, lang), page.clone());
        let mut total: usize = entries.values().map(|p| p.size()).sum();
        while total > self.capacity_bytes && entries.len() > 1 {
            let oldest = entries
                .iter()
                .filter(|(key, _)| **key != (id, lang))
                .min_by_key(|(_, p)| p.used_ms.load(Ordering::Relaxed))
                .map(|(key, p)| (*key, p.size()));
            match oldest {
                Some((key, len)) => {
                    entries.remove(&key);
                    total -= len;
                }
                None => break,
            }
        }
        page
    }

    /// Drops the meeting's page in every language.
    pub fn invalidate(&self, id: MeetingId) {
        self.entries
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|(meeting, _), _| *meeting != id);
    }

    /// Drops every page (the municipality's name or logo changed: every page shows them).
    pub fn clear(&self) {
        self.entries
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    pub fn len(&self) -> usize {
        self.read().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache_size_of(html: String) -> usize {
        PageCache::new(1 << 20)
            .insert(MeetingId(9), Lang::Da, released(1), 0, html)
            .size()
    }

    fn released(version: u32) -> ReleaseState {
        ReleaseState::Released {
            version,
            meeting_updated_at: chrono::DateTime::from_timestamp(1_700_000_000, 0)
                .unwrap()
                .naive_utc(),
        }
    }

    #[test]
    fn gzip_copy_inflates_to_the_page() {
        use std::io::Read;
        let cache = PageCache::new(1 << 20);
        let page = cache.insert(MeetingId(1), Lang::Da, released(1), 0, "æøå ".repeat(500));
        assert!(page.gzip.len() < page.html.len() / 10);
        let mut out = String::new();
        flate2::read::GzDecoder::new(&page.gzip[..])
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out.as_bytes(), &page.html[..]);
    }

    #[test]
    fn accept_encoding_is_read_with_quality_values() {
        assert!(accepts_gzip("gzip, deflate, br"));
        assert!(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
        assert!(accepts_gzip("*"));
        assert!(!accepts_gzip("gzip;q=0"));
        assert!(!accepts_gzip("br, deflate"));
        assert!(!accepts_gzip(""));
    }

    #[test]
    fn serves_fresh_and_revalidates_by_state() {
        let cache = PageCache::new(1 << 20);
        cache.insert(MeetingId(1), Lang::Da, released(1), 0, "v1".into());
        assert_eq!(
            &cache.fresh(MeetingId(1), Lang::Da).unwrap().html[..],
            b"v1"
        );
        assert!(
            cache
                .validate(MeetingId(1), Lang::Da, released(1))
                .is_some()
        );
        assert!(
            cache
                .validate(MeetingId(1), Lang::Da, released(2))
                .is_none()
        );
        cache.invalidate(MeetingId(1));
        assert!(cache.fresh(MeetingId(1), Lang::Da).is_none());
    }

    #[test]
    fn stale_after_the_revalidation_interval() {
        let cache = PageCache::new(1 << 20);
        let page = cache.insert(MeetingId(1), Lang::Da, released(1), 0, "v1".into());
        page.checked_ms.store(0, Ordering::Relaxed);
        std::thread::sleep(REVALIDATE_AFTER + Duration::from_millis(20));
        assert!(cache.fresh(MeetingId(1), Lang::Da).is_none());
        assert!(
            cache
                .validate(MeetingId(1), Lang::Da, released(1))
                .is_some()
        );
        assert!(cache.fresh(MeetingId(1), Lang::Da).is_some());
    }

    #[test]
    fn each_language_is_its_own_page_and_both_go_together() {
        let cache = PageCache::new(1 << 20);
        cache.insert(MeetingId(1), Lang::Da, released(1), 0, "dansk".into());
        cache.insert(MeetingId(1), Lang::En, released(1), 0, "english".into());
        assert_eq!(
            &cache.fresh(MeetingId(1), Lang::En).unwrap().html[..],
            b"english"
        );
        assert_ne!(
            cache.fresh(MeetingId(1), Lang::Da).unwrap().etag,
            cache.fresh(MeetingId(1), Lang::En).unwrap().etag
        );
        cache.invalidate(MeetingId(1));
        assert!(cache.fresh(MeetingId(1), Lang::Da).is_none());
        assert!(cache.fresh(MeetingId(1), Lang::En).is_none());
    }

    #[test]
    fn bounded_by_bytes_dropping_the_least_recently_used() {
        let one = cache_size_of("a".repeat(10));
        let cache = PageCache::new(one * 2 + one / 2);
        cache.insert(MeetingId(1), Lang::Da, released(1), 0, "a".repeat(10));
        cache.insert(MeetingId(2), Lang::Da, released(1), 0, "b".repeat(10));
        cache.read()[&(MeetingId(1), Lang::Da)]
            .used_ms
            .store(u64::MAX / 2, Ordering::Relaxed);
        cache.insert(MeetingId(3), Lang::Da, released(1), 0, "c".repeat(10));
        assert_eq!(cache.len(), 2);
        assert!(cache.read().contains_key(&(MeetingId(1), Lang::Da)));
        assert!(!cache.read().contains_key(&(MeetingId(2), Lang::Da)));
        // A page larger than the whole cache is still served, alone.
        cache.insert(MeetingId(4), Lang::Da, released(1), 0, "d".repeat(10_000));
        assert_eq!(cache.len(), 1);
    }
}
