//! Wrong: keeps every task on the run queue and polls them all once per
//! turn of the reactor, putting each back afterwards, done or not. Besides
//! polling tasks that were not woken, it polls a task whose future already
//! returned Ready: a future must never be polled after that (an `async`
//! block panics, a hand-written one may do anything). Drop a task's future
//! once it is done, and queue a task only when its waker is called.
//! expect: polled after it completed

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

    /// One round: every task on the queue is polled once and put back.
    fn run_ready(&self) {
        let round: Vec<Arc<Task>> = self.queue.lock().unwrap().drain(..).collect();
        for task in round {
            let mut slot = task.future.lock().unwrap();
            if let Some(future) = slot.as_mut() {
                let mut cx = Context::from_waker(Waker::noop());
                if future.as_mut().poll(&mut cx).is_ready() {
                    self.live.set(self.live.get() - 1);
                }
            }
            drop(slot);
            self.queue.lock().unwrap().push_back(task);
        }
    }
}
