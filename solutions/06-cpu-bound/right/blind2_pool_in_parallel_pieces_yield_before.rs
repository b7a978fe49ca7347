//! Right: step 2 splits the JOB into PIECE ranges, each on the blocking pool via a JoinSet, summed as they finish (all off the runtime, awaited); step 3 yields BEFORE each piece (the README allows it), with a while loop.

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    let mut set = tokio::task::JoinSet::new();
    for start in JOB.step_by(PIECE as usize) {
        let cpu = cpu.clone();
        set.spawn_blocking(move || cpu.crunch(start..start + PIECE));
    }
    let mut sum = 0;
    while let Some(piece) = set.join_next().await {
        sum += piece.expect("a piece panicked");
    }
    sum
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
