//! Wrong: collects the outcomes from FuturesUnordered: finishing order, not the order of the list.
//! expect: the right outcomes in the wrong order

pub async fn run_checks(
    checks: Vec<Check>,
    deadline: Instant,
) -> Vec<Result<String, DeadlinePassed>> {
    use futures::StreamExt;
    checks
        .into_iter()
        .map(|c| with_deadline(c, deadline))
        .collect::<futures::stream::FuturesUnordered<_>>()
        .collect()
        .await
}
