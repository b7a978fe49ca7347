//! Wrong: "a tie goes to the primary", so it only asks the primary. There
//! is no race left: a slow primary makes the caller wait 2 s although the
//! backup would have answered in 1 s, which is what hedging is for.
//! expect: a hedged request answers with whichever comes first

pub async fn hedged(primary: &Job, backup: &Job) -> String {
    let _ = backup;
    primary.run().await
}
