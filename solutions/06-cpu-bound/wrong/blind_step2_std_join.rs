//! Wrong: step 2 crunches on a std thread, then join()s it: a blocking wait on the runtime thread.
//! Real cause: waiting for the result without awaiting (JoinHandle::join) holds the runtime thread
//! expect: the runtime thread waited for its result without awaiting

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    let cpu = cpu.clone();
    std::thread::spawn(move || cpu.crunch(JOB))
        .join()
        .expect("the job panicked")
}
