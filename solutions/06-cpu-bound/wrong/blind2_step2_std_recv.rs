//! Wrong: step 2 crunches on the blocking pool but waits for the result with a std mpsc recv(): the runtime thread is held anyway.
//! Real cause: a blocking wait for pool work holds the runtime thread; await instead
//! expect: the runtime thread waited for its result without awaiting

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    let cpu = cpu.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    let _h = tokio::task::spawn_blocking(move || {
        let _ = tx.send(cpu.crunch(JOB));
    });
    rx.recv().expect("the job panicked")
}
