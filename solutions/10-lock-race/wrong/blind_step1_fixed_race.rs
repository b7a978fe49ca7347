//! Wrong: Blind examination: step 1 "fixes" the race already, serialising the
//! increments through a static tokio Mutex: the final value is 10, but step 1
//! reproduces the lost update on purpose (the seed without its lock).
//! expect: Step 1 reproduces the lost update on purpose

pub async fn increment(counter: &SlowCounter) {
    static GATE: Mutex<()> = Mutex::const_new(());
    let _gate = GATE.lock().await;
    let value = counter.read().await;
    counter.write(value + 1).await;
}
