//! Right: step 2 through a `JoinSet`'s `spawn_blocking` (the same blocking
//! pool, handy when a handler starts several jobs and takes them as they
//! finish); step 3 as a `while` loop that yields *before* each piece. The
//! first yield finds nothing due and costs nothing; between pieces it is
//! the same yield as the reference's.

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    let cpu = cpu.clone();
    let mut jobs = tokio::task::JoinSet::new();
    jobs.spawn_blocking(move || cpu.crunch(JOB));
    jobs.join_next()
        .await
        .expect("one job was spawned")
        .expect("the job panicked")
}

pub async fn chopped(cpu: &Cpu) -> u128 {
    let mut sum = 0;
    let mut start = JOB.start;
    while start < JOB.end {
        tokio::task::yield_now().await;
        let end = (start + PIECE).min(JOB.end);
        sum += cpu.crunch(start..end);
        start = end;
    }
    sum
}
