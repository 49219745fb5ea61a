//! A store: a folder of year files (`2013-14.yaml`, ...), or a single file.

use std::io;
use std::path::{Path, PathBuf};

/// The plan files at `path`: the `.yaml`/`.yml` files of a folder sorted by name, or the file
/// itself.
pub fn plan_files(path: &Path) -> io::Result<Vec<PathBuf>> {
    if !path.is_dir() {
        std::fs::metadata(path)?;
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path)? {
        let file = entry?.path();
        let is_yaml = file.extension().is_some_and(|e| e == "yaml" || e == "yml");
        let hidden = file
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if is_yaml && !hidden && file.is_file() {
            files.push(file);
        }
    }
    files.sort();
    Ok(files)
}

/// The plan files at `path` and in every folder below it (hidden folders such as `.git` left
/// out), for commands given a tree of stores (`boardplan check plans examples`): each folder's
/// files in name order, a folder's own files before its subfolders'.
pub fn plan_files_deep(path: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = plan_files(path)?;
    if path.is_dir() {
        let mut folders: Vec<PathBuf> = std::fs::read_dir(path)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.is_dir()
                    && !p
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        folders.sort();
        for folder in folders {
            files.extend(plan_files_deep(&folder)?);
        }
    }
    Ok(files)
}
