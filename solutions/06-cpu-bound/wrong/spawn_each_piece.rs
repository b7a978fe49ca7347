//! Wrong: spawns every piece as a task of its own and joins them, hoping
//! the heartbeat gets a turn between tasks. All ten are queued at once, so
//! the heartbeat, woken after the first piece, waits behind the other nine:
//! spawning is not yielding, and a task is not a thread.
//! expect: yield to the runtime with tokio::task::yield_now().await

pub async fn chopped(cpu: &Cpu) -> u128 {
    let pieces: Vec<_> = JOB
        .step_by(PIECE as usize)
        .map(|start| {
            let cpu = cpu.clone();
            tokio::spawn(async move { cpu.crunch(start..start + PIECE) })
        })
        .collect();
    let mut sum = 0;
    for piece in pieces {
        sum += piece.await.expect("a piece panicked");
    }
    sum
}
