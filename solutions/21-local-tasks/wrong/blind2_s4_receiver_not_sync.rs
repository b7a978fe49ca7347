//! Wrong: each shard thread sends its map on one shared std channel, whose Receiver sits bare
//! in Shards: Shards is then not Sync, and the private `shareable` in src/lib.rs fails to
//! compile beside the learner's code, naming the Receiver within Shards. Real cause: a
//! handle that tasks on any runtime share must be Send + Sync (wrap the Receiver in a Mutex,
//! or better, return each map from its thread's JoinHandle).
//! expect: cannot be shared between threads safely

pub struct Shards {
    senders: Vec<mpsc::UnboundedSender<(u64, u64, oneshot::Sender<Hit>)>>,
    threads: Vec<std::thread::JoinHandle<()>>,
    done: std::sync::mpsc::Receiver<HashMap<u64, u64>>,
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
            done,
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
            .map(|_| self.done.recv().unwrap())
            .collect();
        for t in self.threads {
            t.join().unwrap();
        }
        maps
    }
}
