//! Right: step 2 hands the whole JOB to the blocking pool through Handle::current().spawn_blocking and re-raises a panic with resume_unwind; step 3 yields BEFORE each piece (README: "yielding before each piece ... draws the same timeline") and walks the starts with a while loop.

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    let cpu = cpu.clone();
    let handle = tokio::runtime::Handle::current();
    match handle.spawn_blocking(move || cpu.crunch(JOB)).await {
        Ok(sum) => sum,
        Err(e) => std::panic::resume_unwind(e.into_panic()),
    }
}

pub async fn chopped(cpu: &Cpu) -> u128 {
    let mut sum = 0;
    let mut start = JOB.start;
    while start < JOB.end {
        tokio::task::yield_now().await;
        sum += cpu.crunch(start..start + PIECE);
        start += PIECE;
    }
    sum
}
