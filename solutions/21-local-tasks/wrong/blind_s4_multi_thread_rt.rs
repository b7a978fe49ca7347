//! Wrong: each shard thread runs a multi-thread runtime (1 worker) and block_on's the loop on
//! it. Real cause: a shard must run a current-thread runtime (flavor); a multi-thread one is
//! the wrong flavor.
//! expect: each shard runs one current-thread runtime

pub struct Shards {
    senders: Vec<mpsc::UnboundedSender<(u64, u64, oneshot::Sender<Hit>)>>,
    threads: Vec<std::thread::JoinHandle<HashMap<u64, u64>>>,
}

impl Shards {
    pub fn start(n: usize) -> Shards {
        let mut senders = Vec::new();
        let mut threads = Vec::new();
        for i in 0..n {
            let (tx, mut rx) = mpsc::unbounded_channel::<(u64, u64, oneshot::Sender<Hit>)>();
            senders.push(tx);
            let handle = std::thread::Builder::new()
                .name(format!("shard-{i}"))
                .spawn(move || {
                    // a runtime per shard: give it workers so a shard uses its core fully
                    let rt = tokio::runtime::Builder::new_multi_thread()
                        .worker_threads(1)
                        .enable_all()
                        .build()
                        .unwrap();
                    let totals: Rc<RefCell<HashMap<u64, u64>>> = Rc::default();
                    let state = totals.clone();
                    rt.block_on(async move {
                        while let Some((key, amount, reply)) = rx.recv().await {
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
                        }
                    });
                    totals.take()
                })
                .unwrap();
            threads.push(handle);
        }
        Shards { senders, threads }
    }

    pub async fn add(&self, key: u64, amount: u64) -> Hit {
        let i = (key % self.senders.len() as u64) as usize;
        let (tx, rx) = oneshot::channel();
        self.senders[i]
            .send((key, amount, tx))
            .expect("shard alive");
        rx.await.expect("shard answers")
    }

    pub fn shutdown(self) -> Vec<HashMap<u64, u64>> {
        drop(self.senders);
        self.threads
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect()
    }
}
