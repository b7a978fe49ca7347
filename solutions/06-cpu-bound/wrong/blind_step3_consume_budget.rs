//! Wrong: step 3 uses tokio::task::consume_budget().await as the yield point between pieces.
//! Real cause: consume_budget yields only once the coop budget is spent, which 10 pieces never do: no yield at all
//! expect: without a pending .await between them

pub async fn chopped(cpu: &Cpu) -> u128 {
    let mut sum = 0;
    for start in JOB.step_by(PIECE as usize) {
        sum += cpu.crunch(start..start + PIECE);
        tokio::task::consume_budget().await;
    }
    sum
}
