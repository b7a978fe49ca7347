//! Right: step 1 clones the range; step 2 runs the JOB as two halves on the pool one after the other, each awaited; step 3 builds the list of piece ranges first, then crunches them with a yield_now after each.

pub async fn inline(cpu: &Cpu) -> u128 {
    let job = JOB.clone();
    let total = cpu.crunch(job);
    total
}

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    let mut sum = 0;
    for half in [0..2_500_000, 2_500_000..5_000_000] {
        let cpu = cpu.clone();
        sum += tokio::task::spawn_blocking(move || cpu.crunch(half))
            .await
            .expect("the job panicked");
    }
    sum
}

pub async fn chopped(cpu: &Cpu) -> u128 {
    let pieces: Vec<Range<u64>> = (0..JOB.end / PIECE)
        .map(|i| JOB.start + i * PIECE..JOB.start + (i + 1) * PIECE)
        .collect();
    let mut sum = 0;
    for piece in pieces {
        sum += cpu.crunch(piece);
        tokio::task::yield_now().await;
    }
    sum
}
