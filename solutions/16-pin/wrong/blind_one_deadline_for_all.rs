//! Wrong: puts one deadline over the whole join_all: when the slowest check is late every check fails, even those done in time.
//! expect: one deadline over the whole list

pub async fn run_checks(
    checks: Vec<Check>,
    deadline: Instant,
) -> Vec<Result<String, DeadlinePassed>> {
    let n = checks.len();
    match with_deadline(futures::future::join_all(checks), deadline).await {
        Ok(all) => all.into_iter().map(Ok).collect(),
        Err(e) => vec![Err(e); n],
    }
}
