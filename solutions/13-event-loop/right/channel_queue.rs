//! Right: the run queue is a `std::sync::mpsc` channel. A task's waker
//! holds a `Sender` and sends the task; the loop drains the `Receiver` with
//! `try_recv` and parks on the reactor when it is empty. A channel is a
//! thread-safe FIFO queue, so wakes from any thread would work too.

pub struct Task {
    future: Mutex<Option<Pin<Box<dyn Future<Output = ()> + Send>>>>,
    sender: std::sync::mpsc::Sender<Arc<Task>>,
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        let sender = self.sender.clone();
        // The receiver lives as long as the executor; after that, nobody
        // runs the task anyway.
        let _ = sender.send(self);
    }
}

pub struct Executor {
    reactor: Reactor,
    sender: std::sync::mpsc::Sender<Arc<Task>>,
    ready: std::sync::mpsc::Receiver<Arc<Task>>,
    live: std::cell::Cell<usize>,
}

impl Executor {
    pub fn new(reactor: &Reactor) -> Executor {
        let (sender, ready) = std::sync::mpsc::channel();
        Executor {
            reactor: reactor.clone(),
            sender,
            ready,
            live: std::cell::Cell::new(0),
        }
    }

    pub fn spawn(&self, fut: impl Future<Output = ()> + Send + 'static) {
        self.live.set(self.live.get() + 1);
        let task = Arc::new(Task {
            future: Mutex::new(Some(Box::pin(fut))),
            sender: self.sender.clone(),
        });
        let _ = self.sender.send(task);
    }

    pub fn run(&self) {
        while {
            self.run_ready();
            self.live.get() > 0
        } {
            self.reactor.turn();
        }
    }

    pub fn block_on<F: Future>(&self, fut: F) -> F::Output {
        let mut fut = std::pin::pin!(fut);
        let signal = Arc::new(Signal::default());
        let waker = Waker::from(Arc::clone(&signal));
        let mut cx = Context::from_waker(&waker);
        if let Poll::Ready(output) = fut.as_mut().poll(&mut cx) {
            return output;
        }
        loop {
            // After this the channel is empty: the only thing left to do
            // is the main future, if it was woken, else wait for an event.
            self.run_ready();
            if !signal.take() {
                self.reactor.turn();
                if !signal.take() {
                    continue;
                }
            }
            if let Poll::Ready(output) = fut.as_mut().poll(&mut cx) {
                return output;
            }
        }
    }

    fn run_ready(&self) {
        while let Ok(task) = self.ready.try_recv() {
            let mut slot = task.future.lock().unwrap();
            let Some(future) = slot.as_mut() else {
                continue;
            };
            let waker = Waker::from(Arc::clone(&task));
            if future
                .as_mut()
                .poll(&mut Context::from_waker(&waker))
                .is_ready()
            {
                *slot = None;
                self.live.set(self.live.get() - 1);
            }
        }
    }
}
