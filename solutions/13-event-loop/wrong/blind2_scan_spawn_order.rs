//! Wrong: Blind examination, second round: no run queue: each round scans every
//! live task in spawn order and polls the woken ones, so tasks run in spawn
//! order, not the order they were woken.
//! expect: in the order they were spawned: a scan over every task

pub fn block_on<F: Future>(reactor: &Reactor, fut: F) -> F::Output {
    let mut fut = std::pin::pin!(fut);
    let signal = Arc::new(Signal {
        woken: AtomicBool::new(false),
    });
    let waker = Waker::from(Arc::clone(&signal));
    let mut cx = Context::from_waker(&waker);
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

impl Wake for Signal {
    fn wake(self: Arc<Self>) {
        self.woken.store(true, Ordering::SeqCst);
    }
}

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
    tasks: Mutex<Vec<Arc<Task>>>,
    reactor: Reactor,
}

impl Executor {
    pub fn new(reactor: &Reactor) -> Executor {
        Executor {
            tasks: Mutex::new(Vec::new()),
            reactor: reactor.clone(),
        }
    }

    pub fn spawn(&self, fut: impl Future<Output = ()> + Send + 'static) {
        let task = Arc::new(Task {
            future: Mutex::new(Some(Box::pin(fut))),
            woken: AtomicBool::new(true),
        });
        self.tasks.lock().unwrap().push(task);
    }

    /// Polls every woken task, in spawn order, until none is woken.
    fn run_ready(&self) {
        loop {
            let tasks: Vec<Arc<Task>> = self.tasks.lock().unwrap().clone();
            let mut polled = false;
            for task in tasks {
                if !task.woken.swap(false, Ordering::SeqCst) {
                    continue;
                }
                polled = true;
                let waker = Waker::from(Arc::clone(&task));
                let mut cx = Context::from_waker(&waker);
                let mut slot = task.future.lock().unwrap();
                if let Some(fut) = slot.as_mut() {
                    if fut.as_mut().poll(&mut cx).is_ready() {
                        *slot = None;
                    }
                }
            }
            self.tasks
                .lock()
                .unwrap()
                .retain(|t| t.future.lock().unwrap().is_some());
            if !polled {
                return;
            }
        }
    }

    pub fn run(&self) {
        loop {
            self.run_ready();
            if self.tasks.lock().unwrap().is_empty() {
                return;
            }
            self.reactor.turn();
        }
    }

    pub fn block_on<F: Future>(&self, fut: F) -> F::Output {
        let mut fut = std::pin::pin!(fut);
        let signal = Arc::new(Signal {
            woken: AtomicBool::new(true),
        });
        let waker = Waker::from(Arc::clone(&signal));
        let mut cx = Context::from_waker(&waker);
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
