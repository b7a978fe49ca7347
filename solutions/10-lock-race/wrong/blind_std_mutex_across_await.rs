//! Wrong: Blind examination: the counter in a std::sync::Mutex whose guard is
//! held across the read and write awaits (it compiles: the test joins the
//! increments in place; only clippy denies it). The second increment's
//! lock() blocks the only runtime thread for good.
//! expect: never came back to the scheduler

pub struct Shared {
    counter: std::sync::Mutex<SlowCounter>,
}

pub fn share(counter: SlowCounter) -> Shared {
    Shared {
        counter: std::sync::Mutex::new(counter),
    }
}

#[allow(clippy::await_holding_lock)]
pub async fn increment_shared(shared: &Shared) {
    let counter = shared.counter.lock().unwrap();
    let value = counter.read().await;
    counter.write(value + 1).await;
}
