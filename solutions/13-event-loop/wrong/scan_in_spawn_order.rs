//! Wrong: no run queue: each task has a "woken" flag, and the loop scans
//! the tasks in the order they were spawned, polling those whose flag is
//! set. Only woken tasks are polled, but when several are woken by one
//! event they run in spawn order, not in the order they were woken: a task
//! spawned early can run before one that has waited longer, and every scan
//! costs a look at every task, ready or not. A FIFO queue is both fair and
//! cheap.
//! expect: in the order they were woken

pub struct Task {
    future: Mutex<Option<Pin<Box<dyn Future<Output = ()> + Send>>>>,
    woken: AtomicBool,
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        self.woken.store(true, Ordering::SeqCst);
    }
}

pub struct Executor {
    reactor: Reactor,
    tasks: Mutex<Vec<Arc<Task>>>,
}

impl Executor {
    pub fn new(reactor: &Reactor) -> Executor {
        Executor {
            reactor: reactor.clone(),
            tasks: Mutex::new(Vec::new()),
        }
    }

    pub fn spawn(&self, fut: impl Future<Output = ()> + Send + 'static) {
        self.tasks.lock().unwrap().push(Arc::new(Task {
            future: Mutex::new(Some(Box::pin(fut))),
            woken: AtomicBool::new(true),
        }));
    }

    pub fn run(&self) {
        loop {
            self.scan();
            let tasks = self.tasks.lock().unwrap().clone();
            if tasks.iter().all(|t| t.future.lock().unwrap().is_none()) {
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
        loop {
            if main_ready {
                if let Poll::Ready(output) = fut.as_mut().poll(&mut cx) {
                    return output;
                }
            }
            self.scan();
            self.reactor.turn();
            main_ready = signal.take();
        }
    }

    /// Polls every woken task, in the order they were spawned.
    fn scan(&self) {
        let tasks = self.tasks.lock().unwrap().clone();
        for task in tasks {
            if !task.woken.swap(false, Ordering::SeqCst) {
                continue;
            }
            let mut slot = task.future.lock().unwrap();
            if let Some(future) = slot.as_mut() {
                let waker = Waker::from(Arc::clone(&task));
                let mut cx = Context::from_waker(&waker);
                if future.as_mut().poll(&mut cx).is_ready() {
                    *slot = None;
                }
            }
        }
    }
}
