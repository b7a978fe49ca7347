//! Wrong: "fixes" step 2 by calling the job straight from the async fn, as
//! if being inside an `async fn` made it non-blocking. There is no pending
//! `.await` in a computation: it holds the runtime thread for 500 ms and the
//! heartbeat freezes.
//! expect: the job ran on the runtime thread

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    cpu.crunch(JOB)
}
