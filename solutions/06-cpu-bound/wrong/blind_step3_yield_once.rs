//! Wrong: step 3 yields once, before the job, then crunches it in one call.
//! Real cause: one yield before a 500 ms crunch does not let anything run during it
//! expect: each a crunch call of its own with a yield between them

pub async fn chopped(cpu: &Cpu) -> u128 {
    tokio::task::yield_now().await;
    cpu.crunch(JOB)
}
