//! Wrong: step 2 runs half the job on the pool and, meanwhile, the other half right here on the runtime thread (to "use both cores"): the runtime is held 250 ms.
//! Real cause: any part of the CPU work on the runtime thread delays the heartbeat
//! expect: the job ran on the runtime thread

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    let pool_cpu = cpu.clone();
    let half = tokio::task::spawn_blocking(move || pool_cpu.crunch(2_500_000..5_000_000));
    let here = cpu.crunch(0..2_500_000);
    here + half.await.expect("the job panicked")
}
