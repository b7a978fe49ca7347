//! Wrong: binds the guard to `_`. `let _ = value` does not bind: the
//! TempFile is dropped on that very line, and the file is deleted at 0 ms,
//! before the item is processed. Name it (`let _file = ...`).
//! expect: the temp file lives as long as its item is processed

pub async fn export(scratch: &Scratch, item: &Item) -> String {
    let _ = TempFile::create(scratch, item);
    item.process().await
}
