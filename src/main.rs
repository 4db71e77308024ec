//! The `agendum` command (INTERFACES.md): `serve` (the default), `migrate`, `demo`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use agendum::app::{Application, prepare_database};
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
    Demo,
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
        Command::Demo => load_demo(&settings),
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
        let app = Application::build(settings)?;
        println!(
            "Agendum is running at {} (database {database})",
            app.address()
        );
        app.run_until_stopped()
            .await
            .map_err(|e| AppError::internal(e).with_message("the server stopped with an error"))
    })
}

fn migrate(settings: &Settings) -> AppResult<()> {
    let db = Db::connect(&settings.database_url)?;
    let applied = db.migrate()?;
    if applied.is_empty() {
        println!("The database is up to date.");
    } else {
        println!(
            "Applied {} migration(s): {}",
            applied.len(),
            applied.join(", ")
        );
    }
    Ok(())
}

fn load_demo(settings: &Settings) -> AppResult<()> {
    let db = prepare_database(&Settings {
        demo: false,
        ..settings.clone()
    })?;
    let mut conn = db.conn()?;
    demo::load(&mut conn, agendum::domain::time::today())?;
    println!(
        "Demo data loaded into {}.",
        settings.database_url.redacted()
    );
    Ok(())
}
