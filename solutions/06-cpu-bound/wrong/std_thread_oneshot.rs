//! Wrong: only in this simulation. Crunches on a thread of its own
//! (`std::thread::spawn`) and awaits a tokio `oneshot` for the sum. On a
//! real runtime this answer is right (no GIL: a thread is enough for CPU
//! work in Rust): the heartbeat beats on while the thread computes. But
//! tokio's paused test clock cannot see a thread it did not start: with
//! every task waiting, it jumps ahead without it. `spawn_blocking` is the
//! better answer in production too: a pool of reused threads, not a new
//! thread per job.
//! expect: thread tokio does not know

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    let cpu = cpu.clone();
    let (send, receive) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let _ = send.send(cpu.crunch(JOB));
    });
    receive.await.expect("the job thread panicked")
}
