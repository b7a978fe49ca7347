//! Wrong: step 3 sends each piece to spawn_blocking: the work leaves the runtime thread, where the step says it "must stay on the runtime thread".
//! Real cause: step 3 is the on-runtime cure (pieces + yield_now); the pool is step 2
//! expect: spawn_blocking is step 2's answer

pub async fn chopped(cpu: &Cpu) -> u128 {
    let mut sum = 0;
    for start in JOB.step_by(PIECE as usize) {
        let cpu = cpu.clone();
        sum += tokio::task::spawn_blocking(move || cpu.crunch(start..start + PIECE))
            .await
            .expect("a piece panicked");
    }
    sum
}
