//! Wrong: awaits the checks one by one: each starts when the one before has answered.
//! expect: the checks ran one after the other

pub async fn run_checks(
    checks: Vec<Check>,
    deadline: Instant,
) -> Vec<Result<String, DeadlinePassed>> {
    let mut out = Vec::new();
    for c in checks {
        out.push(with_deadline(c, deadline).await);
    }
    out
}
