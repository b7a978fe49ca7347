//! Wrong: Blind examination (round 2): step 1 "fixes" the race already (a
//! static tokio Mutex around the read and the write): the step reproduces the
//! lost update on purpose (1 at 100 ms).
//! expect: Step 1 reproduces the lost update on purpose

pub async fn increment(counter: &SlowCounter) {
    static LOCK: Mutex<()> = Mutex::const_new(());
    let _g = LOCK.lock().await;
    counter.write(counter.read().await + 1).await;
}
