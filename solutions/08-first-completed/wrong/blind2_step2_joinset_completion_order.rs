//! Wrong: step 2 spawns the primary, then the backup, into a JoinSet, takes
//! join_next and then shutdown(). The primary does win all 32 ties here
//! (the runtime completes the tasks in spawn order), but in a tie both tasks
//! finish in the same tick, before shutdown() can reach the backup: the
//! loser runs to its end instead of being cancelled. Race the futures, not
//! tasks, so that the loser is dropped the moment the winner is taken.
//! expect: the loser must be cancelled (drawn x), in a tie too

pub async fn hedged(primary: &Job, backup: &Job) -> String {
    let mut set = tokio::task::JoinSet::new();
    let (p, b) = (primary.clone(), backup.clone());
    set.spawn(async move { p.run().await });
    set.spawn(async move { b.run().await });
    let first = set
        .join_next()
        .await
        .expect("two jobs")
        .expect("a job panicked");
    set.shutdown().await;
    first
}
