//! Right: step 2 via Handle::current().spawn_blocking, handle awaited; step 3 pieces via a helper async fn with yield inside.

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    let cpu = cpu.clone();
    let handle = tokio::runtime::Handle::current().spawn_blocking(move || cpu.crunch(JOB));
    match handle.await {
        Ok(sum) => sum,
        Err(e) => std::panic::resume_unwind(e.into_panic()),
    }
}

pub async fn chopped(cpu: &Cpu) -> u128 {
    async fn piece(cpu: &Cpu, r: Range<u64>) -> u128 {
        let s = cpu.crunch(r);
        tokio::task::yield_now().await;
        s
    }
    let mut sum = 0;
    let mut s = JOB.start;
    while s < JOB.end {
        sum += piece(cpu, s..s + PIECE).await;
        s += PIECE;
    }
    sum
}
