//! Wrong: step 2 runs the job in tokio::spawn: a task is not a thread, it still blocks the runtime thread.
//! Real cause: tokio::spawn runs on the runtime thread; CPU work needs spawn_blocking
//! expect: a task is not a thread

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    let cpu = cpu.clone();
    tokio::spawn(async move { cpu.crunch(JOB) })
        .await
        .expect("the job panicked")
}
