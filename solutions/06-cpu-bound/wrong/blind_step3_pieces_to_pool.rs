//! Wrong: step 3 sends each piece to spawn_blocking instead of keeping it on the runtime thread.
//! Real cause: the step is the cure for work that must stay on the runtime thread: chopping and yielding, not the pool
//! expect: (spawn_blocking is step 2's answer)

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
