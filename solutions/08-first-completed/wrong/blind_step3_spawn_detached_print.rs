//! Wrong: step 3 spawns each job with its own print and returns the reports it already has: nothing is awaited, returns at 0 ms.
//! Real cause: spawned tasks run on detached; the caller must wait for every job to finish
//! expect: nothing waited for the jobs

pub async fn first_then_the_rest(jobs: Vec<Job>, console: &Console) -> Vec<String> {
    let reports = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    for job in jobs {
        let console = console.clone();
        let reports = reports.clone();
        tokio::spawn(async move {
            let r = job.run().await;
            console.print(&r);
            reports.lock().unwrap().push(r);
        });
    }
    let out = reports.lock().unwrap().clone();
    out
}
