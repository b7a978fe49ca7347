//! Wrong: step 3 prints each report as it comes, but answers them in the jobs input order (A, B, C).
//! Real cause: answer the reports in the order they finished (B, C, A)
//! expect: the reports come as they finish

pub async fn first_then_the_rest(jobs: Vec<Job>, console: &Console) -> Vec<String> {
    let mut set = tokio::task::JoinSet::new();
    for (i, job) in jobs.into_iter().enumerate() {
        set.spawn(async move { (i, job.run().await) });
    }
    let mut reports = Vec::new();
    while let Some(joined) = set.join_next().await {
        let (i, report) = joined.expect("a job panicked");
        console.print(&report);
        reports.push((i, report));
    }
    reports.sort();
    reports.into_iter().map(|(_, r)| r).collect()
}
