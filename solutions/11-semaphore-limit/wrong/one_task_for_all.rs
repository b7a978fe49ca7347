//! Wrong: spawns ONE task that runs step 1's code, so all the jobs share
//! it. The cap holds and the timeline matches, but the jobs are not tasks:
//! they cannot run in parallel, and none can be awaited, aborted or left
//! running on its own.
//! expect: ran in one task: one task per job

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    tokio::spawn(run_limited(jobs, limit))
        .await
        .expect("the task panicked")
}
