//! Wrong: step 3 uses tokio::task::consume_budget().await between pieces, which yields only once the coop budget is spent (never here).
//! Real cause: consume_budget is not a yield point; yield_now is
//! expect: without a pending .await between them

pub async fn chopped(cpu: &Cpu) -> u128 {
    let mut sum = 0;
    for start in JOB.step_by(PIECE as usize) {
        sum += cpu.crunch(start..start + PIECE);
        tokio::task::consume_budget().await;
    }
    sum
}
