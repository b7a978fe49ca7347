//! Wrong: Blind examination: a pool of `limit` workers that take jobs from the
//! back of the shared queue (pop_back, "a stack is cheaper"): the cap holds
//! and the reports are in order, but the jobs start in reverse order.
//! expect: jobs start in the order of `jobs`: Worker3 started at 0 ms, before Worker0

pub async fn run_limited(jobs: Vec<Job>, limit: usize) -> Vec<String> {
    assert_ne!(
        limit, 0,
        "the concurrency limit is 0: no job could ever start"
    );
    let n = jobs.len();
    let queue: std::sync::Mutex<std::collections::VecDeque<(usize, Job)>> =
        std::sync::Mutex::new(jobs.into_iter().enumerate().collect());
    let results: std::sync::Mutex<Vec<Option<String>>> = std::sync::Mutex::new(vec![None; n]);
    let worker = || async {
        loop {
            let next = queue.lock().unwrap().pop_back();
            let Some((i, job)) = next else { break };
            let report = job.run().await;
            results.lock().unwrap()[i] = Some(report);
        }
    };
    join_all((0..limit.min(n)).map(|_| worker())).await;
    results
        .into_inner()
        .unwrap()
        .into_iter()
        .map(Option::unwrap)
        .collect()
}
