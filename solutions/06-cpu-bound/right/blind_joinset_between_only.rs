//! Right: step 2 via JoinSet::spawn_blocking; step 3 yields only BETWEEN pieces (not after the last), pieces counted by index.

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    let mut set = tokio::task::JoinSet::new();
    let cpu = cpu.clone();
    set.spawn_blocking(move || cpu.crunch(JOB));
    set.join_next()
        .await
        .expect("one job")
        .expect("the job panicked")
}

pub async fn chopped(cpu: &Cpu) -> u128 {
    let pieces = (JOB.end - JOB.start) / PIECE;
    let mut sum = 0u128;
    for i in 0..pieces {
        if i > 0 {
            tokio::task::yield_now().await;
        }
        let start = JOB.start + i * PIECE;
        sum += cpu.crunch(start..start + PIECE);
    }
    sum
}
