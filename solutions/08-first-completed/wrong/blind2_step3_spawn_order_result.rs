//! Wrong: step 3 spawns each job in a task that prints its own report (right instants), then joins the handles in spawn order: the answer is [A, B, C], not the finishing order.
//! Real cause: join handles awaited in spawn order give spawn order; collect in completion order (JoinSet/FuturesUnordered)
//! expect: not in the order the jobs were started

pub async fn first_then_the_rest(jobs: Vec<Job>, console: &Console) -> Vec<String> {
    let handles: Vec<_> = jobs
        .into_iter()
        .map(|job| {
            let console = console.clone();
            tokio::spawn(async move {
                let report = job.run().await;
                console.print(&report);
                report
            })
        })
        .collect();
    let mut reports = Vec::new();
    for h in handles {
        reports.push(h.await.expect("a job panicked"));
    }
    reports
}
