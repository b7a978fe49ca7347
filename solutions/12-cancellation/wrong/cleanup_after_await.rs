//! Wrong: deletes the temp file after the `.await`, as a Python `finally:`
//! block would. A cancelled future runs no more of its code: item 1 is
//! dropped at its `.await`, and the line that deletes its file never runs.
//! expect: The temp file must be removed in a Drop

pub async fn export(scratch: &Scratch, item: &Item) -> String {
    let path = scratch.create(item);
    let report = item.process().await;
    scratch.remove(&path);
    report
}
