//! Wrong: step 3 uses tokio::time::sleep(Duration::ZERO).await as the yield, as Python asyncio.sleep(0).
//! Real cause: whether a zero sleep returns Pending at all (in tokio it may complete at once): a yield needs yield_now
//! expect: without a pending .await between them

pub async fn chopped(cpu: &Cpu) -> u128 {
    let mut sum = 0;
    for start in JOB.step_by(PIECE as usize) {
        sum += cpu.crunch(start..start + PIECE);
        tokio::time::sleep(std::time::Duration::ZERO).await;
    }
    sum
}
