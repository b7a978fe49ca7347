//! Wrong: crunches on a thread of its own, then `join`s it. The thread is
//! right (no GIL: a thread is enough for CPU work in Rust), but `join` is a
//! blocking wait on the runtime thread: the heartbeat freezes as if the job
//! had run inline. Send the result back on a tokio `oneshot` and await it.
//! expect: the runtime thread waited for its result without awaiting

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    let cpu = cpu.clone();
    std::thread::spawn(move || cpu.crunch(JOB))
        .join()
        .expect("the job panicked")
}
