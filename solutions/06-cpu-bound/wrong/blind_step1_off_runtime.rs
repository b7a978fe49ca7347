//! Wrong: step 1 (the mistake on purpose) already hands the job to spawn_blocking, so it does not hold the runtime.
//! Real cause: step 1 must crunch inline on the runtime thread, blocking the heartbeat
//! expect: step 1 is the mistake, on purpose

pub async fn inline(cpu: &Cpu) -> u128 {
    let cpu = cpu.clone();
    tokio::task::spawn_blocking(move || cpu.crunch(JOB))
        .await
        .expect("the job panicked")
}
