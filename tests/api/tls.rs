//! SMTP over TLS against real servers: STARTTLS (required for `smtp://`) and implicit TLS
//! (`smtps://`), with certificates of a private CA trusted through `AGENDUM_SMTP_CA_FILE`.

use std::sync::Arc;
use std::time::Duration;

use agendum::db::outbox::OutboxStatus;
use agendum::mail::smtp::SmtpSettings;
use agendum::mail::transport::Transport;
use agendum::mail::worker::Worker;
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair};

use crate::helpers::{Backend, database};
use crate::mail::{Mode, SmtpServer, enqueue, fast, message, run_until};

/// A private CA and a server certificate it signed for 127.0.0.1 and localhost, as PEM files.
struct Pki {
    dir: tempfile::TempDir,
    leaf_der: Vec<u8>,
    key_der: Vec<u8>,
}

impl Pki {
    fn new() -> Pki {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let ca_key = KeyPair::generate().unwrap();
        let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.distinguished_name
            .push(DnType::CommonName, "Agendum test CA");
        let ca_cert = ca.self_signed(&ca_key).unwrap();
        let key = KeyPair::generate().unwrap();
        let leaf = CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
            .unwrap()
            .signed_by(&key, &ca_cert, &ca_key)
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("ca.pem"), ca_cert.pem()).unwrap();
        std::fs::write(dir.path().join("server.pem"), leaf.pem()).unwrap();
        std::fs::write(dir.path().join("server.key"), key.serialize_pem()).unwrap();
        Pki {
            leaf_der: leaf.der().to_vec(),
            key_der: key.serialize_der(),
            dir,
        }
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }
}

fn worker(db: &agendum::db::Db, url: &str, ca: Option<&str>) -> Worker {
    let mut settings = SmtpSettings::parse(url).unwrap();
    if let Some(ca) = ca {
        settings = settings.trusting(std::path::Path::new(ca)).unwrap();
    }
    Worker::new(
        db.clone(),
        Transport::Smtp(Arc::new(settings.client())),
        fast(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn starttls_is_required_and_verified() {
    let Some((db, _guard)) = database(Backend::Sqlite, false) else {
        return;
    };
    let pki = Pki::new();
    let server = SmtpServer::start_tls(
        Mode::Accept,
        &pki.path("server.pem"),
        &pki.path("server.key"),
    );
    let url = format!("smtp://127.0.0.1:{}", server.port);

    // With the private CA trusted, the message goes over STARTTLS.
    let id = enqueue(&db, &message("okf@example.org", "Over STARTTLS"));
    let sent = run_until(
        &worker(&db, &url, Some(&pki.path("ca.pem"))),
        &db,
        id,
        OutboxStatus::Sent,
        Duration::from_secs(20),
    )
    .await;
    assert_eq!(sent.attempts, 1);
    assert_eq!(server.received().len(), 1);

    // Without it the certificate is not trusted: nothing is sent in clear, the message waits.
    let id = enqueue(&db, &message("okf@example.org", "Ikke betroet"));
    let untrusted = worker(&db, &url, None);
    untrusted.run_once().await.unwrap();
    let stored = db
        .run(move |c| agendum::db::outbox::get(c, id))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        stored.status,
        OutboxStatus::Pending,
        "a temporary failure, retried later"
    );
    assert!(
        stored
            .last_error
            .as_deref()
            .unwrap_or("")
            .to_lowercase()
            .contains("certificate"),
        "{:?}",
        stored.last_error
    );
    assert_eq!(server.received().len(), 1);

    // A server that offers no STARTTLS is refused for smtp:// (only ?tls=none sends in clear).
    let plain = SmtpServer::start(Mode::Accept);
    let id = enqueue(&db, &message("okf@example.org", "Aldrig i klartekst"));
    let w = worker(
        &db,
        &format!("smtp://127.0.0.1:{}", plain.port),
        Some(&pki.path("ca.pem")),
    );
    w.run_once().await.unwrap();
    let stored = db
        .run(move |c| agendum::db::outbox::get(c, id))
        .await
        .unwrap()
        .unwrap();
    assert_ne!(stored.status, OutboxStatus::Sent);
    assert!(plain.received().is_empty(), "nothing went out in clear");
}

/// `smtps://`: TLS from the first byte. The test puts a TLS front (tokio-rustls) before the
/// plain test server, as a relay's port 465 would be.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn implicit_tls_delivers() {
    let Some((db, _guard)) = database(Backend::Sqlite, false) else {
        return;
    };
    let pki = Pki::new();
    let backend = SmtpServer::start(Mode::Accept);
    let config = rustls::ServerConfig::builder()
        .with_no_client_auth()
        .with_single_cert(
            vec![pki.leaf_der.clone().into()],
            rustls::pki_types::PrivateKeyDer::Pkcs8(pki.key_der.clone().into()),
        )
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let backend_port = backend.port;
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let Ok(mut plain) =
                    tokio::net::TcpStream::connect(("127.0.0.1", backend_port)).await
                else {
                    return;
                };
                let _ = tokio::io::copy_bidirectional(&mut tls, &mut plain).await;
            });
        }
    });
    let id = enqueue(&db, &message("okf@example.org", "Over smtps"));
    let w = worker(
        &db,
        &format!("smtps://127.0.0.1:{port}"),
        Some(&pki.path("ca.pem")),
    );
    let sent = run_until(&w, &db, id, OutboxStatus::Sent, Duration::from_secs(20)).await;
    assert_eq!(sent.attempts, 1);
    assert_eq!(backend.received().len(), 1);
    assert_eq!(backend.received()[0].parsed().subject(), Some("Over smtps"));
}

#[test]
fn the_ca_file_setting_is_checked_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let not_pem = dir.path().join("x.pem");
    std::fs::write(&not_pem, "hej").unwrap();
    let settings = SmtpSettings::parse("smtp://mail.example.org").unwrap();
    assert!(
        settings
            .clone()
            .trusting(&not_pem)
            .unwrap_err()
            .contains("no PEM certificate")
    );
    assert!(
        settings
            .trusting(&dir.path().join("missing.pem"))
            .unwrap_err()
            .contains("cannot read")
    );
}
