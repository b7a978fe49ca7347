//! Wrong: routes each add with a round-robin counter ("spread the load evenly") instead of
//! key % n. Real cause: a key must always go to the same shard, chosen by the key alone; a
//! counter gives a key's two adds two shards once the adds come in no order.
//! expect: a counter or the order of arrival picks another

pub struct Shards {
    senders: Vec<mpsc::UnboundedSender<(u64, u64, oneshot::Sender<Hit>)>>,
    threads: Vec<std::thread::JoinHandle<HashMap<u64, u64>>>,
    next: std::sync::atomic::AtomicUsize,
}

impl Shards {
    pub fn start(n: usize) -> Shards {
        let mut senders = Vec::new();
        let mut threads = Vec::new();
        for i in 0..n {
            let (tx, mut rx) = mpsc::unbounded_channel::<(u64, u64, oneshot::Sender<Hit>)>();
            senders.push(tx);
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
                    totals.take()
                })
                .unwrap();
            threads.push(t);
        }
        Shards {
            senders,
            threads,
            next: Default::default(),
        }
    }

    pub async fn add(&self, key: u64, amount: u64) -> Hit {
        // spread the load evenly over the shards
        let i = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % self.senders.len();
        let (tx, rx) = oneshot::channel();
        self.senders[i].send((key, amount, tx)).unwrap();
        rx.await.unwrap()
    }

    pub fn shutdown(self) -> Vec<HashMap<u64, u64>> {
        drop(self.senders);
        self.threads
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect()
    }
}
