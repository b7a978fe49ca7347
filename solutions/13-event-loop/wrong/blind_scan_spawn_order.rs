//! Wrong: Blind examination: step 2/3 keeps the tasks in a Vec in spawn order
//! with a `woken` flag each; the loop scans the Vec and polls the flagged ones,
//! so tasks woken 2, 1, 3 run 1, 2, 3. Real cause: polling woken tasks in spawn
//! order instead of wake order; a FIFO run queue gives wake order.
//! expect: in the order they were spawned: a scan over every task

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

pub struct Task {
    future: Mutex<Option<Pin<Box<dyn Future<Output = ()> + Send>>>>,
    queue: Arc<Mutex<VecDeque<Arc<Task>>>>,
    woken: AtomicBool,
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        self.woken.store(true, Ordering::SeqCst);
    }
}

pub struct Executor {
    queue: Arc<Mutex<VecDeque<Arc<Task>>>>,
    reactor: Reactor,
    live: std::cell::Cell<usize>,
    all: Mutex<Vec<Arc<Task>>>,
}

impl Executor {
    pub fn new(reactor: &Reactor) -> Executor {
        Executor {
            queue: Arc::default(),
            reactor: reactor.clone(),
            live: std::cell::Cell::new(0),
            all: Mutex::default(),
        }
    }

    pub fn spawn(&self, fut: impl Future<Output = ()> + Send + 'static) {
        let task = Arc::new(Task {
            future: Mutex::new(Some(Box::pin(fut))),
            queue: Arc::clone(&self.queue),
            woken: AtomicBool::new(true),
        });
        self.all.lock().unwrap().push(Arc::clone(&task));
        self.live.set(self.live.get() + 1);
        return;
        self.live.set(self.live.get() + 1);
        self.queue.lock().unwrap().push_back(task);
    }

    /// Polls every queued task once (and those woken meanwhile).
    fn run_ready(&self) {
        loop {
            let next = self
                .all
                .lock()
                .unwrap()
                .iter()
                .find(|t| t.woken.load(Ordering::SeqCst))
                .cloned();
            let Some(task) = next else { return };
            task.woken.store(false, Ordering::SeqCst);
            let waker = Waker::from(Arc::clone(&task));
            let mut cx = Context::from_waker(&waker);
            let mut slot = task.future.lock().unwrap();
            if let Some(fut) = slot.as_mut() {
                if fut.as_mut().poll(&mut cx).is_ready() {
                    *slot = None;
                    self.live.set(self.live.get() - 1);
                    drop(slot);
                    self.all.lock().unwrap().retain(|t| !Arc::ptr_eq(t, &task));
                }
            }
        }
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
            if !signal.woken.load(Ordering::SeqCst) {
                self.reactor.turn();
            }
        }
    }
}
