//! The `agendum` command (INTERFACES.md): `serve` (the default), `migrate`, `demo`, `mail test`,
//! `user add`, `token create`, `setup`, `import members`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use agendum::app::{Application, mail_destination, mail_transport, prepare_database};
use agendum::config::Settings;
use agendum::db::Db;
use agendum::{AppError, AppResult, demo};

#[derive(Parser)]
#[command(
    name = "agendum",
    version,
    about = "Agendas, member proposals and follow-up for municipal councils"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate the database if needed, load the demo into an empty database and serve (default).
    Serve,
    /// Run pending database migrations and exit.
    Migrate,
    /// Load the demo data into an empty database.
    Demo {
        /// Place the council's coming meeting within the hour, with its deadlines at its
        /// start, so the whole chain can be shown today without anything late.
        #[arg(long)]
        today: bool,
    },
    /// Turn an empty database into a municipality's instance with its first secretariat
    /// account; prints a one-time link to set that account's password (also mailed).
    Setup {
        /// The municipality's name, e.g. "Aarhus Kommune".
        #[arg(long)]
        municipality: String,
        /// The first secretariat account's email address.
        #[arg(long)]
        secretariat: String,
    },
    /// Mail: check the settings.
    #[command(subcommand)]
    Mail(MailCommand),
    /// Accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Bring data into the register.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Rebuild the search index from the database (it is kept change by change; this is for
    /// after a restore, a bulk load or an upgrade of the word rules). Searches keep working
    /// on the old index until the new one is done.
    Reindex,
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Organizations, persons and memberships from a CSV file (docs/guide-secretariat.md,
    /// "The members file"). Prints what each row changes; with --dry-run nothing is written,
    /// and nothing is written either when a row is refused. Running a file twice changes
    /// nothing the second time.
    Members {
        file: std::path::PathBuf,
        /// Only show what the file would change.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account. The password is read from standard input (one line); when standard
    /// input is a terminal or empty, a password is generated and printed once.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// secretariat, politician, administration or chair.
        #[arg(long)]
        role: String,
        /// The administration (staff) or own organization: id, name or short name (ØKF).
        #[arg(long)]
        organization: Option<String>,
        /// The person a politician or chair account acts as: id or full name.
        #[arg(long)]
        person: Option<String>,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Print a new API token for the account (only its hash is stored: keep the token safe).
    Create {
        #[arg(long)]
        email: String,
        /// What the token is for, e.g. the name of the integration.
        #[arg(long)]
        label: Option<String>,
    },
}

#[derive(Subcommand)]
enum MailCommand {
    /// Put one test message for ADDRESS into the outbox; the running server's worker sends it.
    Test {
        address: String,
        /// Deliver it now from this command and report the outcome.
        #[arg(long)]
        send_now: bool,
        /// Language of the message: da or en.
        #[arg(long, default_value = "da")]
        lang: String,
    },
}

/// Prints a line to standard output, ignoring a closed or broken pipe: the server must not
/// stop because nobody reads its output (`println!` would panic).
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::load() {
        Ok(settings) => settings,
        Err(err) => return fail(&err.to_string()),
    };
    if let Err(err) = init_logging(&settings.log) {
        return fail(&err);
    }
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings),
        Command::Migrate => migrate(&settings),
        Command::Reindex => reindex(&settings),
        Command::Demo { today } => load_demo(&settings, today),
        Command::Setup {
            municipality,
            secretariat,
        } => setup(&settings, &municipality, &secretariat),
        Command::Mail(MailCommand::Test {
            address,
            send_now,
            lang,
        }) => mail_test(&settings, &address, send_now, &lang),
        Command::User(UserCommand::Add {
            email,
            name,
            role,
            organization,
            person,
        }) => user_add(
            &settings,
            &agendum::service::accounts::UserRequest {
                email: &email,
                name: &name,
                role: &role,
                organization: organization.as_deref(),
                person: person.as_deref(),
            },
        ),
        Command::Token(TokenCommand::Create { email, label }) => {
            token_create(&settings, &email, label.as_deref())
        }
        Command::Import(ImportCommand::Members { file, dry_run }) => {
            import_members(&settings, &file, dry_run)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => fail(&err.chain()),
    }
}

/// One line on standard error and exit code 1: no panic trace for a user's mistake.
fn fail(message: &str) -> ExitCode {
    eprintln!("agendum: error: {message}");
    ExitCode::from(1)
}

fn init_logging(filter: &str) -> Result<(), String> {
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .map_err(|e| format!("AGENDUM_LOG: '{filter}' is not a log filter: {e}"))?;
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
    Ok(())
}

fn serve(settings: Settings) -> AppResult<()> {
    actix_web::rt::System::new().block_on(async move {
        let database = settings.database_url.redacted();
        let settings_view = settings.clone();
        let app = Application::build(settings)?;
        say!(
            "Agendum is running at {} (database {database})",
            app.address()
        );
        say!("Mail goes to {}.", mail_destination(&settings_view));
        app.run_until_stopped()
            .await
            .map_err(|e| AppError::internal(e).with_message("the server stopped with an error"))
    })
}

fn migrate(settings: &Settings) -> AppResult<()> {
    let db = Db::connect(&settings.database_url)?;
    let applied = db.migrate()?;
    if applied.is_empty() {
        say!("The database is up to date.");
    } else {
        say!(
            "Applied {} migration(s): {}",
            applied.len(),
            applied.join(", ")
        );
    }
    Ok(())
}

fn reindex(settings: &Settings) -> AppResult<()> {
    let db = prepare_database(settings)?;
    let mut conn = db.conn()?;
    let started = std::time::Instant::now();
    let done = agendum::service::search::reindex(&mut conn)?;
    say!(
        "Indexed {} documents ({} proposals, {} meetings, {} letters, {} cases) in {:.1} s.",
        done.documents,
        done.proposals,
        done.meetings,
        done.letters,
        done.cases,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn setup(settings: &Settings, municipality: &str, secretariat: &str) -> AppResult<()> {
    // The demo is not loaded: the instance is the municipality's own.
    let settings = Settings {
        demo: false,
        ..settings.clone()
    };
    let db = prepare_database(&settings)?;
    let mut conn = db.conn()?;
    let made = agendum::service::accounts::setup(&mut conn, &settings, municipality, secretariat)?;
    say!("{}", made.link);
    say!(
        "{municipality} is set up in {}. The link above (also mailed to {secretariat}) sets the \
         secretariat account's password; it works once, for {} hours.",
        settings.database_url.redacted(),
        agendum::service::accounts::PASSWORD_LINK_HOURS
    );
    Ok(())
}

fn import_members(settings: &Settings, file: &std::path::Path, dry_run: bool) -> AppResult<()> {
    use agendum::domain::import::IMPORT_MAX_BYTES;
    use agendum::service::import::Outcome;
    let unreadable =
        |e: std::io::Error| AppError::bad_request(format!("cannot read {}: {e}", file.display()));
    if std::fs::metadata(file).map_err(unreadable)?.len() > IMPORT_MAX_BYTES as u64 {
        return Err(AppError::bad_request(format!(
            "{} is larger than {} MB",
            file.display(),
            IMPORT_MAX_BYTES / 1024 / 1024
        )));
    }
    let bytes = std::fs::read(file).map_err(unreadable)?;
    let db = prepare_database(&Settings {
        demo: false,
        ..settings.clone()
    })?;
    let mut conn = db.conn()?;
    if agendum::db::is_empty(&mut conn)? {
        return Err(AppError::bad_request(
            "the database has no municipality yet; run agendum setup first",
        ));
    }
    let report = agendum::service::import::members(
        &mut conn,
        &agendum::domain::account::Actor::command_line(),
        &bytes,
        !dry_run,
    )?;
    for row in &report.rows {
        let detail = if row.detail.is_empty() {
            String::new()
        } else {
            format!(" ({})", row.detail)
        };
        let reason = match &row.outcome {
            Outcome::Refused(why) => format!(
                ": {}",
                why.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            _ => String::new(),
        };
        say!(
            "line {:>4}  {:<9} {:<22} {}{detail}{reason}",
            row.line,
            row.label,
            row.kind,
            row.name
        );
    }
    say!(
        "{} new, {} changed, {} unchanged, {} refused.",
        report.new,
        report.changed,
        report.unchanged,
        report.refused
    );
    if report.refused > 0 {
        return Err(AppError::invalid(format!(
            "{} rows are refused; nothing was written",
            report.refused
        )));
    }
    if dry_run {
        say!("Nothing was written (--dry-run).");
    } else {
        say!("Written to {}.", settings.database_url.redacted());
    }
    Ok(())
}

fn load_demo(settings: &Settings, same_day: bool) -> AppResult<()> {
    let db = prepare_database(&Settings {
        demo: false,
        ..settings.clone()
    })?;
    let mut conn = db.conn()?;
    let schedule = if same_day {
        demo::Schedule::SameDay {
            now: chrono::Utc::now(),
        }
    } else {
        demo::Schedule::Usual {
            today: agendum::domain::time::today(),
        }
    };
    let loaded = demo::load_scheduled(&mut conn, schedule)?;
    say!(
        "Demo data loaded into {}.",
        settings.database_url.redacted()
    );
    if same_day {
        let meeting = agendum::db::meetings::get(&mut conn, loaded.upcoming_council_meeting)?
            .ok_or_else(|| AppError::internal("the demo's council meeting is missing"))?;
        say!(
            "Borgerrepræsentationen meets at {} today; proposals and the agenda are due at its start.",
            agendum::domain::time::clock(meeting.starts_at)
        );
    }
    Ok(())
}

/// The password from standard input, or a generated one (then printed) when there is none.
fn password_from_stdin() -> AppResult<(agendum::domain::account::NewPassword, bool)> {
    use agendum::domain::account::NewPassword;
    use std::io::{BufRead, IsTerminal};
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        let mut line = String::new();
        stdin
            .lock()
            .read_line(&mut line)
            .map_err(|e| AppError::bad_request(format!("cannot read the password: {e}")))?;
        let line = line.trim_end_matches(['\r', '\n']);
        if !line.is_empty() {
            let password = NewPassword::parse(line).map_err(AppError::bad_request)?;
            return Ok((password, false));
        }
    }
    let generated = agendum::auth::generate_password();
    Ok((NewPassword::unchecked(&generated), true))
}

fn user_add(
    settings: &Settings,
    request: &agendum::service::accounts::UserRequest<'_>,
) -> AppResult<()> {
    let (password, generated) = password_from_stdin()?;
    let db = Db::connect(&settings.database_url)?;
    db.migrate()?;
    let mut conn = db.conn()?;
    let id = agendum::service::accounts::add_user(&mut conn, request, &password)?;
    say!(
        "Created account #{id} for {} ({}).",
        request.email.trim().to_lowercase(),
        request.role
    );
    if generated {
        say!("Password (shown once): {}", password.expose());
    }
    Ok(())
}

fn token_create(settings: &Settings, email: &str, label: Option<&str>) -> AppResult<()> {
    let db = Db::connect(&settings.database_url)?;
    db.migrate()?;
    let mut conn = db.conn()?;
    let token = agendum::service::accounts::create_token(&mut conn, email, label)?;
    // The token alone on standard output, so a script can capture it.
    say!("{token}");
    eprintln!("Use it as 'Authorization: Bearer TOKEN'. It is not shown again.");
    Ok(())
}

fn mail_test(settings: &Settings, address: &str, send_now: bool, lang: &str) -> AppResult<()> {
    use agendum::domain::mail::{Mailbox, OutgoingMessage};
    use agendum::mail::templates::{Lang, MailSite, render_mail};

    let lang: Lang = lang
        .parse()
        .map_err(|_| AppError::bad_request("--lang must be da or en"))?;
    let to = Mailbox::new(None, address).map_err(|e| AppError::bad_request(e.to_string()))?;
    let db = Db::connect(&settings.database_url)?;
    db.migrate()?;
    let mut ctx = tera::Context::new();
    ctx.insert("address", address);
    ctx.insert("base_url", &settings.base_url);
    ctx.insert(
        "sent_at",
        &agendum::domain::time::datetime(lang, chrono::Utc::now()),
    );
    let mut conn = db.conn()?;
    let site = MailSite::load(&mut conn)?;
    let mail = render_mail("test", lang, &site, &ctx)?;
    let message = OutgoingMessage::new(vec![to], mail.subject, mail.text)
        .map_err(|e| AppError::bad_request(e.to_string()))?
        .html(mail.html);
    let id = agendum::db::write_transaction(&mut conn, |conn| {
        agendum::mail::enqueue(conn, &settings.mail_from, &message)
    })?;
    drop(conn);
    say!(
        "Test message #{id} to {address} is in the outbox; mail goes to {}.",
        mail_destination(settings)
    );
    if !send_now {
        say!("The running server's worker sends it; or run this command with --send-now.");
        return Ok(());
    }
    let worker =
        agendum::mail::worker::Worker::new(db.clone(), mail_transport(settings)?, settings.mail);
    actix_web::rt::System::new().block_on(async move {
        // Deliver until this message has had its attempt (other due messages go along).
        for _ in 0..100 {
            let stored = db
                .run(move |conn| agendum::db::outbox::get(conn, id))
                .await?;
            match stored {
                Some(m) if m.status == agendum::db::outbox::OutboxStatus::Sent => {
                    say!("Sent: {}", m.message_id);
                    return Ok(());
                }
                Some(m)
                    if m.attempts > 0 && m.status != agendum::db::outbox::OutboxStatus::Sending =>
                {
                    let error = m.last_error.unwrap_or_default();
                    return Err(AppError::bad_request(format!(
                        "not sent ({}): {error}",
                        m.status.as_str()
                    )));
                }
                _ => {}
            }
            if worker.run_once().await? == 0 {
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
        }
        Err(AppError::bad_request("the message was not sent in time"))
    })
}
