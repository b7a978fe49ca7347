//! Wrong: Blind examination (round 2): TempFile gets a `remove` method that
//! export calls after the item is processed, and no Drop that removes the file
//! (the solution's is replaced by an empty one here): a cancelled export runs
//! no code after its .await, so the timed-out item's file is never deleted.
//! expect: The temp file must be removed in a Drop

impl TempFile {
    pub fn create(scratch: &Scratch, item: &Item) -> TempFile {
        TempFile {
            scratch: scratch.clone(),
            path: scratch.create(item),
        }
    }

    fn remove(&self) {
        self.scratch.remove(&self.path);
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {}
}

pub async fn export(scratch: &Scratch, item: &Item) -> String {
    let file = TempFile::create(scratch, item);
    let report = item.process().await;
    file.remove();
    report
}
