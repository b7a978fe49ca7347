//! Wrong: step 1 crunches 1..5_000_000 (skips 0, whose square is 0): same sum, but not the JOB, one number short (499.9999 ms).
//! Real cause: off-by-one range: the job is JOB = 0..5_000_000, pass it as it is
//! expect: use the constant JOB, not a range of your own

pub async fn inline(cpu: &Cpu) -> u128 {
    cpu.crunch(1..JOB.end)
}
