//! Wrong: step 2 is biased; but lists the backup branch first: every tie goes to the backup.
//! Real cause: with biased; the branches are polled in the order written; the primary must come first
//! expect: yours polls the backup first

pub async fn hedged(primary: &Job, backup: &Job) -> String {
    tokio::select! {
        biased;
        report = backup.run() => report,
        report = primary.run() => report,
    }
}
