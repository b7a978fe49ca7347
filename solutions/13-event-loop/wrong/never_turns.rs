//! Wrong: round-robin without a reactor: a task that answers Pending goes
//! straight to the back of the run queue, to be polled again "in case it
//! is ready now". The queue is never empty, so the loop never parks on the
//! reactor; but only the reactor moves the clock and fires events, so no
//! timer ever ends and the loop spins for ever. On tokio that is a task
//! that never yields to the driver: no I/O, no timers, 100% CPU.
//! expect: the loop never turns the reactor

impl Executor {
    pub fn new(reactor: &Reactor) -> Executor {
        Executor {
            reactor: reactor.clone(),
            queue: Arc::default(),
            live: std::cell::Cell::new(0),
        }
    }

    pub fn spawn(&self, fut: impl Future<Output = ()> + Send + 'static) {
        let task = Arc::new(Task {
            future: Mutex::new(Some(Box::pin(fut))),
            queue: Arc::clone(&self.queue),
        });
        self.live.set(self.live.get() + 1);
        self.queue.lock().unwrap().push_back(task);
    }

    pub fn run(&self) {
        while self.live.get() > 0 {
            self.run_ready();
        }
    }

    pub fn block_on<F: Future>(&self, fut: F) -> F::Output {
        let mut fut = std::pin::pin!(fut);
        let mut cx = Context::from_waker(Waker::noop());
        loop {
            if let Poll::Ready(output) = fut.as_mut().poll(&mut cx) {
                return output;
            }
            self.run_ready();
        }
    }

    fn run_ready(&self) {
        loop {
            let next = self.queue.lock().unwrap().pop_front();
            let Some(task) = next else {
                return;
            };
            let mut slot = task.future.lock().unwrap();
            let Some(future) = slot.as_mut() else {
                continue;
            };
            let mut cx = Context::from_waker(Waker::noop());
            if future.as_mut().poll(&mut cx).is_ready() {
                *slot = None;
                self.live.set(self.live.get() - 1);
            } else {
                drop(slot);
                self.queue.lock().unwrap().push_back(task);
            }
        }
    }
}
