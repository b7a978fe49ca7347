//! Wrong: moves the job to the blocking pool, then waits for the sum with
//! a std channel's blocking `recv`. The work is off the runtime thread, but
//! the runtime thread now sits in `recv` until it is done, which holds it
//! just as surely: the heartbeat freezes for the whole job.
//! expect: the runtime thread waited for its result without awaiting

pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    let cpu = cpu.clone();
    let (send, receive) = std::sync::mpsc::channel();
    tokio::task::spawn_blocking(move || {
        let _ = send.send(cpu.crunch(JOB));
    });
    receive.recv().expect("the job panicked")
}
