//! Wrong: step 3 yields between pieces of a million numbers (100 ms each) instead of PIECE.
//! Real cause: a piece as long as the beat period makes beats up to a whole period late; pieces must be PIECE (50 ms)
//! expect: each piece is at most PIECE numbers

pub async fn chopped(cpu: &Cpu) -> u128 {
    let mut sum = 0;
    for start in JOB.step_by(2 * PIECE as usize) {
        sum += cpu.crunch(start..start + 2 * PIECE);
        tokio::task::yield_now().await;
    }
    sum
}
