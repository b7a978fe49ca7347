//! Wrong: step 3 uses a select! loop with job.run() written inside the macro: each turn recreates the losing futures, restarting them.
//! Real cause: futures created inside select! in a loop are dropped and recreated each turn
//! expect: A select! loop that calls run() again every turn

pub async fn first_then_the_rest(jobs: Vec<Job>, console: &Console) -> Vec<String> {
    let mut reports = Vec::new();
    let mut done = vec![false; jobs.len()];
    while reports.len() < jobs.len() {
        let (i, report) = tokio::select! {
            r = jobs[0].run(), if !done[0] => (0, r),
            r = jobs[1].run(), if !done[1] => (1, r),
            r = jobs[2].run(), if !done[2] => (2, r),
        };
        done[i] = true;
        console.print(&report);
        reports.push(report);
    }
    reports
}
