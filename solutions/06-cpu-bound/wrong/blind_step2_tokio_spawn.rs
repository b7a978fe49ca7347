//! Wrong: step 2 moves the crunch into tokio::spawn, believing a task is a thread.
//! Real cause: a spawned task runs on the runtime thread; the heartbeat is held just the same
//! expect: a task is not a thread

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    let cpu = cpu.clone();
    tokio::spawn(async move { cpu.crunch(JOB) })
        .await
        .expect("the job panicked")
}
