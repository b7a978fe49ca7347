//! Wrong: step 2 uses tokio::task::block_in_place.
//! Real cause: block_in_place panics on the current_thread runtime (and would still block this task)
//! expect: can call blocking only when running on the multi-threaded runtime

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    tokio::task::block_in_place(|| cpu.crunch(JOB))
}
