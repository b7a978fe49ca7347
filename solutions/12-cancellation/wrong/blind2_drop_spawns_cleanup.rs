//! Wrong: Blind examination (round 2): TempFile's Drop hands the removal to a
//! spawned task ("cleanup is I/O, it should be async"): the file is removed
//! after the export has ended, by another task, and not at all if the runtime
//! stops first.
//! expect: the Drop handed the removal to another task

impl Drop for TempFile {
    fn drop(&mut self) {
        let scratch = self.scratch.clone();
        let path = std::mem::take(&mut self.path);
        tokio::spawn(async move {
            tokio::task::yield_now().await;
            scratch.remove(&path);
        });
    }
}
