//! Wrong: step 3 chops the job into 5 pieces of 1 M (100 ms each), ignoring PIECE: beats up to a whole period late.
//! Real cause: pieces must be PIECE (50 ms) so a beat waits at most one short piece
//! expect: each piece is at most PIECE numbers

pub async fn chopped(cpu: &Cpu) -> u128 {
    let mut sum = 0;
    for start in JOB.step_by(1_000_000) {
        sum += cpu.crunch(start..start + 1_000_000);
        tokio::task::yield_now().await;
    }
    sum
}
