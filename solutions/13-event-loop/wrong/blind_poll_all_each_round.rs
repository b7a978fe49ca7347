//! Wrong: Blind examination: step 2 keeps every live task in a list and polls
//! all of them after each turn (busy-polling); the waker only sets nothing.
//! Real cause: busy-polling: tasks must be polled only when their waker put
//! them on the run queue.
//! expect: busy-polling (polling every task each round)

pub fn block_on<F: Future>(reactor: &Reactor, fut: F) -> F::Output {
    let signal = Arc::new(Signal {
        woken: AtomicBool::new(false),
    });
    let waker = Waker::from(Arc::clone(&signal));
    let mut cx = Context::from_waker(&waker);
    let mut fut = std::pin::pin!(fut);
    loop {
        if let Poll::Ready(out) = fut.as_mut().poll(&mut cx) {
            return out;
        }
        while !signal.woken.swap(false, Ordering::SeqCst) {
            reactor.turn();
        }
    }
}

pub struct Signal {
    woken: AtomicBool,
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        // nothing: run() polls every live task after each turn anyway
        let _ = &self.queue;
    }
}

pub struct Executor {
    queue: Arc<Mutex<VecDeque<Arc<Task>>>>,
    reactor: Reactor,
    live: std::cell::Cell<usize>,
}

impl Executor {
    pub fn new(reactor: &Reactor) -> Executor {
        Executor {
            queue: Arc::default(),
            reactor: reactor.clone(),
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

    /// Polls every queued task once (and those woken meanwhile).
    fn run_ready(&self) {
        loop {
            let next = self.queue.lock().unwrap().pop_front();
            let Some(task) = next else { return };
            let waker = Waker::from(Arc::clone(&task));
            let mut cx = Context::from_waker(&waker);
            let mut slot = task.future.lock().unwrap();
            if let Some(fut) = slot.as_mut() {
                if fut.as_mut().poll(&mut cx).is_ready() {
                    *slot = None;
                    self.live.set(self.live.get() - 1);
                }
            }
        }
    }

    pub fn run(&self) {
        let mut all: Vec<Arc<Task>> = self.queue.lock().unwrap().drain(..).collect();
        loop {
            all.retain(|task| {
                let waker = Waker::from(Arc::clone(task));
                let mut cx = Context::from_waker(&waker);
                let mut slot = task.future.lock().unwrap();
                if let Some(fut) = slot.as_mut() {
                    if fut.as_mut().poll(&mut cx).is_ready() {
                        *slot = None;
                        self.live.set(self.live.get() - 1);
                        return false;
                    }
                }
                true
            });
            if all.is_empty() {
                return;
            }
            self.reactor.turn();
        }
    }

    pub fn block_on<F: Future>(&self, fut: F) -> F::Output {
        let signal = Arc::new(Signal {
            woken: AtomicBool::new(true),
        });
        let waker = Waker::from(Arc::clone(&signal));
        let mut cx = Context::from_waker(&waker);
        let mut fut = std::pin::pin!(fut);
        loop {
            if signal.woken.swap(false, Ordering::SeqCst) {
                if let Poll::Ready(out) = fut.as_mut().poll(&mut cx) {
                    return out;
                }
            }
            self.run_ready();
            if !signal.woken.load(Ordering::SeqCst) && self.queue.lock().unwrap().is_empty() {
                self.reactor.turn();
            }
        }
    }
}
