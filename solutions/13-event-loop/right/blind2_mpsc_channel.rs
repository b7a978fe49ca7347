//! Right: Blind examination, second round: an std mpsc channel as the run queue
//! (the waker sends its task), an AtomicUsize count of live tasks, and a
//! Mutex<bool> Signal.

pub fn block_on<F: Future>(reactor: &Reactor, fut: F) -> F::Output {
    let mut fut = Box::pin(fut);
    let signal = Arc::new(Signal {
        woken: Mutex::new(false),
    });
    let waker: Waker = Arc::clone(&signal).into();
    let mut cx = Context::from_waker(&waker);
    loop {
        match fut.as_mut().poll(&mut cx) {
            Poll::Ready(v) => break v,
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
        std::mem::replace(&mut *self.woken.lock().unwrap(), false)
    }
}

impl Wake for Signal {
    fn wake(self: Arc<Self>) {
        *self.woken.lock().unwrap() = true;
    }
}

pub struct Task {
    future: Mutex<Option<Pin<Box<dyn Future<Output = ()> + Send>>>>,
    sender: Mutex<std::sync::mpsc::Sender<Arc<Task>>>,
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        let tx = self.sender.lock().unwrap().clone();
        let _ = tx.send(self);
    }
}

pub struct Executor {
    sender: std::sync::mpsc::Sender<Arc<Task>>,
    ready: std::sync::mpsc::Receiver<Arc<Task>>,
    reactor: Reactor,
    live: Arc<std::sync::atomic::AtomicUsize>,
}

impl Executor {
    pub fn new(reactor: &Reactor) -> Executor {
        let (sender, ready) = std::sync::mpsc::channel();
        Executor {
            sender,
            ready,
            reactor: reactor.clone(),
            live: Arc::new(std::sync::atomic::AtomicUsize::new(0)),
        }
    }

    pub fn spawn(&self, fut: impl Future<Output = ()> + Send + 'static) {
        self.live.fetch_add(1, Ordering::SeqCst);
        let task = Arc::new(Task {
            future: Mutex::new(Some(Box::pin(fut))),
            sender: Mutex::new(self.sender.clone()),
        });
        self.sender.send(task).unwrap();
    }

    /// Polls queued tasks until none is ready.
    fn drain(&self) {
        while let Ok(task) = self.ready.try_recv() {
            let waker = Waker::from(Arc::clone(&task));
            let mut cx = Context::from_waker(&waker);
            let mut guard = task.future.lock().unwrap();
            let done = match guard.as_mut() {
                Some(f) => f.as_mut().poll(&mut cx).is_ready(),
                None => false,
            };
            if done {
                guard.take();
                self.live.fetch_sub(1, Ordering::SeqCst);
            }
        }
    }

    pub fn run(&self) {
        self.drain();
        while self.live.load(Ordering::SeqCst) > 0 {
            self.reactor.turn();
            self.drain();
        }
    }

    pub fn block_on<F: Future>(&self, fut: F) -> F::Output {
        let mut fut = Box::pin(fut);
        let signal = Arc::new(Signal {
            woken: Mutex::new(false),
        });
        let waker: Waker = Arc::clone(&signal).into();
        let mut cx = Context::from_waker(&waker);
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
        loop {
            self.drain();
            if signal.take() {
                if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
                    return v;
                }
                continue;
            }
            self.reactor.turn();
        }
    }
}
