//! Wrong: Blind examination (round 2): spawn_limited calls run_limited (step
//! 1's code): the same timeline, no task spawned.
//! expect: no job ever ran in a task of its own

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    let _ = Arc::new(());
    run_limited(jobs, limit).await
}
