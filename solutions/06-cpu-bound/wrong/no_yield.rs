//! Wrong: cuts the job into pieces but never yields between them. Pieces
//! without a pending `.await` between them are one long computation: the
//! runtime thread is held for all 500 ms and the heartbeat freezes.
//! expect: yield to the runtime with tokio::task::yield_now().await

pub async fn chopped(cpu: &Cpu) -> u128 {
    let mut sum = 0;
    for start in JOB.step_by(PIECE as usize) {
        sum += cpu.crunch(start..start + PIECE);
    }
    sum
}
