//! Wrong: step 3 pieces are start..start+PIECE-1 (an inclusive-range habit): one number per piece is never crunched.
//! Real cause: the pieces must cover JOB exactly; the sum is wrong by the ten skipped squares
//! expect: the pieces must add up to the whole job

pub async fn chopped(cpu: &Cpu) -> u128 {
    let mut sum = 0;
    for start in JOB.step_by(PIECE as usize) {
        sum += cpu.crunch(start..start + PIECE - 1);
        tokio::task::yield_now().await;
    }
    sum
}
