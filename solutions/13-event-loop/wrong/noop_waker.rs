//! Wrong: polls each task with a waker that does nothing
//! (`Waker::noop()`). The reactor fires the timer and calls the waker, but
//! nothing puts the task back on the run queue: the loop finds the queue
//! empty, parks on the reactor again, and the task waits for ever. On a
//! real runtime that is a hang; the reactor here names the lost wake-up.
//! expect: a lost wake-up

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
        loop {
            self.run_ready();
            if self.live.get() == 0 {
                return;
            }
            self.reactor.turn();
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
            self.reactor.turn();
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
            }
        }
    }
}
