//! Wrong: answers step 1 with step 2's fix. Right in production, but step 1
//! is the baseline: it shows the freeze that steps 2 and 3 cure.
//! expect: step 1 is the mistake, on purpose

pub async fn inline(cpu: &Cpu) -> u128 {
    let cpu = cpu.clone();
    tokio::task::spawn_blocking(move || cpu.crunch(JOB))
        .await
        .expect("the job panicked")
}
