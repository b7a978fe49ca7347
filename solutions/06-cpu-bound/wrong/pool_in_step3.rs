//! Wrong: answers step 3 with step 2's fix. The heartbeat is happy, but the
//! step is about the other cure, for work that must stay on the runtime
//! thread (it touches `!Send` state, or the pool is full): cut it into
//! pieces and yield between them.
//! expect: step 3 keeps the job on the runtime thread

pub async fn chopped(cpu: &Cpu) -> u128 {
    let cpu = cpu.clone();
    tokio::task::spawn_blocking(move || cpu.crunch(JOB))
        .await
        .expect("the job panicked")
}
