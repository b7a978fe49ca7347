//! Right: Blind examination: tasks live in a slab
//! (std::cell::RefCell<Vec<Option<future>>>) owned by the executor; a Task is
//! only an id plus the queue, and its waker pushes the id. Executor::block_on
//! checks main after every single task.

pub fn block_on<F: Future>(reactor: &Reactor, fut: F) -> F::Output {
    let signal = Arc::new(Signal {
        woken: AtomicBool::new(true),
    });
    let waker: Waker = signal.clone().into();
    let mut fut = std::pin::pin!(fut);
    loop {
        if signal.woken.swap(false, Ordering::AcqRel) {
            if let Poll::Ready(v) = fut.as_mut().poll(&mut Context::from_waker(&waker)) {
                return v;
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
    queue: Arc<Mutex<VecDeque<usize>>>,
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        self.queue.lock().unwrap().push_back(self.id);
    }
}

pub struct Executor {
    reactor: Reactor,
    queue: Arc<Mutex<VecDeque<usize>>>,
    slab: std::cell::RefCell<Vec<Option<Pin<Box<dyn Future<Output = ()> + Send>>>>>,
}

impl Executor {
    pub fn new(reactor: &Reactor) -> Executor {
        Executor {
            reactor: reactor.clone(),
            queue: Arc::default(),
            slab: std::cell::RefCell::new(Vec::new()),
        }
    }

    pub fn spawn(&self, fut: impl Future<Output = ()> + Send + 'static) {
        let mut slab = self.slab.borrow_mut();
        slab.push(Some(Box::pin(fut)));
        self.queue.lock().unwrap().push_back(slab.len() - 1);
    }

    fn alive(&self) -> bool {
        self.slab.borrow().iter().any(Option::is_some)
    }

    /// Polls the next ready task, if any.
    fn poll_one(&self) -> bool {
        let id = self.queue.lock().unwrap().pop_front();
        let Some(id) = id else { return false };
        let waker = Waker::from(Arc::new(Task {
            id,
            queue: Arc::clone(&self.queue),
        }));
        let mut fut = match self.slab.borrow_mut()[id].take() {
            Some(f) => f,
            None => return true,
        };
        if fut
            .as_mut()
            .poll(&mut Context::from_waker(&waker))
            .is_pending()
        {
            self.slab.borrow_mut()[id] = Some(fut);
        }
        true
    }

    pub fn run(&self) {
        loop {
            if self.poll_one() {
                continue;
            }
            if !self.alive() {
                break;
            }
            self.reactor.turn();
        }
    }

    pub fn block_on<F: Future>(&self, fut: F) -> F::Output {
        let signal = Arc::new(Signal {
            woken: AtomicBool::new(true),
        });
        let waker: Waker = signal.clone().into();
        let mut fut = std::pin::pin!(fut);
        loop {
            if signal.woken.swap(false, Ordering::AcqRel) {
                if let Poll::Ready(v) = fut.as_mut().poll(&mut Context::from_waker(&waker)) {
                    return v;
                }
                continue;
            }
            if !self.poll_one() {
                self.reactor.turn();
            }
        }
    }
}
