//! Wrong: here only, a limitation of the simulation, not of the design: step 2 on
//! a `std::thread::spawn` of its own, the result awaited through a tokio
//! `oneshot` (the intro's "a thread of your own and a oneshot"). Right in
//! production; but the paused clock cannot see a thread tokio did not
//! start, jumps to the deadline while every task waits, and the README says
//! so before step 2.
//! expect: the paused clock cannot see such a thread

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    let cpu = cpu.clone();
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let _ = tx.send(cpu.crunch(JOB));
    });
    rx.await.expect("the job panicked")
}
