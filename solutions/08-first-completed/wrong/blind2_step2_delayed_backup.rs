//! Wrong: step 2 sends the backup only after a 200 ms hedge delay (the production pattern), but the step says to ask both at once: the backup answers at 1200 ms, not 1000 ms.
//! Real cause: ask both at once; a delayed hedge changes when the backup can win
//! expect: ask both at once: the backup was started at 200 ms

pub async fn hedged(primary: &Job, backup: &Job) -> String {
    tokio::select! {
        biased;
        report = primary.run() => report,
        report = async {
            tokio::time::sleep(Duration::from_millis(200)).await;
            backup.run().await
        } => report,
    }
}
