//! Right: (by what it does, not by the idiom) each shard's totals are an
//! `Arc<std::sync::Mutex<HashMap>>` made in `start`, shared with the shard's thread, and read
//! by shutdown after joining it. Only the shard's thread touches it until then, so the answers
//! and the totals are the ones of an `Rc<RefCell<..>>` made on the thread: no test can tell
//! them apart, and the README gives the local state as advice, not a rule. What it pays: atomic
//! counts and a lock on every add that no other thread ever contends, and nothing but care
//! keeps other threads out, which is what a local `Rc` makes the compiler do.

pub struct Shards {
    states: Vec<Arc<Mutex<HashMap<u64, u64>>>>,
    senders: Vec<mpsc::UnboundedSender<(u64, u64, oneshot::Sender<Hit>)>>,
    threads: Vec<std::thread::JoinHandle<HashMap<u64, u64>>>,
}

impl Shards {
    pub fn start(n: usize) -> Shards {
        let mut senders = Vec::new();
        let mut threads = Vec::new();
        let mut states = Vec::new();
        for i in 0..n {
            let (tx, mut rx) = mpsc::unbounded_channel::<(u64, u64, oneshot::Sender<Hit>)>();
            senders.push(tx);
            // the state is made here and shared with the thread (an Rc cannot move)
            let totals: Arc<Mutex<HashMap<u64, u64>>> = Arc::default();
            states.push(totals.clone());
            let t = std::thread::Builder::new()
                .name(format!("shard-{i}"))
                .spawn(move || {
                    let rt = tokio::runtime::Builder::new_current_thread()
                        .build()
                        .unwrap();
                    let local = LocalSet::new();
                    let state = totals.clone();
                    local.spawn_local(async move {
                        while let Some((key, amount, reply)) = rx.recv().await {
                            let state = state.clone();
                            tokio::task::spawn_local(async move {
                                let total = {
                                    let mut t = state.lock().unwrap();
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
                    HashMap::new()
                })
                .unwrap();
            threads.push(t);
        }
        Shards {
            states,
            senders,
            threads,
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
        for t in self.threads {
            t.join().unwrap();
        }
        self.states
            .iter()
            .map(|s| s.lock().unwrap().clone())
            .collect()
    }
}
