//! Right: Blind examination, second round: a slab of futures with a queue of
//! ids, wakers de-duplicated by a queued flag, and Executor::block_on running
//! the queued tasks before polling main each round (the Closer hint polls main
//! first).

pub fn block_on<F: Future>(reactor: &Reactor, fut: F) -> F::Output {
    let mut fut = std::pin::pin!(fut);
    let signal = Arc::new(Signal {
        woken: AtomicBool::new(true),
    });
    let waker = Waker::from(signal.clone());
    let mut cx = Context::from_waker(&waker);
    loop {
        if signal.woken.swap(false, Ordering::AcqRel) {
            if let Poll::Ready(out) = fut.as_mut().poll(&mut cx) {
                return out;
            }
        } else {
            reactor.turn();
        }
    }
}

pub struct Signal {
    woken: AtomicBool,
}

impl Wake for Signal {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        self.woken.store(true, Ordering::Release);
    }
}

pub struct Task {
    id: usize,
    queued: AtomicBool,
    queue: Arc<Mutex<VecDeque<usize>>>,
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        if !self.queued.swap(true, Ordering::AcqRel) {
            self.queue.lock().unwrap().push_back(self.id);
        }
    }
}

pub struct Executor {
    slab: std::cell::RefCell<Vec<Option<(Pin<Box<dyn Future<Output = ()> + Send>>, Arc<Task>)>>>,
    queue: Arc<Mutex<VecDeque<usize>>>,
    reactor: Reactor,
}

impl Executor {
    pub fn new(reactor: &Reactor) -> Executor {
        Executor {
            slab: std::cell::RefCell::new(Vec::new()),
            queue: Arc::default(),
            reactor: reactor.clone(),
        }
    }

    pub fn spawn(&self, fut: impl Future<Output = ()> + Send + 'static) {
        let mut slab = self.slab.borrow_mut();
        let id = slab.len();
        let task = Arc::new(Task {
            id,
            queued: AtomicBool::new(true),
            queue: self.queue.clone(),
        });
        slab.push(Some((Box::pin(fut), task)));
        self.queue.lock().unwrap().push_back(id);
    }

    fn live(&self) -> bool {
        self.slab.borrow().iter().any(Option::is_some)
    }

    fn tick(&self) {
        loop {
            let Some(id) = self.queue.lock().unwrap().pop_front() else {
                return;
            };
            // Take the entry out of the slab so a spawn during the poll can borrow it.
            let entry = self.slab.borrow_mut()[id].take();
            let Some((mut fut, task)) = entry else {
                continue;
            };
            task.queued.store(false, Ordering::Release);
            let waker = Waker::from(task.clone());
            let mut cx = Context::from_waker(&waker);
            if fut.as_mut().poll(&mut cx).is_pending() {
                self.slab.borrow_mut()[id] = Some((fut, task));
            }
        }
    }

    pub fn run(&self) {
        loop {
            self.tick();
            if !self.live() {
                break;
            }
            self.reactor.turn();
        }
    }

    pub fn block_on<F: Future>(&self, fut: F) -> F::Output {
        let mut fut = std::pin::pin!(fut);
        let signal = Arc::new(Signal {
            woken: AtomicBool::new(true),
        });
        let waker = Waker::from(signal.clone());
        let mut cx = Context::from_waker(&waker);
        loop {
            self.tick();
            if signal.woken.swap(false, Ordering::AcqRel) {
                if let Poll::Ready(out) = fut.as_mut().poll(&mut cx) {
                    return out;
                }
                continue;
            }
            self.reactor.turn();
        }
    }
}
