//! Wrong: step 2 uses block_in_place: panics on current_thread.
//! Real cause: block_in_place needs the multi-thread runtime
//! expect: can call blocking only when running on the multi-threaded runtime

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    tokio::task::block_in_place(|| cpu.crunch(JOB))
}
