//! Which store to open: a path given on the command line, else `./plans`, else the `store:` of
//! the user's config file (`config.yaml` in the folder `directories` gives for boardplan).

use anyhow::{Context, bail};
use directories::ProjectDirs;
use std::path::{Path, PathBuf};

/// The user's settings.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    /// The default plan store.
    store: Option<PathBuf>,
}

/// The config file's path.
pub fn config_path() -> Option<PathBuf> {
    ProjectDirs::from("", "", "boardplan").map(|d| d.config_dir().join("config.yaml"))
}

/// The store to open.
pub fn store_path(argument: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    if let Some(path) = argument {
        return Ok(path);
    }
    if Path::new("plans").is_dir() {
        return Ok(PathBuf::from("plans"));
    }
    let Some(config) = config_path() else {
        bail!("no plans/ folder here; pass the store's path")
    };
    if !config.exists() {
        bail!(
            "no plans/ folder here; pass the store's path, or set `store: PATH` in {}",
            config.display()
        );
    }
    let text = std::fs::read_to_string(&config)
        .with_context(|| format!("cannot read {}", config.display()))?;
    let settings: Config = serde_yaml::from_str(&text)
        .with_context(|| format!("{} is not valid", config.display()))?;
    settings
        .store
        .with_context(|| format!("{} has no `store:`", config.display()))
}
