//! Wrong: step 3 runs all jobs with join_all, then prints them sorted by... the report text is not their finish time, so it sorts alphabetically: A, B, C, all at 3000 ms.
//! Real cause: join_all waits for every job; results in input order, not as they finish
//! expect: the reports come as they finish

pub async fn first_then_the_rest(jobs: Vec<Job>, console: &Console) -> Vec<String> {
    let mut reports = futures::future::join_all(jobs.iter().map(|job| job.run())).await;
    reports.sort();
    for report in &reports {
        console.print(report);
    }
    reports
}
