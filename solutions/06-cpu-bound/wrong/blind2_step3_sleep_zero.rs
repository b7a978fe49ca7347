//! Wrong: step 3 "yields" with tokio::time::sleep(Duration::ZERO).await, the literal translation of the Python original's asyncio.sleep(0); in tokio a zero sleep is Ready at once and never yields.
//! Real cause: sleep(ZERO) is not a yield point (no Pending); use yield_now
//! expect: without a pending .await between them

pub async fn chopped(cpu: &Cpu) -> u128 {
    let mut sum = 0;
    for start in JOB.step_by(PIECE as usize) {
        sum += cpu.crunch(start..start + PIECE);
        tokio::time::sleep(std::time::Duration::ZERO).await;
    }
    sum
}
