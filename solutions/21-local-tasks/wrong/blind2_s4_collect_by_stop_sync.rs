//! Wrong: each shard thread sends its map on one shared std channel when it stops, and
//! shutdown collects the maps in the order they arrive (then joins): shard 0, held in its
//! last add, stops last, and its map lands in place 2. Real cause: the maps must come back
//! in shard order, each from its own thread (join thread 0, then 1, then 2).
//! expect: in the order the shards stopped

pub struct Shards {
    senders: Vec<mpsc::UnboundedSender<(u64, u64, oneshot::Sender<Hit>)>>,
    threads: Vec<std::thread::JoinHandle<()>>,
    done: Mutex<std::sync::mpsc::Receiver<HashMap<u64, u64>>>,
}

impl Shards {
    pub fn start(n: usize) -> Shards {
        let mut senders = Vec::new();
        let mut threads = Vec::new();
        let (done_tx, done) = std::sync::mpsc::channel();
        for i in 0..n {
            let (tx, mut rx) = mpsc::unbounded_channel::<(u64, u64, oneshot::Sender<Hit>)>();
            senders.push(tx);
            let done_tx = done_tx.clone();
            let t = std::thread::Builder::new()
                .name(format!("shard-{i}"))
                .spawn(move || {
                    let rt = tokio::runtime::Builder::new_current_thread()
                        .build()
                        .unwrap();
                    let totals: Rc<RefCell<HashMap<u64, u64>>> = Rc::default();
                    let local = LocalSet::new();
                    let state = totals.clone();
                    local.spawn_local(async move {
                        while let Some((key, amount, reply)) = rx.recv().await {
                            let state = state.clone();
                            tokio::task::spawn_local(async move {
                                let total = {
                                    let mut t = state.borrow_mut();
                                    let e = t.entry(key).or_insert(0);
                                    *e += amount;
                                    *e
                                };
                                let _ = reply.send(Hit {
                                    total,
                                    shard: i,
                                    place: Place::here(),
                                });
                            });
                        }
                    });
                    rt.block_on(local);
                    let _ = done_tx.send(totals.take());
                })
                .unwrap();
            threads.push(t);
        }
        Shards {
            senders,
            threads,
            done: Mutex::new(done),
        }
    }

    pub async fn add(&self, key: u64, amount: u64) -> Hit {
        let i = (key % self.senders.len() as u64) as usize;
        let (tx, rx) = oneshot::channel();
        self.senders[i].send((key, amount, tx)).unwrap();
        rx.await.unwrap()
    }

    pub fn shutdown(self) -> Vec<HashMap<u64, u64>> {
        drop(self.senders);
        let maps: Vec<_> = (0..self.threads.len())
            .map(|_| self.done.lock().unwrap().recv().unwrap())
            .collect();
        for t in self.threads {
            t.join().unwrap();
        }
        maps
    }
}
