//! Wrong: spawns every job (so they do run at once), then awaits the
//! handles in the order they were spawned. A is awaited first, so nothing
//! is printed before 3000 ms, and then all three at once, in the wrong
//! order: the results wait in line behind the slowest job.
//! expect: the reports come as they finish

pub async fn first_then_the_rest(jobs: Vec<Job>, console: &Console) -> Vec<String> {
    let handles: Vec<_> = jobs
        .into_iter()
        .map(|job| tokio::spawn(async move { job.run().await }))
        .collect();
    let mut reports = Vec::new();
    for handle in handles {
        let report = handle.await.expect("a job panicked");
        console.print(&report);
        reports.push(report);
    }
    reports
}
