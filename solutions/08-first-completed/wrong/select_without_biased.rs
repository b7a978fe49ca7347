//! Wrong: races the primary and the backup with `select!` but no
//! `biased;`. When both are ready in the same poll, select! starts at a
//! random branch, so a tie goes to the backup about half the time: a
//! priority that holds only by luck, and a test that flickers.
//! expect: picks a random ready branch

pub async fn hedged(primary: &Job, backup: &Job) -> String {
    tokio::select! {
        report = primary.run() => report,
        report = backup.run() => report,
    }
}
