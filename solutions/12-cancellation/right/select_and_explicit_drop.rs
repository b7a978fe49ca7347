//! Right: step 3 without a timeout: the item is boxed, polled by a biased
//! select! against a sleep, and dropped by hand, which is all a timeout
//! does. Step 4's guard deletes the file in an explicit `delete` on the
//! happy path (where async cleanup could go) and keeps Drop as the fallback
//! for a cancelled export, the usual shape of a guard whose cleanup can
//! fail or await.

pub async fn detach_and_drop(first: Item, second: Item, after: Duration) {
    let detached = tokio::spawn(async move { first.process().await });
    drop(detached);
    let mut second = Box::pin(second.process());
    tokio::select! {
        biased;
        _ = &mut second => {}
        _ = sleep(after) => {}
    }
    // Never polled again: cancelled at its `.await`, rolled back in Drop.
    drop(second);
}

pub struct TempFile {
    pub scratch: Scratch,
    pub path: String,
}

impl TempFile {
    pub fn create(scratch: &Scratch, item: &Item) -> TempFile {
        let path = scratch.create(item);
        TempFile {
            scratch: scratch.clone(),
            path,
        }
    }

    /// The happy path's cleanup, called explicitly.
    pub fn delete(self) {
        // Drop does it; a guard whose cleanup is async would await it here.
        drop(self);
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        self.scratch.remove(&self.path);
    }
}

pub async fn export(scratch: &Scratch, item: &Item) -> String {
    let file = TempFile::create(scratch, item);
    let report = item.process().await;
    file.delete();
    report
}
