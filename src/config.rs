//! The user's settings (`config.yaml` in the folder `directories` gives for boardplan): which
//! store to open — a path given on the command line, else `./plans`, else the config's
//! `store:` — and how a typed "Q3 2014" is counted (`quarters: calendar` or `financial`).
//!
//! The config file is read with serde-saphyr (serde + YAML, pure Rust), not with the store's
//! plan parser: it is a settings file, not a plan, and serde gives its keys for free.
//!
//! The quarter setting lives here rather than in the plan file because it only decides how
//! typed input is read: what is stored is the resolved month (`2014-12`), shown before it is
//! stored, so the files mean the same to every reader and tool whatever anyone's setting.

use crate::model::QuarterYear;
use anyhow::{Context, bail};
use directories::ProjectDirs;
use std::path::{Path, PathBuf};

/// The user's settings.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    /// The default plan store.
    store: Option<PathBuf>,
    /// How a bare quarter is counted.
    quarters: Option<Quarters>,
}

/// The `quarters:` values.
#[derive(Debug, Clone, Copy, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
enum Quarters {
    /// January to December.
    Calendar,
    /// April to March.
    Financial,
}

/// How a bare "Q3 2014" is counted: the config file's `quarters:`, calendar when it is not
/// set or there is no config file.
pub fn quarter_year() -> anyhow::Result<QuarterYear> {
    match config_path() {
        Some(path) => read_quarter_year(&path),
        None => Ok(QuarterYear::default()),
    }
}

/// [`quarter_year`] from a given config file.
fn read_quarter_year(config: &Path) -> anyhow::Result<QuarterYear> {
    if !config.exists() {
        return Ok(QuarterYear::default());
    }
    Ok(match read(config)?.quarters {
        Some(Quarters::Financial) => QuarterYear::Financial,
        Some(Quarters::Calendar) | None => QuarterYear::Calendar,
    })
}

/// The config file read, or why it cannot be.
fn read(config: &Path) -> anyhow::Result<Config> {
    let text = std::fs::read_to_string(config)
        .with_context(|| format!("cannot read {}", config.display()))?;
    serde_saphyr::from_str(&text).with_context(|| {
        format!(
            "{} is not valid (keys: `store: PATH`, `quarters: calendar|financial`)",
            config.display()
        )
    })
}

/// The config file's path.
pub fn config_path() -> Option<PathBuf> {
    ProjectDirs::from("", "", "boardplan").map(|d| d.config_dir().join("config.yaml"))
}

/// The store to open: the argument, else `./plans`, else the config file's `store:`.
pub fn store_path(argument: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    choose_store(argument, Path::new("plans"), config_path().as_deref())
}

/// [`store_path`] with the default folder and the config file given, so it can be tested.
fn choose_store(
    argument: Option<PathBuf>,
    default_store: &Path,
    config: Option<&Path>,
) -> anyhow::Result<PathBuf> {
    if let Some(path) = argument {
        return Ok(path);
    }
    if default_store.is_dir() {
        return Ok(default_store.to_path_buf());
    }
    let Some(config) = config else {
        bail!("no plans/ folder here; pass the store's path")
    };
    if !config.exists() {
        bail!(
            "no plans/ folder here; pass the store's path, or set `store: PATH` in {}",
            config.display()
        );
    }
    let store = read(config)?
        .store
        .with_context(|| format!("{} has no `store:`", config.display()))?;
    // A relative store in the config file means relative to the config file's folder, not to
    // wherever boardplan happens to be started.
    Ok(match config.parent() {
        Some(folder) if store.is_relative() => folder.join(store),
        _ => store,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, text: &str) -> PathBuf {
        let path = dir.join("config.yaml");
        std::fs::write(&path, text).expect("writes");
        path
    }

    #[test]
    fn argument_wins_over_everything() {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = write(dir.path(), "store: /elsewhere\n");
        let chosen = choose_store(Some("given".into()), dir.path(), Some(&config));
        assert_eq!(chosen.expect("chosen"), PathBuf::from("given"));
    }

    #[test]
    fn local_plans_folder_wins_over_the_config() {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = write(dir.path(), "store: /elsewhere\n");
        let chosen = choose_store(None, dir.path(), Some(&config)).expect("chosen");
        assert_eq!(chosen, dir.path());
    }

    #[test]
    fn config_store_is_read_and_relative_paths_follow_the_config_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = dir.path().join("no-plans-here");
        let config = write(dir.path(), "# my store\nstore: /srv/plans\n");
        let chosen = choose_store(None, &missing, Some(&config)).expect("chosen");
        assert_eq!(chosen, PathBuf::from("/srv/plans"));
        let config = write(dir.path(), "store: board/plans\n");
        let chosen = choose_store(None, &missing, Some(&config)).expect("chosen");
        assert_eq!(chosen, dir.path().join("board/plans"));
    }

    #[test]
    fn bad_config_names_the_file_and_the_problem() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = dir.path().join("no-plans-here");
        let config = write(dir.path(), "stor: /srv/plans\n");
        let error = choose_store(None, &missing, Some(&config)).expect_err("unknown key");
        let message = format!("{error:#}");
        assert!(message.contains("config.yaml is not valid"), "{message}");
        assert!(message.contains("stor"), "{message}");
        let config = write(dir.path(), "# nothing set\n{}\n");
        let error = choose_store(None, &missing, Some(&config)).expect_err("no store");
        assert!(format!("{error:#}").contains("has no `store:`"));
        let absent = dir.path().join("absent.yaml");
        let error = choose_store(None, &missing, Some(&absent)).expect_err("no file");
        assert!(format!("{error:#}").contains("set `store: PATH`"));
    }

    #[test]
    fn quarters_are_calendar_unless_the_config_says_financial() {
        let dir = tempfile::tempdir().expect("temp dir");
        let absent = dir.path().join("absent.yaml");
        assert_eq!(
            read_quarter_year(&absent).expect("no file"),
            QuarterYear::Calendar
        );
        let config = write(dir.path(), "store: /srv/plans\n");
        assert_eq!(
            read_quarter_year(&config).expect("unset"),
            QuarterYear::Calendar
        );
        let config = write(dir.path(), "quarters: financial\n");
        assert_eq!(
            read_quarter_year(&config).expect("set"),
            QuarterYear::Financial
        );
        let config = write(dir.path(), "quarters: fiscal\n");
        let error = read_quarter_year(&config).expect_err("bad value");
        let message = format!("{error:#}");
        assert!(message.contains("config.yaml is not valid"), "{message}");
        assert!(message.contains("calendar|financial"), "{message}");
    }
}
