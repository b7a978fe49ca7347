//! Wrong: Blind examination: export holds the file with `let _ =
//! TempFile::create(..)`: `_` binds nothing, so the file is deleted at once,
//! before the item is processed.
//! expect: `let _ = guard` drops it at once

pub async fn export(scratch: &Scratch, item: &Item) -> String {
    let _ = TempFile::create(scratch, item);
    item.process().await
}
