//! Wrong: a `select!` loop over `run()` calls written inside it, which
//! creates the three futures anew every turn. When B wins, the futures of
//! A and C are dropped (cancelled, 1 s of work thrown away) and the next
//! turn starts them again from zero: C finishes at 3000 ms, A at 4000 ms.
//! A future in a select! loop must outlive the turn, or be restartable.
//! expect: each job runs once, to the end

pub async fn first_then_the_rest(jobs: Vec<Job>, console: &Console) -> Vec<String> {
    let [a, b, c] = <[Job; 3]>::try_from(jobs).unwrap_or_else(|_| panic!("three jobs"));
    let mut done = [false; 3];
    let mut reports = Vec::new();
    while done.contains(&false) {
        let report = tokio::select! {
            biased;
            report = a.run(), if !done[0] => { done[0] = true; report }
            report = b.run(), if !done[1] => { done[1] = true; report }
            report = c.run(), if !done[2] => { done[2] = true; report }
        };
        console.print(&report);
        reports.push(report);
    }
    reports
}
