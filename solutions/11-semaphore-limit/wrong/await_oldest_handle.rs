//! Wrong: spawns a task per job, and once `limit` are running awaits the
//! OLDEST handle before spawning the next. It never runs more than `limit`,
//! but it waits for the first job spawned, not the first job done: when a
//! later job finishes first, its slot sits idle until the oldest one ends.
//! expect: whichever job freed it

pub async fn spawn_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert!(
        limit > 0,
        "the concurrency limit must be at least 1: with 0 permits no job could ever start"
    );
    let mut running = std::collections::VecDeque::with_capacity(limit);
    let mut reports = Vec::with_capacity(jobs.len());
    for job in jobs {
        if running.len() == limit {
            let oldest: tokio::task::JoinHandle<String> =
                running.pop_front().expect("limit tasks are running");
            reports.push(oldest.await.expect("a job's task panicked"));
        }
        running.push_back(tokio::spawn(async move { job.run().await }));
    }
    for task in running {
        reports.push(task.await.expect("a job's task panicked"));
    }
    reports
}
