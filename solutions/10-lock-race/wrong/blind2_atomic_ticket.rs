//! Wrong: Blind examination (round 2): an AtomicU64 in Shared hands each
//! increment its own next value (fetch_add), the counter still read and
//! written: the final value is right, but the read..write windows overlap:
//! nothing excludes.
//! expect: the lock must cover the whole read..write window

pub struct Shared {
    next: std::sync::atomic::AtomicU64,
    counter: SlowCounter,
}

pub fn share(counter: SlowCounter) -> Shared {
    Shared {
        next: std::sync::atomic::AtomicU64::new(counter.peek()),
        counter,
    }
}

pub async fn increment_shared(shared: &Shared) {
    let mine = shared
        .next
        .fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        + 1;
    let value = shared.counter.read().await;
    shared.counter.write(value.max(mine)).await;
}
