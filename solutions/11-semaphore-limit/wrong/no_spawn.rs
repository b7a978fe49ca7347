//! Wrong: answers step 4 with step 1's code. The timeline is the same and
//! the cap holds, but every job is polled by `spawn_limited` itself, inside
//! the caller's task: nothing can run in parallel, and nothing outlives the
//! call. Step 4 is about tasks, which need the owned permit.
//! expect: no job ever ran in a task of its own

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    run_limited(jobs, limit).await
}
