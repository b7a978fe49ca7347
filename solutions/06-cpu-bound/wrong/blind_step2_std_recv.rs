//! Wrong: step 2 uses spawn_blocking but gets the result over a std mpsc channel with a blocking recv().
//! Real cause: a blocking wait for the pool result holds the runtime thread as the crunch itself would
//! expect: the runtime thread waited for its result without awaiting

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    let cpu = cpu.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    tokio::task::spawn_blocking(move || {
        let _ = tx.send(cpu.crunch(JOB));
    });
    rx.recv().expect("the job panicked")
}
