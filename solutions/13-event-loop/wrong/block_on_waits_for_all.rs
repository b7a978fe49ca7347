//! Wrong: `Executor::block_on` keeps the loop going until every spawned
//! task is done, and only then returns the main future's output. The value
//! is right, 700 ms late: block_on waits for the main future only. tokio's
//! `Runtime::block_on` returns as soon as its future is ready and leaves the
//! other tasks where they are (Python's `asyncio.run` cancels them).
//! expect: while other tasks still wait

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
        let signal = Arc::new(Signal::default());
        let waker = Waker::from(Arc::clone(&signal));
        let mut cx = Context::from_waker(&waker);
        let mut main_ready = true;
        let mut output = None;
        loop {
            if main_ready && output.is_none() {
                if let Poll::Ready(out) = fut.as_mut().poll(&mut cx) {
                    output = Some(out);
                }
            }
            self.run_ready();
            if let (Some(_), 0) = (&output, self.live.get()) {
                return output.unwrap();
            }
            main_ready = signal.take();
            if !main_ready && self.queue.lock().unwrap().is_empty() {
                self.reactor.turn();
                main_ready = signal.take();
            }
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
            let waker = Waker::from(Arc::clone(&task));
            let mut cx = Context::from_waker(&waker);
            if future.as_mut().poll(&mut cx).is_ready() {
                *slot = None;
                self.live.set(self.live.get() - 1);
            }
        }
    }
}
