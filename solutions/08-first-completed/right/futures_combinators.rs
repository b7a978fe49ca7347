//! Right: the `futures` crate's combinators instead of tokio's macros.
//! `select_all` answers the first of a `Vec` of futures and hands back the
//! rest, which are dropped (cancelled) when this returns; `future::select`
//! polls its first argument first, so a tie goes to the primary with no
//! randomness to switch off; `FuturesUnordered` yields outputs in the order
//! they finish, all polled inside this task, no spawn needed.

pub async fn first_completed(a: &Job, b: &Job, c: &Job) -> String {
    let (first, _index, _rest) =
        futures::future::select_all([a, b, c].map(|job| Box::pin(job.run()))).await;
    first
}

pub async fn hedged(primary: &Job, backup: &Job) -> String {
    let primary = std::pin::pin!(primary.run());
    let backup = std::pin::pin!(backup.run());
    match futures::future::select(primary, backup).await {
        futures::future::Either::Left((report, _backup)) => report,
        futures::future::Either::Right((report, _primary)) => report,
    }
}

pub async fn first_then_the_rest(jobs: Vec<Job>, console: &Console) -> Vec<String> {
    use futures::StreamExt as _;
    let mut running: futures::stream::FuturesUnordered<_> =
        jobs.iter().map(|job| job.run()).collect();
    let mut reports = Vec::new();
    while let Some(report) = running.next().await {
        console.print(&report);
        reports.push(report);
    }
    reports
}
