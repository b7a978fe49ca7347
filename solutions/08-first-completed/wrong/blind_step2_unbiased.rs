//! Wrong: step 2 select!s primary and backup without biased;: ties go to a random branch.
//! Real cause: select! polls branches from a random start; a priority needs biased;
//! expect: select! without `biased;` picks a random ready branch

pub async fn hedged(primary: &Job, backup: &Job) -> String {
    tokio::select! {
        report = primary.run() => report,
        report = backup.run() => report,
    }
}
