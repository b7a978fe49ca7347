//! Wrong: step 2 is biased but lists the backup first: every tie goes to the backup.
//! Real cause: biased; polls top to bottom: the primary must be the first branch
//! expect: yours polls the backup first

pub async fn hedged(primary: &Job, backup: &Job) -> String {
    tokio::select! {
        biased;
        report = backup.run() => report,
        report = primary.run() => report,
    }
}
