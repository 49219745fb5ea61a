//! Creating a new plan file: atomically, and never over an existing file.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to a new file at `path`: a temporary file in the same folder, flushed to
/// disk, then linked into place only if nothing is there yet, so an existing plan is never
/// replaced and a crash never leaves half a file. The new file gets the usual mode for a new
/// file (0666 less the umask), not a temporary file's 0600.
pub fn create_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".boardplan-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(folder)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist_noclobber(path).map_err(|e| e.error)?;
    if let Ok(dir) = std::fs::File::open(folder) {
        // Makes the new name itself durable where the platform allows it.
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_and_never_replaces() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("2014-15.yaml");
        create_new(&path, b"first\n").expect("created");
        let error = create_new(&path, b"second\n").expect_err("exists");
        assert_eq!(error.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).expect("reads"), b"first\n");
        let leftovers = std::fs::read_dir(dir.path()).expect("lists").count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_others_as_usual() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("plan.yaml");
        create_new(&path, b"x\n").expect("created");
        let mode = std::fs::metadata(&path).expect("stat").permissions().mode();
        assert_ne!(
            mode & 0o044,
            0,
            "mode {mode:o} hides the plan from the group and others"
        );
    }
}
