//! Right: the executor owns the futures, in a slab indexed by task id,
//! and a waker carries only the id and the queue of ready ids. A future is
//! taken out of its slot while it is polled (so a task could spawn or wake
//! others meanwhile) and put back if it is pending; its slot stays empty
//! once it is done. `block_on` is this executor with nothing spawned.

pub fn block_on<F: Future>(reactor: &Reactor, fut: F) -> F::Output {
    Executor::new(reactor).block_on(fut)
}

pub struct Task {
    id: usize,
    ready: Arc<Mutex<VecDeque<usize>>>,
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.ready.lock().unwrap().push_back(self.id);
    }
}

pub struct Executor {
    reactor: Reactor,
    ready: Arc<Mutex<VecDeque<usize>>>,
    #[allow(clippy::type_complexity)]
    slots: std::cell::RefCell<Vec<Option<Pin<Box<dyn Future<Output = ()> + Send>>>>>,
}

impl Executor {
    pub fn new(reactor: &Reactor) -> Executor {
        Executor {
            reactor: reactor.clone(),
            ready: Arc::default(),
            slots: std::cell::RefCell::new(Vec::new()),
        }
    }

    pub fn spawn(&self, fut: impl Future<Output = ()> + Send + 'static) {
        let mut slots = self.slots.borrow_mut();
        slots.push(Some(Box::pin(fut)));
        self.ready.lock().unwrap().push_back(slots.len() - 1);
    }

    pub fn run(&self) {
        loop {
            while self.poll_next() {}
            if self.slots.borrow().iter().all(Option::is_none) {
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
        let mut woken = true;
        loop {
            if woken {
                if let Poll::Ready(output) = fut.as_mut().poll(&mut cx) {
                    return output;
                }
            }
            while self.poll_next() {}
            woken = signal.take();
            while !woken && self.ready.lock().unwrap().is_empty() {
                self.reactor.turn();
                woken = signal.take();
            }
        }
    }

    /// Polls the task at the front of the ready queue; false if there is
    /// none.
    fn poll_next(&self) -> bool {
        let next = self.ready.lock().unwrap().pop_front();
        let Some(id) = next else {
            return false;
        };
        // Taken out of its slot: a task woken twice finds it empty.
        let taken = self.slots.borrow_mut()[id].take();
        if let Some(mut future) = taken {
            let waker = Waker::from(Arc::new(Task {
                id,
                ready: Arc::clone(&self.ready),
            }));
            if future
                .as_mut()
                .poll(&mut Context::from_waker(&waker))
                .is_pending()
            {
                self.slots.borrow_mut()[id] = Some(future);
            }
        }
        true
    }
}
