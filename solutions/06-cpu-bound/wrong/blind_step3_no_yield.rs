//! Wrong: step 3 cuts the job into pieces but never yields between them.
//! Real cause: pieces without an .await that returns Pending are still one long poll: the runtime is held for 500 ms
//! expect: without a pending .await between them

pub async fn chopped(cpu: &Cpu) -> u128 {
    let mut sum = 0;
    for start in JOB.step_by(PIECE as usize) {
        sum += cpu.crunch(start..start + PIECE);
    }
    sum
}
