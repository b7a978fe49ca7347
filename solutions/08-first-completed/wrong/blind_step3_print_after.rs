//! Wrong: step 3 collects reports from a JoinSet in finishing order but prints them all after the loop (at 3000 ms).
//! Real cause: print as soon as each job finishes, inside the join_next loop
//! expect: each report is printed as soon as its job finishes

pub async fn first_then_the_rest(jobs: Vec<Job>, console: &Console) -> Vec<String> {
    let mut set = tokio::task::JoinSet::new();
    for job in jobs {
        set.spawn(async move { job.run().await });
    }
    let mut reports = Vec::new();
    while let Some(joined) = set.join_next().await {
        reports.push(joined.expect("a job panicked"));
    }
    for r in &reports {
        console.print(r);
    }
    reports
}
