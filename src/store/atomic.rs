//! Atomic file writes and the lock that serialises boardplan's writers of one folder.
//!
//! Every write goes to a temporary file `.boardplan-*.tmp` beside the target, is flushed to
//! disk, given the target's mode, owner and group, and renamed over the target: a crash leaves
//! the old file or the new one. A symlinked target is resolved first, so the link's target gets
//! the new bytes and the link stays a link.
//!
//! Writers take an advisory lock on the target's folder (not on the file: the rename replaces
//! the file's inode, so a lock on the old file would not stop the next writer). While the lock
//! is held no other boardplan is mid-save in that folder, so any temp file found then was left
//! by a killed save and is removed.

use std::fs::File;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The prefix and suffix of boardplan's temp files.
const TEMP_PREFIX: &str = ".boardplan-";
const TEMP_SUFFIX: &str = ".tmp";
/// How long a writer waits for another one before giving up.
const LOCK_WAIT: Duration = Duration::from_secs(30);

/// An exclusive advisory lock on the folder holding a plan file; released when dropped.
#[derive(Debug)]
pub struct WriteLock {
    _folder: File,
}

impl WriteLock {
    /// Waits (up to 30 seconds) until no other boardplan is writing into `path`'s folder.
    pub fn acquire(path: &Path) -> std::io::Result<WriteLock> {
        let folder = File::open(folder_of(&resolve(path)))?;
        let started = Instant::now();
        loop {
            match fs4::FileExt::try_lock(&folder) {
                Ok(()) => return Ok(WriteLock { _folder: folder }),
                Err(fs4::TryLockError::WouldBlock) if started.elapsed() < LOCK_WAIT => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(fs4::TryLockError::WouldBlock) => {
                    return Err(std::io::Error::new(
                        ErrorKind::WouldBlock,
                        "another boardplan has been saving in this folder for 30 seconds; try again when it has finished",
                    ));
                }
                Err(fs4::TryLockError::Error(error)) => return Err(error),
            }
        }
    }
}

/// The file a write to `path` really changes: the end of a chain of symlinks, or `path`.
pub fn resolve(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::read_link(&current) {
            Ok(target) => {
                current = match current.parent() {
                    Some(parent) => parent.join(target),
                    None => target,
                };
            }
            Err(_) => break,
        }
    }
    current
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Writes `bytes` to `path` atomically under the folder's write lock (see the module notes).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let _lock = WriteLock::acquire(path)?;
    write_locked(path, bytes)
}

/// `write_atomic` for a caller that already holds the folder's [`WriteLock`].
pub(super) fn write_locked(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = resolve(path);
    let folder = folder_of(&target);
    remove_stale_temp_files(folder);
    super::ignore::exclude_temp_files(folder);
    let existing = std::fs::metadata(&target).ok();
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    set_usual_permissions(&mut builder);
    let mut temp = builder.tempfile_in(folder)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    if let Some(metadata) = existing {
        keep_owner(temp.as_file(), &metadata);
        temp.as_file().set_permissions(metadata.permissions())?;
    }
    temp.persist(&target).map_err(|e| e.error)?;
    if let Ok(dir) = File::open(folder) {
        // Makes the rename itself durable where the platform allows it.
        let _ = dir.sync_all();
    }
    Ok(())
}

/// True when the file exists and its mode says nobody may write it.
pub fn is_read_only(path: &Path) -> bool {
    std::fs::metadata(resolve(path)).is_ok_and(|m| m.permissions().readonly())
}

/// Mode 0666 for a new file: the kernel then applies the umask, as for any new file (a
/// plain temp file would be private, 0600).
#[cfg(unix)]
fn set_usual_permissions(builder: &mut tempfile::Builder) {
    use std::os::unix::fs::PermissionsExt;
    builder.permissions(std::fs::Permissions::from_mode(0o666));
}

#[cfg(not(unix))]
fn set_usual_permissions(_builder: &mut tempfile::Builder) {}

/// Gives the new file the old one's owner and group when allowed (root, or a group the user
/// belongs to); otherwise the file belongs to whoever saved it, as with any editor.
#[cfg(unix)]
fn keep_owner(file: &File, old: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    if std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_err() {
        let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _old: &std::fs::Metadata) {}

/// Removes temp files a killed save left in `folder` (call only under the folder's lock).
fn remove_stale_temp_files(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The git ignore pattern matching boardplan's temp files.
pub(super) fn temp_pattern() -> String {
    format!("{TEMP_PREFIX}*{TEMP_SUFFIX}")
}
