//! Wrong: calls `yield_now()` between pieces but drops the future without
//! awaiting it. A future does nothing until it is polled: nothing yields,
//! and the pieces run back to back. (The compiler warns: futures are
//! `#[must_use]`.)
//! expect: yield to the runtime with tokio::task::yield_now().await

pub async fn chopped(cpu: &Cpu) -> u128 {
    let mut sum = 0;
    for start in JOB.step_by(PIECE as usize) {
        sum += cpu.crunch(start..start + PIECE);
        #[allow(unused_must_use)]
        {
            tokio::task::yield_now();
        }
    }
    sum
}
