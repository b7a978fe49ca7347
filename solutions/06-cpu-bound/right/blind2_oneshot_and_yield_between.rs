//! Right: step 2 sends the result back over a tokio oneshot from spawn_blocking (the rayon shape), detaching the handle but awaiting the receiver; step 3 yields only BETWEEN pieces (not after the last).

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
    for (i, start) in JOB.step_by(PIECE as usize).enumerate() {
        if i > 0 {
            tokio::task::yield_now().await;
        }
        sum += cpu.crunch(start..start + PIECE);
    }
    sum
}
