//! Wrong: Blind examination: no Drop that removes the file (the solution's is
//! replaced by an empty one here): export removes the file after the item is
//! processed, so a cancelled export (the timeout) never deletes its file.
//! expect: The temp file must be removed in a Drop

pub async fn export(scratch: &Scratch, item: &Item) -> String {
    let file = TempFile::create(scratch, item);
    let report = item.process().await;
    file.scratch.remove(&file.path);
    report
}

impl Drop for TempFile {
    fn drop(&mut self) {}
}
