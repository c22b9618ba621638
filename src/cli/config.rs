//! `moodwire config path` and `moodwire config init`.

use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};

use moodwire::config;
use moodwire::loader::display_path;

use super::args::ConfigAction;

pub fn run(action: &ConfigAction, explicit: Option<&Path>) -> anyhow::Result<()> {
    let Some(path) = config::location(explicit) else {
        bail!("no home folder, so no configuration folder; use --config PATH");
    };
    match action {
        ConfigAction::Path => println!("{}", display_path(&path)),
        ConfigAction::Init { force } => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create {}", display_path(dir)))?;
            }
            let mut options = fs::OpenOptions::new();
            options.write(true);
            match force {
                true => options.create(true).truncate(true),
                false => options.create_new(true),
            };
            let mut file = match options.open(&path) {
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => bail!(
                    "{} already exists; --force replaces it",
                    display_path(&path)
                ),
                other => other.with_context(|| format!("cannot write {}", display_path(&path)))?,
            };
            file.write_all(config::DEFAULT_FILE.as_bytes())
                .with_context(|| format!("cannot write {}", display_path(&path)))?;
            eprintln!("moodwire: wrote {}", display_path(&path));
        }
    }
    Ok(())
}
