//! Wrong: wraps the job in `block_in_place`, which tells a multi-thread
//! runtime to hand this worker's other tasks to another worker while this
//! one blocks. A current_thread runtime has no other worker: tokio panics.
//! expect: can call blocking only when running on the multi-threaded runtime

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    tokio::task::block_in_place(|| cpu.crunch(JOB))
}
