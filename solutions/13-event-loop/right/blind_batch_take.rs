//! Right: Blind examination: each round takes the whole run queue at once
//! (mem::take into a local batch) and polls that batch; tasks woken meanwhile
//! wait for the next round. Finished tasks are dropped from the queue entries
//! by taking the future out (Option::take) before polling.

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
            let batch = std::mem::take(&mut *self.queue.lock().unwrap());
            if batch.is_empty() {
                return;
            }
            for task in batch {
                let taken = task.future.lock().unwrap().take();
                let Some(mut fut) = taken else { continue };
                let waker = Waker::from(Arc::clone(&task));
                match fut.as_mut().poll(&mut Context::from_waker(&waker)) {
                    Poll::Ready(()) => self.live.set(self.live.get() - 1),
                    Poll::Pending => *task.future.lock().unwrap() = Some(fut),
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
            if !signal.woken.load(Ordering::SeqCst) && self.queue.lock().unwrap().is_empty() {
                self.reactor.turn();
            }
        }
    }
}
