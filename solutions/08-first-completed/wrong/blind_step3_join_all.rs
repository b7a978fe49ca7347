//! Wrong: step 3 join_all()s the jobs and prints every report after all are done, in input order.
//! Real cause: join_all waits for the slowest; print each report as its job finishes (JoinSet / FuturesUnordered)
//! expect: the reports come as they finish

pub async fn first_then_the_rest(jobs: Vec<Job>, console: &Console) -> Vec<String> {
    let reports = futures::future::join_all(jobs.iter().map(|j| j.run())).await;
    for r in &reports {
        console.print(r);
    }
    reports
}
