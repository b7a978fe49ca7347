//! Right: reaches the blocking pool through the runtime's `Handle`
//! (`Handle::current().spawn_blocking`, what `tokio::task::spawn_blocking`
//! calls), and in step 3 yields only *between* pieces, never after the
//! last one: the job answers as soon as its last piece is done.

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    let cpu = cpu.clone();
    tokio::runtime::Handle::current()
        .spawn_blocking(move || cpu.crunch(JOB))
        .await
        .expect("the job panicked")
}

pub async fn chopped(cpu: &Cpu) -> u128 {
    let pieces: Vec<std::ops::Range<u64>> = JOB
        .step_by(PIECE as usize)
        .map(|start| start..(start + PIECE).min(JOB.end))
        .collect();
    let mut sum = 0;
    for (i, piece) in pieces.into_iter().enumerate() {
        if i > 0 {
            tokio::task::yield_now().await;
        }
        sum += cpu.crunch(piece);
    }
    sum
}
