//! Right: step 2 spawn_blocking sends through a tokio oneshot (awaited); step 3 yields BEFORE each piece (README: same timeline).

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    let cpu = cpu.clone();
    let (tx, rx) = tokio::sync::oneshot::channel();
    tokio::task::spawn_blocking(move || {
        let _ = tx.send(cpu.crunch(JOB));
    });
    rx.await.expect("the job panicked")
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
