//! Wrong: moves the job into `tokio::spawn`. A task is not a thread: on a
//! current_thread runtime it runs on the one runtime thread, and holds it
//! for 500 ms just the same (on a multi-thread runtime it would hold one
//! worker, and every task queued on that worker).
//! expect: a task is not a thread

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    let cpu = cpu.clone();
    tokio::spawn(async move { cpu.crunch(JOB) })
        .await
        .expect("the job panicked")
}
