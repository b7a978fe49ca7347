//! Wrong: step 2 uses select! without biased;: when primary and backup are ready at the same instant, it picks one at random.
//! Real cause: select! polls branches from a random start; a priority needs biased;
//! expect: select! without `biased;` picks a random ready branch

pub async fn hedged(primary: &Job, backup: &Job) -> String {
    tokio::select! {
        report = primary.run() => report,
        report = backup.run() => report,
    }
}
