//! Wrong: `spawn` runs the task to completion on the spot, with
//! `block_on`, and the loop has nothing left to do. Every task is right,
//! but they run one after the other: B starts only when A is done, so
//! nothing interleaves at an `.await`. Spawning queues a task; the loop
//! polls it, and while it waits, the others run.
//! expect: spawn queues a task and runs nothing

impl Executor {
    pub fn new(reactor: &Reactor) -> Executor {
        Executor {
            reactor: reactor.clone(),
            queue: Arc::default(),
            live: std::cell::Cell::new(0),
        }
    }

    pub fn spawn(&self, fut: impl Future<Output = ()> + Send + 'static) {
        block_on(&self.reactor, fut);
    }

    pub fn run(&self) {}

    pub fn block_on<F: Future>(&self, fut: F) -> F::Output {
        block_on(&self.reactor, fut)
    }
}
