//! Wrong: step 3 runs a select! loop over the three jobs written inside the macro: each turn restarts the losers.
//! Real cause: a future written inside select! in a loop is created anew each turn and dropped when another wins
//! expect: A select! loop that calls run() again every turn

pub async fn first_then_the_rest(jobs: Vec<Job>, console: &Console) -> Vec<String> {
    let mut reports = Vec::new();
    let mut left: Vec<bool> = vec![true; jobs.len()];
    while left.iter().any(|l| *l) {
        let (i, report) = tokio::select! {
            r = jobs[0].run(), if left[0] => (0, r),
            r = jobs[1].run(), if left[1] => (1, r),
            r = jobs[2].run(), if left[2] => (2, r),
        };
        left[i] = false;
        console.print(&report);
        reports.push(report);
    }
    reports
}
