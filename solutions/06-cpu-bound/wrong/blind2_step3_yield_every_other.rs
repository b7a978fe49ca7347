//! Wrong: step 3 yields only after every second piece (100 ms between yields): beats come up to 100 ms late, not "at most one piece late".
//! Real cause: the piece between yields is 100 ms, twice PIECE; a beat can wait for two pieces
//! expect: at most one piece (50 ms) late

pub async fn chopped(cpu: &Cpu) -> u128 {
    let mut sum = 0;
    for (i, start) in JOB.step_by(PIECE as usize).enumerate() {
        sum += cpu.crunch(start..start + PIECE);
        if i % 2 == 1 {
            tokio::task::yield_now().await;
        }
    }
    sum
}
