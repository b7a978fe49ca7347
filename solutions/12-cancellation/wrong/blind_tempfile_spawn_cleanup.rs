//! Wrong: Blind examination: the Drop hands the removal to a spawned task
//! (async cleanup "the proper way"): the file is removed after the drop, by
//! another task, and not at all if the runtime stops first. There is no
//! async Drop: the removal must run in the Drop itself.
//! expect: the Drop handed the removal to another task

impl Drop for TempFile {
    fn drop(&mut self) {
        let scratch = self.scratch.clone();
        let path = self.path.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(1)).await;
            scratch.remove(&path);
        });
    }
}
