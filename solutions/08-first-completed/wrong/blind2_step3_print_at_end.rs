//! Wrong: step 3 collects the reports in completion order (JoinSet) but prints them all after the loop: all three lines at 3000 ms.
//! Real cause: print each report as soon as its job finishes, inside the loop
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
    for report in &reports {
        console.print(report);
    }
    reports
}
