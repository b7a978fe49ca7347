//! Wrong: select! without biased;: each turn it polls its branches from a random one, so when a beat is due in the instant the data comes the beat wins half the time and prints one `waiting` too many (the test plays that tie 20 times). Its run_tree (FuturesOrdered) and run_checks (a JoinSet of checks under tokio's timeout_at, put back by index) are right.
//! expect: select! polls its branches from a random one

pub async fn heartbeat_while(api: &Api, console: &Console, every: Duration) -> String {
    let mut beat = tokio::time::interval(every);
    tokio::pin!(let call = api.fetch_data(1););
    loop {
        tokio::select! {
            data = &mut call => return data,
            _ = beat.tick() => console.print("waiting"),
        }
    }
}

pub async fn run_tree(node: &Node) -> Vec<String> {
    use futures::StreamExt;
    let mut reports = vec![node.job.run().await];
    let subs: futures::stream::FuturesOrdered<_> = node
        .children
        .iter()
        .map(|c| Box::pin(run_tree(c)))
        .collect();
    let subs: Vec<Vec<String>> = subs.collect().await;
    reports.extend(subs.into_iter().flatten());
    reports
}

pub async fn run_checks(
    checks: Vec<Check>,
    deadline: Instant,
) -> Vec<Result<String, DeadlinePassed>> {
    let mut set = tokio::task::JoinSet::new();
    let n = checks.len();
    for (i, c) in checks.into_iter().enumerate() {
        set.spawn(async move {
            (
                i,
                tokio::time::timeout_at(deadline, c)
                    .await
                    .map_err(|_| DeadlinePassed),
            )
        });
    }
    let mut out = vec![Err(DeadlinePassed); n];
    while let Some(r) = set.join_next().await {
        let (i, res) = r.expect("check panicked");
        out[i] = res;
    }
    out
}
