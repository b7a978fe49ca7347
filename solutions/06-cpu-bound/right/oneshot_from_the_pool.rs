//! Right: runs the job on the blocking pool, which sends the sum back
//! through a tokio `oneshot`, and awaits the receiver. This is the shape of
//! the rayon answer (`rayon::spawn` and a `oneshot` back), which a CPU-heavy
//! service would use: rayon's pool has one thread per core, sized for CPU
//! work, where tokio's blocking pool (up to 512 threads) is sized for
//! blocking I/O.

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    let cpu = cpu.clone();
    let (send, receive) = tokio::sync::oneshot::channel();
    tokio::task::spawn_blocking(move || {
        let _ = send.send(cpu.crunch(JOB));
    });
    receive.await.expect("the job panicked")
}
