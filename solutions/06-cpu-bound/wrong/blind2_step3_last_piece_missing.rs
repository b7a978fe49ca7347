//! Wrong: step 3 stops one piece short (loop bound JOB.end - PIECE, exclusive): 4.5 M numbers, wrong sum, ends 50 ms early.
//! Real cause: off-by-one in the piece loop
//! expect: the pieces must add up to the whole job

pub async fn chopped(cpu: &Cpu) -> u128 {
    let mut sum = 0;
    let mut start = JOB.start;
    while start + PIECE < JOB.end {
        sum += cpu.crunch(start..start + PIECE);
        tokio::task::yield_now().await;
        start += PIECE;
    }
    sum
}
