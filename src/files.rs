//! lsr's own files on disk (config, token cache, history, the embedded sandbox's store):
//! written so that only their owner can read them (0600 in a 0700 directory), atomically, and
//! read back only when they are regular files of a sane size.

use std::io::Read as _;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

/// The most lsr reads of one of its own small files (`config.toml`, `token-cache.json`): they
/// hold a few kilobytes.
pub const MAX_OWN_FILE_BYTES: u64 = 1024 * 1024;

/// Reads one of lsr's own small files: `None` when it does not exist; an error (kind
/// `InvalidData`, saying what is wrong) when it is not a regular file (a FIFO would block
/// forever, `/dev/zero` never ends) or holds more than `limit` bytes. A symlink is followed to
/// what it names, which must be a regular file too.
pub fn read_own_file(path: &Path, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    let not_regular = |kind: &str| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("it is {kind}, not a regular file"),
        )
    };
    // Looked at before opening: opening a FIFO for reading waits for a writer.
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => return Err(not_regular(file_kind(&meta))),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    }
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular(file_kind(&meta)));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("it is larger than {limit} bytes"),
        ));
    }
    Ok(Some(bytes))
}

/// What a file that is not a regular one is, for messages.
fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a directory"
    } else {
        "something else"
    }
}

/// Makes `dir` private (0700): created so when missing (with its missing parents); an existing
/// one that other users can read or enter is tightened. When it cannot be tightened (another
/// user owns it), says so once per process on stderr and goes on: the files inside stay 0600.
pub fn ensure_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.as_os_str().is_empty() {
        return Ok(());
    }
    if !dir.exists() {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(dir)?;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir)?.permissions().mode() & 0o777;
        if mode & 0o077 != 0
            && let Err(why) = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
        {
            static WARNED: AtomicBool = AtomicBool::new(false);
            if !WARNED.swap(true, Ordering::Relaxed) {
                eprintln!(
                    "warning: directory `{}` is open to other users (mode {mode:o}) and could \
                     not be made private (0700): {why}",
                    dir.display()
                );
            }
        }
    }
    Ok(())
}

/// Creates `path` empty with mode 0600 in a private directory (see [`ensure_private_dir`]) when
/// it does not exist, so that a program that then opens it (SQLite) never makes it readable by
/// others; an existing file others can read is tightened to 0600.
pub fn create_private_file(path: &Path) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        ensure_private_dir(parent)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => tighten_file(path),
        Err(e) => Err(e),
    }
}

/// Sets an existing file that others can read to 0600; a missing file is fine.
pub fn tighten_file(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        match std::fs::symlink_metadata(path) {
            Ok(meta) if meta.is_file() && meta.permissions().mode() & 0o077 != 0 => {
                std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Writes a file only its owner can read (0600), atomically: a temp file in the same directory,
/// then a rename, so a crash never leaves half a file and the secret is never world-readable.
/// The directory is made private first (see [`ensure_private_dir`]).
pub fn write_private_file(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    ensure_private_dir(dir)?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("file"),
        std::process::id()
    ));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&tmp)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    file.write_all(contents)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&tmp, path)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn write_private_file_replaces_a_readable_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("token-cache.json");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_private_file(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn writing_a_private_file_tightens_a_loose_directory() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("lsr");
        std::fs::create_dir(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        write_private_file(&dir.join("config.toml"), b"x").unwrap();
        assert_eq!(mode(&dir), 0o700);
        // A missing directory is created private, parents included.
        let deep = root.path().join("a/b");
        create_private_file(&deep.join("history.sqlite3")).unwrap();
        assert_eq!(mode(&deep), 0o700);
        assert_eq!(mode(&deep.join("history.sqlite3")), 0o600);
        // An existing readable file is tightened.
        let loose = root.path().join("a/b/sandbox.sqlite3");
        std::fs::write(&loose, b"").unwrap();
        std::fs::set_permissions(&loose, std::fs::Permissions::from_mode(0o644)).unwrap();
        create_private_file(&loose).unwrap();
        assert_eq!(mode(&loose), 0o600);
    }

    #[test]
    fn own_files_are_read_only_when_regular_and_small() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        assert!(read_own_file(&path, 10).unwrap().is_none());
        std::fs::write(&path, b"0123456789").unwrap();
        assert_eq!(read_own_file(&path, 10).unwrap().unwrap(), b"0123456789");
        let err = read_own_file(&path, 9).unwrap_err();
        assert!(err.to_string().contains("larger than 9 bytes"), "{err}");
        // A symlink to an endless device, and a FIFO, are refused at once.
        std::fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
        let err = read_own_file(&path, MAX_OWN_FILE_BYTES).unwrap_err();
        assert!(err.to_string().contains("a device"), "{err}");
        let fifo = dir.path().join("token-cache.json");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let err = read_own_file(&fifo, MAX_OWN_FILE_BYTES).unwrap_err();
            assert!(err.to_string().contains("a FIFO"), "{err}");
        }
        let err = read_own_file(dir.path(), MAX_OWN_FILE_BYTES).unwrap_err();
        assert!(err.to_string().contains("a directory"), "{err}");
    }
}
