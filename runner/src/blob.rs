//! Git's name for a file's content, computed without git.
//!
//! A kata pins its starting code with `start = "<blob id>"`, the id that
//! `git hash-object katas/NN-name/src/lib.rs` prints: authors can compute it
//! either way, and learners need no git to have their state shown.

/// The git blob id of `content`: the SHA-1 of `blob <length>\0<content>`.
///
/// Byte for byte: a checkout that rewrites line endings gets another id.
pub fn blob_id(content: &[u8]) -> String {
    let mut sha = sha1_smol::Sha1::new();
    sha.update(format!("blob {}\0", content.len()).as_bytes());
    sha.update(content);
    sha.digest().to_string()
}

#[cfg(test)]
mod tests {
    use super::blob_id;

    #[test]
    fn same_ids_as_git_hash_object() {
        assert_eq!(blob_id(b""), "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
        assert_eq!(
            blob_id(b"hello\n"),
            "ce013625030ba8dba906f756967f9e9ca394464a"
        );
    }
}
