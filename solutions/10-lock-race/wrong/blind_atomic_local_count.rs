//! Wrong: Blind examination: "use an atomic": each increment does fetch_add on
//! an in-memory AtomicU64 and writes the result, skipping the read. The final
//! value is 10, but the remote counter is never read: the read-modify-write is
//! not serialised, and any other writer would be overwritten.
//! expect: Counting somewhere else (an atomic in memory)

pub struct Shared {
    counter: SlowCounter,
    local: std::sync::atomic::AtomicU64,
}

pub fn share(counter: SlowCounter) -> Shared {
    let start = counter.peek();
    Shared {
        counter,
        local: std::sync::atomic::AtomicU64::new(start),
    }
}

pub async fn increment_shared(shared: &Shared) {
    let next = shared
        .local
        .fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        + 1;
    shared.counter.write(next).await;
}
