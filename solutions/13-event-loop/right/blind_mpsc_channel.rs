//! Right: Blind examination: the run queue is a std::sync::mpsc channel (wakers
//! send their Arc<Task>, the loop try_recv's), the Signal a Mutex<bool> taken
//! with mem::take; Executor::block_on runs the ready tasks before it first
//! polls main.

pub fn block_on<F: Future>(reactor: &Reactor, fut: F) -> F::Output {
    let signal = Arc::new(Signal {
        woken: Mutex::new(false),
    });
    let waker = Waker::from(Arc::clone(&signal));
    let mut cx = Context::from_waker(&waker);
    let mut fut = Box::pin(fut);
    loop {
        match fut.as_mut().poll(&mut cx) {
            Poll::Ready(out) => break out,
            Poll::Pending => loop {
                reactor.turn();
                if signal.take() {
                    break;
                }
            },
        }
    }
}

pub struct Signal {
    woken: Mutex<bool>,
}

impl Signal {
    fn take(&self) -> bool {
        std::mem::take(&mut *self.woken.lock().unwrap())
    }
}

impl Wake for Signal {
    fn wake(self: Arc<Self>) {
        *self.woken.lock().unwrap() = true;
    }
}

pub struct Task {
    future: Mutex<Option<Pin<Box<dyn Future<Output = ()> + Send>>>>,
    ready: std::sync::mpsc::Sender<Arc<Task>>,
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        let ready = self.ready.clone();
        let _ = ready.send(self);
    }
}

pub struct Executor {
    ready_tx: std::sync::mpsc::Sender<Arc<Task>>,
    ready_rx: std::sync::mpsc::Receiver<Arc<Task>>,
    reactor: Reactor,
    pending: std::cell::Cell<usize>,
}

impl Executor {
    pub fn new(reactor: &Reactor) -> Executor {
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        Executor {
            ready_tx,
            ready_rx,
            reactor: reactor.clone(),
            pending: std::cell::Cell::new(0),
        }
    }

    pub fn spawn(&self, fut: impl Future<Output = ()> + Send + 'static) {
        self.pending.set(self.pending.get() + 1);
        let task = Arc::new(Task {
            future: Mutex::new(Some(Box::pin(fut))),
            ready: self.ready_tx.clone(),
        });
        self.ready_tx.send(task).unwrap();
    }

    /// Polls one ready task; false when none is ready.
    fn step(&self) -> bool {
        let Ok(task) = self.ready_rx.try_recv() else {
            return false;
        };
        let waker = Waker::from(Arc::clone(&task));
        let mut cx = Context::from_waker(&waker);
        let mut guard = task.future.lock().unwrap();
        let done = match guard.as_mut() {
            Some(fut) => fut.as_mut().poll(&mut cx).is_ready(),
            None => false,
        };
        if done {
            *guard = None;
            self.pending.set(self.pending.get() - 1);
        }
        true
    }

    pub fn run(&self) {
        while self.pending.get() > 0 {
            if !self.step() {
                self.reactor.turn();
            }
        }
    }

    pub fn block_on<F: Future>(&self, fut: F) -> F::Output {
        let signal = Arc::new(Signal {
            woken: Mutex::new(true),
        });
        let waker = Waker::from(Arc::clone(&signal));
        let mut cx = Context::from_waker(&waker);
        let mut fut = Box::pin(fut);
        loop {
            while self.step() {}
            if signal.take() {
                if let Poll::Ready(out) = fut.as_mut().poll(&mut cx) {
                    return out;
                }
                continue;
            }
            self.reactor.turn();
        }
    }
}
