//! Wrong: puts `tokio::task::consume_budget().await` between pieces, as if
//! it were a yield. It yields only once the task's coop budget (128 units
//! a poll) is spent; ten pieces never spend it, so the pieces run back to
//! back and the heartbeat freezes. It is a cheap safety net for loops of
//! thousands of tiny steps, not a yield point for heavy ones.
//! expect: yield to the runtime with tokio::task::yield_now().await

pub async fn chopped(cpu: &Cpu) -> u128 {
    let mut sum = 0;
    for start in JOB.step_by(PIECE as usize) {
        sum += cpu.crunch(start..start + PIECE);
        tokio::task::consume_budget().await;
    }
    sum
}
